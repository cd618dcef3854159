// The market report the CLI prints: region shares of OpenRouter tokens over a window and each region's leaders,
// as a stable JSON object (`--json`) or a table for a terminal.
import type { ApiRankingRow } from '../openrouter/apiTypes';
import { DATA_API_DOCS_URL, TOKENIZER_CAVEAT, coverageDays, coverageLine } from '../../shared/dataLabels';
import { REGIONS, type RankingsCoverage, type Region } from '../../shared/types';
import type { CatalogIndex } from './catalog';
import { formatPercent, formatPrice, formatTokens, regionLabel, UNKNOWN } from '../../shared/format';
import { buildRankingsView, leadersByRegion, type DayWindow } from './rankings';
import type { RegionResolver } from './regions';
import { ENGLISH, type L10n } from '../l10n';

export interface ReportLeader {
  permaslug: string;
  id: string | null;
  name: string | null;
  author: string;
  tokens: string;
  pricePerMillion: { input: number; output: number } | null;
}

export interface ReportRegion {
  region: Region;
  tokens: string;
  /** region tokens / totals.tokens (which includes unattributed). */
  share: number;
  leaders: ReportLeader[];
}

/** The `--json` contract: one object, field names and types fixed. */
export interface ReportJson {
  source: { baseUrl: string; asOf: string | null; citation: string | null };
  /** Inclusive UTC days, as asked: `coverage` says which of them have data. */
  window: { start: string; end: string };
  /** Decimal strings; `tokens` includes `unattributed`. */
  totals: { tokens: string; unattributed: string };
  regions: ReportRegion[];
  coverage: RankingsCoverage;
}

export interface ReportInput {
  rows: readonly ApiRankingRow[];
  asOf: string | null;
  window: DayWindow;
  baseUrl: string;
  /** For names and prices; null leaves them null. */
  index: CatalogIndex | null;
  regions?: RegionResolver;
  /** Leaders per region. */
  top: number;
  /** Rows the client's schema already left out. */
  droppedRows?: number;
}

export function buildReport(input: ReportInput): ReportJson {
  const view = buildRankingsView(input.rows, { window: input.window, asOf: input.asOf, index: input.index, regions: input.regions, droppedRows: input.droppedRows });
  const leaders = leadersByRegion(view, Math.max(0, Math.floor(input.top)));
  const byRegion = new Map(view.regions.map((r) => [r.region, r]));
  return {
    source: { baseUrl: input.baseUrl, asOf: input.asOf, citation: view.citation },
    window: { start: input.window.start, end: input.window.end },
    totals: { tokens: view.totalTokens ?? '0', unattributed: view.unattributedTokens ?? '0' },
    regions: REGIONS.map((region) => ({
      region,
      tokens: byRegion.get(region)?.tokens ?? '0',
      share: byRegion.get(region)?.share ?? 0,
      leaders: leaders[region].map((m): ReportLeader => {
        const model = m.id === null || input.index === null ? null : input.index.get(m.id);
        const price = model !== null && !model.variable && model.price.input !== null && model.price.output !== null ? { input: model.price.input, output: model.price.output } : null;
        return { permaslug: m.permaslug, id: m.id, name: m.name, author: m.author, tokens: m.tokens ?? '0', pricePerMillion: price };
      }),
    })),
    // buildRankingsView always gives coverage in tokens mode.
    coverage: view.coverage ?? { requestedDays: 0, daysWithData: 0, firstDay: null, lastDay: null, missingDays: [], duplicateRows: 0, droppedRows: 0 },
  };
}


/** Lays out rows as columns; `right` marks right-aligned columns. */
function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (right[i] === true ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The report as a table for a terminal. */
export function formatReportTable(report: ReportJson, l10n: L10n = ENGLISH): string {
  const out: string[] = [];
  // The span claimed is the days with data, never the days asked.
  const c = report.coverage;
  const claim = c.daysWithData === c.requestedDays ? coverageDays(c) : l10n.t('data for {0}', coverageDays(c));
  out.push(l10n.t('OpenRouter tokens by lab region, {0} .. {1} ({2}, UTC)', report.window.start, report.window.end, claim));
  const gaps = coverageLine(c);
  if (gaps !== null) out.push(l10n.t('Coverage: {0}', gaps));
  const total = BigInt(report.totals.tokens);
  const unattributed = BigInt(report.totals.unattributed);
  if (total === 0n) {
    out.push(l10n.t('No ranking data for this window.'));
  } else {
    const uShare = Number(unattributed) / Number(total);
    out.push(l10n.t("Total {0} tokens; {1} ({2}) unattributed: outside each day's top 50.", formatTokens(total), formatTokens(unattributed), formatPercent(uShare)));
    out.push('');
    out.push(
      ...table(
        [l10n.t('Region'), l10n.t('Tokens'), l10n.t('Share')],
        // A region with no tokens in the window is no row ("UNKNOWN … 0 0.0 %" told nothing); --json keeps all.
        report.regions.filter((r) => BigInt(r.tokens) > 0n).map((r) => [`${r.region}  ${regionLabel(r.region)}`, formatTokens(r.tokens), formatPercent(r.share)]),
        [false, true, true],
      ),
    );
    out.push(`${TOKENIZER_CAVEAT} ${DATA_API_DOCS_URL}`);
    for (const r of report.regions) {
      if (r.leaders.length === 0) continue;
      out.push('');
      out.push(l10n.t('{0} ({1}): top {2}', regionLabel(r.region), r.region, r.leaders.length));
      out.push(
        ...table(
          ['#', l10n.t('Model'), l10n.t('Tokens'), l10n.t('Input /1M'), l10n.t('Output /1M')],
          r.leaders.map((l, i) => [
            String(i + 1),
            // Whole, however long: an id is what the user copies into a config file.
            l.id ?? l.permaslug,
            formatTokens(l.tokens),
            l.pricePerMillion === null ? UNKNOWN : formatPrice(l.pricePerMillion.input),
            l.pricePerMillion === null ? UNKNOWN : formatPrice(l.pricePerMillion.output),
          ]),
          [true, false, true, true, true],
        ),
      );
    }
  }
  out.push('');
  if (report.source.citation !== null) out.push(report.source.citation);
  return `${out.join('\n')}\n`;
}
