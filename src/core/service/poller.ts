// Decides when each resource is fetched. It knows nothing of OpenRouter: it runs the tasks it is given, on
// per-resource schedules, only while the user can see the results (active), one request per resource at a
// time, backing off after failures. Clock and timers are injected so tests drive time by hand.
import { RESOURCE_NAMES, type ResourceName } from '../../shared/types';

/** The shortest allowed interval per resource; settings may lengthen these, never shorten them. */
export const DEFAULT_INTERVALS_MS: Readonly<Record<ResourceName, number>> = {
  key: 60_000,
  credits: 5 * 60_000,
  models: 30 * 60_000,
  rankings: 60 * 60_000,
  activity: 60 * 60_000,
  // Guardrails and provider preferences change when the user edits them: the catalog's pace is plenty.
  userModels: 30 * 60_000,
};

/**
 * The Data API allows 500 requests/day per account, shared with every other app the user runs. Whatever
 * triggers it (schedule, focus, the Refresh button, a failure), rankings are attempted at most once per
 * 30 min: at most 48 requests a day from this extension.
 */
export const RANKINGS_MIN_GAP_MS = 30 * 60_000;

/** Regular intervals are stretched by up to this fraction (never shortened) so windows do not poll in step. */
const INTERVAL_JITTER = 0.1;
const ERROR_BACKOFF_BASE_MS = 30_000;
const ERROR_BACKOFF_MIN_CAP_MS = 30 * 60_000;
/** setTimeout's limit; longer waits are re-planned when the timer fires. */
const MAX_TIMER_MS = 2_147_483_647;

export interface PollerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type PollerTask = (signal: AbortSignal) => Promise<void>;

export type PollerEvent =
  | { type: 'start'; resource: ResourceName; manual: boolean }
  | { type: 'success'; resource: ResourceName; at: number }
  | { type: 'failure'; resource: ResourceName; error: unknown; at: number; retryAt: number };

export interface PollerOptions {
  tasks: Record<ResourceName, PollerTask>;
  /** Whether a resource may be fetched now (e.g. credits and activity need a management key). Default: all. */
  enabled?: (resource: ResourceName) => boolean;
  /** Interval per resource in ms; values below the defaults are raised to them. */
  intervals?: Partial<Record<ResourceName, number>>;
  clock?: PollerClock;
  /** In [0, 1). */
  random?: () => number;
  /** Last successful fetch per resource (epoch ms), e.g. from a persisted snapshot, so fresh data is not refetched. */
  lastSuccess?: Partial<Record<ResourceName, number | null>>;
  onEvent?: (event: PollerEvent) => void;
  /** How long a failure asks to wait (ms). Default: a numeric `retryAfterMs` property on the error. */
  retryAfterOf?: (error: unknown) => number | undefined;
}

export interface RefreshOutcome {
  resource: ResourceName;
  status: 'ok' | 'failed' | 'skipped';
  /** For skipped: not enabled, the rankings quota guard, or the poller was disposed. */
  reason?: 'disabled' | 'rateGuard' | 'disposed';
  error?: unknown;
}

/** Created inactive: nothing runs until `setActive(true)`. */
export interface Poller {
  readonly active: boolean;
  /** Inactive (window unfocused and no view visible): no requests. Becoming active fetches whatever is due. */
  setActive(active: boolean): void;
  /** Fetch now, bypassing the schedule but not single-flight or the rankings guard. Never rejects. */
  refreshNow(resources?: readonly ResourceName[]): Promise<RefreshOutcome[]>;
  setIntervals(intervals: Partial<Record<ResourceName, number>>): void;
  /** Re-reads `enabled` (after a key change, say) and plans again; newly enabled resources that are due run. */
  reschedule(): void;
  /** When the resource is planned to run next (epoch ms); null when nothing is planned. */
  nextRunAt(resource: ResourceName): number | null;
  /** The interval in force for a resource, after clamping. */
  intervalOf(resource: ResourceName): number;
  dispose(): void;
}

interface Slot {
  lastSuccess: number | null;
  lastAttempt: number | null;
  failures: number;
  /** When the next run is due, ignoring activity and the rankings guard. */
  dueAt: number;
  timer: unknown;
  timerAt: number | null;
  inflight: Promise<RefreshOutcome> | null;
  controller: AbortController | null;
}

const systemClock: PollerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function clampIntervals(intervals: Partial<Record<ResourceName, number>> = {}): Record<ResourceName, number> {
  const out = { ...DEFAULT_INTERVALS_MS };
  for (const resource of RESOURCE_NAMES) {
    const value = intervals[resource];
    if (typeof value === 'number' && Number.isFinite(value) && value > out[resource]) out[resource] = value;
  }
  return out;
}

export function createPoller(options: PollerOptions): Poller {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const enabled = options.enabled ?? ((): boolean => true);
  const onEvent = options.onEvent ?? ((): void => undefined);
  const retryAfterOf = options.retryAfterOf ?? defaultRetryAfterOf;
  let intervals = clampIntervals(options.intervals);
  let active = false;
  let disposed = false;

  const slots = {} as Record<ResourceName, Slot>;
  for (const resource of RESOURCE_NAMES) {
    const last = options.lastSuccess?.[resource] ?? null;
    const known = typeof last === 'number' && Number.isFinite(last) ? last : null;
    slots[resource] = {
      lastSuccess: known,
      lastAttempt: null,
      failures: 0,
      dueAt: known === null ? clock.now() : known + intervals[resource],
      timer: null,
      timerAt: null,
      inflight: null,
      controller: null,
    };
  }

  function emit(event: PollerEvent): void {
    try {
      onEvent(event);
    } catch {
      // A listener's failure must not stop polling.
    }
  }

  function earliestRun(resource: ResourceName): number {
    const slot = slots[resource];
    if (resource === 'rankings' && slot.lastAttempt !== null) return Math.max(slot.dueAt, slot.lastAttempt + RANKINGS_MIN_GAP_MS);
    return slot.dueAt;
  }

  function clearTimer(slot: Slot): void {
    if (slot.timer !== null) clock.clearTimeout(slot.timer);
    slot.timer = null;
    slot.timerAt = null;
  }

  function plan(resource: ResourceName): void {
    const slot = slots[resource];
    clearTimer(slot);
    if (disposed || !active || slot.inflight !== null || !safeEnabled(resource)) return;
    const at = earliestRun(resource);
    const delay = at - clock.now();
    if (delay <= 0) {
      void run(resource, false);
      return;
    }
    slot.timerAt = at;
    slot.timer = clock.setTimeout(() => {
      slot.timer = null;
      slot.timerAt = null;
      if (clock.now() < earliestRun(resource)) plan(resource);
      else void run(resource, false);
    }, Math.min(delay, MAX_TIMER_MS));
  }

  function safeEnabled(resource: ResourceName): boolean {
    try {
      return enabled(resource);
    } catch {
      return false;
    }
  }

  function run(resource: ResourceName, manual: boolean): Promise<RefreshOutcome> {
    const slot = slots[resource];
    if (slot.inflight) return slot.inflight;
    if (disposed) return Promise.resolve({ resource, status: 'skipped', reason: 'disposed' });
    const now = clock.now();
    if (resource === 'rankings' && slot.lastAttempt !== null && now - slot.lastAttempt < RANKINGS_MIN_GAP_MS) {
      plan(resource);
      return Promise.resolve({ resource, status: 'skipped', reason: 'rateGuard' });
    }
    clearTimer(slot);
    const controller = new AbortController();
    slot.controller = controller;
    slot.lastAttempt = now;
    emit({ type: 'start', resource, manual });
    const task = options.tasks[resource];
    const promise = Promise.resolve()
      .then(() => task(controller.signal))
      .then(
        (): RefreshOutcome => {
          if (disposed) return { resource, status: 'skipped', reason: 'disposed' };
          const at = clock.now();
          slot.lastSuccess = at;
          slot.failures = 0;
          slot.dueAt = at + intervals[resource] * (1 + random() * INTERVAL_JITTER);
          emit({ type: 'success', resource, at });
          return { resource, status: 'ok' };
        },
        (error: unknown): RefreshOutcome => {
          if (disposed) return { resource, status: 'skipped', reason: 'disposed' };
          const at = clock.now();
          slot.failures++;
          const cap = Math.max(intervals[resource], ERROR_BACKOFF_MIN_CAP_MS);
          const backoff = Math.min(cap, ERROR_BACKOFF_BASE_MS * 2 ** (slot.failures - 1));
          // Equal jitter: at least half the backoff, so a failing endpoint is never hammered.
          const jittered = backoff / 2 + (random() * backoff) / 2;
          const asked = retryAfterOf(error);
          slot.dueAt = at + Math.max(jittered, asked ?? 0);
          emit({ type: 'failure', resource, error, at, retryAt: earliestRun(resource) });
          return { resource, status: 'failed', error };
        },
      )
      .finally(() => {
        slot.inflight = null;
        slot.controller = null;
        plan(resource);
      });
    slot.inflight = promise;
    return promise;
  }

  return {
    get active(): boolean {
      return active;
    },
    setActive(next: boolean): void {
      if (disposed || next === active) return;
      active = next;
      for (const resource of RESOURCE_NAMES) {
        if (active) plan(resource);
        else clearTimer(slots[resource]);
      }
    },
    refreshNow(resources: readonly ResourceName[] = RESOURCE_NAMES): Promise<RefreshOutcome[]> {
      const unique = [...new Set(resources)].filter((r) => (RESOURCE_NAMES as readonly string[]).includes(r));
      return Promise.all(
        unique.map((resource) =>
          safeEnabled(resource) ? run(resource, true) : Promise.resolve<RefreshOutcome>({ resource, status: 'skipped', reason: 'disabled' }),
        ),
      );
    },
    setIntervals(next: Partial<Record<ResourceName, number>>): void {
      const previous = intervals;
      intervals = clampIntervals(next);
      for (const resource of RESOURCE_NAMES) {
        const slot = slots[resource];
        if (slot.failures === 0 && slot.lastSuccess !== null && previous[resource] !== intervals[resource]) {
          slot.dueAt = slot.lastSuccess + intervals[resource];
        }
        plan(resource);
      }
    },
    reschedule(): void {
      for (const resource of RESOURCE_NAMES) plan(resource);
    },
    nextRunAt(resource: ResourceName): number | null {
      return slots[resource].timerAt;
    },
    intervalOf(resource: ResourceName): number {
      return intervals[resource];
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      for (const resource of RESOURCE_NAMES) {
        const slot = slots[resource];
        clearTimer(slot);
        slot.controller?.abort();
      }
    },
  };
}

function defaultRetryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
