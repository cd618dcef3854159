// The spend history and re-pricing shapes as they cross the host→webview boundary: one valibot schema each,
// checked by the webview before any component sees them (a version skew or a bug must not paint a figure).
import * as v from 'valibot';
import { ERROR_KINDS, SPEND_WINDOWS, type SpendHistoryResult, type TokenMix, type UnpricedPart } from './types';

const usd = v.pipe(v.number(), v.finite());
const digits = v.pipe(v.string(), v.regex(/^\d{1,40}$/));
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const text = v.pipe(v.string(), v.maxLength(300));

/** An ErrorInfo inside an answer (its cause, a fallback's reason); the providers answer uses it too. */
export const errorInfoSchema = v.object({
  kind: v.picklist(ERROR_KINDS),
  message: text,
  status: v.optional(v.number()),
  retryAfterMs: v.optional(v.number()),
});

const modelTotalsSchema = v.object({
  model: text,
  spend: usd,
  byokSpend: usd,
  requests: digits,
  promptTokens: digits,
  completionTokens: digits,
  reasoningTokens: digits,
  cachedTokens: v.nullable(digits),
  cacheHitRate: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  effectivePerMillion: v.nullable(usd),
});

const historyViewSchema = v.object({
  source: v.picklist(['analytics', 'activity']),
  requested: v.picklist(SPEND_WINDOWS),
  days: v.pipe(v.number(), v.integer(), v.minValue(0)),
  start: day,
  end: day,
  daily: v.array(v.object({ date: day, models: v.array(v.object({ model: text, spend: usd })), total: usd })),
  byModel: v.array(modelTotalsSchema),
  total: usd,
  byokTotal: usd,
  truncated: v.boolean(),
  droppedRows: v.pipe(v.number(), v.integer(), v.minValue(0)),
  fallback: v.nullable(errorInfoSchema),
  fetchedAt: v.number(),
});

export const spendHistoryResultSchema = v.variant('status', [
  v.object({ status: v.literal('ok'), view: historyViewSchema }),
  v.object({ status: v.literal('unavailable'), reason: v.picklist(['noManagementKey', 'notManagementKey', 'error']), cause: v.nullable(errorInfoSchema) }),
]);

/** The `spend/history` result, checked; throws a TypeError naming the first bad path. */
export function parseSpendHistoryResult(raw: unknown): SpendHistoryResult {
  const r = v.safeParse(spendHistoryResultSchema, raw);
  if (!r.success) throw new TypeError(`spend history result: ${v.getDotPath(r.issues[0]) ?? '(root)'} is invalid`);
  return r.output;
}

export const unpricedPartSchema = v.object({
  part: v.picklist(['cacheRead', 'cacheWrite']),
  reason: v.picklist(['noPrice', 'notReported']),
  tokens: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0))),
});

/** A list of unpriced parts, or undefined when it is absent or malformed (never a partial list). */
export function readUnpriced(raw: unknown): UnpricedPart[] | undefined {
  const r = v.safeParse(v.array(unpricedPartSchema), raw);
  return r.success && r.output.length > 0 ? r.output : undefined;
}

export const mixHistorySchema = v.object({
  model: text,
  days: v.pipe(v.number(), v.integer(), v.minValue(1)),
  source: v.picklist(['analytics', 'activity']),
  spend: usd,
  cacheReadsReported: v.boolean(),
});

/** A token mix's history note, or undefined when absent or malformed. */
export function readMixHistory(raw: unknown): TokenMix['history'] {
  const r = v.safeParse(mixHistorySchema, raw);
  return r.success ? r.output : undefined;
}
