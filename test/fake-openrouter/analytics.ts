// POST /analytics/query for the fake OpenRouter: the body checked as the real endpoint documents it
// (openrouter-api-more.md §1: metrics required, at most 2 dimensions, at most 20 filters, limit ≤ 10,000,
// group_limit 1–10,000, granularities, minute ≤ 3 h, 365-day lookback), and daily rows by model built from the
// same seeded usage as /activity, with counts as strings the way OpenRouter sends them.
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import { buildActivity, isoDay } from './builders';

export const ANALYTICS_MODES = ['normal', 'truncated', 'refused', 'malformed'] as const;
/**
 * normal: every row; truncated: half the rows and metadata.truncated true; refused: 403 (analytics not enabled
 * for the account), so the extension falls back to /activity; malformed: every other row has counts that are
 * not decimal strings ("12k", "n/a", -5, "1e9").
 */
export type AnalyticsMode = (typeof ANALYTICS_MODES)[number];

export const ANALYTICS_METRICS = [
  'request_count', 'tokens_total', 'tokens_prompt', 'tokens_completion', 'reasoning_tokens', 'cached_tokens', 'byok_request_count',
  'guardrail_invoked_count', 'response_cached_count', 'total_usage', 'byok_usage', 'credits_usage', 'openrouter_usage', 'byok_fees',
  'usage_upstream', 'usage_cache', 'usage_data', 'usage_web', 'usage_upstream_web', 'cache_hit_rate', 'guardrail_invoked_rate', 'response_cached_rate',
] as const;
export const ANALYTICS_DIMENSIONS = ['model', 'variant', 'api_key_id', 'user', 'workspace', 'app', 'generation_id', 'provider', 'origin', 'country', 'finish_reason', 'external_user', 'context_length_bucket'] as const;
const OPERATORS = ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte'];
const GRANULARITIES = ['minute', 'hour', 'day', 'week', 'month'];
const DAY_MS = 86_400_000;

export interface AnalyticsReply {
  status: number;
  body: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const intIn = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The body's first problem as OpenRouter words it ("dimensions: Too big…"), or null when it is valid. */
export function checkAnalyticsBody(body: unknown, now: Date): string | null {
  if (!isRecord(body)) return 'Body must be a JSON object';
  const { metrics, dimensions, filters, granularity, time_range, order_by, limit, group_limit } = body;
  if (!Array.isArray(metrics) || metrics.length < 1) return 'metrics: Too small: expected array to have >=1 items';
  for (const m of metrics) if (!(ANALYTICS_METRICS as readonly unknown[]).includes(m)) return `metrics: Unknown metric ${JSON.stringify(m)}`;
  if (dimensions !== undefined) {
    if (!Array.isArray(dimensions)) return 'dimensions: Expected array';
    if (dimensions.length > 2) return 'dimensions: Too big: expected array to have <=2 items';
    for (const d of dimensions) if (!(ANALYTICS_DIMENSIONS as readonly unknown[]).includes(d)) return `dimensions: Unknown dimension ${JSON.stringify(d)}`;
  }
  if (filters !== undefined) {
    if (!Array.isArray(filters)) return 'filters: Expected array';
    if (filters.length > 20) return 'filters: Too big: expected array to have <=20 items';
    for (const f of filters) {
      if (!isRecord(f) || typeof f.field !== 'string' || !OPERATORS.includes(String(f.operator)) || f.value === undefined) return 'filters: Each filter needs field, operator and value';
    }
  }
  if (granularity !== undefined && !GRANULARITIES.includes(String(granularity))) return `granularity: Expected one of ${GRANULARITIES.join('|')}`;
  let span = 7 * DAY_MS;
  if (time_range !== undefined) {
    if (!isRecord(time_range) || typeof time_range.start !== 'string' || typeof time_range.end !== 'string') return 'time_range: Expected { start, end }';
    const start = Date.parse(time_range.start);
    const end = Date.parse(time_range.end);
    if (Number.isNaN(start) || Number.isNaN(end)) return 'time_range: Invalid ISO date-time';
    if (start >= end) return 'time_range: start must be before end';
    if (now.getTime() - start > 365 * DAY_MS + DAY_MS) return 'time_range: Lookback is limited to 365 days';
    span = end - start;
  }
  if (granularity === 'minute' && span > 3 * 3_600_000) return 'granularity: minute needs a time range of 3 hours or less';
  if (order_by !== undefined) {
    if (!isRecord(order_by) || typeof order_by.field !== 'string' || (order_by.direction !== 'asc' && order_by.direction !== 'desc')) return 'order_by: Expected { field, direction: asc|desc }';
    const known = [...(Array.isArray(metrics) ? metrics : []), ...(Array.isArray(dimensions) ? dimensions : []), 'date', 'request_count'];
    if (!known.includes(order_by.field)) return `order_by: Unknown field ${JSON.stringify(order_by.field)}`;
  }
  if (limit !== undefined && !intIn(limit, 1, 10_000)) return 'limit: Expected an integer from 1 to 10000';
  if (group_limit !== undefined && !intIn(group_limit, 1, 10_000)) return 'group_limit: Expected an integer from 1 to 10000';
  return null;
}

/** The rows the fake account has: 90 days of the /activity builder's usage, with cache figures added. */
export function buildAnalyticsRows(models: readonly ApiModel[], now: Date): Record<string, unknown>[] {
  return buildActivity({ models, now, days: 90 }).map((r, i) => {
    // A seeded, model-stable share of prompt tokens read from the cache.
    const share = ((r.model.length * 7 + i) % 5) / 10;
    const cached = Math.round(r.prompt_tokens * share);
    return {
      date__day: `${r.date}T00:00:00.000Z`,
      model: r.model_permaslug ?? r.model,
      total_usage: r.usage + (r.byok_usage_inference ?? 0),
      byok_usage: r.byok_usage_inference ?? 0,
      request_count: String(r.requests),
      tokens_prompt: String(r.prompt_tokens),
      tokens_completion: String(r.completion_tokens),
      reasoning_tokens: String(r.reasoning_tokens ?? 0),
      cached_tokens: String(cached),
      cache_hit_rate: share === 0 ? 0 : Math.min(1, share + 0.2),
    };
  });
}

const MALFORMED = ['12k', 'n/a', -5, '1e9'];

/** The answer for a valid body (management key already checked). */
export function analyticsReply(body: Record<string, unknown>, rows: readonly Record<string, unknown>[], mode: AnalyticsMode, now: Date): AnalyticsReply {
  if (mode === 'refused') {
    return { status: 403, body: { error: { code: 403, message: 'Analytics is not enabled for this account', metadata: { error_type: 'permission_denied' } } } };
  }
  const range = body.time_range as { start: string; end: string } | undefined;
  const end = range ? Date.parse(range.end) : now.getTime();
  const start = range ? Date.parse(range.start) : end - 7 * DAY_MS;
  const metrics = new Set(body.metrics as string[]);
  const limit = typeof body.limit === 'number' ? body.limit : 1000;
  let data = rows
    .filter((r) => {
      const t = Date.parse(String(r.date__day));
      return t >= start && t < end;
    })
    .map((r) => {
      const out: Record<string, unknown> = { date__day: r.date__day, model: r.model };
      for (const m of metrics) out[m] = r[m] ?? null;
      return out;
    });
  let truncated = data.length > limit;
  data = data.slice(0, limit);
  if (mode === 'truncated') {
    data = data.slice(0, Math.ceil(data.length / 2));
    truncated = true;
  }
  if (mode === 'malformed') {
    data = data.map((r, i) => (i % 2 === 1 ? { ...r, request_count: MALFORMED[i % MALFORMED.length], tokens_prompt: MALFORMED[(i + 1) % MALFORMED.length] } : r));
  }
  return { status: 200, body: { data: { data, metadata: { query_time_ms: 12, row_count: data.length, truncated }, cachedAt: isoDay(now.getTime()) } } };
}
