// Providers are fetched on demand (the user opens a model in the dashboard) and cached, within a stated budget:
// - one GET /models/{author}/{slug}/endpoints per model per PROVIDERS_TTL_MS (15 min) unless the user refreshes;
// - a failure is kept PROVIDERS_ERROR_TTL_MS (1 min), a 404 the full TTL (an unknown model stays unknown), and a
//   429 until its Retry-After has passed, refresh or not;
// - one request in flight per model;
// - at most PROVIDERS_MAX_REQUESTS_PER_HOUR requests in any rolling hour, refreshes included. Past it, a model
//   already fetched shows its cached table and any other says when it can be asked again. Stated in the README.
import type { ErrorInfo, ProvidersFailure } from '../../shared/types';
import type { ParsedEndpoints } from '../openrouter/endpointsSchema';
import { toErrorInfo } from '../openrouter/errors';

/** Providers' prices change rarely; their 30-minute latency and throughput drift slowly. */
export const PROVIDERS_TTL_MS = 15 * 60_000;
export const PROVIDERS_ERROR_TTL_MS = 60_000;
/**
 * The hourly ceiling: 30 requests (a user opening a dozen models and refreshing some). OpenRouter documents no
 * per-minute limit for /models*; this keeps the extension far below any plausible one.
 */
export const PROVIDERS_MAX_REQUESTS_PER_HOUR = 30;
const HOUR_MS = 60 * 60_000;
/** Models kept in memory at most; the oldest fetched goes first. */
export const PROVIDERS_MAX_ENTRIES = 64;

export type ProvidersFetch =
  | { ok: true; parsed: ParsedEndpoints; fetchedAt: number }
  | { ok: false; reason: Exclude<ProvidersFailure, 'badId'>; error: ErrorInfo | null; retryAt: number | null };

export interface ProvidersCacheDeps {
  fetch(model: { author: string; slug: string }): Promise<ParsedEndpoints>;
  now(): number;
}

export interface ProvidersCache {
  /** The model's providers: cached while fresh, unless `refresh`. Never rejects. */
  get(model: { author: string; slug: string }, opts?: { refresh?: boolean }): Promise<ProvidersFetch>;
  /** Requests made in the last hour (for the log and tests). */
  requestsLastHour(): number;
  /** Forget everything (key or base URL changed). */
  clear(): void;
}

/** The typed failure a client error means for the user. */
export function failureOf(err: unknown, now: number): Extract<ProvidersFetch, { ok: false }> {
  const error = toErrorInfo(err);
  switch (error.kind) {
    case 'notFound':
      return { ok: false, reason: 'unknownModel', error, retryAt: null };
    case 'offline':
    case 'timeout':
      return { ok: false, reason: 'offline', error, retryAt: null };
    case 'rateLimited':
      return { ok: false, reason: 'rateLimited', error, retryAt: error.retryAfterMs === undefined ? null : now + error.retryAfterMs };
    default:
      return { ok: false, reason: 'failed', error, retryAt: null };
  }
}

export function createProvidersCache(deps: ProvidersCacheDeps): ProvidersCache {
  const entries = new Map<string, { result: ProvidersFetch; at: number }>();
  const inflight = new Map<string, Promise<ProvidersFetch>>();
  let sent: number[] = [];
  let generation = 0;

  const prune = (now: number): void => {
    sent = sent.filter((t) => now - t < HOUR_MS && t <= now);
  };
  const ttlOf = (r: ProvidersFetch): number => (r.ok ? PROVIDERS_TTL_MS : r.reason === 'unknownModel' ? PROVIDERS_TTL_MS : PROVIDERS_ERROR_TTL_MS);

  return {
    get(model, opts = {}) {
      const key = `${model.author}/${model.slug}`;
      const running = inflight.get(key);
      if (running) return running;
      const now = deps.now();
      const hit = entries.get(key);
      const age = hit === undefined ? -1 : now - hit.at;
      const fresh = hit !== undefined && age >= 0 && age < ttlOf(hit.result);
      // A 429's Retry-After holds even against a refresh: asking sooner only earns another 429.
      if (hit && !hit.result.ok && hit.result.reason === 'rateLimited' && hit.result.retryAt !== null && hit.result.retryAt > now) return Promise.resolve(hit.result);
      if (fresh && !opts.refresh) return Promise.resolve(hit.result);
      prune(now);
      if (sent.length >= PROVIDERS_MAX_REQUESTS_PER_HOUR) {
        // Past the budget, a table already fetched is still the best answer, however old.
        if (hit?.result.ok) return Promise.resolve(hit.result);
        const retryAt = (sent[0] ?? now) + HOUR_MS;
        return Promise.resolve({ ok: false, reason: 'budget', error: null, retryAt });
      }
      sent.push(now);
      const gen = generation;
      const p = deps.fetch(model).then(
        (parsed): ProvidersFetch => ({ ok: true, parsed, fetchedAt: deps.now() }),
        (err: unknown): ProvidersFetch => failureOf(err, deps.now()),
      ).then((result) => {
        if (gen === generation) {
          entries.delete(key);
          entries.set(key, { result, at: deps.now() });
          while (entries.size > PROVIDERS_MAX_ENTRIES) {
            const oldest = entries.keys().next().value;
            if (oldest === undefined) break;
            entries.delete(oldest);
          }
        }
        return result;
      });
      const tracked = p.finally(() => {
        if (inflight.get(key) === tracked) inflight.delete(key);
      });
      inflight.set(key, tracked);
      return tracked;
    },
    requestsLastHour() {
      prune(deps.now());
      return sent.length;
    },
    clear() {
      generation++;
      entries.clear();
      inflight.clear();
    },
  };
}
