// One model, several rows: the catalog lists "x/y" and "x/y:free" (or ":batch", ":thinking") separately, and so
// does OpenRouter's Data API, while the rankings view ranks them as one model. A row's weekly figure is its own.
import type { CatalogModel, RankedModel, RankingsView } from './types';
import * as l10n from './l10n';

function baseId(id: string): string {
  const colon = id.indexOf(':');
  return (colon < 0 ? id : id.slice(0, colon)).toLowerCase();
}

/**
 * THE rank lookup, for the hover, the CodeLens, the pickers, Compare and every webview list: a catalog model's
 * row in the rankings by its id (an alias by its target, a variant by its base model) or by its canonical slug.
 */
export function rankLookup(rankings: RankingsView | null | undefined): (model: Pick<CatalogModel, 'id' | 'canonicalSlug' | 'aliasTarget'>) => RankedModel | null {
  if (rankings === null || rankings === undefined) return () => null;
  const byId = new Map<string, RankedModel>();
  const bySlug = new Map<string, RankedModel>();
  for (const r of rankings.models) {
    if (r.id !== null && !byId.has(baseId(r.id))) byId.set(baseId(r.id), r);
    if (!bySlug.has(r.permaslug.toLowerCase())) bySlug.set(r.permaslug.toLowerCase(), r);
  }
  return (model) => byId.get(baseId(model.aliasTarget ?? model.id)) ?? bySlug.get(model.canonicalSlug.toLowerCase()) ?? null;
}

/** One model's row in the rankings; see rankLookup. */
export function rankOf(rankings: RankingsView | null | undefined, model: Pick<CatalogModel, 'id' | 'canonicalSlug' | 'aliasTarget'>): RankedModel | null {
  return rankLookup(rankings)(model);
}

export type OwnTokens =
  | { kind: 'tokens'; tokens: string }
  /** The model is ranked, but this variant has no figure of its own this week. */
  | { kind: 'none'; reason: string }
  /** Ranked by position only (no token figures), or not ranked at all. */
  | { kind: 'unranked' };

/** The weekly tokens of the catalog row `variant` of a ranked model ("" or null: the base model). */
export function ownWeeklyTokens(ranked: RankedModel | null, variant: string | null): OwnTokens {
  if (ranked === null || ranked.tokens === null) return { kind: 'unranked' };
  const key = (variant ?? '').toLowerCase();
  const split = ranked.variantTokens;
  if (split === undefined) {
    // Rankings computed before the split was kept: the whole figure is the base model's and its variants'.
    return key === '' ? { kind: 'tokens', tokens: ranked.tokens } : { kind: 'none', reason: l10n.t('Counted with the base model in this ranking.') };
  }
  const own = split[key];
  if (own !== undefined) return { kind: 'tokens', tokens: own };
  return {
    kind: 'none',
    reason:
      key === ''
        ? l10n.t('Only its variants are in OpenRouter’s daily top-50 rankings this week; this model has no figure of its own.')
        : l10n.t('This variant (:{0}) is not in OpenRouter’s daily top-50 rankings this week; the base model’s figure is not its own.', key),
  };
}
