// What the inference key may use (GET /models/user): the schema, the client against the fake server (every fault
// kind it survives elsewhere, pages, a refused key), the matching across ids, dated slugs, variants and aliases,
// the unknown state (nothing marked), the polling budget, and compare's order.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenRouterClient, MAX_USER_MODELS_PAGES } from '../../src/core/openrouter/client';
import { parseUserModelsResponse } from '../../src/core/openrouter/schemas';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import { allowanceOfId, createAllowedMatcher, knownAllowedState, notAllowedIds } from '../../src/core/market/allowed';
import { alternatives, DEFAULT_MIX } from '../../src/core/market/compare';
import { createCatalogIndex } from '../../src/core/market/catalog';
import { allowanceLookup, allowedCheckNote } from '../../src/shared/allowed';
import { Radar } from '../../src/core/service/radar';
import { defaultSettings, type Settings } from '../../src/core/service/settings';
import { clampIntervals, createPoller, DEFAULT_INTERVALS_MS } from '../../src/core/service/poller';
import { GUARDED_KEY, INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import { guardedAllows } from '../fake-openrouter/userModels';
import { fixtureCatalog } from './refsFixtureCatalog';
import { catalogModel } from '../support/snapshotBuilders';
import { RESOURCE_NAMES, type AllowedModelsState, type CatalogModel, type KeysState, type ResourceName } from '../../src/shared/types';

const NOW = Date.parse('2026-07-29T12:00:00Z');
let fake: FakeOpenRouter;

beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => new Date(NOW) });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const client = (key?: string, extra: Partial<Parameters<typeof createOpenRouterClient>[0]> = {}) =>
  createOpenRouterClient({ baseUrl: fake.baseUrl, key, maxRetries: 0, sleep: () => Promise.resolve(), ...extra });

describe('parseUserModelsResponse', () => {
  it('reads each entry by id and canonical slug only: an odd price does not make a model look excluded', () => {
    const parsed = parseUserModelsResponse({
      data: [
        { id: 'qwen/qwen3-coder', canonical_slug: 'qwen/qwen3-coder-480b-a35b-07-25', pricing: { prompt: 'free?', completion: 7 } },
        { id: 'openai/gpt-oss-20b:free', name: 42 },
        { name: 'no id' },
        { id: '' },
      ],
      total_count: 4,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.models).toEqual([
      { id: 'qwen/qwen3-coder', canonicalSlug: 'qwen/qwen3-coder-480b-a35b-07-25' },
      { id: 'openai/gpt-oss-20b:free', canonicalSlug: null },
    ]);
    expect(parsed.value.dropped).toBe(2);
    expect(parsed.value.firstDropPath).toBe('data[2].id');
    expect(parsed.value.totalCount).toBe(4);
  });

  it('refuses an envelope that is not a list of models, and a list none of whose entries can be read', () => {
    expect(parseUserModelsResponse({ models: [] }).ok).toBe(false);
    expect(parseUserModelsResponse({ data: [{ slug: 'a/b' }, { slug: 'c/d' }] }).ok).toBe(false);
    expect(parseUserModelsResponse({ data: [] })).toMatchObject({ ok: true, value: { models: [], dropped: 0 } });
  });
});

describe('client.getUserModels against the fake server', () => {
  it('the ordinary key may use the whole catalog; the guarded key only what its guardrails allow', async () => {
    const all = await client(INFERENCE_KEY).getUserModels();
    const catalog = await client().listModels();
    expect(all.complete).toBe(true);
    expect(all.requests).toBe(1);
    expect(all.models.map((m) => m.id).sort()).toEqual(catalog.data.map((m) => m.id).sort());
    const guarded = await client(GUARDED_KEY).getUserModels();
    expect(guarded.complete).toBe(true);
    expect(guarded.models.length).toBeGreaterThan(10);
    expect(guarded.models.length).toBeLessThan(all.models.length);
    expect(guarded.models.every((m) => guardedAllows(m.id))).toBe(true);
    expect(guarded.models.some((m) => m.id.startsWith('deepseek/') || m.id.endsWith(':free'))).toBe(false);
    // The key went as a bearer token to /models/user and nowhere else.
    const req = fake.requests.filter((r) => r.endpoint === 'models/user');
    expect(req.map((r) => r.keyRole)).toEqual(['inference', 'inference']);
  });

  it('a key OpenRouter does not know is 401 unauthorized, never an empty list; no key is a config error before any request', async () => {
    const err = await client('sk-or-v1-not-a-key').getUserModels().catch((e: unknown) => e);
    expect(OpenRouterError.is(err, 'unauthorized')).toBe(true);
    fake.clearRequests();
    const none = await client().getUserModels().catch((e: unknown) => e);
    expect(OpenRouterError.is(none, 'config')).toBe(true);
    expect(fake.requests).toEqual([]);
  });

  it.each([
    [403, 'forbidden'],
    [429, 'rateLimited'],
    [500, 'server'],
    ['drift', 'badResponse'],
    ['html', 'badResponse'],
    ['truncated', 'badResponse'],
    ['reset', 'offline'],
  ] as const)('fault %s → %s', async (fault, kind) => {
    fake.setFault({ endpoint: 'models/user', fault });
    const err = await client(INFERENCE_KEY).getUserModels().catch((e: unknown) => e);
    expect(OpenRouterError.is(err, kind)).toBe(true);
  });

  it('follows pages when OpenRouter says there are more, and says when it stopped short', async () => {
    const pages: string[] = [];
    const entry = (i: number) => ({ id: `lab/model-${i}` });
    const fetchPaged = (total: number, firstPage: number): typeof fetch =>
      (async (input: string | URL | Request) => {
        const url = new URL(String(input));
        pages.push(url.search);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const size = url.searchParams.has('limit') ? Number(url.searchParams.get('limit')) : firstPage;
        const data = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => entry(offset + i));
        return new Response(JSON.stringify({ data, total_count: total, links: { next: offset + data.length < total ? 'x' : null } }), { status: 200 });
      }) as typeof fetch;
    const paged = await createOpenRouterClient({ baseUrl: 'https://openrouter.ai/api/v1', key: 'k', fetch: fetchPaged(1700, 500) }).getUserModels();
    expect(paged).toMatchObject({ complete: true, requests: 3, totalCount: 1700 });
    expect(paged.models).toHaveLength(1700);
    expect(new Set(paged.models.map((m) => m.id)).size).toBe(1700);
    expect(pages).toEqual(['', '?offset=500&limit=1000', '?offset=1500&limit=1000']);
    pages.length = 0;
    const short = await createOpenRouterClient({ baseUrl: 'https://openrouter.ai/api/v1', key: 'k', fetch: fetchPaged(50_000, 500) }).getUserModels();
    expect(short.complete).toBe(false);
    expect(short.requests).toBe(MAX_USER_MODELS_PAGES);
  });

  it('the fake pages as documented: offset and limit, links.next, and 400 for a limit out of range', async () => {
    const res = await fetch(`${fake.baseUrl}/models/user?offset=2&limit=3`, { headers: { Authorization: `Bearer ${INFERENCE_KEY}` } });
    const body = (await res.json()) as { data: { id: string }[]; total_count: number; links: { next: string | null } };
    expect(body.data).toHaveLength(3);
    expect(body.links.next).toMatch(/offset=5&limit=3$/);
    const bad = await fetch(`${fake.baseUrl}/models/user?limit=1001`, { headers: { Authorization: `Bearer ${INFERENCE_KEY}` } });
    expect(bad.status).toBe(400);
  });
});

describe('matching the list against the catalog', () => {
  const index = fixtureCatalog();
  const model = (id: string): CatalogModel => index.get(id)!;

  it('an id, or a dated canonical slug with the same variant, names a catalog model; a variant is its own entry', () => {
    const m = createAllowedMatcher([
      { id: 'anthropic/claude-sonnet-5', canonicalSlug: 'anthropic/claude-sonnet-5-20260630' },
      // An older spelling: only the permaslug, as rankings and activity name models.
      { id: 'deepseek/deepseek-v4-pro-20260423', canonicalSlug: null },
      { id: 'openai/gpt-oss-20b:free', canonicalSlug: 'openai/gpt-oss-20b' },
    ]);
    expect(m.allows(model('anthropic/claude-sonnet-5'), index)).toBe(true);
    expect(m.allows(model('deepseek/deepseek-v4-pro'), index)).toBe(true);
    expect(m.allows(model('openai/gpt-oss-20b:free'), index)).toBe(true);
    // Same canonical slug, other variant: not listed, so not allowed.
    expect(m.allows(model('anthropic/claude-sonnet-5:batch'), index)).toBe(false);
    expect(m.allows(model('openai/gpt-oss-20b'), index)).toBe(false);
    expect(m.allows(model('deepseek/deepseek-v4-flash'), index)).toBe(false);
  });

  it('an alias is allowed when the model it points at is; ids as written resolve through the catalog (case, routing variants)', () => {
    const target = catalogModel('anthropic/claude-opus-4.8');
    const alias = catalogModel('anthropic/claude-opus-4.8', { id: '~anthropic/claude-opus-latest', canonicalSlug: '~anthropic/claude-opus-latest', aliasTarget: 'anthropic/claude-opus-4.8' });
    const other = catalogModel('x-ai/grok-4.5');
    const small = createCatalogIndex([target, alias, other]);
    const matcher = createAllowedMatcher([{ id: 'anthropic/claude-opus-4.8', canonicalSlug: 'anthropic/claude-4.8-opus-20260528' }]);
    expect(matcher.allows(alias, small)).toBe(true);
    const state = knownAllowedState(small, matcher, NOW);
    expect(state).toMatchObject({ status: 'known', allowedCount: 1, notAllowed: ['x-ai/grok-4.5'] });
    expect(allowanceOfId(state, small, 'X-AI/Grok-4.5:nitro')).toBe('notAllowed');
    expect(allowanceOfId(state, small, 'x-ai/grok-4.5-20260708')).toBe('notAllowed');
    expect(allowanceOfId(state, small, 'anthropic/claude-opus-latest')).toBe('allowed');
    expect(allowanceOfId(state, small, 'anthropic/claude-opus-4.8:floor')).toBe('allowed');
    expect(allowanceOfId(state, small, 'nobody/unknown-model')).toBe('unknown');
  });

  it('a model created after the list was fetched is in neither list: not guessed', () => {
    const fresh = catalogModel('x-ai/grok-4.5', { id: 'x-ai/grok-5', created: NOW / 1000 + 3600 });
    const small = createCatalogIndex([catalogModel('x-ai/grok-4.5'), fresh]);
    const matcher = createAllowedMatcher([]);
    expect(notAllowedIds(small, matcher, NOW)).toEqual(['x-ai/grok-4.5']);
    expect(allowanceOfId(knownAllowedState(small, matcher, NOW), small, 'x-ai/grok-5')).toBe('unknown');
  });

  it('unknown marks nothing and says why; known says nothing', () => {
    const unknown: AllowedModelsState[] = [
      { status: 'unknown', reason: 'noKey', error: null },
      { status: 'unknown', reason: 'pending', error: null },
      { status: 'unknown', reason: 'failed', error: { kind: 'unauthorized', message: 'x', status: 401 } },
      { status: 'unknown', reason: 'incomplete', error: null },
      { status: 'unknown', reason: 'managementKeyOnly', error: null },
    ];
    const notes = new Set<string>();
    for (const s of unknown) {
      expect(allowanceOfId(s, index, 'deepseek/deepseek-v4-pro')).toBe('unknown');
      expect(allowanceLookup(s).of('deepseek/deepseek-v4-pro')).toBe('unknown');
      const note = allowedCheckNote(s);
      expect(note).toMatch(/^Not checked/);
      notes.add(note!);
    }
    expect(notes.size).toBe(unknown.length);
    expect(allowedCheckNote(unknown[2])).toContain('rejected the API key');
    expect(allowedCheckNote(undefined)).toBe('Not checked yet which models your key may use.');
    expect(allowedCheckNote({ status: 'known', fetchedAt: NOW, allowedCount: 3, notAllowed: [], error: null })).toBeNull();
  });
});

describe('compare with the allowance', () => {
  const index = fixtureCatalog();
  it('the models the key may use come first (the limit counts them); cheaper excluded ones follow, marked', () => {
    const plain = alternatives(index, 'anthropic/claude-sonnet-4.6', DEFAULT_MIX, { limit: 3, now: NOW });
    expect(plain.alternatives).toHaveLength(3);
    const cheapest = plain.alternatives[0]!.id;
    const blocked = (m: CatalogModel): boolean => m.id === cheapest;
    const ruled = alternatives(index, 'anthropic/claude-sonnet-4.6', DEFAULT_MIX, { limit: 3, now: NOW, notAllowed: blocked });
    expect(ruled.alternatives.slice(0, 3).every((a) => a.notAllowed !== true)).toBe(true);
    expect(ruled.alternatives[3]).toMatchObject({ id: cheapest, notAllowed: true });
    expect(ruled.alternatives.slice(0, 3).map((a) => a.id)).toEqual(
      alternatives(index, 'anthropic/claude-sonnet-4.6', DEFAULT_MIX, { limit: 4, now: NOW }).alternatives.slice(1).map((a) => a.id),
    );
    // Savings asks for one: it gets one the key may use, never the excluded cheapest.
    const one = alternatives(index, 'anthropic/claude-sonnet-4.6', DEFAULT_MIX, { limit: 1, now: NOW, notAllowed: blocked });
    expect(one.alternatives[0]!.notAllowed).toBeUndefined();
    expect(one.alternatives[0]!.id).not.toBe(cheapest);
    // Nothing the key may use is cheaper: only the excluded, marked.
    const none = alternatives(index, 'anthropic/claude-sonnet-4.6', DEFAULT_MIX, { limit: 2, now: NOW, notAllowed: () => true });
    expect(none.alternatives.length).toBeGreaterThan(0);
    expect(none.alternatives.every((a) => a.notAllowed === true)).toBe(true);
  });
});

describe('Radar: fetched per key, state honest', () => {
  function makeRadar(keys: { inference?: string; management?: string }) {
    const settings: Settings = { ...defaultSettings(), apiBaseUrl: fake.baseUrl };
    const state = (): KeysState => ({ inference: keys.inference ? 'stored' : 'none', management: Boolean(keys.management) });
    const radar = new Radar({
      keys: { inference: async () => keys.inference, management: async () => keys.management, state: async () => state() },
      settings: () => settings,
      now: () => NOW,
      clientOptions: { timeoutMs: 2000, maxRetries: 0 },
    });
    return { radar, keys };
  }
  const started = async (radar: Radar): Promise<void> => {
    radar.start();
    await radar.onKeysChanged();
  };
  const userRequests = (): number => fake.requests.filter((r) => r.endpoint === 'models/user').length;

  it('no key: unknown (noKey), never asked; a management key alone: unknown (managementKeyOnly), never asked with it', async () => {
    const a = makeRadar({});
    await started(a.radar);
    await a.radar.refreshNow();
    expect(a.radar.snapshot().allowedModels).toEqual({ status: 'unknown', reason: 'noKey', error: null });
    a.radar.dispose();
    const b = makeRadar({ management: MANAGEMENT_KEY });
    await started(b.radar);
    await b.radar.refreshNow();
    expect(b.radar.snapshot().allowedModels).toEqual({ status: 'unknown', reason: 'managementKeyOnly', error: null });
    expect(userRequests()).toBe(0);
    b.radar.dispose();
  });

  it('the guarded key: known, its exclusions are catalog ids, and compare never leads with one', async () => {
    const { radar } = makeRadar({ inference: GUARDED_KEY });
    await started(radar);
    await radar.refreshNow();
    const s = radar.snapshot();
    expect(s.allowedModels?.status).toBe('known');
    if (s.allowedModels?.status !== 'known') return;
    const catalogIds = new Set(s.catalog!.models.map((m) => m.id));
    expect(s.allowedModels.notAllowed.length).toBeGreaterThan(0);
    expect(s.allowedModels.notAllowed.every((id) => catalogIds.has(id) && !guardedAllows(id))).toBe(true);
    expect(s.allowedModels.notAllowed).toContain('deepseek/deepseek-v4-flash');
    expect(s.allowedModels.notAllowed).toContain('google/gemma-4-31b-it:free');
    expect(s.allowedModels.notAllowed).not.toContain('google/gemma-4-31b-it');
    const result = radar.compare('anthropic/claude-sonnet-4.6', null, 5);
    const firstExcluded = result.alternatives.findIndex((a) => a.notAllowed === true);
    expect(firstExcluded).toBeGreaterThan(0);
    expect(result.alternatives.slice(0, firstExcluded).every((a) => guardedAllows(a.id))).toBe(true);
    expect(result.alternatives.slice(firstExcluded).every((a) => a.notAllowed === true && !guardedAllows(a.id))).toBe(true);
    radar.dispose();
  });

  it('the ordinary key: known, nothing excluded', async () => {
    const { radar } = makeRadar({ inference: INFERENCE_KEY });
    await started(radar);
    await radar.refreshNow();
    expect(radar.snapshot().allowedModels).toMatchObject({ status: 'known', notAllowed: [], error: null });
    radar.dispose();
  });

  it('a refused key (401) is unknown with the reason; a passing outage keeps what was read, with the error', async () => {
    const bad = makeRadar({ inference: 'sk-or-v1-not-a-key' });
    await started(bad.radar);
    await bad.radar.refreshNow(['userModels']);
    expect(bad.radar.snapshot().allowedModels).toMatchObject({ status: 'unknown', reason: 'failed', error: { kind: 'unauthorized' } });
    expect(bad.radar.snapshot().resources.userModels.error?.kind).toBe('unauthorized');
    bad.radar.dispose();

    const { radar } = makeRadar({ inference: GUARDED_KEY });
    await started(radar);
    await radar.refreshNow(['models', 'userModels']);
    const known = radar.snapshot().allowedModels;
    expect(known?.status).toBe('known');
    fake.setFault({ endpoint: 'models/user', fault: 429 });
    await radar.refreshNow(['userModels']);
    const after = radar.snapshot().allowedModels;
    expect(after).toMatchObject({ status: 'known', error: { kind: 'rateLimited' } });
    if (after?.status === 'known' && known?.status === 'known') expect(after.notAllowed).toEqual(known.notAllowed);
    fake.clearFaults();
    fake.setFault({ endpoint: 'models/user', fault: 403 });
    await radar.refreshNow(['userModels']);
    expect(radar.snapshot().allowedModels).toMatchObject({ status: 'unknown', reason: 'failed', error: { kind: 'forbidden' } });
    radar.dispose();
  });

  it('an unreadable entry makes the list incomplete: unknown, nothing marked', async () => {
    // A list where one entry cannot be read says nothing of that model: rather than guess, nothing is marked.
    const fetchBad: typeof fetch = async () => new Response(JSON.stringify({ data: [{ id: 'openai/gpt-5.4' }, { id: 7 }] }), { status: 200 });
    const odd = new Radar({
      keys: { inference: async () => GUARDED_KEY, management: async () => undefined, state: async () => ({ inference: 'stored', management: false }) },
      settings: () => ({ ...defaultSettings() }),
      now: () => NOW,
      fetch: fetchBad,
      clientOptions: { timeoutMs: 2000, maxRetries: 0 },
    });
    odd.start();
    await odd.onKeysChanged();
    await odd.refreshNow(['userModels']);
    expect(odd.snapshot().allowedModels).toEqual({ status: 'unknown', reason: 'incomplete', error: null });
    odd.dispose();
  });

  it('a key change forgets the old answer at once and asks again with the new key', async () => {
    const { radar, keys } = makeRadar({ inference: GUARDED_KEY });
    await started(radar);
    await radar.refreshNow();
    expect((radar.snapshot().allowedModels as { notAllowed: string[] }).notAllowed.length).toBeGreaterThan(0);
    keys.inference = INFERENCE_KEY;
    fake.clearRequests();
    const changing = radar.onKeysChanged();
    await changing;
    expect(radar.snapshot().allowedModels?.status === 'known' ? (radar.snapshot().allowedModels as { notAllowed: string[] }).notAllowed.length : 0).toBe(0);
    await radar.refreshNow(['userModels']);
    expect(radar.snapshot().allowedModels).toMatchObject({ status: 'known', notAllowed: [] });
    expect(fake.requests.filter((r) => r.endpoint === 'models/user').map((r) => r.keyRole)).toContain('inference');
    radar.dispose();
  });
});

describe('polling budget', () => {
  afterEach(() => vi.useRealTimers());

  it('at most 2 requests an hour at the default interval, and settings cannot shorten it', async () => {
    expect(DEFAULT_INTERVALS_MS.userModels).toBe(30 * 60_000);
    expect(clampIntervals({ userModels: 60_000 }).userModels).toBe(30 * 60_000);
    vi.useFakeTimers({ now: NOW });
    const calls: number[] = [];
    const tasks = Object.fromEntries(RESOURCE_NAMES.map((r) => [r, async () => void (r === 'userModels' && calls.push(Date.now()))])) as Record<ResourceName, () => Promise<void>>;
    const poller = createPoller({ tasks, random: () => 0 });
    poller.setActive(true);
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    poller.dispose();
    // One at activation, then one per 30 minutes: 1 + 6 over three hours.
    expect(calls.length).toBe(7);
    for (let i = 1; i < calls.length; i++) expect(calls[i]! - calls[i - 1]!).toBeGreaterThanOrEqual(30 * 60_000);
  });
});
