// Which catalog models the inference key may use, from GET /models/user (the models its guardrails, provider
// preferences and privacy settings allow). Matching goes through the catalog's own resolution: an entry names a
// catalog model by its exact id or by its canonical slug (the dated permaslug) with the same variant, an alias
// is allowed when it or the model it points at is, and a routing variant (":nitro", ":floor"...) is its base.
import type { AllowedModelsState, CatalogModel, ErrorInfo } from '../../shared/types';
import type { CatalogIndex } from './catalog';

export interface AllowedEntry {
  id: string;
  canonicalSlug: string | null;
}

export interface AllowedMatcher {
  /** Entries read from OpenRouter. */
  readonly size: number;
  allows(model: CatalogModel, index: CatalogIndex | null): boolean;
}

function split(id: string): { base: string; variant: string } {
  const colon = id.indexOf(':');
  return colon < 0 ? { base: id, variant: '' } : { base: id.slice(0, colon), variant: id.slice(colon + 1) };
}

const key = (slug: string, variant: string | null): string => `${slug}\u0000${variant ?? ''}`;

export function createAllowedMatcher(entries: readonly AllowedEntry[]): AllowedMatcher {
  const ids = new Set<string>();
  const canonical = new Set<string>();
  for (const e of entries) {
    const id = e.id.trim().toLowerCase();
    if (id === '') continue;
    ids.add(id);
    const { base, variant } = split(id);
    // The variant is the entry id's: a canonical slug names the base model, ":free" its own entry.
    const slug = e.canonicalSlug?.trim().toLowerCase() || base;
    canonical.add(key(split(slug).base, variant));
  }
  const listed = (m: CatalogModel): boolean => ids.has(m.id.toLowerCase()) || canonical.has(key(m.canonicalSlug.toLowerCase(), m.variant));
  return {
    size: ids.size,
    allows(model, index) {
      if (listed(model)) return true;
      // "~author/family-latest" serves the model it points at: allowed when that one is.
      const target = model.aliasTarget !== null && index !== null ? index.aliasTarget(model) : null;
      return target !== null && listed(target);
    },
  };
}

/**
 * The catalog ids the key may not use. A model the catalog lists as created after the list was fetched is left
 * out: the list could not have named it, so it is not known either way until the next fetch.
 */
export function notAllowedIds(index: CatalogIndex, matcher: AllowedMatcher, fetchedAt: number): string[] {
  const out: string[] = [];
  for (const m of index.all) {
    if (m.created * 1000 > fetchedAt) continue;
    if (!matcher.allows(m, index)) out.push(m.id);
  }
  return out;
}

/** The known state for a list read in full. */
export function knownAllowedState(index: CatalogIndex | null, matcher: AllowedMatcher, fetchedAt: number, error: ErrorInfo | null = null): AllowedModelsState {
  return { status: 'known', fetchedAt, allowedCount: matcher.size, notAllowed: index === null ? [] : notAllowedIds(index, matcher, fetchedAt), error };
}

/**
 * Whether the id as written (an alias, a routing variant, a dated slug, `openrouter/…`) names a model the key may
 * not use: resolved by the catalog, then looked up in the state. Unknown when the catalog does not know the id or
 * the check has not run.
 */
export function allowanceOfId(state: AllowedModelsState | null | undefined, index: CatalogIndex | null, raw: string): 'allowed' | 'notAllowed' | 'unknown' {
  if (state?.status !== 'known' || index === null) return 'unknown';
  const model = index.resolve(raw)?.model ?? null;
  if (model === null) return 'unknown';
  const id = model.id.toLowerCase();
  if (state.notAllowed.some((n) => n.toLowerCase() === id)) return 'notAllowed';
  // A model newer than the fetch is in neither list.
  return model.created * 1000 > state.fetchedAt ? 'unknown' : 'allowed';
}
