// The OpenRouter client against the fake server: what it reads, which key it sends where, what it logs.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/core/openrouter/baseUrl';
import { createOpenRouterClient, parseRetryAfter, resolveBaseUrl, type OpenRouterClientOptions } from '../../src/core/openrouter/client';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import { INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';

const NOW = new Date('2026-07-29T12:00:00Z');
const modelsFixture = JSON.parse(readFileSync(new URL('../fixtures/openrouter/models-2026-07-29.json', import.meta.url), 'utf8')) as {
  data: { id: string; canonical_slug: string }[];
};
const rankingsFixture = JSON.parse(readFileSync(new URL('../fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json', import.meta.url), 'utf8')) as {
  data: { date: string; model_permaslug: string; total_tokens: string }[];
  meta: { as_of: string };
};

let fake: FakeOpenRouter;
let logLines: string[];

beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => NOW });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
});

function client(extra: Partial<OpenRouterClientOptions> = {}): ReturnType<typeof createOpenRouterClient> {
  logLines = [];
  return createOpenRouterClient({
    baseUrl: fake.baseUrl,
    sleep: () => Promise.resolve(),
    log: (line) => logLines.push(line),
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<OpenRouterError> {
  try {
    await promise;
  } catch (err) {
    expect(OpenRouterError.is(err)).toBe(true);
    return err as OpenRouterError;
  }
  throw new Error('expected the call to fail');
}

describe('listModels', () => {
  it('reads all 367 models of the real capture without dropping any', async () => {
    const result = await client().listModels();
    expect(result.data).toHaveLength(367);
    expect(result.dropped).toBe(0);
    expect(result.firstDropPath).toBeNull();
    const flash = result.data.find((m) => m.id === 'deepseek/deepseek-v4-flash');
    expect(flash?.canonical_slug).toBe('deepseek/deepseek-v4-flash-20260423');
    expect(flash?.pricing.prompt).toBe('0.00000014');
  });

  it('sends no key to the public /models unless the call passes one, and identifies the app', async () => {
    await client({ key: INFERENCE_KEY }).listModels();
    await client().listModels({ key: INFERENCE_KEY });
    const [first, second] = fake.requests;
    expect(first).toMatchObject({ path: '/api/v1/models', auth: false, title: 'Model Radar' });
    expect(first!.referer).toMatch(/^https:\/\//);
    expect(second).toMatchObject({ auth: true, keyRole: 'inference' });
  });

  it('passes output_modalities only when asked', async () => {
    await client().listModels({ outputModalities: 'all' });
    expect(fake.requests[0]!.path).toBe('/api/v1/models?output_modalities=all');
  });
});

describe('topWeeklyOrder', () => {
  it('returns ids in the order of their last-7-day tokens in the rankings capture', async () => {
    const ids = await client().topWeeklyOrder();
    expect(ids).toHaveLength(367);
    expect(fake.requests[0]!.path).toBe('/api/v1/models?sort=top-weekly');
    // Independent check: tokens per id, computed here, never increase down the list.
    const days = [...new Set(rankingsFixture.data.map((r) => r.date))].sort().slice(-7);
    const tokens = new Map<string, bigint>();
    for (const r of rankingsFixture.data) {
      if (days.includes(r.date)) tokens.set(r.model_permaslug, (tokens.get(r.model_permaslug) ?? 0n) + BigInt(r.total_tokens));
    }
    const slugOf = new Map(modelsFixture.data.map((m) => [m.id, m.canonical_slug]));
    const tokensOf = (id: string): bigint => {
      const [base, variant] = id.split(':');
      const slug = slugOf.get(id) ?? base!;
      return tokens.get(variant ? `${slug}:${variant}` : slug) ?? 0n;
    };
    for (let i = 1; i < ids.length; i++) expect(tokensOf(ids[i - 1]!) >= tokensOf(ids[i]!)).toBe(true);
    expect(tokensOf(ids[0]!) > 0n).toBe(true);
  });
});

describe('rankingsDaily', () => {
  it('returns the inclusive window with meta, rows untouched', async () => {
    const result = await client().rankingsDaily({ startDate: '2026-07-20', endDate: '2026-07-26', key: INFERENCE_KEY });
    const expected = rankingsFixture.data.filter((r) => r.date >= '2026-07-20' && r.date <= '2026-07-26');
    expect(result.data).toEqual(expected);
    expect(result.meta).toMatchObject({ as_of: rankingsFixture.meta.as_of, start_date: '2026-07-20', end_date: '2026-07-26' });
    expect(result.dropped).toBe(0);
    expect(fake.requests[0]!.path).toBe('/api/v1/datasets/rankings-daily?start_date=2026-07-20&end_date=2026-07-26');
  });

  it('needs a key, and says so without making a request', async () => {
    const err = await failure(client().rankingsDaily({ startDate: '2026-07-20', endDate: '2026-07-26' }));
    expect(err.kind).toBe('config');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses malformed dates before sending anything', async () => {
    // Rejected promises, not synchronous throws: callers only attach .catch / await.
    const err = await failure(client({ key: INFERENCE_KEY }).rankingsDaily({ startDate: '2026-7-1' }));
    expect(err.kind).toBe('config');
    expect((await failure(client({ key: INFERENCE_KEY }).rankingsDaily({ endDate: '2026-02-30' }))).kind).toBe('config');
    expect((await failure(client({ key: MANAGEMENT_KEY }).getActivity({ date: 'yesterday' }))).kind).toBe('config');
    expect(fake.requests).toHaveLength(0);
  });

  it('maps the server refusing a too-long span (400) to config, without retrying', async () => {
    const err = await failure(client({ key: INFERENCE_KEY }).rankingsDaily({ startDate: '2025-01-01', endDate: '2026-07-26' }));
    expect(err).toMatchObject({ kind: 'config', status: 400 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('getKey, getCredits, getActivity', () => {
  it('reads the inference key figures', async () => {
    const key = await client({ key: INFERENCE_KEY }).getKey();
    expect(key).toMatchObject({ limit: 100, limit_remaining: 74.5, usage_daily: 0.87, is_management_key: false });
    expect(key).not.toHaveProperty('rate_limit');
  });

  it('uses the per-call key over the default one, and getKey() over key', async () => {
    const c = client({ key: INFERENCE_KEY, getKey: () => Promise.resolve(MANAGEMENT_KEY) });
    expect((await c.getKey()).is_management_key).toBe(true);
    expect((await c.getKey({ key: INFERENCE_KEY })).is_management_key).toBe(false);
    expect(fake.requests.map((r) => r.keyRole)).toEqual(['management', 'inference']);
  });

  it('follows changes made on the server', async () => {
    fake.setKeyData('inference', { usage_daily: 3.5, limit_remaining: 1.25 });
    expect(await client({ key: INFERENCE_KEY }).getKey()).toMatchObject({ usage_daily: 3.5, limit_remaining: 1.25 });
  });

  it('gets /credits with a management key, forbidden with an inference key', async () => {
    expect(await client({ key: MANAGEMENT_KEY }).getCredits()).toEqual({ total_credits: 150, total_usage: 42.25 });
    const err = await failure(client({ key: INFERENCE_KEY }).getCredits());
    expect(err).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(fake.requests).toHaveLength(2);
  });

  it('returns a 200 with zeros from /credits as the raw figures (interpreting them is not the client’s job)', async () => {
    fake.setCredits({ inferenceKey: 'zeros' });
    expect(await client({ key: INFERENCE_KEY }).getCredits()).toEqual({ total_credits: 0, total_usage: 0 });
  });

  it('reads 30 completed days of activity with a management key', async () => {
    const activity = await client({ key: MANAGEMENT_KEY }).getActivity();
    const days = [...new Set(activity.data.map((r) => r.date))].sort();
    expect(days[0]).toBe('2026-06-29');
    expect(days.at(-1)).toBe('2026-07-28');
    expect(activity.dropped).toBe(0);
    const one = await client({ key: MANAGEMENT_KEY }).getActivity({ date: '2026-07-28' });
    expect(one.data.length).toBeGreaterThan(0);
    expect(one.data.every((r) => r.date === '2026-07-28')).toBe(true);
    const err = await failure(client({ key: INFERENCE_KEY }).getActivity());
    expect(err.kind).toBe('forbidden');
  });

  it('reports a rejected key as unauthorized, once, without retrying', async () => {
    const err = await failure(client({ key: 'sk-or-v1-not-a-real-key' }).getKey());
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.keyRole).toBe('invalid');
  });

  it('turns a failing key provider into config, without sending anything', async () => {
    const err = await failure(client({ getKey: () => Promise.reject(new Error('keychain locked')) }).getKey());
    expect(err.kind).toBe('config');
    expect(err.message).not.toContain('keychain');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a key that cannot be a header value without sending it', async () => {
    const err = await failure(client({ key: 'sk-or-v1 with spaces' }).getKey());
    expect(err.kind).toBe('config');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('where the key may go', () => {
  it('accepts https anywhere and http only to loopback hosts', () => {
    expect(resolveBaseUrl('https://openrouter.ai/api/v1').ok).toBe(true);
    expect(resolveBaseUrl('http://127.0.0.1:9/api/v1').ok).toBe(true);
    expect(resolveBaseUrl('http://localhost:9/api/v1').ok).toBe(true);
    expect(resolveBaseUrl('http://[::1]:9/api/v1').ok).toBe(true);
    expect(resolveBaseUrl('http://openrouter.ai/api/v1').ok).toBe(false);
    expect(resolveBaseUrl('http://127.0.0.1.evil.example/api/v1').ok).toBe(false);
    expect(resolveBaseUrl('https://user:pw@openrouter.ai/api/v1').ok).toBe(false);
    expect(resolveBaseUrl('ftp://openrouter.ai/').ok).toBe(false);
    expect(resolveBaseUrl('not a url').ok).toBe(false);
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('fails every call with config (and sends nothing) when the base URL is not allowed', async () => {
    const urls: string[] = [];
    const c = createOpenRouterClient({
      baseUrl: 'http://example.com/api/v1',
      key: INFERENCE_KEY,
      fetch: (input) => {
        urls.push(String(input));
        return Promise.reject(new Error('must not be called'));
      },
    });
    expect(c.baseUrl).toBeNull();
    expect((await failure(c.getKey())).kind).toBe('config');
    expect((await failure(c.listModels())).kind).toBe('config');
    expect(urls).toEqual([]);
  });

  it('sends every request, with the key only as a Bearer header, to the configured origin', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const c = createOpenRouterClient({
      baseUrl: `${fake.baseUrl}/`,
      key: MANAGEMENT_KEY,
      fetch: (input, init) => {
        seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
        return fetch(input, init);
      },
    });
    await c.getKey();
    await c.getCredits();
    await c.getActivity();
    await c.rankingsDaily({ startDate: '2026-07-26', endDate: '2026-07-26' });
    await c.listModels();
    for (const s of seen) {
      expect(new URL(s.url).origin).toBe(fake.url);
      expect(s.url).not.toContain(MANAGEMENT_KEY);
    }
    expect(seen.slice(0, 4).every((s) => s.auth === `Bearer ${MANAGEMENT_KEY}`)).toBe(true);
    expect(seen[4]!.auth).toBeNull();
  });
});

describe('logging', () => {
  it('writes one line per request with method, path, status, time and attempt, and never the key', async () => {
    const c = client({ key: INFERENCE_KEY });
    await c.getKey();
    await c.listModels();
    expect(logLines).toHaveLength(2);
    expect(logLines[0]).toMatch(/^GET \/api\/v1\/key 200 \d+ms attempt 1\/4$/);
    expect(logLines[1]).toMatch(/^GET \/api\/v1\/models 200 \d+ms attempt 1\/4$/);
    for (const line of logLines) expect(line).not.toContain(INFERENCE_KEY);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-07-29T12:00:00Z');
  it('reads delta-seconds and HTTP-dates, ignores the rest', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 29 Jul 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 29 Jul 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
