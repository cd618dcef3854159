// Which models are watched, which changes to them are news, and how the news is grouped into notifications.
// Pure: the host shows what this decides, and persists `notifiedSeq` with the history so a restart or the next
// poll never repeats a notification.
import type { ActivityView, WatchChange, WatchChangeKind, WatchView } from '../../shared/types';
import type { CatalogHistory } from './history';

/**
 * The models watched: those the workspace names (catalog ids the references resolve to, and the ids as written,
 * which is all there is for a model that already left the catalog) and those the key used in the last 30 days.
 * Activity may name a model by its dated permaslug: `canonicalToId` maps it back to the catalog id.
 */
export function watchedIds(input: {
  references: readonly { id: string; modelId?: string | null }[];
  activity: ActivityView | null;
  canonicalToId?: (slug: string) => string | null;
}): Set<string> {
  const out = new Set<string>();
  for (const r of input.references) {
    if (r.modelId !== undefined && r.modelId !== null) out.add(r.modelId);
    if (!r.id.startsWith('@')) out.add(r.id);
  }
  for (const m of input.activity?.byModel ?? []) {
    out.add(m.model);
    const id = input.canonicalToId?.(m.model) ?? null;
    if (id !== null) out.add(id);
  }
  return out;
}

/** How many models `watchedIds` stands for: each reference or activity row counted once, by the model it resolves to. */
export function watchedModelCount(input: Parameters<typeof watchedIds>[0]): number {
  const models = new Set<string>();
  for (const r of input.references) if (!r.id.startsWith('@') || (r.modelId ?? null) !== null) models.add(r.modelId ?? r.id);
  for (const m of input.activity?.byModel ?? []) models.add(input.canonicalToId?.(m.model) ?? m.model);
  return models.size;
}

export interface PendingNews {
  /** Changes to watched models not notified yet, oldest first. */
  changes: WatchChange[];
  /** The new `notifiedSeq`: every change recorded so far, watched or not, counts as seen. */
  notifiedSeq: number;
}

/** News since the last notification. Changes to models nobody watched when they happened are passed over for good. */
export function pendingNews(h: CatalogHistory, watched: ReadonlySet<string>): PendingNews {
  const changes = h.changes.filter((c) => c.seq > h.notifiedSeq && watched.has(c.modelId));
  return { changes, notifiedSeq: Math.max(h.notifiedSeq, h.nextSeq - 1) };
}

/** One notification: a single change, or several changes of one kind ("3 models you use changed price"). */
export type WatchNotice = { kind: 'single'; change: WatchChange } | { kind: 'batch'; changeKind: WatchChangeKind; changes: WatchChange[]; models: number };

/** Groups news by kind of change, in a fixed order: one notice per kind, a single change stays itself. */
export function planNotices(changes: readonly WatchChange[]): WatchNotice[] {
  const order: WatchChangeKind[] = ['removed', 'expiration', 'price', 'context'];
  const out: WatchNotice[] = [];
  for (const kind of order) {
    const group = changes.filter((c) => c.kind === kind);
    const first = group[0];
    if (first === undefined) continue;
    if (group.length === 1) out.push({ kind: 'single', change: first });
    else out.push({ kind: 'batch', changeKind: kind, changes: group, models: new Set(group.map((c) => c.modelId)).size });
  }
  return out;
}

/** How many changes the sidebar lists. */
export const VIEW_LIMIT = 50;

export function buildWatchView(h: CatalogHistory | null, watched: ReadonlySet<string>, note: string | null, watching = watched.size): WatchView {
  const changes = h === null ? [] : h.changes.filter((c) => watched.has(c.modelId)).reverse().slice(0, VIEW_LIMIT);
  return { changes, watching, since: h?.since ?? null, note };
}
