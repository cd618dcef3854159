// The spend history: analytics rows aggregated per day and model (exact sums), the /activity fallback in the
// same shape, and the cache that keeps it within OpenRouter's rate limits.
import { describe, expect, it } from 'vitest';
import { buildSpendHistory, effectivePerMillion, historyWindow, spendHistoryFromActivity } from '../../src/core/spend/history';
import { createSpendHistoryCache, HISTORY_MAX_QUERIES_PER_HOUR, HISTORY_TTL_MS, type ManagementState } from '../../src/core/spend/historyCache';
import type { AnalyticsRow, ParsedAnalytics } from '../../src/core/openrouter/schemas';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import { buildActivityView } from '../../src/core/account/activity';
import type { ActivityView, ErrorInfo } from '../../src/shared/types';

const NOW = Date.parse('2026-07-29T12:00:00Z'); // completed days end 2026-07-28

const r = (over: Partial<AnalyticsRow> = {}): AnalyticsRow => ({
  date: '2026-07-28',
  model: 'deepseek/deepseek-v4-pro',
  totalUsage: 0.1,
  byokUsage: 0,
  requests: '10',
  promptTokens: '1000',
  completionTokens: '100',
  reasoningTokens: '10',
  cachedTokens: '400',
  cacheHitRate: 0.5,
  ...over,
});

describe('historyWindow', () => {
  it('covers whole completed UTC days ending yesterday', () => {
    expect(historyWindow(7, NOW)).toEqual({ start: '2026-07-22', end: '2026-07-28' });
    expect(historyWindow(90, Date.parse('2026-03-01T00:00:01Z'))).toEqual({ start: '2025-12-01', end: '2026-02-28' });
  });
});

describe('buildSpendHistory', () => {
  it('lists every day of the window, zero days included, oldest first', () => {
    const v = buildSpendHistory({ rows: [r()], truncated: false, dropped: 0 }, { requested: 7, now: NOW });
    expect(v.daily.map((d) => d.date)).toEqual(['2026-07-22', '2026-07-23', '2026-07-24', '2026-07-25', '2026-07-26', '2026-07-27', '2026-07-28']);
    expect(v.daily[0]).toEqual({ date: '2026-07-22', models: [], total: 0 });
    expect(v.days).toBe(7);
    expect(v.source).toBe('analytics');
    expect(v.fallback).toBeNull();
  });

  it('sums tokens exactly past 2^53 and money to the nano-dollar, per model and overall', () => {
    const big = '9007199254740993';
    const rows = [
      r({ promptTokens: big, totalUsage: 0.1 }),
      r({ date: '2026-07-27', promptTokens: big, totalUsage: 0.2 }),
      r({ date: '2026-07-27', model: 'qwen/qwen3.7-plus', totalUsage: 0.7, requests: '3' }),
    ];
    const v = buildSpendHistory({ rows, truncated: false, dropped: 0 }, { requested: 7, now: NOW });
    const ds = v.byModel.find((m) => m.model === 'deepseek/deepseek-v4-pro');
    expect(ds?.promptTokens).toBe('18014398509481986');
    expect(ds?.spend).toBe(0.3); // not 0.30000000000000004
    expect(v.total).toBe(1);
    expect(v.byModel.map((m) => m.model)).toEqual(['qwen/qwen3.7-plus', 'deepseek/deepseek-v4-pro']);
    expect(v.daily.find((d) => d.date === '2026-07-27')?.total).toBe(0.9);
  });

  it('weights the cache-hit rate by requests, and leaves it unknown when no row had one', () => {
    const v = buildSpendHistory(
      { rows: [r({ requests: '30', cacheHitRate: 0.2 }), r({ date: '2026-07-27', requests: '10', cacheHitRate: 1 }), r({ model: 'x/y', cacheHitRate: null })], truncated: false, dropped: 0 },
      { requested: 7, now: NOW },
    );
    expect(v.byModel.find((m) => m.model === 'deepseek/deepseek-v4-pro')?.cacheHitRate).toBeCloseTo(0.4, 10);
    expect(v.byModel.find((m) => m.model === 'x/y')?.cacheHitRate).toBeNull();
  });

  it('effective $/1M is spend over prompt + completion tokens; none without tokens', () => {
    const v = buildSpendHistory({ rows: [r({ totalUsage: 2.2, promptTokens: '1000000', completionTokens: '100000' })], truncated: false, dropped: 0 }, { requested: 7, now: NOW });
    expect(v.byModel[0]?.effectivePerMillion).toBeCloseTo(2, 10);
    expect(effectivePerMillion(1, 0n)).toBeNull();
  });

  it('counts rows dated outside the window (today, or before it) as left out, with what the schema dropped', () => {
    const v = buildSpendHistory({ rows: [r(), r({ date: '2026-07-29', totalUsage: 50 }), r({ date: '2026-07-21', totalUsage: 50 })], truncated: true, dropped: 2 }, { requested: 7, now: NOW });
    expect(v.total).toBe(0.1);
    expect(v.droppedRows).toBe(4);
    expect(v.truncated).toBe(true);
  });

  it('keeps BYOK apart inside the spend', () => {
    const v = buildSpendHistory({ rows: [r({ totalUsage: 1, byokUsage: 0.75 })], truncated: false, dropped: 0 }, { requested: 7, now: NOW });
    expect(v.byokTotal).toBe(0.75);
    expect(v.byModel[0]).toMatchObject({ spend: 1, byokSpend: 0.75 });
  });
});

function activity(): ActivityView {
  return buildActivityView(
    [
      { date: '2026-07-28', model: 'deepseek/deepseek-v4-pro', usage: 1, byok_usage_inference: 0.5, requests: 4, prompt_tokens: 4000, completion_tokens: 400, reasoning_tokens: 40 },
      { date: '2026-07-01', model: 'qwen/qwen3.7-plus', usage: 0.25, requests: 1, prompt_tokens: 100, completion_tokens: 10 },
    ],
    { now: NOW },
  );
}

describe('spendHistoryFromActivity', () => {
  const why: ErrorInfo = { kind: 'forbidden', message: 'refused', status: 403 };
  it('is the 30-day /activity window with credits + BYOK as spend, no cache figures, and says why', () => {
    const v = spendHistoryFromActivity(activity(), { requested: 90, fallback: why, fetchedAt: NOW });
    expect(v).toMatchObject({ source: 'activity', requested: 90, days: 30, start: '2026-06-29', end: '2026-07-28', fallback: why, truncated: false });
    expect(v.total).toBe(1.75);
    expect(v.byokTotal).toBe(0.5);
    expect(v.byModel[0]).toMatchObject({ model: 'deepseek/deepseek-v4-pro', spend: 1.5, cachedTokens: null, cacheHitRate: null, promptTokens: '4000' });
  });
});

function parsed(rows: AnalyticsRow[], truncated = false): ParsedAnalytics {
  return { rows, truncated, warnings: [], dropped: 0, firstDropPath: null };
}

function harness(opts: { management?: ManagementState; activity?: ActivityView | null; fail?: OpenRouterError | null } = {}) {
  let now = NOW;
  const calls: unknown[] = [];
  let fail = opts.fail ?? null;
  let release: (() => void) | null = null;
  let hold = false;
  const cache = createSpendHistoryCache({
    query: async (body) => {
      calls.push(body);
      if (hold) await new Promise<void>((res) => (release = res));
      if (fail) throw fail;
      return parsed([r()]);
    },
    activity: () => (opts.activity === undefined ? null : opts.activity),
    activityError: () => null,
    management: () => opts.management ?? 'usable',
    now: () => now,
  });
  return {
    cache,
    calls,
    advance: (ms: number) => (now += ms),
    setFail: (e: OpenRouterError | null) => (fail = e),
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('the history cache', () => {
  it('asks at most once per window per 15 minutes; a refresh asks again', async () => {
    const h = harness();
    await h.cache.get(30);
    await h.cache.get(30);
    h.advance(HISTORY_TTL_MS - 1);
    await h.cache.get(30);
    expect(h.calls).toHaveLength(1);
    await h.cache.get(7);
    expect(h.calls).toHaveLength(2);
    h.advance(1);
    await h.cache.get(30);
    expect(h.calls).toHaveLength(3);
    await h.cache.get(30, { refresh: true });
    expect(h.calls).toHaveLength(4);
  });

  it('shares one request between callers while it runs', async () => {
    const h = harness();
    h.holdNext();
    const a = h.cache.get(90);
    const b = h.cache.get(90, { refresh: true });
    await Promise.resolve();
    h.release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(h.calls).toHaveLength(1);
    expect(ra).toBe(rb);
  });

  it('the stated budget is 12 queries an hour (3 windows, every 15 minutes)', () => {
    expect(HISTORY_MAX_QUERIES_PER_HOUR).toBe(12);
  });

  it('analytics refused: the /activity fallback, saying why', async () => {
    const h = harness({ activity: activity(), fail: new OpenRouterError({ kind: 'forbidden', status: 403, message: '/api/v1/analytics/query: refused (403).' }) });
    const res = await h.cache.get(30);
    expect(res.status).toBe('ok');
    if (res.status !== 'ok') return;
    expect(res.view.source).toBe('activity');
    expect(res.view.fallback).toMatchObject({ kind: 'forbidden', status: 403 });
  });

  it.each(['notFound', 'config', 'badResponse', 'server', 'rateLimited'] as const)('analytics failing with %s also falls back', async (kind) => {
    const h = harness({ activity: activity(), fail: new OpenRouterError({ kind, message: 'x' }) });
    const res = await h.cache.get(7);
    expect(res.status === 'ok' && res.view.source).toBe('activity');
  });

  it('analytics and activity both missing: unavailable with the error, never a figure', async () => {
    const h = harness({ activity: null, fail: new OpenRouterError({ kind: 'offline', message: 'offline' }) });
    const res = await h.cache.get(30);
    expect(res).toEqual({ status: 'unavailable', reason: 'error', cause: expect.objectContaining({ kind: 'offline' }) });
    // Retried after a minute, not after 15.
    h.setFail(null);
    h.advance(60_000);
    expect((await h.cache.get(30)).status).toBe('ok');
  });

  it('no management key, or an ordinary one: unavailable, and nothing is asked', async () => {
    for (const management of ['none', 'notManagement'] as const) {
      const h = harness({ management });
      const res = await h.cache.get(30);
      expect(res).toEqual({ status: 'unavailable', reason: management === 'none' ? 'noManagementKey' : 'notManagementKey', cause: null });
      expect(h.calls).toHaveLength(0);
    }
  });

  it('clear() forgets the old key’s history, and an answer that arrives after it is not kept', async () => {
    const h = harness();
    h.holdNext();
    const pending = h.cache.get(30);
    h.cache.clear();
    h.release();
    await pending;
    expect(h.cache.peek(30)).toBeNull();
    await h.cache.get(30);
    expect(h.cache.peek(30)?.status).toBe('ok');
    h.cache.clear();
    expect(h.cache.peek(30)).toBeNull();
  });
});

describe('spend/history over the webview protocol', async () => {
  const { guardWebviewMessage } = await import('../../src/core/bridge/protocolGuard');
  const { createWebviewRequestHandlers } = await import('../../src/core/bridge/handlers');
  const msg = (params: unknown): unknown => ({ type: 'request', id: 7, method: 'spend/history', params });

  it('accepts the three windows and an optional refresh, nothing else', () => {
    for (const window of [7, 30, 90]) expect(guardWebviewMessage(msg({ window })).ok).toBe(true);
    expect(guardWebviewMessage(msg({ window: 30, refresh: true })).ok).toBe(true);
    for (const bad of [{ window: 14 }, { window: '30' }, {}, { window: 30, refresh: 'yes' }, { window: 30, path: '/etc' }]) {
      expect(guardWebviewMessage(msg(bad))).toMatchObject({ ok: false, requestId: 7 });
    }
  });

  it('hands the window and refresh to the host’s history, and refuses when there is none', async () => {
    const seen: unknown[] = [];
    const base = {
      snapshot: () => ({}) as never,
      references: () => ({ refs: [], scanning: false, files: 0, note: null }),
      isCatalogModel: () => true,
      compare: () => ({}) as never,
      effects: {} as never,
    };
    const h = createWebviewRequestHandlers({ ...base, spendHistory: (w, r) => (seen.push([w, r]), Promise.resolve({ status: 'unavailable', reason: 'noManagementKey', cause: null })) });
    await h['spend/history']({ window: 90 });
    await h['spend/history']({ window: 7, refresh: true });
    expect(seen).toEqual([[90, false], [7, true]]);
    await expect(createWebviewRequestHandlers(base)['spend/history']({ window: 30 })).rejects.toMatchObject({ kind: 'refused' });
  });
});
