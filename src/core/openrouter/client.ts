// The OpenRouter HTTP client: web-standard fetch only, so it runs in the extension host, the CLI and tests.
// Every response is validated (schemas.ts) and every failure is an OpenRouterError with a kind.
// Keys are chosen per call (the host holds an inference key and a management key), travel only as
// `Authorization: Bearer` and only to the configured origin, and never appear in errors or log lines.
import type { ApiActivityResponse, ApiCreditsResponse, ApiKeyData, ApiModelsResponse, ApiRankingsDailyResponse } from './apiTypes';
import { checkApiBaseUrl } from './baseUrl';
import { OpenRouterError, describeFailure, kindForStatus, sanitizeServerText } from './errors';
import {
  type DroppedEntries,
  type SchemaResult,
  parseActivityResponse,
  parseAnalyticsResponse,
  type ParsedAnalytics,
  parseCreditsResponse,
  parseErrorEnvelope,
  parseKeyResponse,
  parseModelOrder,
  parseModelsResponse,
  parseRankingsDaily,
  parseUserModelsResponse,
  type ParsedUserModels,
  type UserModel,
} from './schemas';
import { parseEndpointsResponse, type ParsedEndpoints } from './endpointsSchema';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 3;
/** Far above the ~0.7 MB /models response; a body this large is not an answer we asked for. */
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
/** A Retry-After longer than this is not waited out inside one call: the caller (poller) schedules it. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
const APP_URL = 'https://marketplace.visualstudio.com/items?itemName=model-radar.model-radar';
const APP_TITLE = 'Model Radar';

export interface OpenRouterClientOptions {
  /** e.g. "https://openrouter.ai/api/v1". https, or http to a loopback host only. */
  baseUrl: string;
  /** Default key for endpoints that need one, when a call does not pass its own. */
  key?: string;
  /** Same, read lazily (e.g. from SecretStorage). Takes precedence over `key`. */
  getKey?: () => Promise<string | undefined>;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Extra attempts after the first, for network errors, 408, 429 and 5xx only. */
  maxRetries?: number;
  /** Injected for tests: must reject (any value) when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1); used for backoff jitter. */
  random?: () => number;
  /** Epoch ms; used to read HTTP-date Retry-After values and to time requests. */
  now?: () => number;
  /** One line per attempt and per dropped-entries warning. Never contains a key. */
  log?: (line: string) => void;
  maxBodyBytes?: number;
  maxRetryAfterMs?: number;
  /** Sent as HTTP-Referer (OpenRouter's app attribution). */
  appUrl?: string;
  /**
   * Requests are cross-origin (a browser: the web extension host): only `Authorization` and `Content-Type` are
   * sent, since OpenRouter's CORS answer allows those and refuses unusual headers (no attribution headers, which
   * would make every preflight fail), and a fetch that fails without a response while the browser is online is
   * `blocked` (the browser refused it), not `offline`.
   */
  crossOrigin?: boolean;
  /** Whether the browser believes it is online (navigator.onLine); only read for cross-origin requests. */
  isOnline?: () => boolean;
}

export interface CallOptions {
  /** The key for this call; overrides the client's default. */
  key?: string;
  signal?: AbortSignal;
}

export interface ListModelsOptions extends CallOptions {
  /** OpenRouter's `output_modalities` ("text", "all", "text,image"...); omitted = OpenRouter's default (text). */
  outputModalities?: string;
}

export interface RankingsDailyOptions extends CallOptions {
  /** Inclusive UTC days, YYYY-MM-DD. Omitted: OpenRouter's default window (30 days to the last complete day). */
  startDate?: string;
  endDate?: string;
  /** Rows per day (default), or one row per model per week / month: `date` then names the period's first day. */
  period?: 'day' | 'week' | 'month';
}

export interface ActivityOptions extends CallOptions {
  /** One UTC day within the last 30, YYYY-MM-DD; omitted = all 30. */
  date?: string;
}

/** The most /models/user pages read in one call (1000 models each after the first answer): far above any catalog. */
export const MAX_USER_MODELS_PAGES = 5;
const USER_MODELS_PAGE = 1000;

/** GET /models/user, read in full when OpenRouter pages it. */
export interface UserModelsResult extends DroppedEntries {
  models: UserModel[];
  /** OpenRouter's total_count, when sent. */
  totalCount: number | null;
  /** False when the list is known to be short of total_count (pages left unread): then it says nothing of what is missing. */
  complete: boolean;
  /** Requests made. */
  requests: number;
}

/** A validated /models response; entries that failed validation are counted in `dropped`. */
export type ModelsResult = ApiModelsResponse & DroppedEntries;
export type RankingsDailyResult = ApiRankingsDailyResponse & DroppedEntries;
export type ActivityResult = ApiActivityResponse & DroppedEntries;
export type CreditsData = ApiCreditsResponse['data'];

export interface OpenRouterClient {
  /** The normalised base URL, or null when the configured one is invalid (every call then fails with `config`). */
  readonly baseUrl: string | null;
  /** GET /models (public; sends a key only if the call passes one). */
  listModels(opts?: ListModelsOptions): Promise<ModelsResult>;
  /** GET /models?sort=top-weekly: ids in OpenRouter's weekly popularity order (no figures, no key). */
  topWeeklyOrder(opts?: ListModelsOptions): Promise<string[]>;
  /** GET /datasets/rankings-daily (any valid key; 500 requests/day per account). */
  rankingsDaily(opts?: RankingsDailyOptions): Promise<RankingsDailyResult>;
  /** GET /key: the calling key's limits and spend. */
  getKey(opts?: CallOptions): Promise<ApiKeyData>;
  /** GET /credits (management key). A 200 with 0/0 is returned as is; deciding what it means is the caller's job. */
  getCredits(opts?: CallOptions): Promise<CreditsData>;
  /** GET /activity (management key): last 30 completed UTC days. */
  getActivity(opts?: ActivityOptions): Promise<ActivityResult>;
  /** POST /analytics/query (management key): the body as OpenRouter documents it (snake_case). */
  queryAnalytics(body: AnalyticsQueryBody, opts?: CallOptions): Promise<ParsedAnalytics>;
  /**
   * GET /models/user (any key; Model Radar sends the inference key, whose guardrails the answer reflects): the
   * models the key's guardrails, provider preferences and privacy settings allow. Pages are followed.
   */
  getUserModels(opts?: CallOptions): Promise<UserModelsResult>;
  /**
   * GET /models/{author}/{slug}/endpoints: one model's providers. Public, but a key (sent when the call or the
   * client has one) is what makes OpenRouter fill in latency and throughput. `model` comes from endpointPathFor.
   */
  getEndpoints(model: { author: string; slug: string }, opts?: CallOptions): Promise<ParsedEndpoints>;
}

/** The documented body of POST /analytics/query (only what Model Radar sends). */
export interface AnalyticsQueryBody {
  metrics: string[];
  dimensions?: string[];
  granularity?: 'minute' | 'hour' | 'day' | 'week' | 'month';
  time_range?: { start: string; end: string };
  filters?: { field: string; operator: string; value: string | number | (string | number)[] }[];
  order_by?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
}

type Auth = 'none' | 'optional' | 'required';

interface RequestSpec<T> {
  path: string;
  query?: Record<string, string | undefined>;
  auth: Auth;
  parse: (json: unknown) => SchemaResult<T>;
  /** A JSON body: sent as POST. Absent: GET. */
  body?: unknown;
}

export function createOpenRouterClient(options: OpenRouterClientOptions): OpenRouterClient {
  const base = resolveBaseUrl(options.baseUrl);
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const maxRetries = Math.max(0, Math.floor(options.maxRetries ?? DEFAULT_MAX_RETRIES));
  const maxBodyBytes = positive(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
  const maxRetryAfterMs = positive(options.maxRetryAfterMs, DEFAULT_MAX_RETRY_AFTER_MS);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((): void => undefined);
  const appUrl = options.appUrl ?? APP_URL;
  const crossOrigin = options.crossOrigin === true;
  const isOnline = options.isOnline ?? browserOnline;

  async function resolveKey(auth: Auth, explicit: string | undefined, path: string): Promise<string | undefined> {
    if (auth === 'none') return undefined;
    let key = explicit;
    if (key === undefined && auth === 'required') {
      try {
        key = options.getKey ? await options.getKey() : options.key;
      } catch {
        // The key store's own error text is not ours to repeat; what matters is that there is no usable key.
        throw new OpenRouterError({ kind: 'config', path, message: `${path}: the OpenRouter API key could not be read.` });
      }
    }
    key = key?.trim();
    if (!key) {
      if (auth === 'optional') return undefined;
      throw new OpenRouterError({ kind: 'config', path, message: `${path}: no OpenRouter API key is set for this request.` });
    }
    // A key with control characters or spaces would make fetch throw a TypeError that looks like a network failure.
    if (!/^[\x21-\x7e]+$/.test(key)) {
      throw new OpenRouterError({ kind: 'config', path, message: `${path}: the API key contains characters that cannot be sent in a header.` });
    }
    return key;
  }

  async function request<T>(spec: RequestSpec<T>, call: CallOptions | undefined): Promise<T> {
    if (!base.ok) throw base.error;
    const url = new URL(spec.path.replace(/^\/+/, ''), base.url);
    // Guard against a path that resolves elsewhere: the key goes to the configured origin only.
    if (url.origin !== base.url.origin) {
      throw new OpenRouterError({ kind: 'config', message: 'Refusing to send a request outside the configured OpenRouter origin.' });
    }
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    const path = url.pathname;
    const signal = call?.signal;
    if (signal?.aborted) throw cancelled(path);
    const key = await resolveKey(spec.auth, call?.key, path);
    const secrets = key ? [key] : [];
    const headers: Record<string, string> = crossOrigin
      ? {}
      : {
          Accept: 'application/json',
          'HTTP-Referer': appUrl,
          'X-OpenRouter-Title': APP_TITLE,
        };
    if (key) headers.Authorization = `Bearer ${key}`;

    const attempts = maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw cancelled(path);
      const started = now();
      const outcome = await attemptOnce(url, headers, signal, secrets, spec.body);
      const ms = Math.max(0, Math.round(now() - started));
      const label = `${spec.body === undefined ? 'GET' : 'POST'} ${url.pathname}${url.search}`;
      if (outcome.ok) {
        log(`${label} ${outcome.status} ${ms}ms attempt ${attempt}/${attempts}`);
        const parsed = spec.parse(outcome.json);
        if (!parsed.ok) {
          // Validation messages quote the offending value (valibot: `received "…"`) and paths carry the
          // server's object keys: both are server text, and the value can be the key itself.
          const where = sanitizeServerText(parsed.path, { max: 120, secrets });
          const why = sanitizeServerText(parsed.message, { secrets });
          throw new OpenRouterError({
            kind: 'badResponse',
            path,
            status: outcome.status,
            detailPath: where,
            message: `${path}: OpenRouter's response does not have the expected shape at ${where} (${why}).`,
          });
        }
        warnDropped(label, parsed.value, secrets);
        return parsed.value;
      }
      const err = outcome.error;
      log(`${label} ${err.status ?? err.kind} ${ms}ms attempt ${attempt}/${attempts}`);
      if (!outcome.retryable || attempt >= attempts) throw err;
      let delay: number;
      if (err.retryAfterMs !== undefined) {
        // Waiting longer than the cap inside one call would hold the UI in "loading": hand it to the poller.
        if (err.retryAfterMs > maxRetryAfterMs) throw err;
        delay = err.retryAfterMs;
      } else {
        // Exponential backoff with full jitter: spreads retries from many windows/machines.
        delay = Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
      }
      try {
        await sleep(delay, signal);
      } catch {
        throw cancelled(path);
      }
    }
  }

  function warnDropped(label: string, value: unknown, secrets: readonly string[]): void {
    const dropped = value as Partial<DroppedEntries>;
    if (typeof dropped.dropped === 'number' && dropped.dropped > 0) {
      const first = typeof dropped.firstDropPath === 'string' ? sanitizeServerText(dropped.firstDropPath, { max: 120, secrets }) : '?';
      log(`${label}: ignored ${dropped.dropped} invalid entr${dropped.dropped === 1 ? 'y' : 'ies'} (first at ${first})`);
    }
  }

  type Attempt = { ok: true; status: number; json: unknown } | { ok: false; error: OpenRouterError; retryable: boolean };

  async function attemptOnce(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined, secrets: string[], body?: unknown): Promise<Attempt> {
    const path = url.pathname;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const interrupted = (): OpenRouterError | null => {
      if (signal?.aborted) return cancelled(path);
      if (timedOut) {
        return new OpenRouterError({ kind: 'timeout', path, message: `${path}: OpenRouter did not answer within ${Math.round(timeoutMs / 100) / 10} s.` });
      }
      return null;
    };
    try {
      let res: Response;
      try {
        res = await fetchImpl(
          url.href,
          body === undefined
            ? { method: 'GET', headers, signal: controller.signal, redirect: 'manual' }
            : { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: controller.signal, redirect: 'manual' },
        );
      } catch (e) {
        const stop = interrupted();
        // Our own timeouts are not retried: each costs timeoutMs, and the poller's backoff handles a slow service.
        if (stop) return { ok: false, error: stop, retryable: false };
        // In a browser a refused cross-origin request and a lost connection both reject with a bare TypeError: when
        // the browser says it is online, the refusal is what it was, and retrying it changes nothing.
        if (crossOrigin && isOnline()) return { ok: false, error: blockedError(path), retryable: false };
        return { ok: false, error: networkError(path, e), retryable: true };
      }
      const status = res.status;
      if (status === 0 || (status >= 300 && status <= 399)) {
        cancelBody(res);
        // Following a redirect could carry the key to another host; OpenRouter's API does not redirect.
        return {
          ok: false,
          retryable: false,
          error: new OpenRouterError({ kind: 'badResponse', path, status, message: `${path}: OpenRouter answered with a redirect (${status}), which Model Radar does not follow.` }),
        };
      }
      let text: string;
      try {
        text = await readBody(res, maxBodyBytes, path);
      } catch (e) {
        if (OpenRouterError.is(e)) return { ok: false, error: e, retryable: false };
        const stop = interrupted();
        if (stop) return { ok: false, error: stop, retryable: false };
        return { ok: false, error: networkError(path, e), retryable: true };
      }
      const json = tryJson(text);
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
      if (status < 200 || status > 299) {
        const envelope = json.ok ? parseErrorEnvelope(json.value) : null;
        const kind = kindForStatus(status, envelope?.errorType);
        const serverText = envelope?.message ? sanitizeServerText(envelope.message, secrets) : undefined;
        const init: ConstructorParameters<typeof OpenRouterError>[0] = { kind, path, status, message: describeFailure(kind, path, status, serverText) };
        if (retryAfterMs !== undefined) init.retryAfterMs = retryAfterMs;
        return { ok: false, error: new OpenRouterError(init), retryable: status === 408 || status === 429 || status >= 500 };
      }
      if (!json.ok) {
        return {
          ok: false,
          retryable: false,
          error: new OpenRouterError({ kind: 'badResponse', path, status, message: `${path}: OpenRouter's response is not valid JSON (${describeBody(text, res)}).` }),
        };
      }
      // OpenRouter can report an error inside a 200; the envelope's own code and error_type decide the kind.
      const inBand = isErrorOnly(json.value) ? parseErrorEnvelope(json.value) : null;
      if (inBand) {
        const code = inBand.code !== undefined && inBand.code >= 400 ? inBand.code : 400;
        const kind = kindForStatus(code, inBand.errorType);
        const serverText = inBand.message ? sanitizeServerText(inBand.message, secrets) : undefined;
        return { ok: false, retryable: false, error: new OpenRouterError({ kind, path, status, message: describeFailure(kind, path, code, serverText) }) };
      }
      return { ok: true, status, json: json.value };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    baseUrl: base.ok ? base.url.href.replace(/\/$/, '') : null,
    listModels: (opts) =>
      request({ path: 'models', query: { output_modalities: opts?.outputModalities }, auth: 'optional', parse: modelsResult }, opts),
    topWeeklyOrder: async (opts) => {
      const order = await request(
        { path: 'models', query: { sort: 'top-weekly', output_modalities: opts?.outputModalities }, auth: 'optional', parse: parseModelOrder },
        opts,
      );
      return order.ids;
    },
    rankingsDaily: async (opts) => {
      checkDay(opts?.startDate, 'start date', '/datasets/rankings-daily');
      checkDay(opts?.endDate, 'end date', '/datasets/rankings-daily');
      checkPeriod(opts?.period);
      return request(
        {
          path: 'datasets/rankings-daily',
          query: { start_date: opts?.startDate, end_date: opts?.endDate, period: opts?.period },
          auth: 'required',
          parse: rankingsResult,
        },
        opts,
      );
    },
    getKey: (opts) => request({ path: 'key', auth: 'required', parse: parseKeyResponse }, opts),
    getCredits: (opts) => request({ path: 'credits', auth: 'required', parse: parseCreditsResponse }, opts),
    getActivity: async (opts) => {
      checkDay(opts?.date, 'date', '/activity');
      return request({ path: 'activity', query: { date: opts?.date }, auth: 'required', parse: activityResult }, opts);
    },
    queryAnalytics: (body, opts) => request({ path: 'analytics/query', auth: 'required', parse: parseAnalyticsResponse, body }, opts),
    getUserModels: async (opts) => {
      // Without offset and limit OpenRouter sends the whole list; pages are read only when it says there are more.
      const first: ParsedUserModels = await request({ path: 'models/user', auth: 'required', parse: parseUserModelsResponse }, opts);
      const models = [...first.models];
      let dropped = first.dropped;
      let firstDropPath = first.firstDropPath;
      let requests = 1;
      const total = first.totalCount ?? null;
      let seen = first.models.length + first.dropped;
      let more = total !== null && seen < total;
      while (more && requests < MAX_USER_MODELS_PAGES) {
        const page: ParsedUserModels = await request(
          { path: 'models/user', query: { offset: String(seen), limit: String(USER_MODELS_PAGE) }, auth: 'required', parse: parseUserModelsResponse },
          opts,
        );
        requests++;
        models.push(...page.models);
        dropped += page.dropped;
        firstDropPath ??= page.firstDropPath;
        const got = page.models.length + page.dropped;
        seen += got;
        more = got > 0 && total !== null && seen < total;
      }
      return { models, dropped, firstDropPath, totalCount: total, complete: total === null || seen >= total, requests };
    },
    getEndpoints: async (model, opts) => {
      const path = `models/${checkSegment(model.author)}/${checkSegment(model.slug)}/endpoints`;
      const key = opts?.key ?? (options.getKey ? await options.getKey().catch(() => undefined) : options.key);
      return request({ path, auth: 'optional', parse: parseEndpointsResponse }, { ...opts, key });
    },
  };
}

function modelsResult(json: unknown): SchemaResult<ModelsResult> {
  const parsed = parseModelsResponse(json);
  if (!parsed.ok) return parsed;
  const { models, dropped, firstDropPath, totalCount, nextLink } = parsed.value;
  const result: ModelsResult = { data: models, dropped, firstDropPath };
  if (totalCount !== undefined) result.total_count = totalCount;
  if (nextLink !== undefined) result.links = { next: nextLink };
  return { ok: true, value: result };
}

function rankingsResult(json: unknown): SchemaResult<RankingsDailyResult> {
  const parsed = parseRankingsDaily(json);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { ...parsed.value.response, dropped: parsed.value.dropped, firstDropPath: parsed.value.firstDropPath } };
}

function activityResult(json: unknown): SchemaResult<ActivityResult> {
  const parsed = parseActivityResponse(json);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { data: parsed.value.items, dropped: parsed.value.dropped, firstDropPath: parsed.value.firstDropPath } };
}

// ---------------------------------------------------------------------------------------------------------

type BaseResolution = { ok: true; url: URL } | { ok: false; error: OpenRouterError };

/** The base URL as the one policy (baseUrl.ts) has it, with the trailing slash relative paths resolve against. */
export function resolveBaseUrl(raw: string): BaseResolution {
  const checked = checkApiBaseUrl(raw);
  if (!checked.ok) return { ok: false, error: configError(`The OpenRouter API base URL ${checked.reason}.`) };
  return { ok: true, url: new URL(`${checked.url}/`) };
}

function configError(message: string): OpenRouterError {
  return new OpenRouterError({ kind: 'config', message });
}

function cancelled(path: string): OpenRouterError {
  return new OpenRouterError({ kind: 'cancelled', path, message: `${path}: the request was cancelled.` });
}

function blockedError(path: string): OpenRouterError {
  return new OpenRouterError({ kind: 'blocked', path, message: `${path}: your browser blocked this request to OpenRouter (cross-origin).` });
}

/** navigator.onLine where there is one (a browser or its workers); true elsewhere. */
function browserOnline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: unknown } }).navigator;
  return nav?.onLine !== false;
}

function networkError(path: string, e: unknown): OpenRouterError {
  // Only a system error code (ECONNREFUSED, ENOTFOUND...) is kept: error text from the stack could carry anything.
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause?.code ?? (e as { code?: unknown } | null)?.code;
  const code = typeof cause === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(cause) ? cause : undefined;
  return new OpenRouterError({ kind: 'offline', path, message: `${path}: could not reach OpenRouter${code ? ` (${code})` : ''}.` });
}

function checkDay(value: string | undefined, what: string, path: string): void {
  if (value === undefined) return;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new OpenRouterError({ kind: 'config', path, message: `${path}: the ${what} must be a UTC day written YYYY-MM-DD.` });
  }
}

/** A period from an untyped caller (a setting, a CLI flag) is checked before it reaches the URL. */
function checkPeriod(value: unknown): void {
  if (value === undefined || value === 'day' || value === 'week' || value === 'month') return;
  throw new OpenRouterError({ kind: 'config', path: '/datasets/rankings-daily', message: '/datasets/rankings-daily: the period must be day, week or month.' });
}

/** A path segment of a model id, refused unless it is one (the path builder already checked; this guards other callers). */
function checkSegment(segment: string): string {
  if (!/^[a-z0-9][a-z0-9._-]{0,127}$/.test(segment)) {
    throw new OpenRouterError({ kind: 'config', path: '/models/…/endpoints', message: '/models/…/endpoints: the model id cannot name an endpoints path.' });
  }
  return encodeURIComponent(segment);
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as delta-seconds or an HTTP-date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

async function readBody(res: Response, cap: number, path: string): Promise<string> {
  const tooLarge = (): OpenRouterError =>
    new OpenRouterError({ kind: 'badResponse', path, status: res.status, message: `${path}: OpenRouter's response is larger than ${Math.round(cap / 1024 / 1024)} MB; refused.` });
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    cancelBody(res);
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function cancelBody(res: Response): void {
  res.body?.cancel().catch(() => undefined);
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function isErrorOnly(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'error' in json && !('data' in json);
}

function describeBody(text: string, res: Response): string {
  const type = res.headers.get('content-type')?.split(';')[0]?.trim();
  if (text.length === 0) return 'empty body';
  return `${text.length} characters${type ? ` of ${type}` : ''}`;
}
