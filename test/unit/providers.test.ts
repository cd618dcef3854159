// Issue #15 item 3: a model's providers. The endpoints schema (bad rows dropped and counted per reason), the path
// an id names (the id grammar: aliases, variants, dated slugs, case, presets, routers, bad ids), the per-provider
// view (cheapest on the mix, fastest by throughput, ties and missing stats), the cache (TTL, Retry-After, the
// hourly budget) and the client against the fake server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEndpointsResponse, type ParsedEndpoints } from '../../src/core/openrouter/endpointsSchema';
import { endpointPathFor, type EndpointCatalog } from '../../src/core/providers/endpointPath';
import { buildProvidersView, markBest } from '../../src/core/providers/view';
import { createProvidersCache, PROVIDERS_ERROR_TTL_MS, PROVIDERS_MAX_REQUESTS_PER_HOUR, PROVIDERS_TTL_MS } from '../../src/core/providers/cache';
import { createProvidersService } from '../../src/core/providers/service';
import { createOpenRouterClient } from '../../src/core/openrouter/client';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import { DEFAULT_MIX } from '../../src/core/market/compare';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import type { TokenMix } from '../../src/shared/types';
import { fixtureCatalog } from './refsFixtureCatalog';
import { buildEndpointRow, buildEndpointsResponse, type EndpointRowOptions } from '../fake-openrouter/builders';
import { INFERENCE_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';

const MODEL: ApiModel = {
  id: 'acme/coder-2',
  canonical_slug: 'acme/coder-2-20260701',
  name: 'Acme: Coder 2',
  created: 1_780_000_000,
  context_length: 262_144,
  // $1 / $4 per 1M, cache reads $0.10.
  pricing: { prompt: '0.000001', completion: '0.000004', input_cache_read: '0.0000001' },
  top_provider: { context_length: 262_144, max_completion_tokens: 32_768, is_moderated: false },
};

function parsed(rows: readonly EndpointRowOptions[], model: ApiModel = MODEL): ParsedEndpoints {
  const r = parseEndpointsResponse(buildEndpointsResponse(model, rows));
  if (!r.ok) throw new Error(`${r.path}: ${r.message}`);
  return r.value;
}

function view(rows: readonly EndpointRowOptions[], mix: TokenMix = DEFAULT_MIX) {
  return buildProvidersView({ modelId: MODEL.id, endpointModel: MODEL.id, parsed: parsed(rows), model: null, mix, fetchedAt: 0, now: Date.parse('2026-07-29T12:00:00Z') });
}

// ---------------------------------------------------------------------------------------------------------

describe('endpoints schema', () => {
  const good = (provider: string): unknown => buildEndpointRow(MODEL, { provider, latencyMs: 400, throughput: 80 });

  it('reads every documented field of a good row', () => {
    const r = parseEndpointsResponse({ data: { id: 'acme/coder-2', name: 'Acme: Coder 2', endpoints: [good('DeepInfra')] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ id: 'acme/coder-2', name: 'Acme: Coder 2', dropped: 0, dropReasons: [], firstDropPath: null });
    expect(r.value.endpoints[0]).toMatchObject({ provider_name: 'DeepInfra', pricing: { prompt: '0.000001', completion: '0.000004' }, latency_last_30m: { p50: 400 }, throughput_last_30m: { p50: 80 } });
  });

  it('drops bad rows and counts them per reason; the good rows survive', () => {
    const noProvider = { ...(good('X') as object), provider_name: undefined };
    const blankProvider = { ...(good('X') as object), provider_name: '\u001b[31m' };
    const badPrice = { ...(good('Y') as object), pricing: { prompt: '1.2.3', completion: '0.1' } };
    const missingPrice = { ...(good('Z') as object), pricing: { prompt: '0.1' } };
    const r = parseEndpointsResponse({ data: { endpoints: [good('A'), noProvider, 'row', null, badPrice, blankProvider, missingPrice, good('B'), { ...(good('C') as object), name: 42 }] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.endpoints.map((e) => e.provider_name)).toEqual(['A', 'B', 'C']);
    expect(r.value.dropReasons).toEqual([
      { reason: 'notAnObject', count: 2 },
      { reason: 'noProvider', count: 2 },
      { reason: 'badPricing', count: 2 },
    ]);
    expect(r.value.dropped).toBe(6);
    expect(r.value.firstDropPath).toBe('data.endpoints[1].provider_name');
  });

  it('a mistyped or out-of-range statistic reads as unknown, never 0, and keeps the row', () => {
    const row = { ...(good('A') as object), uptime_last_30m: 140, latency_last_30m: { p50: 'fast' }, throughput_last_30m: 'n/a', context_length: -5, quantization: 7, status: 'up' };
    const r = parseEndpointsResponse({ data: { endpoints: [row] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = r.value.endpoints[0]!;
    expect(e.uptime_last_30m).toBeUndefined();
    expect(e.latency_last_30m?.p50).toBeUndefined();
    expect(e.throughput_last_30m).toBeUndefined();
    expect(e.context_length).toBeUndefined();
    expect(e.quantization).toBeUndefined();
    expect(e.status).toBeUndefined();
  });

  it('refuses a drifted envelope, and rows that are all unreadable, instead of showing "no providers"', () => {
    expect(parseEndpointsResponse({ data: { providers: [] } })).toMatchObject({ ok: false, path: 'data.endpoints' });
    expect(parseEndpointsResponse({ endpoints: [] })).toMatchObject({ ok: false, path: 'data' });
    expect(parseEndpointsResponse({ data: { endpoints: [{ provider_name: 'A' }, { provider_name: 'B' }] } })).toMatchObject({ ok: false, path: 'data.endpoints[0].pricing' });
    // An empty list is an answer: the model has no providers right now.
    expect(parseEndpointsResponse({ data: { endpoints: [] } })).toMatchObject({ ok: true, value: { endpoints: [], dropped: 0 } });
  });

  it('sanitises provider names and tags (escapes, keys) where they enter', () => {
    const row = { ...(good('A') as object), provider_name: 'Evil\u001b]8;;http://x\u0007 sk-or-v1-0123456789abcdef0123456789abcdef', tag: 'x'.repeat(100) };
    const r = parseEndpointsResponse({ data: { endpoints: [row] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.endpoints[0]!.provider_name.includes('\u001b')).toBe(false);
    expect(r.value.endpoints[0]!.provider_name).not.toContain('sk-or-v1-0123');
    expect(r.value.endpoints[0]!.tag!.length).toBeLessThanOrEqual(40);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('the endpoints path an id names (id grammar)', () => {
  const catalog = fixtureCatalog();
  const path = (raw: string, c: EndpointCatalog | null = catalog): string => {
    const p = endpointPathFor(raw, c);
    return p.ok ? p.path : `error:${p.error}`;
  };

  it('a plain catalog id', () => {
    expect(path('deepseek/deepseek-v4-flash')).toBe('models/deepseek/deepseek-v4-flash/endpoints');
  });

  it('variants share the base model’s providers: static (:free, :thinking, :batch) and routing (:nitro, :floor, :exacto)', () => {
    expect(path('openai/gpt-oss-20b:free')).toBe('models/openai/gpt-oss-20b/endpoints');
    expect(path('google/gemini-3.6-flash:batch')).toBe('models/google/gemini-3.6-flash/endpoints');
    for (const v of ['nitro', 'floor', 'exacto']) expect(path(`deepseek/deepseek-v4-pro:${v}`)).toBe('models/deepseek/deepseek-v4-pro/endpoints');
    // Not in the catalog: the grammar alone still strips a well-formed variant.
    expect(path('acme/new-model:thinking', null)).toBe('models/acme/new-model/endpoints');
  });

  it('a dated permaslug resolves to its routable id through the catalog', () => {
    expect(path('deepseek/deepseek-v4-flash-20260423')).toBe('models/deepseek/deepseek-v4-flash/endpoints');
    expect(path('poolside/laguna-s-2.1-20260720')).toBe('models/poolside/laguna-s-2.1/endpoints');
  });

  it('upper case and the LiteLLM prefix name the same model', () => {
    expect(path('DeepSeek/DeepSeek-V4-Flash')).toBe('models/deepseek/deepseek-v4-flash/endpoints');
    expect(path('openrouter/deepseek/deepseek-v4-flash:free')).toBe('models/deepseek/deepseek-v4-flash/endpoints');
    expect(path('  Acme/Thing  ', null)).toBe('models/acme/thing/endpoints');
  });

  it('"~author/family-latest" resolves through the catalog: alias_target first, else the newest of the family', () => {
    const sonnet = path('~anthropic/claude-sonnet-latest');
    expect(sonnet).toBe('models/anthropic/claude-sonnet-5/endpoints');
    // The same alias without its "~", and with a variant.
    expect(path('anthropic/claude-sonnet-latest:nitro')).toBe(sonnet);
    const withTarget = createCatalogIndex(
      buildCatalog([
        { id: '~acme/coder-latest', name: 'Acme latest', pricing: { prompt: '0.000001', completion: '0.000004' }, alias_target: { slug: 'acme/coder-1' } },
        { id: 'acme/coder-1', name: 'Coder 1', created: 1, pricing: { prompt: '0.000001', completion: '0.000004' } },
        { id: 'acme/coder-2', name: 'Coder 2', created: 2, pricing: { prompt: '0.000001', completion: '0.000004' } },
      ]),
    );
    // The listed target wins over "newest".
    expect(path('~acme/coder-latest', withTarget)).toBe('models/acme/coder-1/endpoints');
  });

  it('an alias the catalog cannot resolve is refused, not guessed', () => {
    expect(path('~nobody/thing-latest')).toBe('error:unresolvedAlias');
    expect(path('~acme/coder-latest', null)).toBe('error:unresolvedAlias');
    const lonely = createCatalogIndex(buildCatalog([{ id: '~acme/solo-latest', name: 'Solo', pricing: { prompt: '0.000001', completion: '0.000004' } }]));
    expect(path('~acme/solo-latest', lonely)).toBe('error:unresolvedAlias');
  });

  it('presets: "@preset/x" names no model; "model@preset/x" names its model', () => {
    expect(path('@preset/coding')).toBe('error:preset');
    expect(path('deepseek/deepseek-v4-flash@preset/coding')).toBe('models/deepseek/deepseek-v4-flash/endpoints');
    expect(path('deepseek/deepseek-v4-flash@evil/../../key')).toBe('error:malformed');
  });

  it('router pseudo-models have no providers of their own', () => {
    expect(path('openrouter/auto')).toBe('error:router');
    expect(path('openrouter/some-new-router', null)).toBe('error:router');
  });

  it('refuses what cannot be a path: empty, one segment, three segments, traversal, odd characters, broken variants', () => {
    for (const bad of ['', '   ', 'deepseek', 'a/b/c', '../x', 'a/..', 'a/.b', '/b', 'a/', 'a b/c', 'a/b?x=1', 'a/b#f', 'a/b%2f', 'a/b:', 'a/b:c:d', 'a/b:Free!', 'ä/b', `a/${'x'.repeat(300)}`]) {
      const p = endpointPathFor(bad, null);
      expect(p.ok, bad).toBe(false);
      if (!p.ok) expect(['empty', 'malformed']).toContain(p.error);
    }
    expect(endpointPathFor('', catalog)).toEqual({ ok: false, error: 'empty' });
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('per-provider view: cheapest on the mix, fastest by throughput', () => {
  it('marks the cheapest on the default mix and the fastest by median throughput; missing figures stay null', () => {
    const v = view([
      { provider: 'Steady', priceFactor: 1, latencyMs: 600, throughput: 60, uptime30m: 99.5 },
      { provider: 'Cheap', priceFactor: 0.5, latencyMs: 900, throughput: 40, uptime30m: 97 },
      { provider: 'Quick', priceFactor: 1.5, latencyMs: 200, throughput: 180, uptime30m: 99.9 },
      { provider: 'Quiet', priceFactor: 0.8, latencyMs: null, throughput: null, uptime30m: null },
    ]);
    expect(v.providers.map((p) => p.provider)).toEqual(['Cheap', 'Quiet', 'Steady', 'Quick']);
    expect(v.providers.filter((p) => p.cheapest).map((p) => p.provider)).toEqual(['Cheap']);
    expect(v.providers.filter((p) => p.fastest).map((p) => p.provider)).toEqual(['Quick']);
    expect(v).toMatchObject({ cheapest: 'marked', fastest: 'marked', mix: { source: 'default' } });
    const quiet = v.providers.find((p) => p.provider === 'Quiet')!;
    expect(quiet).toMatchObject({ latencyP50Ms: null, throughputP50: null, uptime30m: null });
    const cheap = v.providers.find((p) => p.provider === 'Cheap')!;
    // $0.50 / $2 per 1M; 750K input + 250K output = 0.375 + 0.5.
    expect(cheap).toMatchObject({ input: 0.5, output: 2, mixCost: 0.875, uptime30m: 0.97, latencyP50Ms: 900, throughputP50: 40, contextLength: 262_144, maxOutput: 32_768 });
  });

  it('the user’s real mix decides the cheapest: an output-heavy workload picks another provider than the default mix', () => {
    const rows: EndpointRowOptions[] = [{ provider: 'InputCheap', throughput: 50 }, { provider: 'OutputCheap', throughput: 50 }];
    const r = parsed(rows);
    // InputCheap: $0.20 in / $6 out; OutputCheap: $2 in / $1 out.
    r.endpoints[0]!.pricing = { prompt: '0.0000002', completion: '0.000006' };
    r.endpoints[1]!.pricing = { prompt: '0.000002', completion: '0.000001' };
    const build = (mix: TokenMix) => buildProvidersView({ modelId: MODEL.id, endpointModel: MODEL.id, parsed: r, model: null, mix, fetchedAt: 0 });
    // Default mix (750K in : 250K out): InputCheap 0.15 + 1.5 = $1.65, OutputCheap 1.5 + 0.25 = $1.75.
    const byDefault = build(DEFAULT_MIX);
    expect(byDefault.providers.find((p) => p.cheapest)?.provider).toBe('InputCheap');
    expect(byDefault.providers.map((p) => p.mixCost)).toEqual([1.65, 1.75]);
    const mine: TokenMix = { input: 100_000, output: 900_000, cacheRead: 0, requests: 50, source: 'history', history: { model: MODEL.id, days: 30, source: 'analytics', spend: 5, cacheReadsReported: true } };
    const outputHeavy = build(mine);
    expect(outputHeavy.providers.find((p) => p.cheapest)?.provider).toBe('OutputCheap');
    const promptHeavy: TokenMix = { ...mine, input: 990_000, output: 10_000 };
    expect(build(promptHeavy).providers.find((p) => p.cheapest)?.provider).toBe('InputCheap');
    expect(build(promptHeavy).mix.source).toBe('history');
  });

  it('cache reads are priced at each provider’s own cache price', () => {
    const r = parsed([{ provider: 'Caches', throughput: 50 }, { provider: 'NoCache', throughput: 50 }]);
    r.endpoints[0]!.pricing = { prompt: '0.000001', completion: '0.000001', input_cache_read: '0.0000001' };
    r.endpoints[1]!.pricing = { prompt: '0.0000008', completion: '0.000001' };
    const mix: TokenMix = { input: 100_000, output: 100_000, cacheRead: 800_000, source: 'custom' };
    const v = buildProvidersView({ modelId: MODEL.id, endpointModel: MODEL.id, parsed: r, model: null, mix, fetchedAt: 0 });
    // Caches: 0.1 + 0.1 + 0.08 = 0.28; NoCache: 0.08 + 0.1 + 0.64 = 0.82.
    expect(v.providers.map((p) => [p.provider, p.mixCost])).toEqual([['Caches', 0.28], ['NoCache', 0.82]]);
  });

  it('OpenRouter’s discount is applied to the prices shown and priced', () => {
    const v = view([{ provider: 'Discounted', discount: 0.25, throughput: 10 }, { provider: 'Full', throughput: 20 }]);
    const d = v.providers.find((p) => p.provider === 'Discounted')!;
    expect(d).toMatchObject({ input: 0.75, output: 3, discount: 0.25, cheapest: true });
  });

  it('ties: every provider at the best figure is marked; when all tie, none is, and the view says so', () => {
    const two = view([{ provider: 'A', priceFactor: 0.5, throughput: 90 }, { provider: 'B', priceFactor: 0.5, throughput: 90 }, { provider: 'C', throughput: 30 }]);
    expect(two.providers.filter((p) => p.cheapest).map((p) => p.provider).sort()).toEqual(['A', 'B']);
    expect(two.providers.filter((p) => p.fastest).map((p) => p.provider).sort()).toEqual(['A', 'B']);
    const all = view([{ provider: 'A', throughput: 50 }, { provider: 'B', throughput: 50 }]);
    expect(all).toMatchObject({ cheapest: 'tie', fastest: 'tie' });
    expect(all.providers.some((p) => p.cheapest || p.fastest)).toBe(false);
  });

  it('missing throughput everywhere (unauthenticated answer): no fastest, said as missing; one provider: nothing to compare', () => {
    const none = view([{ provider: 'A', throughput: null, latencyMs: null }, { provider: 'B', priceFactor: 2, throughput: null, latencyMs: null }]);
    expect(none).toMatchObject({ fastest: 'missing', cheapest: 'marked' });
    const one = view([{ provider: 'Only', throughput: 70 }]);
    expect(one).toMatchObject({ fastest: 'single', cheapest: 'single' });
    expect(one.providers[0]).toMatchObject({ cheapest: false, fastest: false });
    // A zero throughput is no measurement: it neither wins nor reads as a figure.
    const zero = view([{ provider: 'Zero', throughput: 0 }, { provider: 'Some', throughput: 5 }]);
    expect(zero.providers.find((p) => p.provider === 'Zero')?.throughputP50).toBeNull();
    expect(zero.fastest).toBe('single');
  });

  it('a variable ("-1") price is unpriced: no figure, never the cheapest, listed last', () => {
    const r = parsed([{ provider: 'Router', throughput: 10 }, { provider: 'Fixed', priceFactor: 3, throughput: 10 }, { provider: 'Fixed2', priceFactor: 4, throughput: 10 }]);
    r.endpoints[0]!.pricing = { prompt: '-1', completion: '-1' };
    const v = buildProvidersView({ modelId: MODEL.id, endpointModel: MODEL.id, parsed: r, model: null, mix: DEFAULT_MIX, fetchedAt: 0 });
    expect(v.providers.map((p) => p.provider)).toEqual(['Fixed', 'Fixed2', 'Router']);
    expect(v.providers[2]).toMatchObject({ input: null, output: null, mixCost: null, cheapest: false });
    expect(v.providers[0]!.cheapest).toBe(true);
  });

  it('markBest: lower or higher wins; null and NaN are never candidates', () => {
    const rows = [1, null, 3, Number.NaN, 1];
    expect([...markBest(rows, (x) => x, true).winners]).toEqual([1]);
    expect(markBest(rows, (x) => x, true).mark).toBe('marked');
    expect([...markBest(rows, (x) => x, false).winners]).toEqual([3]);
    expect(markBest([null, null], (x) => x, true)).toMatchObject({ mark: 'missing' });
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('cache: TTL, Retry-After and the hourly budget', () => {
  const model = { author: 'acme', slug: 'coder-2' };
  function harness(answer: () => Promise<ParsedEndpoints>) {
    let now = 1_000_000;
    let calls = 0;
    const cache = createProvidersCache({
      fetch: () => {
        calls++;
        return answer();
      },
      now: () => now,
    });
    return { cache, calls: () => calls, advance: (ms: number) => (now += ms), now: () => now };
  }
  const ok = (): Promise<ParsedEndpoints> => Promise.resolve(parsed([{ provider: 'A', throughput: 1 }]));

  it('one request per model per 15 minutes; a refresh asks again', async () => {
    const h = harness(ok);
    expect((await h.cache.get(model)).ok).toBe(true);
    h.advance(PROVIDERS_TTL_MS - 1);
    await h.cache.get(model);
    expect(h.calls()).toBe(1);
    h.advance(1);
    await h.cache.get(model);
    expect(h.calls()).toBe(2);
    await h.cache.get(model, { refresh: true });
    expect(h.calls()).toBe(3);
    // Another model is its own entry.
    await h.cache.get({ author: 'acme', slug: 'other' });
    expect(h.calls()).toBe(4);
  });

  it('one request in flight per model', async () => {
    const h = harness(ok);
    const [a, b] = await Promise.all([h.cache.get(model), h.cache.get(model)]);
    expect(a).toBe(b);
    expect(h.calls()).toBe(1);
  });

  it('failures become typed reasons; a failure is retried after a minute, a 404 after the full TTL', async () => {
    let err: OpenRouterError = new OpenRouterError({ kind: 'offline', message: 'x' });
    const h = harness(() => Promise.reject(err));
    expect(await h.cache.get(model)).toMatchObject({ ok: false, reason: 'offline' });
    h.advance(PROVIDERS_ERROR_TTL_MS - 1);
    await h.cache.get(model);
    expect(h.calls()).toBe(1);
    h.advance(1);
    err = new OpenRouterError({ kind: 'notFound', status: 404, message: 'x' });
    expect(await h.cache.get(model)).toMatchObject({ ok: false, reason: 'unknownModel', error: { kind: 'notFound', status: 404 } });
    h.advance(PROVIDERS_ERROR_TTL_MS * 2);
    await h.cache.get(model);
    expect(h.calls()).toBe(2);
    err = new OpenRouterError({ kind: 'server', status: 502, message: 'x' });
    expect(await h.cache.get(model, { refresh: true })).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('a 429 holds until its Retry-After, even against a refresh', async () => {
    const h = harness(() => Promise.reject(new OpenRouterError({ kind: 'rateLimited', status: 429, retryAfterMs: 120_000, message: 'x' })));
    const first = await h.cache.get(model);
    expect(first).toMatchObject({ ok: false, reason: 'rateLimited', retryAt: h.now() + 120_000 });
    h.advance(119_000);
    expect(await h.cache.get(model, { refresh: true })).toBe(first);
    expect(h.calls()).toBe(1);
    h.advance(1_000);
    await h.cache.get(model, { refresh: true });
    expect(h.calls()).toBe(2);
  });

  it(`at most ${PROVIDERS_MAX_REQUESTS_PER_HOUR} requests in any rolling hour: then cached tables still answer and others say when`, async () => {
    const h = harness(ok);
    await h.cache.get({ author: 'acme', slug: 'm0' });
    const start = h.now();
    for (let i = 1; i < PROVIDERS_MAX_REQUESTS_PER_HOUR; i++) {
      h.advance(1_000);
      await h.cache.get({ author: 'acme', slug: `m${i}` });
    }
    expect(h.calls()).toBe(PROVIDERS_MAX_REQUESTS_PER_HOUR);
    expect(h.cache.requestsLastHour()).toBe(PROVIDERS_MAX_REQUESTS_PER_HOUR);
    expect(await h.cache.get({ author: 'acme', slug: 'new' })).toEqual({ ok: false, reason: 'budget', error: null, retryAt: start + 3_600_000 });
    // A refresh of a model already fetched answers its table instead of spending a request.
    expect((await h.cache.get({ author: 'acme', slug: 'm0' }, { refresh: true })).ok).toBe(true);
    expect(h.calls()).toBe(PROVIDERS_MAX_REQUESTS_PER_HOUR);
    // An hour after the first request, one slot frees.
    h.advance(start + 3_600_000 - h.now());
    expect((await h.cache.get({ author: 'acme', slug: 'new' })).ok).toBe(true);
    expect(h.calls()).toBe(PROVIDERS_MAX_REQUESTS_PER_HOUR + 1);
  });

  it('clear() forgets the tables (a new key or base URL) but not the requests already spent', async () => {
    const h = harness(ok);
    await h.cache.get(model);
    h.cache.clear();
    await h.cache.get(model);
    expect(h.calls()).toBe(2);
    expect(h.cache.requestsLastHour()).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('client and service against the fake server', () => {
  let fake: FakeOpenRouter;
  beforeAll(async () => {
    fake = await startFakeOpenRouter({ now: () => new Date('2026-07-29T12:00:00Z') });
  });
  afterAll(async () => {
    await fake.close();
  });
  const client = (key?: string) => createOpenRouterClient({ baseUrl: fake.baseUrl, key, maxRetries: 0, sleep: () => Promise.resolve() });

  it('serves several providers for a catalog model, with figures when a key is sent', async () => {
    fake.reset();
    const answer = await client().getEndpoints({ author: 'deepseek', slug: 'deepseek-v4-flash' }, { key: INFERENCE_KEY });
    expect(answer.endpoints.length).toBeGreaterThanOrEqual(2);
    expect(answer.endpoints.some((e) => typeof e.throughput_last_30m?.p50 === 'number')).toBe(true);
    expect(fake.requests[0]).toMatchObject({ path: '/api/v1/models/deepseek/deepseek-v4-flash/endpoints', keyRole: 'inference', status: 200 });
  });

  it('without a key OpenRouter leaves latency and throughput out: null, not 0', async () => {
    fake.reset();
    const answer = await client().getEndpoints({ author: 'deepseek', slug: 'deepseek-v4-flash' });
    expect(answer.endpoints.every((e) => e.latency_last_30m == null && e.throughput_last_30m == null)).toBe(true);
    const service = createProvidersService({ index: () => fixtureCatalog(), fetch: (m) => client().getEndpoints(m), mixFor: () => null, now: () => 0 });
    const r = await service.get('deepseek/deepseek-v4-flash');
    expect(r.status === 'ok' && r.view.providers.every((p) => p.latencyP50Ms === null && p.throughputP50 === null)).toBe(true);
    expect(r.status === 'ok' && r.view.fastest).toBe('missing');
    expect(fake.requests[0]?.auth).toBe(false);
  });

  it('an unknown model is a 404: notFound', async () => {
    fake.reset();
    await expect(client().getEndpoints({ author: 'nobody', slug: 'nothing' })).rejects.toMatchObject({ kind: 'notFound', status: 404 });
  });

  it('refuses a segment that is not an id part before any request', async () => {
    fake.reset();
    await expect(client().getEndpoints({ author: '..', slug: 'x' })).rejects.toMatchObject({ kind: 'config' });
    await expect(client().getEndpoints({ author: 'a', slug: 'b/../../key' })).rejects.toMatchObject({ kind: 'config' });
    expect(fake.requests).toHaveLength(0);
  });

  it('the service resolves through the catalog, asks nothing for ids it does not know, and prices the user mix', async () => {
    fake.reset();
    const index = fixtureCatalog();
    const mine: TokenMix = { input: 10, output: 90, cacheRead: 0, source: 'history' };
    const service = createProvidersService({
      index: () => index,
      fetch: (m) => client(INFERENCE_KEY).getEndpoints(m),
      mixFor: (id) => (id === 'deepseek/deepseek-v4-flash' ? mine : null),
      now: () => Date.parse('2026-07-29T12:00:00Z'),
    });
    const flash = await service.get('deepseek/deepseek-v4-flash:nitro');
    expect(flash.status).toBe('ok');
    if (flash.status === 'ok') {
      expect(flash.view).toMatchObject({ modelId: 'deepseek/deepseek-v4-flash:nitro', endpointModel: 'deepseek/deepseek-v4-flash', mix: mine });
      expect(flash.view.providers.filter((p) => p.cheapest).length).toBeGreaterThanOrEqual(1);
    }
    const other = await service.get('deepseek/deepseek-v4-pro');
    expect(other.status === 'ok' && other.view.mix.source).toBe('default');
    const before = fake.requests.length;
    expect(await service.get('nobody/nothing')).toMatchObject({ status: 'unavailable', reason: 'unknownModel', cause: null });
    expect(await service.get('openrouter/auto')).toMatchObject({ status: 'unavailable', reason: 'badId', idError: 'router' });
    expect(fake.requests.length).toBe(before);
  });

  it('a 429 from OpenRouter reaches the dashboard as rateLimited with its Retry-After', async () => {
    fake.reset();
    fake.setFault({ endpoint: 'models/endpoints', fault: 429, retryAfter: 90 });
    const service = createProvidersService({ index: () => fixtureCatalog(), fetch: (m) => client().getEndpoints(m), mixFor: () => null, now: () => 5_000 });
    expect(await service.get('qwen/qwen3.7-plus')).toMatchObject({ status: 'unavailable', reason: 'rateLimited', cause: { kind: 'rateLimited', status: 429, retryAfterMs: 90_000 }, retryAt: 95_000 });
  });

  it('odd rows from the server are dropped and counted, the rest shown', async () => {
    fake.reset();
    const model = fixtureCatalog().get('qwen/qwen3.7-plus')!;
    expect(model).not.toBeNull();
    fake.setEndpointRows('qwen/qwen3.7-plus', [{ provider_name: 'NoPrice' }, 'junk', buildEndpointRow({ id: model.id, name: model.name, pricing: { prompt: '0.000001', completion: '0.000002' } }, { provider: 'Fine', throughput: 30 })]);
    const service = createProvidersService({ index: () => fixtureCatalog(), fetch: (m) => client(INFERENCE_KEY).getEndpoints(m), mixFor: () => null, now: () => 0 });
    const r = await service.get('qwen/qwen3.7-plus');
    expect(r.status === 'ok' && r.view.providers.map((p) => p.provider)).toEqual(['Fine']);
    expect(r.status === 'ok' && r.view.dropped).toEqual([{ reason: 'notAnObject', count: 1 }, { reason: 'badPricing', count: 1 }]);
  });
});
