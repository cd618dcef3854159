// Typed failures of OpenRouter requests. Callers branch on `kind` (and `status`), never on message text.
// Messages are for people: they name the endpoint path and never contain a key, because they end up in
// logs, the status bar and the webview.
import { sanitizeServerText } from '../../shared/sanitize';
import { ERROR_KINDS, type ErrorInfo, type ErrorKind } from '../../shared/types';

/**
 * Longest error message. Ours stay far below it; it bounds what a future code path quoting server text
 * could produce (the server part itself is capped at 200 characters where it is quoted).
 */
export const MAX_ERROR_MESSAGE = 600;

export interface OpenRouterErrorInit {
  kind: ErrorKind;
  message: string;
  status?: number;
  retryAfterMs?: number;
  /** The endpoint path the request went to, e.g. "/api/v1/key". */
  path?: string;
  /** For badResponse: where validation failed, e.g. "data[3].pricing.prompt". */
  detailPath?: string;
}

export class OpenRouterError extends Error {
  override readonly name = 'OpenRouterError';
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly path?: string;
  readonly detailPath?: string;

  constructor(init: OpenRouterErrorInit) {
    // Last line of defence: whatever a caller put in the message, it leaves as one printable, key-free line.
    super(sanitizeServerText(init.message, { max: MAX_ERROR_MESSAGE }));
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.path !== undefined) this.path = init.path;
    if (init.detailPath !== undefined) this.detailPath = sanitizeServerText(init.detailPath);
  }

  /** True for an OpenRouterError, of the given kind when one is passed. Works across bundles (duck-typed). */
  static is(err: unknown, kind?: ErrorKind): err is OpenRouterError {
    if (typeof err !== 'object' || err === null) return false;
    const candidate = err as { name?: unknown; kind?: unknown };
    if (!(err instanceof OpenRouterError) && candidate.name !== 'OpenRouterError') return false;
    if (typeof candidate.kind !== 'string' || !ERROR_KIND_SET.has(candidate.kind as ErrorKind)) return false;
    return kind === undefined || candidate.kind === kind;
  }

  toErrorInfo(): ErrorInfo {
    const info: ErrorInfo = { kind: this.kind, message: this.message };
    if (this.status !== undefined) info.status = this.status;
    if (this.retryAfterMs !== undefined) info.retryAfterMs = this.retryAfterMs;
    return info;
  }

  /** Keeps JSON.stringify(err) useful (Error's message is not enumerable) and key-free by construction. */
  toJSON(): ErrorInfo & { name: string; path?: string; detailPath?: string } {
    const json: ErrorInfo & { name: string; path?: string; detailPath?: string } = { name: this.name, ...this.toErrorInfo() };
    if (this.path !== undefined) json.path = this.path;
    if (this.detailPath !== undefined) json.detailPath = this.detailPath;
    return json;
  }
}

/** The one list of kinds (src/shared/types.ts), as a set. */
const ERROR_KIND_SET: ReadonlySet<ErrorKind> = new Set<ErrorKind>(ERROR_KINDS);

/** Any thrown value as ErrorInfo, for state shown in the UI. Unknown errors become `badResponse` with a generic message. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (OpenRouterError.is(err)) {
    return err instanceof OpenRouterError ? err.toErrorInfo() : errorInfoFromForeign(err);
  }
  return { kind: 'badResponse', message: 'Unexpected internal error while reading OpenRouter data.' };
}

function errorInfoFromForeign(err: OpenRouterError): ErrorInfo {
  const info: ErrorInfo = { kind: err.kind, message: sanitizeServerText(err.message, { max: MAX_ERROR_MESSAGE }) };
  if (typeof err.status === 'number') info.status = err.status;
  if (typeof err.retryAfterMs === 'number') info.retryAfterMs = err.retryAfterMs;
  return info;
}

/** OpenRouter's error envelope `{ error: { code, message, metadata: { error_type } } }`, already shape-checked. */
export interface ErrorEnvelope {
  code?: number;
  message?: string;
  errorType?: string;
}

// error_type values from OpenRouter's ApiErrorType enum, grouped by what the extension can do about them.
const ERROR_TYPE_KINDS: Readonly<Record<string, ErrorKind>> = {
  authentication: 'unauthorized',
  permission_denied: 'forbidden',
  payment_required: 'paymentRequired',
  rate_limit_exceeded: 'rateLimited',
  provider_overloaded: 'server',
  provider_unavailable: 'server',
  server: 'server',
  timeout: 'timeout',
  not_found: 'notFound',
  invalid_request: 'config',
  precondition_failed: 'config',
  payload_too_large: 'config',
  unprocessable: 'config',
};

/**
 * The kind of a failed HTTP response. The status decides where it is unambiguous; error_type decides the
 * rest (other 4xx, or an error envelope on a 200), so a message rewording on OpenRouter's side changes nothing.
 */
export function kindForStatus(status: number, errorType?: string): ErrorKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 402:
      return 'paymentRequired';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 408:
      return 'timeout';
    case 429:
      return 'rateLimited';
  }
  if (status >= 500 && status <= 599) return 'server';
  // Own keys only: an error_type of "constructor" or "toString" must not read Object.prototype.
  const byType = errorType !== undefined && Object.prototype.hasOwnProperty.call(ERROR_TYPE_KINDS, errorType) ? ERROR_TYPE_KINDS[errorType] : undefined;
  if (byType !== undefined) return byType;
  // Any other 4xx means OpenRouter refused what we asked for (bad dates, a base URL pointing elsewhere...).
  if (status >= 400 && status <= 499) return 'config';
  return 'badResponse';
}

const KIND_SUMMARY: Readonly<Record<ErrorKind, string>> = {
  offline: 'could not reach OpenRouter',
  timeout: 'OpenRouter did not answer in time',
  unauthorized: 'OpenRouter rejected the API key',
  paymentRequired: 'OpenRouter reports insufficient credits',
  forbidden: 'this key may not read it (a management key may be needed)',
  notFound: 'OpenRouter does not know this endpoint (check the base URL)',
  rateLimited: 'OpenRouter is rate-limiting requests',
  server: 'OpenRouter had a server error',
  badResponse: 'OpenRouter sent a response Model Radar cannot read',
  cancelled: 'the request was cancelled',
  config: 'OpenRouter refused the request as sent',
  notManagementKey: 'this is not a management key',
  blocked: 'your browser blocked this request',
};

/** "GET /api/v1/key: OpenRouter rejected the API key (401: User not found)." */
export function describeFailure(kind: ErrorKind, path: string, status?: number, serverMessage?: string): string {
  const extra = [status !== undefined ? String(status) : null, serverMessage || null].filter((s): s is string => s !== null);
  return `${path}: ${KIND_SUMMARY[kind]}${extra.length > 0 ? ` (${extra.join(': ')})` : ''}.`;
}

/** The one sanitiser for server text (src/shared/sanitize.ts), re-exported where errors are built. */
export { sanitizeServerText };
