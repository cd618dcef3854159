// The rows Model Radar's pickers show for a model: its price pair, and Compare Model…'s alternatives with their
// saving. Compare Model… (a market command, src/host/commands/compare.ts) and Swap Model… (the workspace
// references, src/core/refs/present.ts) both write them, so they live with the market, not with the references:
// the web host loads the references' code later, from a file of its own (src/host/platform/webChunk.ts).
import { UNKNOWN, formatChange, formatPricePair, formatUsd } from '../../shared/format';
import type { Alternative, CatalogModel, CompareResult } from '../../shared/types';
import { ENGLISH, type L10n } from '../l10n';

export interface PickItem {
  id: string;
  label: string;
  description: string;
  detail: string;
}

/** "$0.09 / $0.18 per 1M", or "price varies by route" for routers. */
export function priceSummary(model: CatalogModel, l10n: L10n = ENGLISH): string {
  if (model.variable) return l10n.t('price varies by route');
  return formatPricePair(model.price.input, model.price.output);
}

/** "$1.20 (−72%)": a saving and its share of the current cost, alike in every picker. */
export function savingText(a: Pick<Alternative, 'saving' | 'savingPct'>): string {
  return `${formatUsd(a.saving)} (${formatChange(-a.savingPct / 100)})`;
}

/**
 * Compare Model…'s rows: the saving and the coding index first, where a narrow picker cannot cut them. The token
 * mix is named once, in the picker's title, not on every row.
 */
export function compareAlternativeItem(a: Alternative, l10n: L10n = ENGLISH): PickItem {
  const detail = [l10n.t('saves {0}', savingText(a)), l10n.t('coding index {0}', a.codingIndex ?? UNKNOWN), formatPricePair(a.price.input, a.price.output), a.region];
  if (a.rank !== null) detail.push(l10n.t('#{0} this week', a.rank));
  const description = a.notAllowed === true ? `$(circle-slash) ${l10n.t('not allowed by this key’s settings')} · ${a.id}` : a.id;
  return { id: a.id, label: a.name, description, detail: detail.join(' · ') };
}

/** The token mix a comparison used, as its picker's title names it. */
export function compareMixNote(compare: CompareResult, l10n: L10n = ENGLISH): string {
  const h = compare.mix.history;
  if (compare.mix.source === 'history' && h) return l10n.t('your last-{0}-day mix ({1} spent)', h.days, formatUsd(h.spend));
  return compare.mix.source === 'activity'
    ? l10n.t('your last-30-day mix')
    : compare.mix.source === 'custom'
      ? l10n.t('your custom mix')
      : l10n.t('a default mix (3 input : 1 output tokens)');
}
