// Every fault the fake server can inject, against the client: the kind it becomes, whether it is retried
// (counted on the server), Retry-After, timeouts, cancellation, and that the key never leaks into errors or logs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouterClient, type OpenRouterClient, type OpenRouterClientOptions } from '../../src/core/openrouter/client';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import type { ErrorKind } from '../../src/shared/types';
import { analyticsQueryBody } from '../../src/core/spend/history';
import { INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeEndpoint, type FakeOpenRouter, type FaultKind } from '../fake-openrouter/server';

const NOW = Date.parse('2026-07-29T12:00:00Z');

let fake: FakeOpenRouter;
let delays: number[];
let logLines: string[];
const seenErrors: unknown[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => new Date(NOW) });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await fake.close();
});
afterEach(() => {
  fake.reset();
});

function client(extra: Partial<OpenRouterClientOptions> = {}): OpenRouterClient {
  delays = [];
  logLines = [];
  return createOpenRouterClient({
    baseUrl: fake.baseUrl,
    key: MANAGEMENT_KEY,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    now: () => NOW,
    log: (line) => logLines.push(line),
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<OpenRouterError> {
  try {
    await promise;
  } catch (err) {
    seenErrors.push(err);
    expect(OpenRouterError.is(err)).toBe(true);
    return err as OpenRouterError;
  }
  throw new Error('expected the call to fail');
}

const calls: Record<FakeEndpoint, (c: OpenRouterClient) => Promise<unknown>> = {
  models: (c) => c.listModels(),
  'models/count': (c) => c.listModels(),
  'datasets/rankings-daily': (c) => c.rankingsDaily({ startDate: '2026-07-20', endDate: '2026-07-26' }),
  key: (c) => c.getKey(),
  credits: (c) => c.getCredits(),
  activity: (c) => c.getActivity(),
  'analytics/query': (c) => c.queryAnalytics(analyticsQueryBody(30, NOW)),
  'models/user': (c) => c.getUserModels(),
  'models/endpoints': (c) => c.getEndpoints({ author: 'deepseek', slug: 'deepseek-v4-flash' }),
};

describe('HTTP status faults', () => {
  const noRetry: [FaultKind, ErrorKind][] = [
    [401, 'unauthorized'],
    [402, 'paymentRequired'],
    [403, 'forbidden'],
    [404, 'notFound'],
  ];
  for (const [fault, kind] of noRetry) {
    it(`${fault} → ${kind}, never retried`, async () => {
      fake.setFault({ endpoint: 'key', fault });
      const err = await failure(client().getKey());
      expect(err).toMatchObject({ kind, status: fault, path: '/api/v1/key' });
      expect(err.message).toContain('/api/v1/key');
      expect(fake.requests).toHaveLength(1);
      expect(delays).toEqual([]);
    });
  }

  const retried: [FaultKind, ErrorKind][] = [
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [408, 'timeout'],
    [429, 'rateLimited'],
  ];
  for (const [fault, kind] of retried) {
    it(`${fault} → ${kind} after 3 retries with exponential backoff and full jitter`, async () => {
      fake.setFault({ endpoint: 'credits', fault });
      const err = await failure(client().getCredits());
      expect(err).toMatchObject({ kind, status: fault });
      expect(fake.requests).toHaveLength(4);
      // random() = 0.5 → half of 500, 1000, 2000 ms.
      expect(delays).toEqual([250, 500, 1000]);
      expect(logLines.map((l) => l.replace(/ \d+ms /, ' '))).toEqual([
        `GET /api/v1/credits ${fault} attempt 1/4`,
        `GET /api/v1/credits ${fault} attempt 2/4`,
        `GET /api/v1/credits ${fault} attempt 3/4`,
        `GET /api/v1/credits ${fault} attempt 4/4`,
      ]);
    });
  }

  it('recovers when a transient 503 heals within the retries', async () => {
    fake.setFault({ endpoint: 'key', fault: 503, times: 2 });
    const key = await client().getKey();
    expect(key.is_management_key).toBe(true);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('respects maxRetries', async () => {
    fake.setFault({ endpoint: 'key', fault: 500 });
    await failure(client({ maxRetries: 0 }).getKey());
    expect(fake.requests).toHaveLength(1);
  });

  it('faults only the endpoint named', async () => {
    fake.setFault({ endpoint: 'credits', fault: 401 });
    await expect(client().getKey()).resolves.toMatchObject({ is_management_key: true });
    expect((await failure(client().getCredits())).kind).toBe('unauthorized');
  });
});

describe('Retry-After', () => {
  it('waits the seconds given, then succeeds', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 429, times: 1, retryAfter: 2 });
    const result = await client().rankingsDaily({ startDate: '2026-07-26', endDate: '2026-07-26' });
    expect(result.data.length).toBeGreaterThan(0);
    expect(delays).toEqual([2000]);
    expect(fake.requests).toHaveLength(2);
  });

  it('reads an HTTP-date', async () => {
    fake.setFault({ endpoint: 'key', fault: 503, times: 1, retryAfter: new Date(NOW + 5000).toUTCString() });
    await client().getKey();
    expect(delays).toEqual([5000]);
  });

  it('gives up at once on a wait longer than the cap, handing retryAfterMs to the caller', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 429, retryAfter: 120 });
    const err = await failure(client().rankingsDaily({ startDate: '2026-07-26', endDate: '2026-07-26' }));
    expect(err).toMatchObject({ kind: 'rateLimited', status: 429, retryAfterMs: 120_000 });
    expect(err.toErrorInfo()).toMatchObject({ kind: 'rateLimited', retryAfterMs: 120_000 });
    expect(fake.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('keeps retryAfterMs on the final error when retries run out', async () => {
    fake.setFault({ endpoint: 'key', fault: 429, retryAfter: 1 });
    const err = await failure(client().getKey());
    expect(err).toMatchObject({ kind: 'rateLimited', retryAfterMs: 1000 });
    expect(delays).toEqual([1000, 1000, 1000]);
  });
});

describe('transport faults', () => {
  it('slow: times out with a short timeoutMs and is not retried', async () => {
    fake.setFault({ endpoint: 'key', fault: 'slow', delayMs: 5_000 });
    const started = Date.now();
    const err = await failure(client({ timeoutMs: 150, now: Date.now }).getKey());
    expect(err.kind).toBe('timeout');
    expect(err.status).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('slow but within the timeout: succeeds', async () => {
    fake.setFault({ endpoint: 'key', fault: 'slow', delayMs: 50 });
    await expect(client({ timeoutMs: 5_000 }).getKey()).resolves.toMatchObject({ usage: 0 });
  });

  it('reset: offline, retried, and recovers once the connection works', async () => {
    fake.setFault({ endpoint: 'key', fault: 'reset' });
    const err = await failure(client().getKey());
    expect(err.kind).toBe('offline');
    expect(fake.requests).toHaveLength(4);
    fake.reset();
    fake.setFault({ endpoint: 'key', fault: 'reset', times: 1 });
    await expect(client().getKey()).resolves.toMatchObject({ is_management_key: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('nothing listening: offline with the system error code', async () => {
    const closed = await startFakeOpenRouter();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const err = await failure(client({ baseUrl, maxRetries: 1 }).getKey());
    expect(err.kind).toBe('offline');
    expect(err.message).toContain('ECONNREFUSED');
    expect(delays).toHaveLength(1);
  });

  it('truncated JSON: badResponse, not retried', async () => {
    fake.setFault({ endpoint: 'models', fault: 'truncated' });
    const err = await failure(client().listModels());
    expect(err).toMatchObject({ kind: 'badResponse', status: 200 });
    expect(err.message).toMatch(/not valid JSON/);
    expect(fake.requests).toHaveLength(1);
  });

  it('an HTML page instead of JSON: badResponse', async () => {
    fake.setFault({ fault: 'html' });
    const err = await failure(client().getKey());
    expect(err.kind).toBe('badResponse');
    expect(err.message).toContain('text/html');
  });

  it('huge: refused above maxBodyBytes, read when under it', async () => {
    fake.setFault({ endpoint: 'models', fault: 'huge', times: 1 });
    const err = await failure(client({ maxBodyBytes: 5 * 1024 * 1024 }).listModels());
    expect(err.kind).toBe('badResponse');
    expect(err.message).toMatch(/larger than 5 MB/);
    fake.setFault({ endpoint: 'models', fault: 'huge', times: 1 });
    const ok = await client().listModels();
    expect(ok.data).toHaveLength(367);
  });

  it('a redirect is not followed (it could carry the key elsewhere)', async () => {
    const c = createOpenRouterClient({
      baseUrl: fake.baseUrl,
      key: INFERENCE_KEY,
      fetch: () => Promise.resolve(new Response(null, { status: 302, headers: { Location: 'https://evil.example/' } })),
    });
    const err = await failure(c.getKey());
    expect(err).toMatchObject({ kind: 'badResponse', status: 302 });
  });
});

describe('schema drift', () => {
  const expectations: [FakeEndpoint, string][] = [
    ['models', 'data[0].name'],
    ['datasets/rankings-daily', 'meta'],
    ['key', 'data.label'],
    ['credits', 'data.total_credits'],
    ['activity', 'data[0].model'],
    ['analytics/query', 'data.data'],
    ['models/endpoints', 'data.endpoints'],
  ];
  for (const [endpoint, path] of expectations) {
    it(`${endpoint}: badResponse naming ${path}`, async () => {
      fake.setFault({ endpoint, fault: 'drift' });
      const err = await failure(calls[endpoint](client()));
      expect(err).toMatchObject({ kind: 'badResponse', detailPath: path });
      expect(err.message).toContain(path);
      expect(fake.requests).toHaveLength(1);
    });
  }

  it('an error envelope inside a 200 is classified by its code', async () => {
    const c = createOpenRouterClient({
      baseUrl: fake.baseUrl,
      key: INFERENCE_KEY,
      fetch: () => Promise.resolve(Response.json({ error: { code: 402, message: 'Insufficient credits', metadata: { error_type: 'payment_required' } } })),
    });
    expect(await failure(c.getKey())).toMatchObject({ kind: 'paymentRequired' });
  });
});

describe('cancellation', () => {
  it('an aborted signal before the call: cancelled, nothing sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await failure(client().getKey({ signal: controller.signal }));
    expect(err.kind).toBe('cancelled');
    expect(fake.requests).toHaveLength(0);
  });

  it('aborting while the server is slow: cancelled, not timeout, not retried', async () => {
    fake.setFault({ endpoint: 'key', fault: 'slow', delayMs: 5_000 });
    const controller = new AbortController();
    const pending = client({ timeoutMs: 10_000 }).getKey({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await failure(pending);
    expect(err.kind).toBe('cancelled');
    expect(fake.requests).toHaveLength(1);
  });

  it('aborting during a backoff wait: cancelled, no further attempt', async () => {
    fake.setFault({ endpoint: 'key', fault: 500 });
    const controller = new AbortController();
    const c = createOpenRouterClient({
      baseUrl: fake.baseUrl,
      key: MANAGEMENT_KEY,
      random: () => 0.99,
    });
    const pending = c.getKey({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await failure(pending);
    expect(err.kind).toBe('cancelled');
    expect(fake.requests.length).toBeLessThan(4);
  });
});

describe('the key never leaks', () => {
  it('even when the server echoes it back in an error message', async () => {
    const c = createOpenRouterClient({
      baseUrl: fake.baseUrl,
      key: INFERENCE_KEY,
      log: (line) => logLines.push(line),
      fetch: () =>
        Promise.resolve(Response.json({ error: { code: 401, message: `Incorrect API key provided: ${INFERENCE_KEY}. Bearer ${INFERENCE_KEY}` } }, { status: 401 })),
    });
    const err = await failure(c.getKey());
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toContain('Incorrect API key provided');
    expect(err.message).toContain('[redacted]');
  });

  it('in no error, String(error), JSON of the error, stack or log line seen in this file', () => {
    expect(seenErrors.length).toBeGreaterThanOrEqual(30);
    for (const err of seenErrors) {
      const e = err as OpenRouterError;
      for (const text of [e.message, String(e), JSON.stringify(e), e.stack ?? '', JSON.stringify(e.toErrorInfo())]) {
        expect(text).not.toContain(INFERENCE_KEY);
        expect(text).not.toContain(MANAGEMENT_KEY);
        expect(text).not.toContain('sk-or-v1-test');
      }
    }
    for (const line of logLines) expect(line).not.toContain('sk-or-v1-test');
  });

  it('and no promise was left rejected without a handler', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  });
});
