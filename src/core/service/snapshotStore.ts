// The one Snapshot the UI renders: immutable (every update produces a new frozen object), observable, with
// per-resource state, and its last good data persisted through an injected key-value storage (the host
// adapts VS Code's Memento) so the next session paints at once. What comes back from storage may be from an
// older version or corrupt: it is validated part by part and whatever does not fit is dropped.
import * as v from 'valibot';
import { PERSISTED_PART_SHAPES, emptyResourceState, emptySnapshot } from '../../shared/snapshotSchema';
import type { PollerEvent } from './poller';
import { DEFAULT_INTERVALS_MS } from './poller';
import {
  RESOURCE_NAMES,
  type CatalogView,
  type ErrorInfo,
  type RankingsView,
  type ResourceName,
  type ResourceState,
  type Snapshot,
} from '../../shared/types';

/** The subset of VS Code's Memento the store needs. `set(key, undefined)` removes the key. */
export interface SnapshotStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): Promise<void>;
}

export interface Disposable {
  dispose(): void;
}

/** Data older than this many intervals is stale; matches the status bar's rule (allows for jitter and slow fetches). */
export const STALE_AFTER_INTERVALS = 2;
export const SNAPSHOT_STORAGE_VERSION = 1;
export const DEFAULT_STORAGE_PREFIX = 'modelRadar.snapshot';

/** The parts of a snapshot that are persisted, and the resources whose fetch times travel with each. */
export const PERSISTED_PARTS = {
  catalog: ['models'],
  rankings: ['rankings'],
  usage: ['key', 'credits'],
  activity: ['activity'],
  // Fetched at most once a day; its own fetchedAt travels inside the value.
  trend: [],
} as const satisfies Record<string, readonly ResourceName[]>;
export type PersistedPart = keyof typeof PERSISTED_PARTS;
const PART_NAMES = Object.keys(PERSISTED_PARTS) as PersistedPart[];

export interface SnapshotStoreOptions {
  storage?: SnapshotStorage;
  /** Storage keys are `${prefix}.${part}`. */
  storagePrefix?: string;
  now?: () => number;
  /** Poll intervals in ms, for staleness; defaults to the poller's. */
  intervals?: Partial<Record<ResourceName, number>>;
  initial?: Snapshot;
  /** A failed write or a listener that threw; the store carries on. */
  onError?: (error: unknown, context: 'persist' | 'listener') => void;
}

export interface LoadReport {
  restored: PersistedPart[];
  /** Parts found in storage that did not validate (older version, corruption) and were removed. */
  dropped: PersistedPart[];
}

export interface SnapshotStore {
  get(): Snapshot;
  /** Replaces the snapshot with fn(current); the result is frozen, resource `stale` flags are recomputed. */
  update(fn: (current: Snapshot) => Snapshot): Snapshot;
  onDidChange(listener: (snapshot: Snapshot) => void): Disposable;
  setLoading(resource: ResourceName, loading: boolean): void;
  /** A successful fetch: fetchedAt = at (default now), error cleared, loading off. */
  markFetched(resource: ResourceName, at?: number): void;
  /** A failed fetch (null clears the error); loading off, data kept. */
  setError(resource: ResourceName, error: ErrorInfo | null): void;
  setIntervals(intervals: Partial<Record<ResourceName, number>>): void;
  /** Re-evaluates `stale` against the clock (call on a timer or when the window regains focus). */
  refreshStale(): void;
  /** Restores persisted parts that are not already present. Never throws. */
  load(): LoadReport;
  /** Resolves when every pending write has been attempted. */
  flush(): Promise<void>;
  dispose(): void;
}

export { emptyResourceState, emptySnapshot };

/** Whether the snapshot holds data that this resource feeds. */
function hasData(snapshot: Snapshot, resource: ResourceName): boolean {
  switch (resource) {
    case 'models':
      return snapshot.catalog !== null;
    case 'rankings':
      return snapshot.rankings !== null;
    case 'key':
      return snapshot.usage?.key != null;
    case 'credits':
      return snapshot.usage?.balance != null;
    case 'activity':
      return snapshot.activity !== null;
    case 'userModels':
      return snapshot.allowedModels?.status === 'known';
  }
}

/** Stale: there is data, and it is older than STALE_AFTER_INTERVALS intervals or the last refresh failed. */
export function isStale(state: ResourceState, dataPresent: boolean, intervalMs: number, now: number): boolean {
  if (!dataPresent) return false;
  if (state.error !== null) return true;
  if (state.fetchedAt === null) return true;
  return now - state.fetchedAt > STALE_AFTER_INTERVALS * intervalMs;
}

export function createSnapshotStore(options: SnapshotStoreOptions = {}): SnapshotStore {
  const now = options.now ?? Date.now;
  const prefix = options.storagePrefix ?? DEFAULT_STORAGE_PREFIX;
  const storage = options.storage;
  const reportError = options.onError ?? ((): void => undefined);
  let intervals: Record<ResourceName, number> = { ...DEFAULT_INTERVALS_MS, ...positiveOnly(options.intervals) };
  const listeners = new Set<(snapshot: Snapshot) => void>();
  let disposed = false;

  let current: Snapshot = deepFreeze(withStale(options.initial ?? emptySnapshot()));

  // Writes are coalesced per part: only the newest envelope of a part is written, one write at a time.
  const pendingWrites = new Map<PersistedPart, unknown>();
  let writing: Promise<void> | null = null;

  function withStale(snapshot: Snapshot): Snapshot {
    const at = now();
    let changed = false;
    const resources = { ...snapshot.resources };
    for (const resource of RESOURCE_NAMES) {
      const state = resources[resource] ?? emptyResourceState();
      const stale = isStale(state, hasData(snapshot, resource), intervals[resource], at);
      if (state.stale !== stale || resources[resource] === undefined) {
        resources[resource] = { ...state, stale };
        changed = true;
      }
    }
    return changed ? { ...snapshot, resources } : snapshot;
  }

  function emit(): void {
    for (const listener of [...listeners]) {
      try {
        listener(current);
      } catch (err) {
        reportError(err, 'listener');
      }
    }
  }

  function commit(next: Snapshot): Snapshot {
    if (disposed) return current;
    const previous = current;
    const staled = withStale(next);
    if (staled === previous) return current;
    current = deepFreeze(staled);
    schedulePersist(previous, current);
    emit();
    return current;
  }

  function schedulePersist(previous: Snapshot, next: Snapshot): void {
    if (!storage) return;
    for (const part of PART_NAMES) {
      const fetchedAtChanged = PERSISTED_PARTS[part].some((r) => previous.resources[r].fetchedAt !== next.resources[r].fetchedAt);
      if (previous[part] === next[part] && !fetchedAtChanged) continue;
      const envelope = envelopeFor(part, next);
      // A part that becomes null (e.g. keys cleared) is removed, so old figures never reappear next session.
      if (envelope === undefined && previous[part] === null) continue;
      pendingWrites.set(part, envelope);
    }
    drain();
  }

  function envelopeFor(part: PersistedPart, snapshot: Snapshot): unknown {
    const value = snapshot[part];
    if (value === null) return undefined;
    // Only live data is "last good"; a bundled catalog ships with the extension anyway.
    if (part === 'catalog' && (value as CatalogView).source !== 'live') return undefined;
    if (part === 'rankings' && (value as RankingsView).source === 'bundled') return undefined;
    const fetchedAt: Partial<Record<ResourceName, number | null>> = {};
    for (const resource of PERSISTED_PARTS[part]) fetchedAt[resource] = snapshot.resources[resource].fetchedAt;
    return { v: SNAPSHOT_STORAGE_VERSION, savedAt: now(), fetchedAt, value };
  }

  function drain(): void {
    if (writing || !storage || pendingWrites.size === 0) return;
    writing = (async (): Promise<void> => {
      while (pendingWrites.size > 0) {
        const [part, envelope] = pendingWrites.entries().next().value as [PersistedPart, unknown];
        pendingWrites.delete(part);
        try {
          await storage.set(`${prefix}.${part}`, envelope);
        } catch (err) {
          reportError(err, 'persist');
        }
      }
    })().finally(() => {
      writing = null;
    });
  }

  function updateResource(resource: ResourceName, patch: Partial<ResourceState>): void {
    commit({ ...current, resources: { ...current.resources, [resource]: { ...current.resources[resource], ...patch } } });
  }

  return {
    get: () => current,
    update(fn: (snapshot: Snapshot) => Snapshot): Snapshot {
      return commit(fn(current));
    },
    onDidChange(listener: (snapshot: Snapshot) => void): Disposable {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    setLoading(resource, loading) {
      if (current.resources[resource].loading !== loading) updateResource(resource, { loading });
    },
    markFetched(resource, at = now()) {
      updateResource(resource, { fetchedAt: at, error: null, loading: false });
    },
    setError(resource, error) {
      updateResource(resource, { error, loading: false });
    },
    setIntervals(next) {
      intervals = { ...DEFAULT_INTERVALS_MS, ...positiveOnly(next) };
      commit(current);
    },
    refreshStale() {
      commit(current);
    },
    load(): LoadReport {
      const report: LoadReport = { restored: [], dropped: [] };
      if (!storage) return report;
      let next = current;
      for (const part of PART_NAMES) {
        const key = `${prefix}.${part}`;
        let raw: unknown;
        try {
          raw = storage.get(key);
        } catch {
          raw = undefined;
        }
        if (raw === undefined || raw === null) continue;
        const restored = readEnvelope(part, raw);
        if (restored === null) {
          report.dropped.push(part);
          storage.set(key, undefined).catch((err: unknown) => reportError(err, 'persist'));
          continue;
        }
        if ((next[part] ?? null) !== null) continue;
        const resources = { ...next.resources };
        for (const resource of PERSISTED_PARTS[part]) {
          resources[resource] = { ...resources[resource], fetchedAt: restored.fetchedAt[resource] ?? null };
        }
        // What was live last session is this session's cache.
        const value =
          part === 'catalog' || (part === 'rankings' && (restored.value as RankingsView).source === 'live')
            ? { ...(restored.value as CatalogView | RankingsView), source: 'cache' as const }
            : restored.value;
        next = { ...next, [part]: value, resources };
        report.restored.push(part);
      }
      if (next !== current) {
        // Restored data is already in storage: commit without writing it back.
        const staled = withStale(next);
        current = deepFreeze(staled);
        emit();
      }
      return report;
    },
    async flush(): Promise<void> {
      while (writing) await writing;
    },
    dispose() {
      disposed = true;
      listeners.clear();
    },
  };
}

/**
 * The store side of the poller: loading while a request runs, fetchedAt on success, the error on failure.
 * `toError` turns whatever a task threw into ErrorInfo (the host passes the OpenRouter one).
 */
export function trackPollerEvents(store: SnapshotStore, toError: (error: unknown) => ErrorInfo): (event: PollerEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'start':
        store.setLoading(event.resource, true);
        break;
      case 'success':
        store.markFetched(event.resource, event.at);
        break;
      case 'failure':
        store.setError(event.resource, toError(event.error));
        break;
    }
  };
}

function positiveOnly(intervals: Partial<Record<ResourceName, number>> | undefined): Partial<Record<ResourceName, number>> {
  const out: Partial<Record<ResourceName, number>> = {};
  for (const resource of RESOURCE_NAMES) {
    const value = intervals?.[resource];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) out[resource] = value;
  }
  return out;
}

/** Freezes an object graph; stops at already-frozen objects, so unchanged parts of a snapshot cost nothing. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Validation of persisted parts: the one shape layer (src/shared/snapshotSchema.ts), the same schemas the webview
// checks every pushed snapshot against. A change there that older data no longer fits bumps SNAPSHOT_STORAGE_VERSION.

const num = v.pipe(v.number(), v.finite());

const envelopeSchema = v.object({
  v: v.literal(SNAPSHOT_STORAGE_VERSION),
  savedAt: num,
  fetchedAt: v.record(v.picklist(RESOURCE_NAMES), v.nullable(num)),
  value: v.unknown(),
});

function readEnvelope<P extends PersistedPart>(
  part: P,
  raw: unknown,
): { value: NonNullable<Snapshot[P]>; fetchedAt: Partial<Record<ResourceName, number | null>> } | null {
  const envelope = v.safeParse(envelopeSchema, raw, { abortEarly: true });
  if (!envelope.success) return null;
  const value = v.safeParse(PERSISTED_PART_SHAPES[part], envelope.output.value, { abortEarly: true });
  if (!value.success || value.output === null) return null;
  return { value: value.output, fetchedAt: envelope.output.fetchedAt };
}
