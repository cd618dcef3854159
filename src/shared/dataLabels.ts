// The sentences that say how far a figure can be trusted: a price's age when it is not live, a rankings
// window's coverage when it has holes, and the tokenizer caveat on token shares. One home, so the editor,
// the views and the CLI say the same thing in the same words. Pure: imports types only.
import { UNKNOWN, formatAsOfDay, formatCount, formatDay } from './format';
import * as l10n from './l10n';
import type { CatalogView, DataSource, RankingsCoverage, Snapshot } from './types';

/** OpenRouter's Data API page: documents the rankings dataset, its CC BY 4.0 licence and the tokenizer caveat. */
export const DATA_API_DOCS_URL = 'https://openrouter.ai/docs/cookbook/administration/data-api';

/** One line for every token share or per-model token comparison (CN vs US, leaders, the daily chart). */
export const TOKENIZER_CAVEAT = "Token counts use each provider's own tokenizer, so shares are approximate.";

/** TOKENIZER_CAVEAT in the UI language. */
export function tokenizerCaveat(): string {
  return l10n.t("Token counts use each provider's own tokenizer, so shares are approximate.");
}

/** The bundled rankings snapshot's attribution, as the licence asks. */
export const RANKINGS_CITATION = 'Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0';

const OUR_CITATION = 'Source: OpenRouter (openrouter.ai/rankings)';

/**
 * A rankings citation as the views show it. Core writes ours in English ("Source: OpenRouter (openrouter.ai/rankings),
 * as of Jul 26, 2026."); in another UI language it is rewritten from the rankings' day. English, and a citation that
 * is not ours, show as they came.
 */
export function citationText(citation: string, asOf: string | null | undefined): string {
  if (l10n.isEnglish() || !citation.startsWith(OUR_CITATION)) return citation;
  const bundled = citation.includes('CC BY 4.0');
  const day = formatDay(asOf, true);
  if (day === UNKNOWN) return bundled ? l10n.t('Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0') : l10n.t('Source: OpenRouter (openrouter.ai/rankings).');
  return bundled ? l10n.t('Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0, as of {0}.', day) : l10n.t('Source: OpenRouter (openrouter.ai/rankings), as of {0}.', day);
}


/**
 * THE price-age label: null while prices are live and fresh; otherwise "prices as of Jul 29, bundled",
 * "prices as of Nov 28, cached", or "prices as of Nov 30, not refreshed" for a live catalog gone stale (its
 * refresh failed or is overdue). Every surface that shows a price shows this when it is not null.
 */
export function priceAgeLabel(catalog: Pick<CatalogView, 'source' | 'asOf'> | null | undefined, opts: { stale?: boolean; nowMs?: number } = {}): string | null {
  if (catalog === null || catalog === undefined) return null;
  if (catalog.source === 'live' && opts.stale !== true) return null;
  const day = formatAsOfDay(catalog.asOf, opts.nowMs);
  // Whole phrases per case: a translation may need to reorder the day and the reason.
  if (catalog.source === 'live') return day === null ? l10n.t('prices not live (not refreshed)') : l10n.t('prices as of {0}, not refreshed', day);
  if (catalog.source === 'cache') return day === null ? l10n.t('prices not live (cached)') : l10n.t('prices as of {0}, cached', day);
  return day === null ? l10n.t('prices not live (bundled)') : l10n.t('prices as of {0}, bundled', day);
}

/** The price-age label for what a surface shows now: the snapshot's catalog and whether /models is stale. */
export function snapshotPriceAge(snapshot: Pick<Snapshot, 'catalog' | 'resources'> | null | undefined, nowMs?: number): string | null {
  if (snapshot === null || snapshot === undefined) return null;
  return priceAgeLabel(snapshot.catalog, { stale: snapshot.resources.models.stale, nowMs });
}

/** A label as a sentence on its own: "Prices as of Jul 29, bundled". */
export function asSentence(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "rankings as of Jul 26, bundled" for data that is not live; null when live. */
export function rankingsAgeLabel(source: DataSource, asOf: string | null, nowMs?: number): string | null {
  if (source === 'live') return null;
  const day = formatAsOfDay(asOf, nowMs);
  if (source === 'cache') return day === null ? l10n.t('rankings not live (cached)') : l10n.t('rankings as of {0}, cached', day);
  return day === null ? l10n.t('rankings not live (bundled)') : l10n.t('rankings as of {0}, bundled', day);
}

/** True when every asked day has data and nothing was set aside. */
export function coverageComplete(c: RankingsCoverage): boolean {
  return c.daysWithData === c.requestedDays && c.missingDays.length === 0 && c.duplicateRows === 0 && c.droppedRows === 0;
}

function addDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** ["07-27","07-28","07-30"] → "2026-07-27..07-28, 2026-07-30": consecutive days folded into ranges. */
export function formatDayRanges(days: readonly string[]): string {
  const sorted = [...days].sort();
  const ranges: { from: string; to: string }[] = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last !== undefined && addDay(last.to, 1) === day) last.to = day;
    else ranges.push({ from: day, to: day });
  }
  return ranges.map((r) => (r.from === r.to ? r.from : `${r.from}..${r.to}`)).join(', ');
}

/** "7 days" or "5 of 7 days": the span a rankings figure may claim. */
export function coverageDays(c: RankingsCoverage): string {
  if (c.daysWithData === c.requestedDays) return c.requestedDays === 1 ? l10n.t('1 day') : l10n.t('{0} days', formatCount(c.requestedDays));
  return c.requestedDays === 1 ? l10n.t('{0} of 1 day', formatCount(c.daysWithData)) : l10n.t('{0} of {1} days', formatCount(c.daysWithData), formatCount(c.requestedDays));
}

/**
 * One line saying what the rankings window lacks; null when it is complete. E.g. "Data for 7 of 14 days
 * (2026-07-20..2026-07-26); no data for 2026-07-27..2026-08-02. 3 duplicated rows counted once. 2 unreadable rows left out."
 */
export function coverageLine(c: RankingsCoverage | null | undefined): string | null {
  if (c === null || c === undefined || coverageComplete(c)) return null;
  const parts: string[] = [];
  if (c.daysWithData !== c.requestedDays || c.missingDays.length > 0) {
    if (c.daysWithData === 0) {
      parts.push(c.requestedDays === 1 ? l10n.t('No data for the day asked.') : l10n.t('No data for any of the {0} days asked.', formatCount(c.requestedDays)));
    } else {
      const span = c.firstDay === c.lastDay ? `${c.firstDay}` : `${c.firstDay}..${c.lastDay}`;
      // Only reached with two days or more asked: one asked day either has data (complete) or not (above).
      const have = formatCount(c.daysWithData);
      const asked = formatCount(c.requestedDays);
      parts.push(
        c.missingDays.length > 0
          ? l10n.t('Data for {0} of {1} days ({2}); no data for {3}.', have, asked, span, formatDayRanges(c.missingDays))
          : l10n.t('Data for {0} of {1} days ({2}).', have, asked, span),
      );
    }
  }
  if (c.duplicateRows > 0) parts.push(c.duplicateRows === 1 ? l10n.t('1 duplicated row counted once.') : l10n.t('{0} duplicated rows counted once.', formatCount(c.duplicateRows)));
  const dropped = droppedRowsSentence(c.droppedRows);
  if (dropped !== null) parts.push(dropped);
  return l10n.joinSentences(parts);
}

/** "3 unreadable rows left out.": rows OpenRouter sent that no figure (nor an export) holds; null when none. */
export function droppedRowsSentence(droppedRows: number): string | null {
  if (!(droppedRows > 0)) return null;
  return droppedRows === 1 ? l10n.t('1 unreadable row left out.') : l10n.t('{0} unreadable rows left out.', formatCount(droppedRows));
}
