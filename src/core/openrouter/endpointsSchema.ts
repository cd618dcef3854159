// GET /models/{author}/{slug}/endpoints: one model's providers, validated row by row. Written in the style of
// schemas.ts: strict where a figure is shown or priced (provider name, decimal-string prices), lenient elsewhere
// (an optional stat that is absent, null or mistyped reads as unknown, never as 0). A row that cannot be read is
// dropped and counted under a reason, so one odd provider never empties the table or fails the answer.
import * as v from 'valibot';
import { hasControlCharacters, sanitizeServerText } from '../../shared/sanitize';
import type { SchemaResult } from './schemas';

/** USD amounts as OpenRouter writes them: "0.00000009", "-1" (router sentinel), exponent notation tolerated. */
const DECIMAL_RE = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

const price = v.pipe(v.string(), v.regex(DECIMAL_RE, 'Expected a decimal string'));
const softPrice = v.fallback(v.optional(price), undefined);
const amount = v.pipe(v.number(), v.finite());
const softNumber = v.fallback(v.nullish(amount), undefined);
const softCount = v.fallback(v.nullish(v.pipe(amount, v.minValue(0))), undefined);
const softBoolean = v.fallback(v.optional(v.boolean()), undefined);
const softStrings = v.fallback(v.optional(v.array(v.string())), undefined);
/** Uptime: a percentage 0–100, or unknown. */
const softPercent = v.fallback(v.nullish(v.pipe(amount, v.minValue(0), v.maxValue(100))), undefined);
const displayText = v.pipe(v.string(), v.transform((s) => sanitizeServerText(s)));
const shortText = v.pipe(v.string(), v.transform((s) => sanitizeServerText(s, { max: 40 })));
const softDisplay = v.fallback(v.nullish(displayText), undefined);
const softShort = v.fallback(v.nullish(shortText), undefined);
const softId = v.fallback(
  v.nullish(v.pipe(v.string(), v.minLength(1), v.maxLength(256), v.check((s) => !hasControlCharacters(s)))),
  undefined,
);
/** A provider name is what a row is about: required, printable and non-empty once sanitised. */
const providerName = v.pipe(
  v.string('Expected a provider name'),
  v.transform((s) => sanitizeServerText(s, { max: 80 })),
  v.minLength(1, 'Expected a provider name'),
);

/** {p50, p75, p90, p99}: each figure that is not a finite non-negative number reads as unknown. */
const percentiles = v.fallback(
  v.nullish(v.object({ p50: softCount, p75: softCount, p90: softCount, p99: softCount })),
  undefined,
);

const overrideSchema = v.object({
  min_prompt_tokens: v.fallback(v.optional(amount), undefined),
  utc_start: v.fallback(v.optional(amount), undefined),
  utc_end: v.fallback(v.optional(amount), undefined),
  prompt: softPrice,
  completion: softPrice,
  input_cache_read: softPrice,
  input_cache_write: softPrice,
});

const endpointPricingSchema = v.object({
  prompt: price,
  completion: price,
  request: softPrice,
  internal_reasoning: softPrice,
  input_cache_read: softPrice,
  input_cache_write: softPrice,
  /** The effective price is price × (1 − discount). */
  discount: v.fallback(v.optional(v.pipe(amount, v.minValue(0), v.maxValue(1))), undefined),
  overrides: v.fallback(v.optional(v.array(overrideSchema)), undefined),
});

export const endpointSchema = v.object({
  name: softDisplay,
  model_id: softId,
  model_name: softDisplay,
  provider_name: providerName,
  tag: softShort,
  context_length: softCount,
  max_completion_tokens: softCount,
  max_prompt_tokens: softCount,
  quantization: softShort,
  supported_parameters: softStrings,
  supports_implicit_caching: softBoolean,
  pricing: endpointPricingSchema,
  uptime_last_5m: softPercent,
  uptime_last_30m: softPercent,
  uptime_last_1d: softPercent,
  latency_last_30m: percentiles,
  throughput_last_30m: percentiles,
  status: softNumber,
});

export type ApiEndpoint = v.InferOutput<typeof endpointSchema>;
export type ApiEndpointPricing = ApiEndpoint['pricing'];

const envelopeSchema = v.object({
  data: v.object({
    id: softId,
    name: softDisplay,
    endpoints: v.array(v.unknown(), 'Expected data.endpoints to be a list'),
  }),
});

/** Why a provider row was left out. */
export const ENDPOINT_DROP_REASONS = ['notAnObject', 'noProvider', 'badPricing', 'other'] as const;
export type EndpointDropReason = (typeof ENDPOINT_DROP_REASONS)[number];

export interface EndpointDrop {
  reason: EndpointDropReason;
  count: number;
}

export interface ParsedEndpoints {
  /** The model as OpenRouter names it in the answer; null when absent. */
  id: string | null;
  name: string | null;
  endpoints: ApiEndpoint[];
  /** Rows left out, counted per reason (reasons with no row are not listed). */
  dropReasons: EndpointDrop[];
  /** Total of `dropReasons` (the client's log line reads it, as for every list endpoint). */
  dropped: number;
  /** Path of the first dropped row's problem, e.g. "data.endpoints[2].pricing.prompt"; null when none was dropped. */
  firstDropPath: string | null;
}

const PARSE_CONFIG = { abortEarly: true, abortPipeEarly: true } as const;

function reasonOf(issue: v.BaseIssue<unknown> | undefined, row: unknown): EndpointDropReason {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'notAnObject';
  const first = issue?.path?.[0]?.key;
  if (first === 'provider_name') return 'noProvider';
  if (first === 'pricing') return 'badPricing';
  return 'other';
}

function pathOf(prefix: string, issue: v.BaseIssue<unknown> | undefined): string {
  let out = prefix;
  for (const item of issue?.path ?? []) out += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  return out;
}

/**
 * The endpoints answer: the envelope must be right (else the whole answer is refused as badResponse); each row is
 * read on its own. Every row unreadable while there were rows means the shape drifted: refused too, rather than
 * shown as "no providers".
 */
export function parseEndpointsResponse(json: unknown): SchemaResult<ParsedEndpoints> {
  const envelope = v.safeParse(envelopeSchema, json, PARSE_CONFIG);
  if (!envelope.success) {
    const issue = envelope.issues[0];
    return { ok: false, path: pathOf('', issue).replace(/^\./, '') || '(root)', message: issue?.message ?? 'Invalid value' };
  }
  const rows = envelope.output.data.endpoints;
  const endpoints: ApiEndpoint[] = [];
  const counts = new Map<EndpointDropReason, number>();
  let first: { path: string; message: string } | null = null;
  rows.forEach((row, i) => {
    const parsed = v.safeParse(endpointSchema, row, PARSE_CONFIG);
    if (parsed.success) {
      endpoints.push(parsed.output);
      return;
    }
    const issue = parsed.issues[0];
    const reason = reasonOf(issue, row);
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
    first ??= { path: pathOf(`data.endpoints[${i}]`, issue), message: issue?.message ?? 'Invalid value' };
  });
  if (rows.length > 0 && endpoints.length === 0 && first !== null) return { ok: false, ...(first as { path: string; message: string }) };
  const dropReasons = ENDPOINT_DROP_REASONS.flatMap((reason) => {
    const count = counts.get(reason) ?? 0;
    return count > 0 ? [{ reason, count }] : [];
  });
  return {
    ok: true,
    value: {
      id: envelope.output.data.id ?? null,
      name: envelope.output.data.name ?? null,
      endpoints,
      dropReasons,
      dropped: dropReasons.reduce((n, d) => n + d.count, 0),
      firstDropPath: (first as { path: string } | null)?.path ?? null,
    },
  };
}
