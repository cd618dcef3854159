// The `providers/get` answer as it crosses the host→webview boundary: one valibot schema, checked by the webview
// before any component sees it (a version skew or a bug must not paint a figure).
import * as v from 'valibot';
import { ENDPOINT_ID_ERRORS, MIX_SOURCES, PROVIDER_MARKS, PROVIDERS_FAILURES, type ProvidersResult } from './types';
import { errorInfoSchema, mixHistorySchema } from './spendSchemas';

const num = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(num, v.minValue(0));
const text = v.pipe(v.string(), v.maxLength(300));
const maybe = <S extends v.GenericSchema>(s: S): v.NullableSchema<S, undefined> => v.nullable(s);

const providerRowSchema = v.object({
  provider: text,
  tag: maybe(text),
  quantization: maybe(text),
  input: maybe(nonNegative),
  output: maybe(nonNegative),
  cacheRead: maybe(nonNegative),
  discount: maybe(v.pipe(num, v.minValue(0), v.maxValue(1))),
  mixCost: maybe(nonNegative),
  latencyP50Ms: maybe(nonNegative),
  throughputP50: maybe(nonNegative),
  uptime30m: maybe(v.pipe(num, v.minValue(0), v.maxValue(1))),
  contextLength: maybe(nonNegative),
  maxOutput: maybe(nonNegative),
  status: maybe(num),
  cheapest: v.boolean(),
  fastest: v.boolean(),
});

const mixSchema = v.object({
  input: nonNegative,
  output: nonNegative,
  cacheRead: nonNegative,
  requests: v.optional(v.nullable(nonNegative)),
  source: v.picklist(MIX_SOURCES),
  cacheWrite: v.optional(v.nullable(nonNegative)),
  reasoning: v.optional(nonNegative),
  history: v.optional(mixHistorySchema),
});

const viewSchema = v.object({
  modelId: text,
  endpointModel: text,
  name: maybe(text),
  providers: v.array(providerRowSchema),
  mix: mixSchema,
  cheapest: v.picklist(PROVIDER_MARKS),
  fastest: v.picklist(PROVIDER_MARKS),
  dropped: v.array(v.object({ reason: v.picklist(['notAnObject', 'noProvider', 'badPricing', 'other']), count: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
  fetchedAt: num,
});

export const providersResultSchema = v.variant('status', [
  v.object({ status: v.literal('ok'), view: viewSchema }),
  v.object({
    status: v.literal('unavailable'),
    modelId: text,
    reason: v.picklist(PROVIDERS_FAILURES),
    idError: v.nullable(v.picklist(ENDPOINT_ID_ERRORS)),
    cause: v.nullable(errorInfoSchema),
    retryAt: v.nullable(num),
  }),
]);

/** The `providers/get` result, checked; throws a TypeError naming the first bad path. */
export function parseProvidersResult(raw: unknown): ProvidersResult {
  const r = v.safeParse(providersResultSchema, raw);
  if (!r.success) throw new TypeError(`providers result: ${v.getDotPath(r.issues[0]) ?? '(root)'} is invalid`);
  return r.output;
}
