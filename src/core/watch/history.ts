// The catalog watch's memory: the last known price, context and retirement date of every catalog model, the
// models that left the catalog, and a bounded log of what changed. Compact (one record per model plus the
// changes, never whole snapshots) and bounded (MAX_CHANGES entries, MAX_AGE_DAYS days, MAX_HISTORY_BYTES
// serialised). Pure: the host reads and writes the file, core decides what it holds.
import * as v from 'valibot';
import type { CatalogModel, WatchChange, WatchPrice } from '../../shared/types';

export const HISTORY_VERSION = 1;
/** Changes kept, newest first wins. */
export const MAX_CHANGES = 500;
/** Changes and removed models older than this are dropped. */
export const MAX_AGE_DAYS = 180;
/** Serialised size the file may reach; past it the oldest changes, then the oldest removals, go first. */
export const MAX_HISTORY_BYTES = 512 * 1024;
/**
 * A fetch that loses more than this share of the known models at once (and more than MIN_MASS_REMOVAL of them) is
 * taken for a partial answer (a filter, a truncated page), not a mass retirement: no removals are recorded from it.
 */
export const MASS_REMOVAL_SHARE = 0.25;
export const MIN_MASS_REMOVAL = 10;

const DAY_MS = 86_400_000;

/** What the watch remembers of a model: enough to diff it and to suggest a successor once it is gone. */
export interface KnownModel {
  name: string;
  author: string;
  canonicalSlug: string;
  /** Unix seconds, from the catalog. */
  created: number;
  input: number | null;
  output: number | null;
  context: number | null;
  expiration: string | null;
}

export interface RemovedModel extends KnownModel {
  /** ISO date-time the removal was seen. */
  removedAt: string;
}

export interface CatalogHistory {
  version: typeof HISTORY_VERSION;
  /** ISO date-time of the first catalog recorded (the baseline); null while empty. */
  since: string | null;
  /** ISO date-time of the last catalog recorded. */
  updatedAt: string | null;
  /** Catalog id → last known values. */
  models: Record<string, KnownModel>;
  /** Catalog id → last known values of models that left the catalog. */
  removed: Record<string, RemovedModel>;
  /** Oldest first. */
  changes: WatchChange[];
  /** The seq the next change gets. */
  nextSeq: number;
  /** Changes with seq <= this were already notified (or passed over): never notified again, on restart either. */
  notifiedSeq: number;
  /** Model ids watched when last saved (workspace references and recent activity): what the CLI shows by default. */
  watched: string[];
}

export function emptyHistory(): CatalogHistory {
  return { version: HISTORY_VERSION, since: null, updatedAt: null, models: {}, removed: {}, changes: [], nextSeq: 1, notifiedSeq: 0, watched: [] };
}

// ---- reading and writing --------------------------------------------------------------------------------------

const num = v.nullable(v.pipe(v.number(), v.finite()));
const day = v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)));
const iso = v.pipe(v.string(), v.isoTimestamp());
const text = v.pipe(v.string(), v.maxLength(300));
const KnownSchema = v.object({
  name: text,
  author: text,
  canonicalSlug: text,
  created: v.pipe(v.number(), v.finite()),
  input: num,
  output: num,
  context: num,
  expiration: day,
});
const PriceSchema = v.object({ input: num, output: num });
const base = { seq: v.pipe(v.number(), v.integer(), v.minValue(1)), at: iso, modelId: text, name: text };
const ChangeSchema = v.variant('kind', [
  v.object({ ...base, kind: v.literal('price'), from: PriceSchema, to: PriceSchema }),
  v.object({ ...base, kind: v.literal('expiration'), from: day, to: day }),
  v.object({ ...base, kind: v.literal('context'), from: num, to: num }),
  v.object({ ...base, kind: v.literal('removed'), from: PriceSchema, to: v.null() }),
]);
const HistorySchema = v.object({
  version: v.literal(HISTORY_VERSION),
  since: v.nullable(iso),
  updatedAt: v.nullable(iso),
  models: v.record(v.string(), KnownSchema),
  removed: v.record(v.string(), v.object({ ...KnownSchema.entries, removedAt: iso })),
  changes: v.array(ChangeSchema),
  nextSeq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  notifiedSeq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  watched: v.array(text),
});

export type HistoryReadError =
  /** Not JSON, or JSON that is not a history this version wrote. */
  | { kind: 'corrupt'; message: string }
  /** Written by a newer Model Radar: left as it is, never overwritten by an older reader's guess. */
  | { kind: 'futureVersion'; version: number; message: string };

export type HistoryRead = { ok: true; history: CatalogHistory } | { ok: false; error: HistoryReadError };

/** Reads a history file's text. Never throws: an unreadable file is a typed error, and the caller starts fresh. */
export function parseHistory(textIn: string): HistoryRead {
  let raw: unknown;
  try {
    raw = JSON.parse(textIn);
  } catch {
    return { ok: false, error: { kind: 'corrupt', message: 'the file is not valid JSON' } };
  }
  if (typeof raw === 'object' && raw !== null && 'version' in raw) {
    const version = (raw).version;
    if (typeof version === 'number' && Number.isInteger(version) && version > HISTORY_VERSION) {
      return { ok: false, error: { kind: 'futureVersion', version, message: `the file is version ${version}; this Model Radar reads version ${HISTORY_VERSION}` } };
    }
  }
  const parsed = v.safeParse(HistorySchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: { kind: 'corrupt', message: `unexpected content${path === '' ? '' : ` at ${path}`}` } };
  }
  const h = parsed.output;
  // Seqs must stay ahead of every change held, whatever the file says.
  const maxSeq = h.changes.reduce((m, c) => Math.max(m, c.seq), 0);
  return { ok: true, history: { ...h, nextSeq: Math.max(h.nextSeq, maxSeq + 1), notifiedSeq: Math.min(h.notifiedSeq, Math.max(h.nextSeq, maxSeq + 1) - 1) } };
}

export function serializeHistory(h: CatalogHistory): string {
  return JSON.stringify(h);
}

// ---- recording a catalog ----------------------------------------------------------------------------------------

function known(m: CatalogModel): KnownModel {
  return {
    name: m.name,
    author: m.author,
    canonicalSlug: m.canonicalSlug,
    created: m.created,
    input: m.variable ? null : m.price.input,
    output: m.variable ? null : m.price.output,
    context: m.contextLength,
    expiration: m.expirationDate,
  };
}

/** Prices are floats from decimal strings ×1e6: equal within a part in a billion. */
function samePrice(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const priceOf = (k: KnownModel): WatchPrice => ({ input: k.input, output: k.output });

type NewChange = WatchChange extends infer C ? (C extends WatchChange ? Omit<C, 'seq' | 'at'> : never) : never;

/** What changed between two sets of last known values: prices, retirement dates, context, removals. */
export function diffModels(prev: Readonly<Record<string, KnownModel>>, next: Readonly<Record<string, KnownModel>>): NewChange[] {
  const out: NewChange[] = [];
  for (const [id, before] of Object.entries(prev)) {
    const after = next[id];
    if (after === undefined) {
      out.push({ kind: 'removed', modelId: id, name: before.name, from: priceOf(before), to: null });
      continue;
    }
    if (!samePrice(before.input, after.input) || !samePrice(before.output, after.output)) {
      out.push({ kind: 'price', modelId: id, name: after.name, from: priceOf(before), to: priceOf(after) });
    }
    if (before.expiration !== after.expiration) out.push({ kind: 'expiration', modelId: id, name: after.name, from: before.expiration, to: after.expiration });
    if (before.context !== after.context) out.push({ kind: 'context', modelId: id, name: after.name, from: before.context, to: after.context });
  }
  return out;
}

export interface RecordResult {
  history: CatalogHistory;
  /** The changes this catalog added (with their seq). */
  added: WatchChange[];
  /** Removals left out because the catalog looked partial (see MASS_REMOVAL_SHARE). */
  suspectRemovals: number;
}

/**
 * Records a live catalog seen at `atMs`. The first one is the baseline (no changes). A model that left the catalog
 * moves to `removed`; one that comes back leaves it. Then the bounds are applied.
 */
export function recordCatalog(history: CatalogHistory, catalog: readonly CatalogModel[], atMs: number): RecordResult {
  const at = new Date(atMs).toISOString();
  const next: Record<string, KnownModel> = {};
  for (const m of catalog) if (!Object.hasOwn(next, m.id)) next[m.id] = known(m);
  if (history.since === null || Object.keys(history.models).length === 0) {
    const removed = without(history.removed, (id) => Object.hasOwn(next, id));
    return { history: bound({ ...history, since: history.since ?? at, updatedAt: at, models: next, removed }, atMs), added: [], suspectRemovals: 0 };
  }
  const diff = diffModels(history.models, next);
  const removals = diff.filter((c) => c.kind === 'removed').length;
  const prevCount = Object.keys(history.models).length;
  const suspect = removals > MIN_MASS_REMOVAL && removals > prevCount * MASS_REMOVAL_SHARE;
  const models = { ...next };
  const removed = { ...history.removed };
  let seq = history.nextSeq;
  const added: WatchChange[] = [];
  for (const c of diff) {
    if (c.kind === 'removed') {
      const before = history.models[c.modelId];
      if (before === undefined) continue;
      // A partial answer: keep what we knew, as if the models were still listed.
      if (suspect) {
        models[c.modelId] = before;
        continue;
      }
      removed[c.modelId] = { ...before, removedAt: at };
    }
    added.push({ ...c, seq: seq++, at });
  }
  const h: CatalogHistory = { ...history, updatedAt: at, models, removed: without(removed, (id) => Object.hasOwn(next, id)), changes: [...history.changes, ...added], nextSeq: seq };
  return { history: bound(h, atMs), added, suspectRemovals: suspect ? removals : 0 };
}

/**
 * The bounds: at most MAX_CHANGES changes, none older than MAX_AGE_DAYS (removed models likewise), and at most
 * MAX_HISTORY_BYTES serialised: past that, the oldest changes go, then the oldest removed models, then the last
 * known values of models nobody watches (they are re-learnt, without changes, on the next catalog).
 */
export function bound(h: CatalogHistory, nowMs: number, maxBytes = MAX_HISTORY_BYTES): CatalogHistory {
  const cutoff = nowMs - MAX_AGE_DAYS * DAY_MS;
  let changes = h.changes.filter((c) => Date.parse(c.at) >= cutoff);
  if (changes.length > MAX_CHANGES) changes = changes.slice(changes.length - MAX_CHANGES);
  const removed: Record<string, RemovedModel> = {};
  for (const [id, r] of Object.entries(h.removed)) if (Date.parse(r.removedAt) >= cutoff) removed[id] = r;
  let out: CatalogHistory = { ...h, changes, removed };
  let size = serializeHistory(out).length;
  if (size <= maxBytes) return out;

  const entrySize = (value: unknown): number => JSON.stringify(value).length + 1;
  let drop = 0;
  while (size > maxBytes && drop < changes.length) size -= entrySize(changes[drop++]);
  changes = changes.slice(drop);
  const removedByAge = Object.entries(removed).sort((a, b) => Date.parse(a[1].removedAt) - Date.parse(b[1].removedAt));
  const droppedRemoved = new Set<string>();
  for (const [id, r] of removedByAge) {
    if (size <= maxBytes) break;
    size -= entrySize(id) + entrySize(r);
    droppedRemoved.add(id);
  }
  const watched = new Set(h.watched);
  const droppedModels = new Set<string>();
  for (const [id, k] of Object.entries(h.models)) {
    if (size <= maxBytes) break;
    if (watched.has(id)) continue;
    size -= entrySize(id) + entrySize(k);
    droppedModels.add(id);
  }
  out = { ...out, changes, removed: without(removed, (id) => droppedRemoved.has(id)), models: without(h.models, (id) => droppedModels.has(id)) };
  return out;
}

function without<T>(record: Readonly<Record<string, T>>, drop: (id: string) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => !drop(id)));
}

/** Changes at or after `sinceMs`, newest first; only those to `watched` ids unless `all`. */
export function listChanges(h: CatalogHistory, opts: { sinceMs?: number; watched?: ReadonlySet<string> | null } = {}): WatchChange[] {
  const since = opts.sinceMs ?? Number.NEGATIVE_INFINITY;
  const watched = opts.watched ?? null;
  return h.changes.filter((c) => Date.parse(c.at) >= since && (watched === null || watched.has(c.modelId))).reverse();
}
