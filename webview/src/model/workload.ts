// How Compare, Savings and the Spend section name the token mix a figure was priced on, and what could not be
// priced: one place, so every surface says the same thing.
import type { CompareResult, TokenMix, UnpricedPart } from '../../../src/shared/types';
import { formatTokens } from '../../../src/shared/format';
import * as l10n from '../l10n';

/** "your last 30 days on this model", "a default mix (3 input : 1 output; no usage history)", … */
export function mixLabel(mix: Pick<TokenMix, 'source' | 'history'>): string {
  switch (mix.source) {
    case 'history':
      return mix.history ? l10n.t('your last {0} days on this model', mix.history.days) : l10n.t('your usage history');
    case 'activity':
      return l10n.t('your last 30 days of usage');
    case 'custom':
      return l10n.t('your custom mix');
    case 'default':
      return l10n.t('a default mix (3 input : 1 output tokens; no usage history)');
  }
}

/** One sentence per part a model could not price exactly. `model` names the model the parts belong to. */
export function unpricedNotes(parts: readonly UnpricedPart[] | undefined, model: string): string[] {
  const out: string[] = [];
  for (const p of parts ?? []) {
    if (p.part === 'cacheRead' && p.reason === 'noPrice') out.push(l10n.t('{0} lists no cache-read price: {1} cached tokens priced at its input rate.', model, formatTokens(p.tokens)));
    else if (p.part === 'cacheWrite' && p.reason === 'noPrice') out.push(l10n.t('{0} lists no cache-write price: {1} cache-write tokens priced at its input rate.', model, formatTokens(p.tokens)));
    else if (p.part === 'cacheRead') out.push(l10n.t('Cache reads are not in this history (the /activity fallback does not report them): all prompt tokens priced as uncached input.'));
    else out.push(l10n.t('Cache writes are not in OpenRouter’s history: priced as ordinary input, without any cache-write premium.'));
  }
  return out;
}

/** Notes that hold for the whole comparison (what the history does not report), said once. */
export function mixNotes(result: CompareResult): string[] {
  return unpricedNotes(
    (result.baseUnpriced ?? []).filter((p) => p.reason === 'notReported'),
    '',
  );
}

/** Notes for one model (its missing prices), without the mix-wide ones. */
export function modelNotes(parts: readonly UnpricedPart[] | undefined, model: string): string[] {
  return unpricedNotes(
    (parts ?? []).filter((p) => p.reason === 'noPrice'),
    model,
  );
}
