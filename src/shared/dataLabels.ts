// The sentences that say how far a figure can be trusted: a price's age when it is not live, a rankings
// window's coverage when it has holes, and the tokenizer caveat on token shares. One home, so the editor,
// the views and the CLI say the same thing in the same words. Pure: imports types only.
import { formatAsOfDay } from './format';
import type { CatalogView, DataSource, RankingsCoverage, Snapshot } from './types';

/** OpenRouter's Data API page: documents the rankings dataset, its CC BY 4.0 licence and the tokenizer caveat. */
export const DATA_API_DOCS_URL = 'https://openrouter.ai/docs/cookbook/administration/data-api';

/** One line for every token share or per-model token comparison (CN vs US, leaders, the daily chart). */
export const TOKENIZER_CAVEAT = "Token counts use each provider's own tokenizer, so shares are approximate.";

const SOURCE_WORD: Readonly<Record<Exclude<DataSource, 'live'>, string>> = { cache: 'cached', bundled: 'bundled' };

/**
 * THE price-age label: null while prices are live and fresh; otherwise "prices as of Jul 29, bundled",
 * "prices as of Nov 28, cached", or "prices as of Nov 30, not refreshed" for a live catalog gone stale (its
 * refresh failed or is overdue). Every surface that shows a price shows this when it is not null.
 */
export function priceAgeLabel(catalog: Pick<CatalogView, 'source' | 'asOf'> | null | undefined, opts: { stale?: boolean; nowMs?: number } = {}): string | null {
  if (catalog === null || catalog === undefined) return null;
  if (catalog.source === 'live' && opts.stale !== true) return null;
  const day = formatAsOfDay(catalog.asOf, opts.nowMs);
  const why = catalog.source === 'live' ? 'not refreshed' : SOURCE_WORD[catalog.source];
  return day === null ? `prices not live (${why})` : `prices as of ${day}, ${why}`;
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
  return day === null ? `rankings not live (${SOURCE_WORD[source]})` : `rankings as of ${day}, ${SOURCE_WORD[source]}`;
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

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "7 days" or "5 of 7 days": the span a rankings figure may claim. */
export function coverageDays(c: RankingsCoverage): string {
  return c.daysWithData === c.requestedDays ? plural(c.requestedDays, 'day', 'days') : `${c.daysWithData} of ${plural(c.requestedDays, 'day', 'days')}`;
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
      parts.push(c.requestedDays === 1 ? 'No data for the day asked.' : `No data for any of the ${c.requestedDays} days asked.`);
    } else {
      const span = c.firstDay === c.lastDay ? `${c.firstDay}` : `${c.firstDay}..${c.lastDay}`;
      const missing = c.missingDays.length > 0 ? `; no data for ${formatDayRanges(c.missingDays)}` : '';
      parts.push(`Data for ${c.daysWithData} of ${plural(c.requestedDays, 'day', 'days')} (${span})${missing}.`);
    }
  }
  if (c.duplicateRows > 0) parts.push(`${plural(c.duplicateRows, 'duplicated row', 'duplicated rows')} counted once.`);
  if (c.droppedRows > 0) parts.push(`${plural(c.droppedRows, 'unreadable row', 'unreadable rows')} left out.`);
  return parts.join(' ');
}
