// Runtime validation of OpenRouter's responses into the types of apiTypes.ts.
// Strict where the extension relies on a value (ids, decimal-string prices, decimal-digit token totals, the
// money figures it shows); lenient elsewhere: unknown keys are ignored, and an optional field that is absent,
// null or of an unexpected type becomes `undefined` instead of failing the whole response. List endpoints are
// validated entry by entry so one odd model cannot empty the catalog.
import * as v from 'valibot';
import type {
  ApiActivityItem,
  ApiKeyData,
  ApiModel,
  ApiModelsResponse,
  ApiPricing,
  ApiPricingOverride,
  ApiRankingRow,
  ApiRankingsDailyResponse,
} from './apiTypes';
import { hasControlCharacters, isoTimestampOrNull, sanitizeServerText } from '../../shared/sanitize';
import type { ErrorEnvelope } from './errors';
import { MAX_ACCOUNT_USD } from '../../shared/bounds';

// ---------------------------------------------------------------------------------------------------------
// Building blocks

/** USD amounts as OpenRouter writes them: "0.00000009", "-1" (router sentinel), tolerating exponent notation. */
const DECIMAL_RE = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
/** Token totals: non-negative integers as decimal digits (they can exceed 2^53, so they stay strings). */
const TOKENS_RE = /^\d+$/;
/** UTC calendar day. */
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

const price = v.pipe(v.string(), v.regex(DECIMAL_RE, 'Expected a decimal string'));
const optionalPrice = v.optional(price);
const day = v.pipe(v.string(), v.regex(DAY_RE, 'Expected a YYYY-MM-DD date'));
const tokens = v.pipe(v.string(), v.regex(TOKENS_RE, 'Expected a decimal-digit string'));
const amount = v.pipe(v.number(), v.finite());
/** Ids (models, permaslugs): used to match, edit files and build URLs, so refused rather than altered. */
const idText = v.pipe(
  v.string(),
  v.minLength(1, 'Expected a non-empty string'),
  v.maxLength(256, 'Expected at most 256 characters'),
  v.check((s) => !hasControlCharacters(s), 'Expected no control characters'),
);
/**
 * Names and labels shown to people (status bar, webview, notifications, terminal): made one printable,
 * key-free line of at most 200 characters here, once, so no surface gets raw server text.
 */
const displayText = v.pipe(v.string(), v.transform((s) => sanitizeServerText(s)));
/** Dates shown as dates: only a real ISO date or timestamp; anything else reads as unknown. */
const isoText = v.pipe(v.string(), v.check((s) => isoTimestampOrNull(s) !== null));

/**
 * Money and counts the extension shows or sums (/key spend, /activity rows): never coerced. A string, a
 * negative or a non-finite value fails validation, so it surfaces as an error instead of "-$5.00" or "$0".
 * The messages name no received value: they end up in the UI.
 */
const money = v.pipe(
  v.number('Expected a number'),
  v.finite('Expected a finite number'),
  v.minValue(0, 'Expected a non-negative amount'),
  v.maxValue(MAX_ACCOUNT_USD, 'Expected a plausible amount'),
);
/** Requests and token counts in /activity rows: whole numbers, exact as a JS number (summed as numbers). */
const count = v.pipe(
  v.number('Expected a number'),
  v.integer('Expected a whole number'),
  v.minValue(0, 'Expected a non-negative count'),
  v.maxValue(Number.MAX_SAFE_INTEGER, 'Expected a plausible count'),
);
const optionalCount = v.pipe(
  v.nullish(count),
  v.transform((n): number | undefined => (n === null ? undefined : n)),
);
/** Like `money`, but the field may be absent or null (older /key responses lack it): that reads as unknown. */
const optionalMoney = v.pipe(
  v.nullish(money),
  v.transform((n): number | undefined => (n === null ? undefined : n)),
);

// Lenient optional fields: absent, null or mistyped all read as "unknown".
const softString = v.fallback(v.optional(v.string()), undefined);
const softNullableString = v.fallback(v.nullish(v.string()), undefined);
const softNumber = v.fallback(v.optional(amount), undefined);
const softNullableNumber = v.fallback(v.nullish(amount), undefined);
const softBoolean = v.fallback(v.optional(v.boolean()), undefined);
const softStrings = v.fallback(v.optional(v.array(v.string())), undefined);
const softDisplay = v.fallback(v.optional(displayText), undefined);
const softNullableDisplay = v.fallback(v.nullish(displayText), undefined);
const softNullableIso = v.fallback(v.nullish(isoText), undefined);
/** Short display words (modalities), each sanitised like a name. */
const softDisplayList = v.fallback(v.optional(v.array(v.pipe(v.string(), v.transform((s) => sanitizeServerText(s, { max: 40 }))))), undefined);
const softId = v.fallback(v.optional(idText), undefined);

// ---------------------------------------------------------------------------------------------------------
// /models

const pricingOverrideSchema = v.object({
  min_prompt_tokens: v.optional(amount),
  utc_start: v.optional(amount),
  utc_end: v.optional(amount),
  prompt: optionalPrice,
  completion: optionalPrice,
  input_cache_read: optionalPrice,
  input_cache_write: optionalPrice,
  input_cache_write_1h: optionalPrice,
  audio: optionalPrice,
  input_audio_cache: optionalPrice,
});

const pricingSchema = v.object({
  prompt: price,
  completion: price,
  request: optionalPrice,
  image: optionalPrice,
  image_token: optionalPrice,
  image_output: optionalPrice,
  audio: optionalPrice,
  audio_output: optionalPrice,
  input_audio_cache: optionalPrice,
  web_search: optionalPrice,
  internal_reasoning: optionalPrice,
  input_cache_read: optionalPrice,
  input_cache_write: optionalPrice,
  input_cache_write_1h: optionalPrice,
  discount: softNumber,
  overrides: v.optional(v.array(pricingOverrideSchema)),
});

const architectureSchema = v.object({
  modality: softNullableString,
  input_modalities: softDisplayList,
  output_modalities: softDisplayList,
  tokenizer: softDisplay,
  instruct_type: softNullableString,
});

const topProviderSchema = v.object({
  context_length: softNullableNumber,
  max_completion_tokens: softNullableNumber,
  is_moderated: softBoolean,
});

const benchmarksSchema = v.nullish(
  v.object({
    artificial_analysis: v.fallback(
      v.nullish(
        v.object({
          intelligence_index: softNullableNumber,
          coding_index: softNullableNumber,
          agentic_index: softNullableNumber,
        }),
      ),
      undefined,
    ),
  }),
);

const aliasTargetSchema = v.nullish(v.object({ slug: idText, name: softDisplay }));

export const modelSchema = v.object({
  id: idText,
  canonical_slug: softId,
  name: displayText,
  created: softNumber,
  // Not carried past the catalog (normalizeModel drops it), so not sanitised here: it is the longest text in
  // the response and sanitising it tripled the parse time. Whoever shows it must pass it through sanitize.ts.
  description: softString,
  context_length: softNullableNumber,
  architecture: v.fallback(v.optional(architectureSchema), undefined),
  pricing: pricingSchema,
  top_provider: v.fallback(v.optional(topProviderSchema), undefined),
  supported_parameters: softStrings,
  knowledge_cutoff: softNullableIso,
  expiration_date: softNullableIso,
  benchmarks: v.fallback(benchmarksSchema, undefined),
  alias_target: v.fallback(aliasTargetSchema, undefined),
});

const modelsEnvelopeSchema = v.object({
  data: v.array(v.unknown()),
  total_count: softNumber,
  links: v.fallback(v.optional(v.object({ next: v.nullable(v.string()) })), undefined),
});

const idOnlySchema = v.object({ id: idText });

// ---------------------------------------------------------------------------------------------------------
// /models/user: the same Model objects as /models, filtered by the key's guardrails, provider preferences and
// privacy settings. Only which models are listed matters here, so an entry is read by its id and canonical slug
// alone: an odd price on an allowed model must not make it look disallowed.

export const userModelSchema = v.object({ id: idText, canonical_slug: softId });

// ---------------------------------------------------------------------------------------------------------
// /datasets/rankings-daily

export const rankingRowSchema = v.object({
  date: day,
  model_permaslug: idText,
  total_tokens: tokens,
});

const rankingsEnvelopeSchema = v.object({
  data: v.array(v.unknown()),
  meta: v.object({
    // Printed as "as of …": only a real ISO date or timestamp is kept; anything else (text with line breaks,
    // escape sequences) reads as unknown instead of being shown or costing the figures.
    as_of: v.fallback(v.optional(v.pipe(v.string(), v.check((s) => isoTimestampOrNull(s) !== null))), undefined),
    version: softString,
    start_date: softString,
    end_date: softString,
  }),
});

// ---------------------------------------------------------------------------------------------------------
// /key, /credits, /activity

export const keyDataSchema = v.object({
  label: displayText,
  limit: v.nullable(money),
  limit_remaining: softNullableNumber,
  limit_reset: softNullableDisplay,
  include_byok_in_limit: softBoolean,
  usage: money,
  usage_daily: optionalMoney,
  usage_weekly: optionalMoney,
  usage_monthly: optionalMoney,
  byok_usage: optionalMoney,
  byok_usage_daily: optionalMoney,
  byok_usage_weekly: optionalMoney,
  byok_usage_monthly: optionalMoney,
  is_free_tier: softBoolean,
  is_management_key: softBoolean,
  is_provisioning_key: softBoolean,
  creator_user_id: softNullableString,
  expires_at: softNullableIso,
});

const keyResponseSchema = v.object({ data: keyDataSchema });

const creditsResponseSchema = v.object({
  data: v.object({ total_credits: money, total_usage: money }),
});

export const activityItemSchema = v.object({
  date: day,
  model: idText,
  model_permaslug: softId,
  endpoint_id: softString,
  provider_name: softDisplay,
  usage: money,
  byok_usage_inference: optionalMoney,
  requests: count,
  prompt_tokens: count,
  completion_tokens: count,
  reasoning_tokens: optionalCount,
});

const activityEnvelopeSchema = v.object({ data: v.array(v.unknown()) });

// ---------------------------------------------------------------------------------------------------------
// Error envelope

const errorEnvelopeSchema = v.object({
  error: v.object({
    code: softNumber,
    message: softString,
    metadata: v.fallback(v.nullish(v.object({ error_type: softString })), undefined),
  }),
});

// ---------------------------------------------------------------------------------------------------------
// Proof that the schemas produce apiTypes.ts exactly: mutual assignability plus identical key sets, so a
// field added to either side without the other fails the type check.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Exact<A, B> = Same<A, B> extends true ? Same<keyof A, keyof B> : false;
type Assert<T extends true> = T;
type Out<S extends v.GenericSchema> = v.InferOutput<S>;

export type _SchemaChecks = [
  Assert<Exact<Out<typeof modelSchema>, ApiModel>>,
  Assert<Exact<Out<typeof pricingSchema>, ApiPricing>>,
  Assert<Exact<Out<typeof pricingOverrideSchema>, ApiPricingOverride>>,
  Assert<Exact<NonNullable<Out<typeof architectureSchema>>, NonNullable<ApiModel['architecture']>>>,
  Assert<Exact<Out<typeof topProviderSchema>, NonNullable<ApiModel['top_provider']>>>,
  Assert<Exact<Out<typeof rankingRowSchema>, ApiRankingRow>>,
  Assert<Exact<Out<typeof rankingsEnvelopeSchema>['meta'], ApiRankingsDailyResponse['meta']>>,
  Assert<Exact<Out<typeof keyDataSchema>, ApiKeyData>>,
  Assert<Exact<Out<typeof activityItemSchema>, ApiActivityItem>>,
  Assert<Same<Omit<Out<typeof modelsEnvelopeSchema>, 'data'>, Omit<ApiModelsResponse, 'data'>>>,
];

// ---------------------------------------------------------------------------------------------------------
// Parsing

export type SchemaResult<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

/** Entries of a list that failed validation and were left out. */
export interface DroppedEntries {
  dropped: number;
  /** Path of the first failure, e.g. "data[3].pricing.prompt"; null when nothing was dropped. */
  firstDropPath: string | null;
}

export interface ParsedModels extends DroppedEntries {
  models: ApiModel[];
  totalCount?: number;
  nextLink?: string | null;
}

export interface ParsedRankings extends DroppedEntries {
  response: ApiRankingsDailyResponse;
}

export interface ParsedActivity extends DroppedEntries {
  items: ApiActivityItem[];
}

export interface ParsedOrder extends DroppedEntries {
  ids: string[];
}

const PARSE_CONFIG = { abortEarly: true, abortPipeEarly: true } as const;

type PathItem = { key: unknown };

/** "data[3].pricing.prompt" from valibot's issue path, under an optional prefix. */
function formatPath(prefix: string, path: readonly PathItem[] | undefined): string {
  let out = prefix;
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function firstIssue(issues: readonly v.BaseIssue<unknown>[], prefix: string): { path: string; message: string } {
  const issue = issues[0];
  return { path: formatPath(prefix, issue?.path), message: issue ? issueMessage(issue) : 'Invalid value' };
}

/**
 * A type mismatch names the type received, never the value: valibot's own message quotes it, and a value in
 * the wrong field can be anything the server holds (a key echoed into a number field, megabytes of text).
 */
function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return issue.message;
  const input: unknown = issue.input;
  const got = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
  return `Invalid type: Expected ${issue.expected ?? 'another type'} but received ${got === 'undefined' ? 'nothing' : `a${/^[aeiou]/.test(got) ? 'n' : ''} ${got}`}`;
}

function parseWhole<S extends v.GenericSchema>(schema: S, json: unknown): SchemaResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, json, PARSE_CONFIG);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, ...firstIssue(result.issues, '') };
}

/**
 * Validates each entry on its own. Invalid entries are dropped and counted; if there were entries and none
 * survived, the shape has drifted and the whole response is refused rather than read as "empty".
 */
function parseEntries<S extends v.GenericSchema>(
  schema: S,
  entries: readonly unknown[],
  listPath: string,
): SchemaResult<{ items: v.InferOutput<S>[] } & DroppedEntries> {
  const items: v.InferOutput<S>[] = [];
  let dropped = 0;
  let first: { path: string; message: string } | null = null;
  for (let i = 0; i < entries.length; i++) {
    const result = v.safeParse(schema, entries[i], PARSE_CONFIG);
    if (result.success) {
      items.push(result.output);
    } else {
      dropped++;
      if (first === null) first = firstIssue(result.issues, `${listPath}[${i}]`);
    }
  }
  if (entries.length > 0 && items.length === 0 && first !== null) return { ok: false, ...first };
  return { ok: true, value: { items, dropped, firstDropPath: first?.path ?? null } };
}

export function parseModelsResponse(json: unknown): SchemaResult<ParsedModels> {
  const envelope = parseWhole(modelsEnvelopeSchema, json);
  if (!envelope.ok) return envelope;
  const entries = parseEntries(modelSchema, envelope.value.data, 'data');
  if (!entries.ok) return entries;
  const parsed: ParsedModels = {
    models: entries.value.items,
    dropped: entries.value.dropped,
    firstDropPath: entries.value.firstDropPath,
  };
  if (envelope.value.total_count !== undefined) parsed.totalCount = envelope.value.total_count;
  if (envelope.value.links !== undefined) parsed.nextLink = envelope.value.links.next;
  return { ok: true, value: parsed };
}

/** Only the ids, in the order given (for `/models?sort=top-weekly`, where the order is the data). */
export function parseModelOrder(json: unknown): SchemaResult<ParsedOrder> {
  const envelope = parseWhole(modelsEnvelopeSchema, json);
  if (!envelope.ok) return envelope;
  const entries = parseEntries(idOnlySchema, envelope.value.data, 'data');
  if (!entries.ok) return entries;
  return {
    ok: true,
    value: { ids: entries.value.items.map((m) => m.id), dropped: entries.value.dropped, firstDropPath: entries.value.firstDropPath },
  };
}

/** One model the key may use. */
export interface UserModel {
  id: string;
  canonicalSlug: string | null;
}

export interface ParsedUserModels extends DroppedEntries {
  models: UserModel[];
  totalCount?: number;
  nextLink?: string | null;
}

export function parseUserModelsResponse(json: unknown): SchemaResult<ParsedUserModels> {
  const envelope = parseWhole(modelsEnvelopeSchema, json);
  if (!envelope.ok) return envelope;
  const entries = parseEntries(userModelSchema, envelope.value.data, 'data');
  if (!entries.ok) return entries;
  const parsed: ParsedUserModels = {
    models: entries.value.items.map((m) => ({ id: m.id, canonicalSlug: m.canonical_slug ?? null })),
    dropped: entries.value.dropped,
    firstDropPath: entries.value.firstDropPath,
  };
  if (envelope.value.total_count !== undefined) parsed.totalCount = envelope.value.total_count;
  if (envelope.value.links !== undefined) parsed.nextLink = envelope.value.links.next;
  return { ok: true, value: parsed };
}

export function parseRankingsDaily(json: unknown): SchemaResult<ParsedRankings> {
  const envelope = parseWhole(rankingsEnvelopeSchema, json);
  if (!envelope.ok) return envelope;
  const rows = parseEntries(rankingRowSchema, envelope.value.data, 'data');
  if (!rows.ok) return rows;
  const data: ApiRankingRow[] = rows.value.items;
  return {
    ok: true,
    value: {
      response: { data, meta: envelope.value.meta },
      dropped: rows.value.dropped,
      firstDropPath: rows.value.firstDropPath,
    },
  };
}

export function parseKeyResponse(json: unknown): SchemaResult<ApiKeyData> {
  const result = parseWhole(keyResponseSchema, json);
  return result.ok ? { ok: true, value: result.value.data } : result;
}

export function parseCreditsResponse(json: unknown): SchemaResult<{ total_credits: number; total_usage: number }> {
  const result = parseWhole(creditsResponseSchema, json);
  return result.ok ? { ok: true, value: result.value.data } : result;
}

export function parseActivityResponse(json: unknown): SchemaResult<ParsedActivity> {
  const envelope = parseWhole(activityEnvelopeSchema, json);
  if (!envelope.ok) return envelope;
  const rows = parseEntries(activityItemSchema, envelope.value.data, 'data');
  if (!rows.ok) return rows;
  return { ok: true, value: { items: rows.value.items, dropped: rows.value.dropped, firstDropPath: rows.value.firstDropPath } };
}

/** OpenRouter's `{ error: { code, message, metadata: { error_type } } }`, or null when the body is something else. */
export function parseErrorEnvelope(json: unknown): ErrorEnvelope | null {
  const result = v.safeParse(errorEnvelopeSchema, json, PARSE_CONFIG);
  if (!result.success) return null;
  const { code, message, metadata } = result.output.error;
  const envelope: ErrorEnvelope = {};
  if (code !== undefined) envelope.code = code;
  if (message !== undefined) envelope.message = message;
  if (metadata?.error_type !== undefined) envelope.errorType = metadata.error_type;
  return envelope;
}

// ---------------------------------------------------------------------------------------------------------
// POST /analytics/query (management key)

/**
 * One row of an analytics answer, read: counts are decimal-digit strings (OpenRouter often sends them as
 * strings, sometimes as numbers; both are accepted, nothing else), USD amounts numbers, a rate 0–1 or null.
 * A metric that is null or absent ("unused") reads as zero; a count like "12k", "-3" or "1e9" makes the
 * row unreadable, never zero.
 */
export interface AnalyticsRow {
  /** YYYY-MM-DD from `date__day` (or `created_at__day`). */
  date: string;
  model: string;
  totalUsage: number;
  byokUsage: number;
  requests: string;
  promptTokens: string;
  completionTokens: string;
  reasoningTokens: string;
  cachedTokens: string;
  /** null when OpenRouter sent none. */
  cacheHitRate: number | null;
}

export interface ParsedAnalytics extends DroppedEntries {
  rows: AnalyticsRow[];
  /** metadata.truncated: the rows are partial. */
  truncated: boolean;
  /** OpenRouter's warnings, sanitised. */
  warnings: string[];
}

const COUNT_TEXT_RE = /^\d{1,30}$/;
const USD_TEXT_RE = /^\d{1,15}(?:\.\d{1,15})?$/;
const isUsd = (n: number): boolean => Number.isFinite(n) && n >= 0 && n <= MAX_ACCOUNT_USD;
/** A count as a decimal-digit string: "123" or 123 (a safe whole number); null/absent = "0"; anything else null (refused). */
function readCount(n: unknown): string | null {
  if (n === null || n === undefined) return '0';
  if (typeof n === 'string') return COUNT_TEXT_RE.test(n) ? n.replace(/^0+(?=\d)/, '') : null;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? String(n) : null;
}
/** USD as a number (a decimal string is accepted too); null/absent = 0; anything else null (refused). */
function readUsd(n: unknown): number | null {
  if (n === null || n === undefined) return 0;
  const x = typeof n === 'string' && USD_TEXT_RE.test(n) ? Number(n) : n;
  return typeof x === 'number' && isUsd(x) ? x : null;
}
/** A rate 0–1 (or its decimal string); anything else is unknown, not an error. */
function readRate(n: unknown): number | null {
  const x = typeof n === 'string' && /^\d(?:\.\d{1,20})?$/.test(n) ? Number(n) : n;
  return typeof x === 'number' && x >= 0 && x <= 1 ? x : null;
}
const analyticsCount = v.pipe(v.unknown(), v.transform(readCount), v.check((x) => x !== null, 'Expected a count of decimal digits'));
const analyticsUsd = v.pipe(v.unknown(), v.transform(readUsd), v.check((x) => x !== null, 'Expected a USD amount'));
const analyticsRate = v.pipe(v.unknown(), v.transform(readRate));
const analyticsDay = v.optional(
  v.pipe(
    v.string(),
    v.transform((s) => s.slice(0, 10)),
    v.regex(DAY_RE, 'Expected a date'),
  ),
);

const analyticsRowSchema = v.pipe(
  v.object({
    model: idText,
    total_usage: analyticsUsd,
    byok_usage: analyticsUsd,
    request_count: analyticsCount,
    tokens_prompt: analyticsCount,
    tokens_completion: analyticsCount,
    reasoning_tokens: analyticsCount,
    cached_tokens: analyticsCount,
    cache_hit_rate: analyticsRate,
    date__day: analyticsDay,
    created_at__day: analyticsDay,
  }),
  v.check((r) => r.date__day !== undefined || r.created_at__day !== undefined, 'Expected a day (date__day)'),
  v.transform(
    (r): AnalyticsRow => ({
      date: r.date__day ?? r.created_at__day ?? '',
      model: r.model,
      totalUsage: r.total_usage ?? 0,
      byokUsage: r.byok_usage ?? 0,
      requests: r.request_count ?? '0',
      promptTokens: r.tokens_prompt ?? '0',
      completionTokens: r.tokens_completion ?? '0',
      reasoningTokens: r.reasoning_tokens ?? '0',
      cachedTokens: r.cached_tokens ?? '0',
      cacheHitRate: r.cache_hit_rate,
    }),
  ),
);

const analyticsEnvelopeSchema = v.object({
  data: v.object({
    data: v.array(v.unknown()),
    metadata: v.object({ truncated: v.boolean('Expected metadata.truncated') }),
    warnings: v.fallback(v.optional(v.array(v.string())), undefined),
  }),
});

export function parseAnalyticsResponse(json: unknown): SchemaResult<ParsedAnalytics> {
  const envelope = parseWhole(analyticsEnvelopeSchema, json);
  if (!envelope.ok) return envelope;
  const rows = parseEntries(analyticsRowSchema, envelope.value.data.data, 'data.data');
  if (!rows.ok) return rows;
  return {
    ok: true,
    value: {
      rows: rows.value.items,
      truncated: envelope.value.data.metadata.truncated,
      warnings: (envelope.value.data.warnings ?? []).slice(0, 5).map((w) => sanitizeServerText(w)),
      dropped: rows.value.dropped,
      firstDropPath: rows.value.firstDropPath,
    },
  };
}
