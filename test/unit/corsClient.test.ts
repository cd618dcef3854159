// Issue #16: in the browser's extension host every request to OpenRouter is cross-origin. The fake server answers
// CORS the way OpenRouter does (only Authorization and Content-Type allowed), a browser-like fetch enforces it
// (test/support/browserFetch.ts), and the client in cross-origin mode must get through with every endpoint; a
// request the browser refuses is the typed `blocked` state, not "offline" and not an empty answer.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouterClient, type OpenRouterClientOptions } from '../../src/core/openrouter/client';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import { analyticsQueryBody } from '../../src/core/spend/history';
import { CORS_ALLOWED_HEADERS, INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import { browserFetch, type BrowserFetchLog } from '../support/browserFetch';

const NOW = new Date('2026-07-29T12:00:00Z');
const ORIGIN = 'https://vscode.dev';
let fake: FakeOpenRouter;

beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => NOW });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

async function failure(promise: Promise<unknown>): Promise<OpenRouterError> {
  try {
    await promise;
  } catch (err) {
    expect(OpenRouterError.is(err)).toBe(true);
    return err as OpenRouterError;
  }
  throw new Error('expected the call to fail');
}

function inBrowser(extra: Partial<OpenRouterClientOptions> = {}): { client: ReturnType<typeof createOpenRouterClient>; log: BrowserFetchLog; lines: string[] } {
  const log: BrowserFetchLog = { preflights: [], refused: [] };
  const lines: string[] = [];
  const client = createOpenRouterClient({ baseUrl: fake.baseUrl, fetch: browserFetch(ORIGIN, log), sleep: () => Promise.resolve(), log: (l) => lines.push(l), ...extra });
  return { client, log, lines };
}

describe('the fake server answers CORS the way OpenRouter does', () => {
  const preflight = (headers: string): Promise<Response> =>
    fetch(`${fake.baseUrl}/key`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': headers } });

  it('allows Authorization and Content-Type from any origin, naming that origin', async () => {
    const res = await preflight('authorization,content-type');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/).sort()).toEqual([...CORS_ALLOWED_HEADERS].sort());
    expect(fake.preflights.at(-1)).toMatchObject({ origin: ORIGIN, method: 'GET', allowed: true });
  });

  it.each(['http-referer', 'x-openrouter-title', 'x-title', 'openai-beta', 'authorization,x-stainless-os'])('refuses a preflight asking for %s', async (headers) => {
    const res = await preflight(headers);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(fake.preflights.at(-1)?.allowed).toBe(false);
  });

  it('refuses a method other than GET and POST, and names the origin on an ordinary answer', async () => {
    const res = await fetch(`${fake.baseUrl}/models`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'DELETE' } });
    expect(res.status).toBe(403);
    const models = await fetch(`${fake.baseUrl}/models`, { headers: { Origin: ORIGIN } });
    expect(models.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    await models.arrayBuffer();
  });
});

describe('the client in cross-origin mode (the web extension host)', () => {
  it('gets through with every endpoint it uses, sending only Authorization and Content-Type', async () => {
    const { client, log } = inBrowser({ crossOrigin: true });
    expect((await client.listModels()).data.length).toBeGreaterThan(300);
    expect((await client.listModels({ key: INFERENCE_KEY })).data.length).toBeGreaterThan(300);
    expect((await client.topWeeklyOrder()).length).toBeGreaterThan(0);
    expect((await client.getKey({ key: INFERENCE_KEY })).label).toBeTruthy();
    expect(await client.getCredits({ key: MANAGEMENT_KEY })).toEqual({ total_credits: 150, total_usage: 42.25 });
    expect((await client.getActivity({ key: MANAGEMENT_KEY })).data.length).toBeGreaterThan(0);
    expect((await client.rankingsDaily({ key: INFERENCE_KEY, startDate: '2026-07-20', endDate: '2026-07-26' })).data.length).toBeGreaterThan(0);
    await client.queryAnalytics(analyticsQueryBody(7, NOW), { key: MANAGEMENT_KEY });
    expect(log.refused).toEqual([]);
    // A preflight for every request with a key, asking for Authorization (and Content-Type for the POST) only.
    expect(new Set(log.preflights.map((p) => p.headers.join(',')))).toEqual(new Set(['authorization', 'authorization,content-type']));
    expect(fake.preflights.every((p) => p.allowed)).toBe(true);
    expect(fake.requests.every((r) => r.referer === null && r.title === null)).toBe(true);
  });

  it('is what the desktop client is not: its attribution headers are refused by the browser, so the web host must not send them', async () => {
    const { client, log } = inBrowser({ crossOrigin: false, isOnline: () => true });
    const err = await failure(client.getKey({ key: INFERENCE_KEY }));
    expect(log.refused.join('\n')).toMatch(/preflight answered 403/);
    expect(fake.preflights.some((p) => !p.allowed && p.headers.includes('http-referer'))).toBe(true);
    // Desktop mode never says "blocked": it has no browser to blame.
    expect(err.kind).toBe('offline');
  });

  it('turns a request the browser refused into `blocked`, once, not retried and not "offline"', async () => {
    let calls = 0;
    const { client, lines } = inBrowser({
      crossOrigin: true,
      isOnline: () => true,
      fetch: () => {
        calls++;
        return Promise.reject(new TypeError('Failed to fetch'));
      },
    });
    const err = await failure(client.getKey({ key: INFERENCE_KEY }));
    expect(err.kind).toBe('blocked');
    expect(err.toErrorInfo()).toEqual({ kind: 'blocked', message: '/api/v1/key: your browser blocked this request to OpenRouter (cross-origin).' });
    expect(calls).toBe(1);
    expect(lines.join('\n')).toMatch(/GET \/api\/v1\/key blocked \d+ms attempt 1\/4/);
    expect(JSON.stringify(err)).not.toContain(INFERENCE_KEY);
  });

  it('is `blocked` against a server that answers without CORS (a real browser refuses to hand over its answer)', async () => {
    const plain = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: [] }));
    });
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    try {
      const { port } = plain.address() as AddressInfo;
      const { client, log } = inBrowser({ crossOrigin: true, isOnline: () => true, baseUrl: `http://127.0.0.1:${port}/api/v1` });
      // Public and keyless: no preflight, the answer itself lacks Access-Control-Allow-Origin.
      expect((await failure(client.listModels())).kind).toBe('blocked');
      expect(log.refused.join('\n')).toMatch(/response allows origin none/);
    } finally {
      await new Promise((r) => plain.close(r));
    }
  });

  it('is `offline`, retried, when the browser says it is offline', async () => {
    let calls = 0;
    const { client } = inBrowser({
      crossOrigin: true,
      isOnline: () => false,
      fetch: () => {
        calls++;
        return Promise.reject(new TypeError('Failed to fetch'));
      },
    });
    expect((await failure(client.listModels())).kind).toBe('offline');
    expect(calls).toBe(4);
  });
});
