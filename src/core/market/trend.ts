// Weekly region shares of OpenRouter tokens (Data API rankings with period=week), the current lead streak and
// the week the lead last changed hands. Pure: rows in, a TrendView out. Gaps stay gaps and are counted.
import type { ApiRankingRow } from '../openrouter/apiTypes';
import { TREND_REGIONS, type TrendLeadChange, type TrendRegion, type TrendStreak, type TrendView, type TrendWeek } from '../../shared/trend';
import { formatDay, formatPercent, formatTokens, regionLabel, UNKNOWN } from '../../shared/format';
import { DATA_API_DOCS_URL, TOKENIZER_CAVEAT, droppedRowsSentence } from '../../shared/dataLabels';
import { tokenShare } from '../account/money';
import { addDays, basePermaslug, citationFor, cleanRankingRows, UNATTRIBUTED_PERMASLUG, utcDay } from './rankings';
import { DEFAULT_REGIONS, type RegionResolver } from './regions';

export const DEFAULT_TREND_WEEKS = 52;
/** The Data API spans at most 366 days: 52 whole weeks fit, 53 do not. */
export const MAX_TREND_WEEKS = 52;

/** Monday (UTC) of the week holding `day`. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((dow + 6) % 7));
}

/** The last `weeks` completed Monday-to-Sunday weeks before `now`. `fetch` is the day range to ask for. */
export function trendWindow(now: number | Date, weeks = DEFAULT_TREND_WEEKS): { start: string; end: string; lastWeek: string } {
  const n = Math.max(1, Math.min(MAX_TREND_WEEKS, Math.floor(weeks)));
  const lastWeek = addDays(weekStart(utcDay(now)), -7);
  return { start: addDays(lastWeek, -7 * (n - 1)), end: addDays(lastWeek, 6), lastWeek };
}

export interface TrendOptions {
  now?: number | Date;
  weeks?: number;
  asOf?: string | null;
  regions?: RegionResolver;
  /** Rows the client's schema already left out. */
  droppedRows?: number;
}

const zero = (): Record<TrendRegion, bigint> => ({ CN: 0n, US: 0n, EU: 0n, OTHER: 0n });

export function buildTrendView(rows: readonly ApiRankingRow[], opts: TrendOptions = {}): TrendView {
  const win = trendWindow(opts.now ?? Date.now(), opts.weeks ?? DEFAULT_TREND_WEEKS);
  const regions = opts.regions ?? DEFAULT_REGIONS;
  const clean = cleanRankingRows(rows);
  const acc = new Map<string, { regions: Record<TrendRegion, bigint>; unattributed: bigint }>();
  for (const row of clean.rows) {
    const week = weekStart(row.date);
    if (week < win.start || week > win.lastWeek) continue;
    let w = acc.get(week);
    if (w === undefined) {
      w = { regions: zero(), unattributed: 0n };
      acc.set(week, w);
    }
    const slug = basePermaslug(row.permaslug);
    const region = slug === UNATTRIBUTED_PERMASLUG ? 'UNKNOWN' : regions.model(slug).region;
    if (region === 'UNKNOWN') w.unattributed += row.tokens;
    else w.regions[region] += row.tokens;
  }

  const weeks: TrendWeek[] = [];
  for (let week = win.start; week <= win.lastWeek; week = addDays(week, 7)) {
    const w = acc.get(week);
    if (w === undefined) {
      weeks.push({ week, tokens: null, unattributed: null, total: null, shares: null, leader: null, tied: [] });
      continue;
    }
    const total = TREND_REGIONS.reduce((s, r) => s + w.regions[r], w.unattributed);
    const top = TREND_REGIONS.reduce((m, r) => (w.regions[r] > m ? w.regions[r] : m), 0n);
    const atTop = top > 0n ? TREND_REGIONS.filter((r) => w.regions[r] === top) : [];
    weeks.push({
      week,
      tokens: { CN: w.regions.CN.toString(), US: w.regions.US.toString(), EU: w.regions.EU.toString(), OTHER: w.regions.OTHER.toString() },
      unattributed: w.unattributed.toString(),
      total: total.toString(),
      shares: total > 0n ? { CN: tokenShare(w.regions.CN, total), US: tokenShare(w.regions.US, total), EU: tokenShare(w.regions.EU, total), OTHER: tokenShare(w.regions.OTHER, total) } : null,
      leader: atTop.length === 1 ? (atTop[0] ?? null) : null,
      tied: atTop.length > 1 ? atTop : [],
    });
  }

  const { streak, lastChange, reason } = streakOf(weeks);
  const asOf = opts.asOf ?? null;
  return {
    weeks,
    window: { start: win.start, end: win.end },
    missingWeeks: weeks.filter((w) => w.tokens === null).map((w) => w.week),
    streak,
    noStreakReason: streak === null ? reason : null,
    lastChange,
    asOf,
    citation: citationFor(asOf ?? win.end),
    droppedRows: clean.droppedRows + Math.max(0, Math.floor(opts.droppedRows ?? 0)),
  };
}

/**
 * The current streak: back from the latest week with data, the weeks one region led alone. A missing week
 * neither breaks nor extends it (it is counted in `missingInside`); a tie or another leader ends it.
 */
export function streakOf(weeks: readonly TrendWeek[]): { streak: TrendStreak | null; lastChange: TrendLeadChange | null; reason: 'noData' | 'tie' } {
  const withData = weeks.filter((w) => w.tokens !== null && w.total !== '0');
  const latest = withData[withData.length - 1];
  if (latest === undefined) return { streak: null, lastChange: null, reason: 'noData' };
  if (latest.leader === null) return { streak: null, lastChange: null, reason: 'tie' };
  const leader = latest.leader;
  let i = withData.length - 1;
  while (i > 0 && withData[i - 1]?.leader === leader) i--;
  const first = withData[i] as TrendWeek;
  const before = withData[i - 1];
  const missingInside = weeks.filter((w) => w.tokens === null && w.week > first.week && w.week < latest.week).length;
  const streak: TrendStreak = { leader, weeks: withData.length - i, since: first.week, through: latest.week, missingInside, openStart: before === undefined };
  const lastChange: TrendLeadChange | null = before === undefined ? null : { week: first.week, from: before.leader, to: leader, previousWeek: before.week };
  return { streak, lastChange, reason: 'tie' };
}

/** "China has led OpenRouter tokens 37 weeks in a row", with gaps, ties and a missing history said plainly. */
export function streakSentence(view: TrendView): string {
  const s = view.streak;
  if (s === null) {
    if (view.noStreakReason === 'noData') return `No weekly ranking data for ${formatDay(view.window.start, true)} .. ${formatDay(view.window.end, true)}: no lead to report.`;
    const latest = [...view.weeks].reverse().find((w) => w.tokens !== null);
    const names = (latest?.tied ?? []).map(regionLabel).join(' and ');
    return `No region led in the week of ${formatDay(latest?.week, true)}: ${names} tied.`;
  }
  const share = view.weeks.find((w) => w.week === s.through)?.shares?.[s.leader];
  const pct = share === undefined ? '' : ` (${formatPercent(share)})`;
  let out: string;
  if (s.weeks === 1) {
    out = `${regionLabel(s.leader)} led OpenRouter tokens in the week of ${formatDay(s.through, true)}${pct}`;
    if (s.openStart) out += ', the only week with data';
  } else {
    out = `${regionLabel(s.leader)} has led OpenRouter tokens ${s.openStart ? 'at least ' : ''}${s.weeks} weeks in a row, through the week of ${formatDay(s.through, true)}${pct}`;
  }
  if (s.missingInside > 0) out += `, with ${s.missingInside === 1 ? '1 week' : `${s.missingInside} weeks`} missing`;
  const after = view.weeks.filter((w) => w.week > s.through).length;
  if (after > 0) out += `; the latest ${after === 1 ? 'week has' : `${after} weeks have`} no data yet`;
  return `${out}.`;
}

/** "The lead last changed hands in the week of Mar 2, 2026 (US → China)." */
export function leadChangeSentence(view: TrendView): string | null {
  const c = view.lastChange;
  if (c === null) {
    if (view.streak === null) return null;
    return `The lead did not change hands in the ${view.weeks.length} weeks shown.`;
  }
  const from = c.from === null ? 'a tie' : regionLabel(c.from);
  const adjacent = addDays(c.previousWeek, 7) === c.week;
  return adjacent
    ? `The lead last changed hands in the week of ${formatDay(c.week, true)} (${from} → ${regionLabel(c.to)}).`
    : `The lead last changed hands between the weeks of ${formatDay(c.previousWeek, true)} and ${formatDay(c.week, true)} (${from} → ${regionLabel(c.to)}; the weeks between have no data).`;
}

/** The `report --weeks N --json` contract. */
export interface TrendReportJson {
  source: { baseUrl: string; asOf: string | null; citation: string };
  window: { start: string; end: string };
  weeks: TrendView['weeks'];
  missingWeeks: string[];
  streak: TrendStreak | null;
  noStreakReason: TrendView['noStreakReason'];
  lastChange: TrendLeadChange | null;
  /** The two sentences the text report and the dashboard lead with. */
  summary: { streak: string; leadChange: string | null };
  droppedRows: number;
}

export function buildTrendReport(view: TrendView, baseUrl: string): TrendReportJson {
  return {
    source: { baseUrl, asOf: view.asOf, citation: view.citation },
    window: view.window,
    weeks: view.weeks,
    missingWeeks: view.missingWeeks,
    streak: view.streak,
    noStreakReason: view.noStreakReason,
    lastChange: view.lastChange,
    summary: { streak: streakSentence(view), leadChange: leadChangeSentence(view) },
    droppedRows: view.droppedRows,
  };
}

/** The weekly trend as text for a terminal: the two sentences, then one line per week (gaps say so). */
export function formatTrendTable(report: TrendReportJson): string {
  const out: string[] = [];
  const n = report.weeks.length;
  out.push(`OpenRouter tokens by lab region, weekly, ${n === 1 ? '1 week' : `${n} weeks`} (weeks from Monday ${report.window.start} to Sunday ${report.window.end}, UTC)`);
  out.push(report.summary.streak);
  if (report.summary.leadChange !== null) out.push(report.summary.leadChange);
  if (report.missingWeeks.length > 0) out.push(`No data for ${report.missingWeeks.length === 1 ? '1 week' : `${report.missingWeeks.length} weeks`}: ${report.missingWeeks.join(', ')}.`);
  const dropped = droppedRowsSentence(report.droppedRows);
  if (dropped !== null) out.push(dropped);
  if (report.weeks.some((w) => w.tokens !== null)) {
    out.push('');
    const header = ['Week of', ...TREND_REGIONS.map((r) => regionLabel(r)), 'Unattributed', 'Total', 'Leader'];
    const rows = report.weeks.map((w) => {
      if (w.tokens === null || w.shares === null) return [w.week, ...TREND_REGIONS.map(() => UNKNOWN), UNKNOWN, UNKNOWN, 'no data'];
      const shares = w.shares;
      const total = BigInt(w.total ?? '0');
      return [
        w.week,
        ...TREND_REGIONS.map((r) => formatPercent(shares[r])),
        formatPercent(total > 0n ? tokenShare(BigInt(w.unattributed ?? '0'), total) : null),
        formatTokens(w.total),
        w.leader !== null ? regionLabel(w.leader) : w.tied.length > 0 ? `tie (${w.tied.map(regionLabel).join(', ')})` : UNKNOWN,
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
    const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
    out.push(line(header), ...rows.map(line));
    out.push(`${TOKENIZER_CAVEAT} ${DATA_API_DOCS_URL}`);
  }
  out.push('');
  out.push(report.source.citation);
  return `${out.join('\n')}\n`;
}
