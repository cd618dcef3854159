// Per-model spend history: POST /analytics/query (management key, daily, by model) read into one view, or the
// /activity fallback (30 days) in the same shape when analytics is refused. Pure: no clock but the one passed in.
import type { ActivityView, ErrorInfo, SpendHistoryDay, SpendHistoryView, SpendModelTotals, SpendWindow } from '../../shared/types';
import type { AnalyticsQueryBody } from '../openrouter/client';
import type { AnalyticsRow } from '../openrouter/schemas';
import { addDays, utcDay } from '../market/rankings';
import { ACTIVITY_DAYS } from '../account/activity';

/** The metrics the history asks for (names as /analytics/meta lists them). */
export const HISTORY_METRICS = [
  'total_usage',
  'byok_usage',
  'request_count',
  'tokens_prompt',
  'tokens_completion',
  'reasoning_tokens',
  'cached_tokens',
  'cache_hit_rate',
] as const;

/** Documented limits of POST /analytics/query (docs: openrouter-api-more.md §1). */
export const ANALYTICS_LIMITS = { maxDimensions: 2, maxFilters: 20, maxLimit: 10_000, defaultLimit: 1_000, maxLookbackDays: 365 } as const;

/** Completed UTC days of a window ending yesterday: [start, end], inclusive. */
export function historyWindow(days: number, now: number | Date): { start: string; end: string } {
  const end = addDays(utcDay(now), -1);
  return { start: addDays(end, -(days - 1)), end };
}

/**
 * The one query per window: daily rows by model over the last `days` completed UTC days. One dimension, no
 * filters, the documented maximum limit (90 days × a few dozen models stays far below it; `truncated` says
 * when it does not).
 */
export function analyticsQueryBody(days: SpendWindow, now: number | Date): AnalyticsQueryBody {
  const { start, end } = historyWindow(days, now);
  return {
    metrics: [...HISTORY_METRICS],
    dimensions: ['model'],
    granularity: 'day',
    // The last millisecond of yesterday, whether OpenRouter reads `end` as inclusive or not: today is never in it.
    time_range: { start: `${start}T00:00:00.000Z`, end: `${end}T23:59:59.999Z` },
    order_by: { field: 'date', direction: 'asc' },
    limit: ANALYTICS_LIMITS.maxLimit,
  };
}

/** Money summed in whole nano-dollars (bigint) so every total is exactly the sum of what it claims to sum. */
const UNITS_PER_USD = 1e9;
const toUnits = (usd: number): bigint => BigInt(Math.round(usd * UNITS_PER_USD));
const fromUnits = (units: bigint): number => Number(units) / UNITS_PER_USD;

interface Acc {
  model: string;
  spend: bigint;
  byok: bigint;
  requests: bigint;
  prompt: bigint;
  completion: bigint;
  reasoning: bigint;
  cached: bigint | null;
  /** Σ rate × requests and Σ requests over rows that had a rate. */
  rateWeighted: number;
  rateRequests: number;
}

const newAcc = (model: string, cacheKnown: boolean): Acc => ({
  model,
  spend: 0n,
  byok: 0n,
  requests: 0n,
  prompt: 0n,
  completion: 0n,
  reasoning: 0n,
  cached: cacheKnown ? 0n : null,
  rateWeighted: 0,
  rateRequests: 0,
});

interface Figures {
  spend: number;
  byok: number;
  requests: bigint;
  prompt: bigint;
  completion: bigint;
  reasoning: bigint;
  cached: bigint | null;
  rate: number | null;
}

function add(into: Acc, f: Figures): void {
  into.spend += toUnits(f.spend);
  into.byok += toUnits(f.byok);
  into.requests += f.requests;
  into.prompt += f.prompt;
  into.completion += f.completion;
  into.reasoning += f.reasoning;
  if (into.cached !== null && f.cached !== null) into.cached += f.cached;
  if (f.rate !== null && f.requests > 0n) {
    into.rateWeighted += f.rate * Number(f.requests);
    into.rateRequests += Number(f.requests);
  }
}

/** USD per 1M tokens actually paid; null without tokens. */
export function effectivePerMillion(spend: number, tokens: bigint): number | null {
  if (tokens <= 0n || !Number.isFinite(spend)) return null;
  return (spend / Number(tokens)) * 1e6;
}

function totals(a: Acc): SpendModelTotals {
  const spend = fromUnits(a.spend);
  return {
    model: a.model,
    spend,
    byokSpend: fromUnits(a.byok),
    requests: a.requests.toString(),
    promptTokens: a.prompt.toString(),
    completionTokens: a.completion.toString(),
    reasoningTokens: a.reasoning.toString(),
    cachedTokens: a.cached === null ? null : a.cached.toString(),
    cacheHitRate: a.rateRequests > 0 ? a.rateWeighted / a.rateRequests : null,
    effectivePerMillion: effectivePerMillion(spend, a.prompt + a.completion),
  };
}

const bySpend = (a: Acc, b: Acc): number =>
  (a.spend === b.spend ? 0 : a.spend > b.spend ? -1 : 1) || (a.requests === b.requests ? 0 : a.requests > b.requests ? -1 : 1) || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0);

interface Input {
  date: string;
  model: string;
  figures: Figures;
}

function assemble(
  inputs: readonly Input[],
  window: { start: string; end: string },
  cacheKnown: boolean,
  base: Pick<SpendHistoryView, 'source' | 'requested' | 'truncated' | 'fallback' | 'fetchedAt'> & { droppedRows: number },
): SpendHistoryView {
  const days = new Map<string, Map<string, Acc>>();
  for (let d = window.start; d <= window.end; d = addDays(d, 1)) days.set(d, new Map());
  const models = new Map<string, Acc>();
  let dropped = base.droppedRows;
  for (const input of inputs) {
    const day = days.get(input.date);
    // A row dated outside the asked window is not part of it: counted as left out, never silently added.
    if (day === undefined) {
      dropped++;
      continue;
    }
    let d = day.get(input.model);
    if (d === undefined) day.set(input.model, (d = newAcc(input.model, cacheKnown)));
    add(d, input.figures);
    let m = models.get(input.model);
    if (m === undefined) models.set(input.model, (m = newAcc(input.model, cacheKnown)));
    add(m, input.figures);
  }
  const daily: SpendHistoryDay[] = [];
  for (const [date, day] of days) {
    const list = [...day.values()].sort(bySpend);
    const total = list.reduce((s, a) => s + a.spend, 0n);
    daily.push({ date, models: list.map((a) => ({ model: a.model, spend: fromUnits(a.spend) })), total: fromUnits(total) });
  }
  const byModel = [...models.values()].sort(bySpend);
  return {
    source: base.source,
    requested: base.requested,
    days: days.size,
    start: window.start,
    end: window.end,
    daily,
    byModel: byModel.map(totals),
    total: fromUnits(byModel.reduce((s, a) => s + a.spend, 0n)),
    byokTotal: fromUnits(byModel.reduce((s, a) => s + a.byok, 0n)),
    truncated: base.truncated,
    droppedRows: dropped,
    fallback: base.fallback,
    fetchedAt: base.fetchedAt,
  };
}

export interface AnalyticsAnswer {
  rows: readonly AnalyticsRow[];
  truncated: boolean;
  /** Rows the schema refused (counts not numeric…). */
  dropped: number;
}

/** The analytics answer for a window as a history view. Rows outside the window count as dropped. */
export function buildSpendHistory(answer: AnalyticsAnswer, opts: { requested: SpendWindow; now: number; fetchedAt?: number }): SpendHistoryView {
  const inputs: Input[] = answer.rows.map((r) => ({
    date: r.date,
    model: r.model.trim() || 'unknown',
    figures: {
      spend: r.totalUsage,
      byok: r.byokUsage,
      requests: BigInt(r.requests),
      prompt: BigInt(r.promptTokens),
      completion: BigInt(r.completionTokens),
      reasoning: BigInt(r.reasoningTokens),
      cached: BigInt(r.cachedTokens),
      rate: r.cacheHitRate,
    },
  }));
  return assemble(inputs, historyWindow(opts.requested, opts.now), true, {
    source: 'analytics',
    requested: opts.requested,
    truncated: answer.truncated,
    fallback: null,
    fetchedAt: opts.fetchedAt ?? opts.now,
    droppedRows: Math.max(0, Math.floor(answer.dropped)),
  });
}

/**
 * The /activity view (30 completed days) in the history's shape, for when analytics was refused: spend is
 * credits plus BYOK as in analytics' total_usage; cached tokens and the cache-hit rate are not reported.
 */
export function spendHistoryFromActivity(activity: ActivityView, opts: { requested: SpendWindow; fallback: ErrorInfo; fetchedAt: number }): SpendHistoryView {
  const inputs: Input[] = [];
  for (const day of activity.days) {
    for (const m of day.models) {
      inputs.push({
        date: day.date,
        model: m.model,
        figures: {
          spend: m.usage + m.byokUsage,
          byok: m.byokUsage,
          requests: BigInt(m.requests),
          prompt: BigInt(m.promptTokens),
          completion: BigInt(m.completionTokens),
          reasoning: BigInt(m.reasoningTokens),
          cached: null,
          rate: null,
        },
      });
    }
  }
  const first = activity.days[0]?.date;
  const last = activity.days.at(-1)?.date;
  const window = first !== undefined && last !== undefined ? { start: first, end: last } : historyWindow(ACTIVITY_DAYS, opts.fetchedAt);
  return assemble(inputs, window, false, {
    source: 'activity',
    requested: opts.requested,
    truncated: false,
    fallback: opts.fallback,
    fetchedAt: opts.fetchedAt,
    droppedRows: activity.droppedRows + activity.outsideWindowRows,
  });
}
