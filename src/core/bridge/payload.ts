// What a webview gets before its first paint. The sidebar renders spend, your models and the leaders first: it
// needs the catalog entries of the models those name, not the whole catalog (hundreds of entries). The rest
// follows as an ordinary snapshot push once the first content is on screen.
import type { CatalogModel, ReferencesView, Snapshot } from '../../shared/types';

/** Lower-cased forms a model id may be looked up by: as written, without `openrouter/`, `~` or a `:variant`. */
function idForms(id: string): string[] {
  const s = id.trim().toLowerCase().replace(/^openrouter\//, '').replace(/^~/, '');
  const base = s.replace(/:[a-z0-9-]+$/, '');
  return base === s ? [s] : [s, base];
}

/**
 * The snapshot with its catalog cut to the models the sidebar's first paint names (ranked, spent on, referenced),
 * or the snapshot itself when the catalog is already that small. `partial` says whether the full one must follow.
 */
export function sidebarFirstSnapshot(snapshot: Snapshot, references: ReferencesView | undefined): { snapshot: Snapshot; partial: boolean } {
  const catalog = snapshot.catalog;
  if (!catalog) return { snapshot, partial: false };
  const wanted = new Set<string>();
  const want = (id: string | null | undefined): void => {
    if (id) for (const f of idForms(id)) wanted.add(f);
  };
  for (const r of snapshot.rankings?.models ?? []) {
    want(r.id);
    want(r.permaslug);
  }
  for (const a of snapshot.activity?.byModel ?? []) {
    want(a.model);
    want(a.modelId);
  }
  for (const d of snapshot.activity?.days ?? []) for (const m of d.models) want(m.modelId ?? m.model);
  for (const ref of references?.refs ?? []) want(ref.id);
  const models: CatalogModel[] = catalog.models.filter((m) => wanted.has(m.id.toLowerCase()) || wanted.has(m.canonicalSlug.toLowerCase()) || idForms(m.id).some((f) => wanted.has(f)));
  if (models.length === catalog.models.length) return { snapshot, partial: false };
  return { snapshot: { ...snapshot, catalog: { ...catalog, models } }, partial: true };
}
