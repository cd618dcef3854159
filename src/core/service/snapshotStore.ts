// The one Snapshot the UI renders: immutable (every update produces a new frozen object), observable, with
// per-resource state, and its last good data persisted through an injected key-value storage (the host
// adapts VS Code's Memento) so the next session paints at once. What comes back from storage may be from an
// older version or corrupt: it is validated part by part and whatever does not fit is dropped.
import * as v from 'valibot';
import { sanitizeServerText } from '../../shared/sanitize';
import { MAX_ACCOUNT_USD } from '../account/money';
import type { PollerEvent } from './poller';
import { DEFAULT_INTERVALS_MS } from './poller';
import {
  REGIONS,
  RESOURCE_NAMES,
  type ActivityView,
  type CatalogModel,
  type CatalogView,
  type ErrorInfo,
  type RankingsView,
  type ResourceName,
  type ResourceState,
  type Snapshot,
  type UsageView,
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

export function emptyResourceState(): ResourceState {
  return { fetchedAt: null, error: null, stale: false, loading: false };
}

export function emptySnapshot(): Snapshot {
  const resources = {} as Record<ResourceName, ResourceState>;
  for (const resource of RESOURCE_NAMES) resources[resource] = emptyResourceState();
  return { keys: { inference: 'none', management: false }, catalog: null, rankings: null, usage: null, activity: null, resources };
}

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
        if (next[part] !== null) continue;
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
// Validation of persisted parts. Schemas mirror src/shared/types.ts; the type checks below fail the build
// when the two drift apart, which is also the moment to bump SNAPSHOT_STORAGE_VERSION.

const num = v.pipe(v.number(), v.finite());
const nullableNum = v.nullable(num);
const nullableStr = v.nullable(v.string());
const tokens = v.pipe(v.string(), v.regex(/^\d+$/));
const region = v.picklist(REGIONS);
// Persisted data was written by whichever version ran last: it holds to today's rules for live data, or it is
// dropped. Spend is never negative or absurd; what is left (a cap, a balance) may be below zero, never absurd;
// counts are whole; text shown to people goes through the one sanitiser again (an older version stored it raw).
const spend = v.pipe(num, v.minValue(0), v.maxValue(MAX_ACCOUNT_USD));
const nullableSpend = v.nullable(spend);
const leftUsd = v.pipe(num, v.minValue(-MAX_ACCOUNT_USD), v.maxValue(MAX_ACCOUNT_USD));
const nullableLeftUsd = v.nullable(leftUsd);
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const display = v.pipe(v.string(), v.transform((s) => sanitizeServerText(s)));
const nullableDisplay = v.nullable(display);

const modelPriceSchema = v.object({
  input: nullableNum,
  output: nullableNum,
  cacheRead: nullableNum,
  cacheWrite: nullableNum,
  reasoning: nullableNum,
  request: nullableNum,
  webSearch: nullableNum,
  image: nullableNum,
});

const catalogModelSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  canonicalSlug: v.string(),
  name: display,
  author: display,
  lab: display,
  region,
  created: num,
  contextLength: nullableNum,
  price: modelPriceSchema,
  variable: v.boolean(),
  free: v.boolean(),
  overrides: v.array(
    v.object({
      minPromptTokens: nullableNum,
      utcStart: nullableNum,
      utcEnd: nullableNum,
      input: nullableNum,
      output: nullableNum,
      cacheRead: nullableNum,
      cacheWrite: nullableNum,
    }),
  ),
  variant: nullableStr,
  aliasTarget: nullableStr,
  intelligenceIndex: nullableNum,
  codingIndex: nullableNum,
  agenticIndex: nullableNum,
  expirationDate: nullableStr,
  inputModalities: v.array(v.string()),
  outputModalities: v.array(v.string()),
  tools: v.boolean(),
});

const catalogViewSchema = v.object({
  models: v.array(catalogModelSchema),
  source: v.picklist(['live', 'cache', 'bundled']),
  asOf: nullableStr,
});

const rankingsViewSchema = v.object({
  mode: v.picklist(['tokens', 'order']),
  window: v.nullable(v.object({ start: v.string(), end: v.string() })),
  asOf: nullableStr,
  citation: nullableStr,
  totalTokens: v.nullable(tokens),
  unattributedTokens: v.nullable(tokens),
  unattributedShare: nullableNum,
  models: v.array(
    v.object({
      rank: num,
      permaslug: v.string(),
      id: nullableStr,
      name: nullableDisplay,
      author: display,
      region,
      tokens: v.nullable(tokens),
      prevTokens: v.nullable(tokens),
      change: nullableNum,
      share: nullableNum,
      variantTokens: v.optional(v.record(v.string(), tokens)),
    }),
  ),
  regions: v.array(v.object({ region, tokens, share: num, prevTokens: v.nullable(tokens), change: nullableNum })),
  authors: v.array(v.object({ author: display, lab: display, region, tokens, share: num })),
  daily: v.array(
    v.object({
      date: v.string(),
      regions: v.nullable(v.object({ CN: tokens, US: tokens, EU: tokens, OTHER: tokens, UNKNOWN: tokens })),
      unattributed: v.nullable(tokens),
    }),
  ),
  // Saved before coverage existed: unknown, not complete.
  coverage: v.optional(
    v.nullable(
      v.object({
        requestedDays: num,
        daysWithData: num,
        firstDay: nullableStr,
        lastDay: nullableStr,
        missingDays: v.array(v.string()),
        duplicateRows: num,
        droppedRows: num,
      }),
    ),
    null,
  ),
  source: v.optional(v.picklist(['live', 'cache', 'bundled']), 'live'),
});

const usageViewSchema = v.object({
  key: v.nullable(
    v.object({
      label: display,
      isManagementKey: v.boolean(),
      isFreeTier: v.nullable(v.boolean()),
      limit: nullableSpend,
      limitRemaining: nullableLeftUsd,
      limitReset: nullableDisplay,
      usage: spend,
      daily: nullableSpend,
      weekly: nullableSpend,
      monthly: nullableSpend,
      byokDaily: nullableSpend,
      byokWeekly: nullableSpend,
      byokMonthly: nullableSpend,
      expiresAt: nullableStr,
    }),
  ),
  balanceStatus: v.picklist(['ok', 'unavailable', 'notManagementKey']),
  balance: v.nullable(v.object({ totalCredits: spend, totalUsage: spend, balance: leftUsd })),
  effectiveRemaining: nullableLeftUsd,
  binding: v.nullable(v.picklist(['key', 'balance'])),
  burnRatePerDay: nullableSpend,
  monthEndProjection: nullableSpend,
});

const activityModelDaySchema = v.object({
  model: v.string(),
  usage: spend,
  byokUsage: spend,
  requests: count,
  promptTokens: count,
  completionTokens: count,
  reasoningTokens: count,
});

const activityViewSchema = v.object({
  days: v.array(v.object({ date: v.string(), models: v.array(activityModelDaySchema), total: spend, byokTotal: spend })),
  byModel: v.array(activityModelDaySchema),
  total: spend,
  byokTotal: spend,
  droppedRows: count,
  outsideWindowRows: count,
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type _PersistedSchemaChecks = [
  Assert<Same<v.InferOutput<typeof catalogModelSchema>, CatalogModel>>,
  Assert<Same<v.InferOutput<typeof catalogViewSchema>, CatalogView>>,
  Assert<Same<v.InferOutput<typeof rankingsViewSchema>, RankingsView>>,
  Assert<Same<v.InferOutput<typeof usageViewSchema>, UsageView>>,
  Assert<Same<v.InferOutput<typeof activityViewSchema>, ActivityView>>,
];

const PART_SCHEMAS: { [P in PersistedPart]: v.GenericSchema<unknown, Snapshot[P]> } = {
  catalog: catalogViewSchema,
  rankings: rankingsViewSchema,
  usage: usageViewSchema,
  activity: activityViewSchema,
};

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
  const value = v.safeParse(PART_SCHEMAS[part], envelope.output.value, { abortEarly: true });
  if (!value.success || value.output === null) return null;
  return { value: value.output, fetchedAt: envelope.output.fetchedAt };
}
