// The rankings snapshot shipped with the extension (src/core/data/rankingsSnapshot.json, copied to
// dist/rankings-snapshot.json): one complete Monday..Sunday week of the Data API, shown in the leaders and the
// daily chart until live data arrives, labelled "bundled" with its as_of. Regenerate with
// `node scripts/make-bundled-rankings.mjs`.
import { formatDay } from '../../shared/format';
import type { ApiRankingRow } from '../openrouter/apiTypes';
import type { RankingsView } from '../../shared/types';
import type { CatalogIndex } from '../market/catalog';
import { buildRankingsView, isIsoDay, type DayWindow } from '../market/rankings';
import type { RegionResolver } from '../market/regions';
import { isRecord } from '../../shared/isRecord';

export interface BundledRankings {
  /** The capture's as_of. */
  asOf: string;
  /** "Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0". */
  citation: string;
  window: DayWindow;
  /** The window's days, oldest first; each model's figures line up with them. */
  days: string[];
  /** permaslug → tokens per day as decimal strings; null where the model was not in that day's top 50. */
  models: Record<string, (string | null)[]>;
}

/** The snapshot if it has the shape above, else null (a broken file must not take the leaders down with it). */
export function parseBundledRankings(json: unknown): BundledRankings | null {
  if (!isRecord(json) || !isRecord(json.window) || !isRecord(json.models) || !Array.isArray(json.days)) return null;
  const { asOf, citation, window, days, models } = json;
  if (typeof asOf !== 'string' || typeof citation !== 'string') return null;
  if (typeof window.start !== 'string' || typeof window.end !== 'string' || !isIsoDay(window.start) || !isIsoDay(window.end)) return null;
  if (!days.every((d): d is string => typeof d === 'string' && isIsoDay(d))) return null;
  const out: Record<string, (string | null)[]> = {};
  for (const [slug, cells] of Object.entries(models)) {
    if (!Array.isArray(cells) || cells.length !== days.length) return null;
    if (!cells.every((c) => c === null || (typeof c === 'string' && /^\d+$/.test(c)))) return null;
    out[slug] = cells as (string | null)[];
  }
  return { asOf, citation, window: { start: window.start, end: window.end }, days, models: out };
}

/** Back to rankings-daily rows, so the bundled week goes through the same code as live data. */
export function bundledRankingRows(b: BundledRankings): ApiRankingRow[] {
  const rows: ApiRankingRow[] = [];
  for (const [slug, cells] of Object.entries(b.models)) {
    cells.forEach((tokens, i) => {
      const date = b.days[i];
      if (tokens !== null && date !== undefined) rows.push({ date, model_permaslug: slug, total_tokens: tokens });
    });
  }
  return rows;
}

/** The bundled week as a view: source "bundled", its as_of, and the licence's citation. */
export function bundledRankingsView(b: BundledRankings, opts: { index?: CatalogIndex | null; regions?: RegionResolver } = {}): RankingsView {
  const view = buildRankingsView(bundledRankingRows(b), { window: b.window, asOf: b.asOf, index: opts.index, regions: opts.regions, source: 'bundled' });
  return { ...view, citation: `${b.citation}, as of ${formatDay(b.asOf, true)}.` };
}
