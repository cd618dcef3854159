// POST /analytics/query: the response schema (counts as strings, null as unused, malformed counts never read
// as zero, metadata.truncated), the client's POST against the fake server (management key only, the body
// validated as the real endpoint does), and the fake's scenarios and fault kinds on this endpoint.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalyticsResponse } from '../../src/core/openrouter/schemas';
import { createOpenRouterClient, type AnalyticsQueryBody } from '../../src/core/openrouter/client';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import { analyticsQueryBody, HISTORY_METRICS } from '../../src/core/spend/history';
import { INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import { checkAnalyticsBody } from '../fake-openrouter/analytics';

const NOW = Date.parse('2026-07-29T12:00:00Z');

const row = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  date__day: '2026-07-20T00:00:00.000Z',
  model: 'deepseek/deepseek-v4-pro-20260701',
  total_usage: 1.25,
  byok_usage: 0,
  request_count: '12',
  tokens_prompt: '9007199254740993',
  tokens_completion: '500',
  reasoning_tokens: '20',
  cached_tokens: '100',
  cache_hit_rate: 0.4,
  ...over,
});
const envelope = (rows: unknown[], truncated = false): unknown => ({ data: { data: rows, metadata: { query_time_ms: 5, row_count: rows.length, truncated } } });

describe('parseAnalyticsResponse', () => {
  it('reads counts sent as strings exactly (past 2^53) and as numbers, and the day from date__day', () => {
    const r = parseAnalyticsResponse(envelope([row(), row({ request_count: 7, tokens_prompt: 30, date__day: undefined, created_at__day: '2026-07-21' })]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows[0]).toMatchObject({ date: '2026-07-20', requests: '12', promptTokens: '9007199254740993', cachedTokens: '100', cacheHitRate: 0.4, totalUsage: 1.25 });
    expect(r.value.rows[1]).toMatchObject({ date: '2026-07-21', requests: '7', promptTokens: '30' });
    expect(r.value.truncated).toBe(false);
  });

  it('reads an unused (null or absent) metric as zero, and an unknown rate as null', () => {
    const r = parseAnalyticsResponse(envelope([row({ cached_tokens: null, byok_usage: null, cache_hit_rate: null, reasoning_tokens: undefined })]));
    expect(r.ok && r.value.rows[0]).toMatchObject({ cachedTokens: '0', byokUsage: 0, cacheHitRate: null, reasoningTokens: '0' });
  });

  it.each([['12k'], ['n/a'], ['-5'], ['1e9'], ['1.5'], [-5], [1.5], [true], [' 12']])('a count of %j drops the row, never reads it as 0', (bad) => {
    const r = parseAnalyticsResponse(envelope([row(), row({ request_count: bad })]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows).toHaveLength(1);
    expect(r.value.dropped).toBe(1);
    expect(r.value.firstDropPath).toBe('data.data[1].request_count');
  });

  it('drops rows with negative or non-numeric money, or without a day or a model', () => {
    const r = parseAnalyticsResponse(envelope([row(), row({ total_usage: -1 }), row({ total_usage: 'lots' }), row({ date__day: undefined }), row({ date__day: 'yesterday' }), row({ model: '' })]));
    expect(r.ok && r.value.dropped).toBe(5);
  });

  it('refuses an answer whose every row is unreadable (drift), rather than reading it as no spend', () => {
    const r = parseAnalyticsResponse(envelope([row({ request_count: 'x' }), row({ tokens_prompt: 'y' })]));
    expect(r.ok).toBe(false);
  });

  it('says when OpenRouter truncated the answer', () => {
    const r = parseAnalyticsResponse(envelope([row()], true));
    expect(r.ok && r.value.truncated).toBe(true);
  });

  it('refuses an envelope without metadata.truncated', () => {
    expect(parseAnalyticsResponse({ data: { data: [row()] } }).ok).toBe(false);
    expect(parseAnalyticsResponse({ data: [row()] }).ok).toBe(false);
  });
});

describe('analyticsQueryBody', () => {
  it('asks for daily rows by model over whole completed UTC days, within the documented limits', () => {
    const body = analyticsQueryBody(90, NOW);
    expect(body).toMatchObject({ dimensions: ['model'], granularity: 'day', limit: 10_000 });
    expect(body.metrics).toEqual([...HISTORY_METRICS]);
    expect(body.time_range).toEqual({ start: '2026-04-30T00:00:00.000Z', end: '2026-07-28T23:59:59.999Z' });
    expect(checkAnalyticsBody(body, new Date(NOW))).toBeNull();
    expect(checkAnalyticsBody(analyticsQueryBody(7, NOW), new Date(NOW))).toBeNull();
  });
});

describe('queryAnalytics against the fake OpenRouter', () => {
  let fake: FakeOpenRouter;
  beforeAll(async () => {
    fake = await startFakeOpenRouter({ now: () => new Date(NOW) });
  });
  afterAll(async () => {
    await fake.close();
  });
  afterEach(() => fake.reset());
  const client = (key = MANAGEMENT_KEY): ReturnType<typeof createOpenRouterClient> =>
    createOpenRouterClient({ baseUrl: fake.baseUrl, key, now: () => NOW, sleep: () => Promise.resolve(), random: () => 0 });
  const fail = async (p: Promise<unknown>): Promise<OpenRouterError> => {
    try {
      await p;
    } catch (e) {
      expect(OpenRouterError.is(e)).toBe(true);
      return e as OpenRouterError;
    }
    throw new Error('expected a failure');
  };

  it('POSTs the body with the management key and reads 30 days of rows by model', async () => {
    const r = await client().queryAnalytics(analyticsQueryBody(30, NOW));
    expect(r.truncated).toBe(false);
    expect(r.dropped).toBe(0);
    const days = new Set(r.rows.map((x) => x.date));
    expect(days.size).toBeGreaterThan(25);
    expect([...days].every((d) => d >= '2026-06-29' && d <= '2026-07-28')).toBe(true);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', endpoint: 'analytics/query', keyRole: 'management', status: 200 });
  });

  it('an inference key gets 403 forbidden', async () => {
    const err = await fail(client(INFERENCE_KEY).queryAnalytics(analyticsQueryBody(30, NOW)));
    expect(err).toMatchObject({ kind: 'forbidden', status: 403 });
  });

  const invalid: [string, Partial<AnalyticsQueryBody>][] = [
    ['three dimensions', { dimensions: ['model', 'provider', 'app'] }],
    ['21 filters', { filters: Array.from({ length: 21 }, () => ({ field: 'model', operator: 'eq', value: 'x' })) }],
    ['a limit over 10,000', { limit: 10_001 }],
    ['no metrics', { metrics: [] }],
    ['minute granularity over more than 3 hours', { granularity: 'minute' }],
  ];
  it.each(invalid)('the fake refuses %s with a 400, as the real endpoint does', async (_name, over) => {
    const err = await fail(client().queryAnalytics({ ...analyticsQueryBody(30, NOW), ...over }));
    expect(err).toMatchObject({ kind: 'config', status: 400 });
  });

  it('truncated scenario: fewer rows and truncated: true', async () => {
    const full = await client().queryAnalytics(analyticsQueryBody(30, NOW));
    fake.scenario('analyticsTruncated');
    const part = await client().queryAnalytics(analyticsQueryBody(30, NOW));
    expect(part.truncated).toBe(true);
    expect(part.rows.length).toBeLessThan(full.rows.length);
  });

  it('refused scenario: 403 for the management key too', async () => {
    fake.scenario('analyticsRefused');
    expect(await fail(client().queryAnalytics(analyticsQueryBody(30, NOW)))).toMatchObject({ kind: 'forbidden' });
  });

  it('malformed scenario: the rows with non-numeric counts are dropped and counted', async () => {
    fake.scenario('analyticsMalformed');
    const r = await client().queryAnalytics(analyticsQueryBody(30, NOW));
    expect(r.dropped).toBeGreaterThan(0);
    expect(r.rows.length).toBeGreaterThan(0);
  });

  it('faults: 500 is retried, 429 honours Retry-After, html and cut JSON are badResponse, slow is a timeout', async () => {
    fake.setFault({ endpoint: 'analytics/query', fault: 500, times: 1 });
    expect((await client().queryAnalytics(analyticsQueryBody(7, NOW))).rows.length).toBeGreaterThan(0);
    fake.reset();
    fake.setFault({ endpoint: 'analytics/query', fault: 429, retryAfter: 120 });
    expect(await fail(client().queryAnalytics(analyticsQueryBody(7, NOW)))).toMatchObject({ kind: 'rateLimited', retryAfterMs: 120_000 });
    fake.reset();
    fake.setFault({ endpoint: 'analytics/query', fault: 'html' });
    expect(await fail(client().queryAnalytics(analyticsQueryBody(7, NOW)))).toMatchObject({ kind: 'badResponse' });
    fake.reset();
    fake.setFault({ endpoint: 'analytics/query', fault: 'truncated' });
    expect(await fail(client().queryAnalytics(analyticsQueryBody(7, NOW)))).toMatchObject({ kind: 'badResponse' });
    fake.reset();
    fake.setFault({ endpoint: 'analytics/query', fault: 'slow', delayMs: 2_000 });
    const slow = createOpenRouterClient({ baseUrl: fake.baseUrl, key: MANAGEMENT_KEY, timeoutMs: 100, maxRetries: 0 });
    expect(await fail(slow.queryAnalytics(analyticsQueryBody(7, NOW)))).toMatchObject({ kind: 'timeout' });
  });

  it('a GET is refused with 405: the endpoint is POST only', async () => {
    const res = await fetch(`${fake.baseUrl}/analytics/query`, { headers: { Authorization: `Bearer ${MANAGEMENT_KEY}` } });
    expect(res.status).toBe(405);
  });
});
