// The edge between the host's messages and the components: every payload is checked against the one shape layer
// (src/shared/snapshotSchema.ts), the same schemas the snapshot store checks its persisted data against. A message
// that fits is taken as it is. One that does not (a version skew, a bug, a hand-edited cache) is repaired by the
// same schemas' repair build: a field that does not fit becomes null (or NaN, printed "—"), an element that does not
// fit is left out and the rest kept; the view then says what it could not read (`unreadableParts`, the references'
// note). Nothing downstream needs to defend itself again.
import * as v from 'valibot';
import type { InitPayload, ViewKind, WebviewSettings } from '../../../src/shared/protocol';
import { SHAPES, repairShapesOf, type Shapes } from '../../../src/shared/snapshotSchema';
import type { CatalogModel, CompareResult, ReferencesView, Snapshot, WatchView } from '../../../src/shared/types';
import { asRecord } from '../../../src/shared/isRecord';
import * as l10n from '../l10n';

/** The parts of a snapshot, and `message` for a snapshot that was not one at all. */
export type SnapshotPart = keyof Snapshot | 'message';

/** What the repair had to leave out or fill in, per repaired snapshot (the snapshot objects stay plain data). */
const repaired = new WeakMap<Snapshot, readonly SnapshotPart[]>();

/** The parts of this snapshot that arrived in a shape the view could not read as it was; empty when all fitted. */
export function unreadableParts(snapshot: Snapshot): readonly SnapshotPart[] {
  return repaired.get(snapshot) ?? [];
}

type Checked = Exclude<keyof Shapes, 'snapshotParts'>;

function check<K extends Checked>(key: K, raw: unknown): { ok: true; value: v.InferOutput<Shapes[K]> } | { ok: false; value: v.InferOutput<Shapes[K]> | null } {
  const strict = v.safeParse(SHAPES[key], raw);
  if (strict.success) return { ok: true, value: strict.output };
  const repair = v.safeParse(repairShapesOf()[key], raw);
  return { ok: false, value: repair.success ? repair.output : null };
}

export function snapshot(raw: unknown): Snapshot {
  const r = check('snapshot', raw);
  // The repair build's snapshot always succeeds (a non-object becomes the empty snapshot).
  const value = r.value as Snapshot;
  if (r.ok) return value;
  const record = asRecord(raw);
  const parts: SnapshotPart[] =
    record === null
      ? ['message']
      : (Object.keys(SHAPES.snapshotParts) as (keyof Snapshot)[]).filter((part) => !v.safeParse(SHAPES.snapshotParts[part], record[part]).success);
  repaired.set(value, parts.length ? parts : ['message']);
  return value;
}

export function references(raw: unknown): ReferencesView {
  const r = check('references', raw);
  const value = r.value as ReferencesView;
  if (r.ok) return value;
  return { ...value, note: value.note ?? l10n.t('Some references could not be read and are not listed.') };
}

/** The Changes list: changes of a shape this view does not know are left out (never shown half right), and it says so. */
export function watch(raw: unknown): WatchView {
  const r = check('watchView', raw);
  const value = r.value as WatchView;
  if (r.ok) return value;
  return { ...value, note: value.note ?? l10n.t('Some changes could not be read and are not listed.') };
}

/** One catalog entry, repaired where it can be; null when it has no id. */
export function catalogModel(raw: unknown): CatalogModel | null {
  return check('catalogModel', raw).value;
}

/** A compare result must name its model; the rest is repaired like a snapshot. */
export function compareResult(raw: unknown): CompareResult {
  const r = check('compareResult', raw).value;
  if (r === null) throw new TypeError('compare result without a model id');
  return r;
}

export const DEFAULT_SETTINGS: WebviewSettings = { budgetDaily: 0, budgetMonthly: 0, lowBalance: 0, leadersTop: 5 };

/** Settings the view renders with: a value that is not one falls back to its default; the leaders list holds 1 to 20. */
export function settings(raw: unknown): WebviewSettings {
  const r = asRecord(raw) ?? {};
  const nonNeg = (x: unknown, d: number): number => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : d);
  const top = r.leadersTop;
  return {
    budgetDaily: nonNeg(r.budgetDaily, DEFAULT_SETTINGS.budgetDaily),
    budgetMonthly: nonNeg(r.budgetMonthly, DEFAULT_SETTINGS.budgetMonthly),
    lowBalance: nonNeg(r.lowBalance, DEFAULT_SETTINGS.lowBalance),
    leadersTop: typeof top === 'number' && Number.isFinite(top) && top >= 1 ? Math.min(20, Math.floor(top)) : DEFAULT_SETTINGS.leadersTop,
  };
}

export function viewKind(raw: unknown): ViewKind | null {
  return raw === 'sidebar' || raw === 'dashboard' ? raw : null;
}

/** The init push; `view` is null when the host sent none, and the page's data-view attribute decides. */
export type NormalizedInit = Omit<InitPayload, 'view'> & { view: ViewKind | null };

export function initPayload(raw: unknown): NormalizedInit {
  const r = asRecord(raw);
  if (r === null) return { view: null, snapshot: snapshot(raw), references: references({}), settings: settings({}) };
  return { view: viewKind(r.view), snapshot: snapshot(r.snapshot), references: references(r.references), settings: settings(r.settings) };
}
