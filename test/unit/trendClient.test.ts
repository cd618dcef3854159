// Weekly rankings (period=week) through the client and the fake server, into the trend view.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouterClient } from '../../src/core/openrouter/client';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import { buildTrendView, streakSentence, trendWindow } from '../../src/core/market/trend';
import { INFERENCE_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import { WEEKLY_CN_STREAK, lastCompleteWeek } from '../fake-openrouter/weekly';

const NOW = new Date('2026-12-01T12:00:00Z');
let fake: FakeOpenRouter;

beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => NOW });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

const client = (fetchImpl?: typeof fetch): ReturnType<typeof createOpenRouterClient> =>
  createOpenRouterClient({ baseUrl: fake.baseUrl, key: INFERENCE_KEY, sleep: () => Promise.resolve(), maxRetries: 1, fetch: fetchImpl });

async function failure(p: Promise<unknown>): Promise<OpenRouterError> {
  try {
    await p;
  } catch (err) {
    if (OpenRouterError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('rankingsDaily with period=week', () => {
  it('sends period=week and reads 52 Monday-dated weeks with a lead change 37 weeks back', async () => {
    const win = trendWindow(NOW.getTime(), 52);
    const result = await client().rankingsDaily({ startDate: win.start, endDate: win.end, period: 'week' });
    expect(fake.requests.at(-1)?.path).toContain('period=week');
    const dates = [...new Set(result.data.map((r) => r.date))];
    expect(dates).toHaveLength(52);
    expect(dates.at(-1)).toBe(lastCompleteWeek(NOW));
    const view = buildTrendView(result.data, { now: NOW.getTime(), asOf: result.meta.as_of ?? null, droppedRows: result.dropped });
    expect(view.missingWeeks).toEqual([]);
    expect(view.streak).toMatchObject({ leader: 'CN', weeks: WEEKLY_CN_STREAK, missingInside: 0, openStart: false });
    expect(view.lastChange).toMatchObject({ from: 'US', to: 'CN' });
    expect(streakSentence(view)).toMatch(/^China has led OpenRouter tokens 37 weeks in a row/);
  });

  it('a missing week is a gap the streak reads across and counts', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 'missingWeek' });
    const win = trendWindow(NOW.getTime(), 52);
    const result = await client().rankingsDaily({ startDate: win.start, endDate: win.end, period: 'week' });
    const view = buildTrendView(result.data, { now: NOW.getTime() });
    expect(view.missingWeeks).toHaveLength(1);
    expect(view.streak).toMatchObject({ leader: 'CN', weeks: WEEKLY_CN_STREAK - 1, missingInside: 1 });
    expect(streakSentence(view)).toContain('with 1 week missing');
  });

  it('malformed weekly rows are dropped and counted; a broken envelope is a typed schema error', async () => {
    const body = {
      data: [
        { date: '2026-11-23', model_permaslug: 'deepseek/deepseek-v4-flash-20260423', total_tokens: '100' },
        { date: '2026-11-23', model_permaslug: 'openai/gpt-5-20250807', total_tokens: 90 },
        { date: 'week 47', model_permaslug: 'openai/gpt-5-20250807', total_tokens: '90' },
        { date: '2026-11-23', total_tokens: '90' },
        null,
      ],
      meta: { as_of: '2026-11-29T23:59:59Z', version: 'v1', start_date: '2025-12-01', end_date: '2026-11-29' },
    };
    const reply = (b: unknown): typeof fetch => () => Promise.resolve(new Response(JSON.stringify(b), { status: 200, headers: { 'content-type': 'application/json' } }));
    const result = await client(reply(body)).rankingsDaily({ period: 'week' });
    expect(result.data).toHaveLength(1);
    expect(result.dropped).toBe(4);
    const view = buildTrendView(result.data, { now: NOW.getTime(), droppedRows: result.dropped });
    expect(view.droppedRows).toBe(4);
    expect(view.streak).toMatchObject({ leader: 'CN', weeks: 1 });
    const broken = await failure(client(reply({ rows: [] })).rankingsDaily({ period: 'week' }));
    expect(broken.kind).toBe('badResponse');
  });

  it('an unknown period is refused before any request', async () => {
    const before = fake.requests.length;
    const err = await failure(client().rankingsDaily({ period: 'year' as 'week' }));
    expect(err.kind).toBe('config');
    expect(fake.requests.length).toBe(before);
  });
});
