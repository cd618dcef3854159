// Every message from a webview is untrusted: check its shape before the host acts on it.
// The webview may only name model ids (checked against the catalog by the host) and opaque
// reference ids the host issued — never a path, a URL or a command outside WEBVIEW_COMMANDS.
import * as v from 'valibot';
import { SPEND_WINDOWS } from '../../shared/types';
import { WEBVIEW_COMMANDS, type RequestMethod, type RequestParams, type WebviewToHost } from '../../shared/protocol';
import { sanitizeServerText } from '../../shared/sanitize';
import { isRecord } from '../../shared/isRecord';

/** Model ids: "author/slug[:variant]" or "~author/slug", lower-case letters, digits and . _ - only. */
export const MODEL_ID_PATTERN = /^~?[a-z0-9][a-z0-9._-]{0,63}\/[a-z0-9][a-z0-9._-]{0,127}(?::[a-z0-9_-]{1,32})?$/;
const REF_ID_PATTERN = /^r[0-9]{1,12}$/;

const modelId = v.pipe(v.string(), v.maxLength(200), v.regex(MODEL_ID_PATTERN));
const refId = v.pipe(v.string(), v.maxLength(20), v.regex(REF_ID_PATTERN));
const tokens = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e15));
const empty = v.strictObject({});

const paramSchemas: { [M in RequestMethod]: v.GenericSchema<unknown, RequestParams<M>> } = {
  'snapshot/get': v.optional(empty, {}),
  'references/get': v.optional(empty, {}),
  'compare/alternatives': v.strictObject({
    modelId,
    mix: v.optional(v.nullable(v.strictObject({ input: tokens, output: tokens, cacheRead: tokens }))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  'model/copyId': v.strictObject({ modelId }),
  'model/openOnWeb': v.strictObject({ modelId }),
  'model/swap': v.strictObject({ modelId, refId: v.optional(refId), targetId: v.optional(modelId) }),
  'reference/reveal': v.strictObject({ refId }),
  'command/run': v.strictObject({ command: v.picklist(WEBVIEW_COMMANDS) }),
  'spend/history': v.strictObject({ window: v.picklist(SPEND_WINDOWS), refresh: v.optional(v.boolean()) }),
  'providers/get': v.strictObject({ modelId, refresh: v.optional(v.boolean()) }),
};

/**
 * The argument of Open Dashboard from a command link (the hover's "Providers"): `{ providers: "<model id>" }`.
 * Command links can come from anywhere, so anything else (another shape, an id that is not one) means no focus.
 */
export function dashboardFocusArg(arg: unknown): string | null {
  if (!isRecord(arg)) return null;
  const id = arg.providers;
  return typeof id === 'string' && id.length <= 200 && MODEL_ID_PATTERN.test(id) ? id : null;
}

export type GuardResult =
  | { ok: true; message: WebviewToHost }
  | { ok: false; reason: string; /** Set when the message was a request, so the host can answer it. */ requestId?: number };

const MAX_REQUEST_ID = Number.MAX_SAFE_INTEGER;

/** Longest refusal reason: it is logged and sent back, and it may quote the message's own keys and values. */
export const MAX_REASON_LENGTH = 160;

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = v.getDotPath(first);
  // The path holds the message's own keys and valibot's text quotes its values: untrusted text for a log line.
  return sanitizeServerText(path ? `${path}: ${first.message}` : first.message, { max: MAX_REASON_LENGTH - 40 });
}

/** Validates a raw webview message. Never throws, whatever it is given. */
export function guardWebviewMessage(raw: unknown): GuardResult {
  try {
    if (!isRecord(raw)) return { ok: false, reason: 'message is not an object' };
    const type = raw.type;
    if (type === 'ready') return { ok: true, message: { type: 'ready' } };
    if (type === 'telemetry') {
      const ms = raw.ms;
      if (raw.event === 'firstContent' && typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms < 3_600_000) {
        return { ok: true, message: { type: 'telemetry', event: 'firstContent', ms } };
      }
      return { ok: false, reason: 'malformed telemetry' };
    }
    if (type !== 'request') return { ok: false, reason: `unknown message type ${JSON.stringify(sanitizeServerText(String(type), { max: 40 }))}` };
    const id = raw.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > MAX_REQUEST_ID) {
      return { ok: false, reason: 'request without a valid id' };
    }
    const method = raw.method;
    if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(paramSchemas, method)) {
      return { ok: false, reason: `unknown method ${JSON.stringify(sanitizeServerText(String(method), { max: 60 }))}`, requestId: id };
    }
    const schema = paramSchemas[method as RequestMethod];
    const parsed = v.safeParse(schema, raw.params);
    if (!parsed.success) return { ok: false, reason: `${method}: ${describe(parsed.issues)}`, requestId: id };
    return { ok: true, message: { type: 'request', id, method, params: parsed.output } as WebviewToHost };
  } catch (_err) {
    // A getter or proxy in a forged message must not escape into the host.
    return { ok: false, reason: 'message could not be read' };
  }
}
