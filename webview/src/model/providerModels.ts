// Which models the dashboard's Providers section lists: those the workspace names and those the spend history (the
// per-model analytics, else /activity) names. Variants of one model share its providers, so they are one entry.
import type { CatalogModel, ReferencesView, Snapshot, SpendHistoryView } from '../../../src/shared/types';
import { buildYourModels, catalogIndex } from './derive';

export interface ProviderModelEntry {
  /** The catalog id the host is asked about (the base model when the catalog lists it). */
  id: string;
  model: CatalogModel | null;
  /** The ids as written that this entry stands for ("x", "x:free", "x:nitro"), sorted. */
  spellings: string[];
  /** Workspace references to it. */
  refs: number;
  /** Named by the spend history or /activity. */
  spent: boolean;
}

const baseOf = (id: string): string => {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
};

/** Spend first, then the most referenced, then by id; models the catalog does not know come last. */
export function providerModels(snapshot: Snapshot, references: ReferencesView | undefined, history: SpendHistoryView | null): ProviderModelEntry[] {
  const catalog = catalogIndex(snapshot.catalog);
  const byKey = new Map<string, ProviderModelEntry & { order: number }>();
  const add = (id: string, model: CatalogModel | null, refs: number, spent: boolean, order: number): void => {
    const resolved = model?.id ?? id;
    // An alias is its own entry (the host resolves it to its target); a variant joins its base.
    const base = resolved.startsWith('~') ? resolved : baseOf(resolved);
    const baseModel = catalog.get(base) ?? model;
    const key = base.toLowerCase();
    let e = byKey.get(key);
    if (!e) {
      e = { id: baseModel?.id ?? resolved, model: baseModel, spellings: [], refs: 0, spent: false, order };
      byKey.set(key, e);
    }
    if (!e.spellings.includes(resolved)) e.spellings.push(resolved);
    e.refs += refs;
    e.spent ||= spent;
    e.order = Math.min(e.order, order);
  };
  buildYourModels(snapshot, references).forEach((m, i) => add(m.id, m.model, m.refs.length, m.activity !== null, i));
  const offset = byKey.size + 1;
  (history?.byModel ?? []).forEach((row, i) => {
    if (row.spend <= 0 && row.requests === '0') return;
    add(row.model, catalog.get(row.model), 0, true, offset + i);
  });
  return [...byKey.values()]
    .sort((a, b) => Number(b.model !== null) - Number(a.model !== null) || Number(b.spent) - Number(a.spent) || a.order - b.order || a.id.localeCompare(b.id))
    .map(({ order: _order, ...e }) => ({ ...e, spellings: [...e.spellings].sort() }));
}
