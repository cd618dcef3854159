// The routing suffixes as swap targets: the same model, with OpenRouter told how to pick its provider. ":floor"
// sorts providers by price, ":nitro" by throughput, ":exacto" by OpenRouter's quality-first order
// (docs/openrouter-api-more.md §8). Each target is written exactly as offered: one suffix, replacing the one the
// reference has (never "x:nitro:floor"); a reference that already routes can go back to no suffix.
import type { L10n } from '../l10n';
import { ENGLISH } from '../l10n';
import type { TargetSection } from './present';
import type { PickItem } from '../market/pickItems';
import type { RefCatalog } from './types';
import { baseOf, variantOf } from './idShape';
import { isRoutableTarget, normaliseTarget } from './swap';
import { isRoutingVariant } from '../market/catalog';

/** The suffixes offered, in the picker's order. ":online" is deprecated upstream and not offered. */
export const ROUTING_SUFFIXES = ['floor', 'nitro', 'exacto'] as const;
export type RoutingSuffix = (typeof ROUTING_SUFFIXES)[number];

export interface RoutingTarget extends PickItem {
  /** The suffix written, or null for "no suffix" (OpenRouter's default routing). */
  suffix: RoutingSuffix | null;
}

function explain(suffix: RoutingSuffix | null, l10n: L10n): string {
  switch (suffix) {
    case 'floor':
      return l10n.t('cheapest provider first (OpenRouter sorts this model’s providers by price)');
    case 'nitro':
      return l10n.t('fastest provider first (OpenRouter sorts this model’s providers by throughput)');
    case 'exacto':
      return l10n.t('quality-first provider order (OpenRouter’s exacto sort, for reliable tool calls)');
    case null:
      return l10n.t('OpenRouter’s default provider routing (no suffix)');
  }
}

/**
 * The routing targets for the model a reference names (`currentId`, as written, without the "openrouter/" prefix).
 * The base is the id as written when the catalog routes it, else the catalog id it resolves to (a dated slug); a
 * static variant (":free", ":thinking") is replaced, since one id carries one suffix, and the detail says so.
 * Empty for presets, routers and ids the catalog does not know.
 */
export function routingTargets(currentId: string, catalog: Pick<RefCatalog, 'has' | 'resolve'>, l10n: L10n = ENGLISH): RoutingTarget[] {
  const written = normaliseTarget(currentId);
  if (written.includes('@')) return [];
  const variant = variantOf(written);
  let base = baseOf(written);
  if (!catalog.has(base)) {
    const resolved = catalog.resolve(written)?.model ?? null;
    if (resolved === null) return [];
    base = baseOf(resolved.id);
  }
  const model = catalog.resolve(base)?.model ?? null;
  if (model === null || model.variable || base.startsWith('openrouter/')) return [];
  const current = isRoutingVariant(variant) ? variant : null;
  const replaces = variant !== null && !isRoutingVariant(variant) ? variant : null;
  const out: RoutingTarget[] = [];
  for (const suffix of ROUTING_SUFFIXES) {
    if (suffix === current) continue;
    const id = `${base}:${suffix}`;
    if (!isRoutableTarget(id, catalog)) continue;
    out.push({
      id,
      suffix,
      label: id,
      description: explain(suffix, l10n),
      detail: replaces === null ? l10n.t('Same model ({0}); only how OpenRouter picks its provider changes.', model.name) : l10n.t('Same model ({0}) without :{1}; only one suffix can be written.', model.name, replaces),
    });
  }
  if (current !== null) {
    out.push({ id: base, suffix: null, label: base, description: explain(null, l10n), detail: l10n.t('Same model ({0}); drops :{1}.', model.name, current) });
  }
  return out;
}

/** The picker's section for them, or null when there are none. */
export function routingTargetSection(currentId: string, catalog: Pick<RefCatalog, 'has' | 'resolve'>, l10n: L10n = ENGLISH): (TargetSection & { items: RoutingTarget[] }) | null {
  const items = routingTargets(currentId, catalog, l10n);
  return items.length === 0 ? null : { title: l10n.t('Same model, another provider routing'), items };
}
