// One cached spend history per window, within OpenRouter's rate limits: at most one analytics query per window
// per HISTORY_TTL_MS unless the user refreshes, one in flight per window, and the /activity fallback (already
// polled for the sidebar, so it costs no request) when analytics is refused or fails.
import type { ActivityView, ErrorInfo, SpendHistoryResult, SpendWindow } from '../../shared/types';
import type { AnalyticsQueryBody } from '../openrouter/client';
import type { ParsedAnalytics } from '../openrouter/schemas';
import { toErrorInfo } from '../openrouter/errors';
import { analyticsQueryBody, buildSpendHistory, spendHistoryFromActivity } from './history';

/** History changes slowly (daily rows): one analytics query per window per 15 minutes at most. */
export const HISTORY_TTL_MS = 15 * 60_000;
/** A failure with no fallback is retried sooner, but not on every render. */
export const HISTORY_ERROR_TTL_MS = 60_000;
/**
 * Worst case added per hour by the history: 3 windows × 60 / 15 = 12 analytics queries (the documented limit
 * is 64 a minute), plus one per user refresh. Stated in the README's request budget.
 */
export const HISTORY_MAX_QUERIES_PER_HOUR = 3 * (60 / (HISTORY_TTL_MS / 60_000));

export type ManagementState = 'none' | 'notManagement' | 'usable';

export interface SpendHistoryDeps {
  query(body: AnalyticsQueryBody): Promise<ParsedAnalytics>;
  /** The /activity view the poller keeps, or null when it has none. */
  activity(): ActivityView | null;
  /** The activity resource's last error, to say why there is no fallback either. */
  activityError(): ErrorInfo | null;
  management(): ManagementState;
  now(): number;
  /** A window's answer was stored (each fetch, refresh included): the real token mixes may have changed. */
  onStored?(window: SpendWindow, result: SpendHistoryResult): void;
}

export interface SpendHistoryCache {
  /** The window's history: cached when fresh, unless `refresh`. Never rejects. */
  get(window: SpendWindow, opts?: { refresh?: boolean }): Promise<SpendHistoryResult>;
  /** The cached answer, fresh or not, without a request. */
  peek(window: SpendWindow): SpendHistoryResult | null;
  /** Forget everything (keys changed, base URL changed). */
  clear(): void;
}

export function createSpendHistoryCache(deps: SpendHistoryDeps): SpendHistoryCache {
  const cache = new Map<SpendWindow, { result: SpendHistoryResult; at: number }>();
  const inflight = new Map<SpendWindow, Promise<SpendHistoryResult>>();
  let generation = 0;

  const fresh = (window: SpendWindow): SpendHistoryResult | null => {
    const hit = cache.get(window);
    if (!hit) return null;
    const ttl = hit.result.status === 'ok' ? HISTORY_TTL_MS : HISTORY_ERROR_TTL_MS;
    const age = deps.now() - hit.at;
    return age >= 0 && age < ttl ? hit.result : null;
  };

  async function load(window: SpendWindow): Promise<SpendHistoryResult> {
    const started = deps.now();
    try {
      const answer = await deps.query(analyticsQueryBody(window, started));
      return { status: 'ok', view: buildSpendHistory(answer, { requested: window, now: started, fetchedAt: deps.now() }) };
    } catch (err) {
      const why = toErrorInfo(err);
      const activity = deps.activity();
      if (activity) return { status: 'ok', view: spendHistoryFromActivity(activity, { requested: window, fallback: why, fetchedAt: deps.now() }) };
      return { status: 'unavailable', reason: 'error', cause: deps.activityError() ?? why };
    }
  }

  return {
    get(window, opts = {}) {
      const state = deps.management();
      if (state === 'none') return Promise.resolve({ status: 'unavailable', reason: 'noManagementKey', cause: null });
      if (state === 'notManagement') return Promise.resolve({ status: 'unavailable', reason: 'notManagementKey', cause: null });
      const running = inflight.get(window);
      if (running) return running;
      if (!opts.refresh) {
        const hit = fresh(window);
        if (hit) return Promise.resolve(hit);
      }
      const gen = generation;
      const p = load(window).then((result) => {
        if (gen === generation) {
          cache.set(window, { result, at: deps.now() });
          deps.onStored?.(window, result);
        }
        return result;
      });
      const tracked = p.finally(() => {
        if (inflight.get(window) === tracked) inflight.delete(window);
      });
      inflight.set(window, tracked);
      return tracked;
    },
    peek(window) {
      return cache.get(window)?.result ?? null;
    },
    clear() {
      generation++;
      cache.clear();
      inflight.clear();
    },
  };
}
