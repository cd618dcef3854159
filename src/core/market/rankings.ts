// Market rankings from OpenRouter's Data API (rankings-daily) or, without a key, from the public
// "top-weekly" order of /models. Token figures are summed as bigint and travel as decimal strings.
import { formatDay } from '../../shared/format';
import type { ApiRankingRow } from '../openrouter/apiTypes';
import {
  REGIONS,
  type AuthorShare,
  type CatalogModel,
  type DailyRegionTokens,
  type DataSource,
  type RankingsCoverage,
  type RankedModel,
  type RankingsView,
  type Region,
  type RegionShare,
} from '../../shared/types';
import type { CatalogIndex } from './catalog';
import { tokenChange, tokenShare } from '../account/money';
import { DEFAULT_REGIONS, type RegionResolver } from './regions';

/** The Data API's row for everything outside the day's top 50: tokens with no model, hence no author. */
export const UNATTRIBUTED_PERMASLUG = 'other';

export interface DayWindow {
  /** Inclusive UTC days, "YYYY-MM-DD". */
  start: string;
  end: string;
}

export interface RankingsWindows {
  current: DayWindow;
  /** The same number of days just before `current`, for week-over-week change. */
  previous: DayWindow;
  /** What to ask the API for: previous.start .. current.end. */
  fetch: DayWindow;
}

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" that names a real calendar day. */
export function isIsoDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (m === null) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s;
}

export function addDays(day: string, n: number): string {
  const m = DAY_RE.exec(day);
  if (m === null) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + n * DAY_MS).toISOString().slice(0, 10);
}

export function utcDay(now: number | Date): string {
  // Stryker disable next-line ConditionalExpression: new Date(aDate) is the same instant as new Date(aDate.getTime())
  return new Date(typeof now === 'number' ? now : now.getTime()).toISOString().slice(0, 10);
}

/** Inclusive number of days in a window. */
export function windowLength(w: DayWindow): number {
  return Math.round((Date.parse(`${w.end}T00:00:00Z`) - Date.parse(`${w.start}T00:00:00Z`)) / DAY_MS) + 1;
}

/** A window and the one of equal length before it. */
export function windowsFor(current: DayWindow): RankingsWindows {
  if (!isIsoDay(current.start) || !isIsoDay(current.end) || current.start > current.end) {
    throw new RangeError(`not a window of YYYY-MM-DD days: ${current.start}..${current.end}`);
  }
  const len = windowLength(current);
  const previous = { start: addDays(current.start, -len), end: addDays(current.start, -1) };
  return { current, previous, fetch: { start: previous.start, end: current.end } };
}

/** The last `days` completed UTC days before `now` (today is still changing), and the `days` before them. */
export function defaultWindows(now: number | Date, days = 7): RankingsWindows {
  const end = addDays(utcDay(now), -1);
  return windowsFor({ start: addDays(end, -(days - 1)), end });
}

/** "Source: …, as of Jul 26, 2026.": a date a person reads, whatever precision `asOf` came with. */
export function citationFor(asOf: string): string {
  const day = formatDay(asOf, true);
  return `Source: OpenRouter (openrouter.ai/rankings)${day === '—' ? '' : `, as of ${day}`}.`;
}

/** "Qwen/Qwen3-X:free" → "qwen/qwen3-x": variants rank separately in the data but are one model here. */
export function basePermaslug(permaslug: string): string {
  const p = permaslug.trim().toLowerCase();
  const colon = p.indexOf(':');
  return colon < 0 ? p : p.slice(0, colon);
}

// Dated suffixes seen on permaslugs: -20260423, -2025-08-07 (ids sometimes keep shorter forms, so only these go).
const DATE_SUFFIX_RE = /-(?:\d{8}|\d{4}-\d{2}-\d{2})$/;

/** Joins a permaslug to the catalog: by canonical slug, else by the id the slug reads as once its date is dropped. */
export function joinPermaslug(index: CatalogIndex | null, permaslug: string): CatalogModel | null {
  if (index === null) return null;
  const base = basePermaslug(permaslug);
  const byCanonical = index.byCanonical(base);
  if (byCanonical !== null) return byCanonical;
  const direct = index.get(base);
  if (direct !== null) return direct;
  const undated = base.replace(DATE_SUFFIX_RE, '');
  // Stryker disable next-line ConditionalExpression: when nothing was dropped, index.get(undated) is the lookup just made
  return undated === base ? null : index.get(undated);
}

export interface RankingsOptions {
  /** Window to rank; the previous window of the same length gives the change. Default: `defaultWindows(now)`. */
  window?: DayWindow;
  now?: number | Date;
  asOf?: string | null;
  index?: CatalogIndex | null;
  regions?: RegionResolver;
  /** Rows the client's schema already left out: they count towards `coverage.droppedRows`. */
  droppedRows?: number;
  /** Where the rows come from (default live). */
  source?: DataSource;
}

interface ModelAcc {
  permaslug: string;
  author: string;
  lab: string;
  region: Region;
  tokens: bigint;
  prev: bigint;
  model: CatalogModel | null;
  /** Current-window tokens per variant as the Data API ranks them: "" the base model, "free", "thinking", … */
  variants: Map<string, bigint>;
}

/** "x/y:free" → "free"; "x/y" → "". */
function variantOf(permaslug: string): string {
  const p = permaslug.trim().toLowerCase();
  const colon = p.indexOf(':');
  return colon < 0 ? '' : p.slice(colon + 1);
}

const zeroRegions = (): Record<Region, bigint> => ({ CN: 0n, US: 0n, EU: 0n, OTHER: 0n, UNKNOWN: 0n });

/** A non-negative whole number of tokens as decimal digits, else null ("1e15", "1.5", "-3" and numbers are not). */
function rowTokens(raw: unknown): bigint | null {
  return typeof raw === 'string' && /^\d+$/.test(raw) ? BigInt(raw) : null;
}

/** "YYYY-MM-DD" (optionally followed by a time) naming a real day, else null. */
function rowDay(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const day = raw.slice(0, 10);
  if (raw.length > 10 && raw[10] !== 'T' && raw[10] !== ' ') return null;
  return isIsoDay(day) ? day : null;
}

/** One readable row, after duplicates were folded. */
interface CleanRow {
  date: string;
  /** As sent, trimmed: variants (":free") stay apart here; they merge later, under the base permaslug. */
  permaslug: string;
  tokens: bigint;
}

export interface CleanRows {
  rows: CleanRow[];
  duplicateRows: number;
  droppedRows: number;
}

/**
 * Reads rows at the boundary: a row whose tokens are not a non-negative whole number, whose date is not a
 * real day, or that has no model is dropped and counted. A row repeating a (date, permaslug) already read
 * (permaslug compared case-insensitively) is a duplicate: it is counted once. When duplicates disagree, the
 * largest figure is kept: the choice does not depend on row order, and a re-sent row is more often a later,
 * fuller count than a smaller one. Either way the duplicate is counted, so coverage says it happened.
 */
export function cleanRankingRows(rows: readonly unknown[]): CleanRows {
  const byKey = new Map<string, CleanRow>();
  let duplicateRows = 0;
  let droppedRows = 0;
  for (const raw of rows) {
    const row = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : null;
    const date = row === null ? null : rowDay(row.date);
    const tokens = row === null ? null : rowTokens(row.total_tokens);
    const permaslug = row !== null && typeof row.model_permaslug === 'string' ? row.model_permaslug.trim() : '';
    if (date === null || tokens === null || permaslug === '') {
      droppedRows++;
      continue;
    }
    const key = `${date} ${permaslug.toLowerCase()}`;
    const seen = byKey.get(key);
    if (seen === undefined) {
      byKey.set(key, { date, permaslug, tokens });
    } else {
      duplicateRows++;
      // Stryker disable next-line EqualityOperator: equal counts leave the row as it is either way
      if (tokens > seen.tokens) seen.tokens = tokens;
    }
  }
  return { rows: [...byKey.values()], duplicateRows, droppedRows };
}

/** Every day of a window, oldest first. */
export function daysOf(w: DayWindow): string[] {
  const out: string[] = [];
  for (let d = w.start; d <= w.end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Coverage of `window` by days that have data. */
export function coverageOf(window: DayWindow, daysWithRows: ReadonlySet<string>, duplicateRows: number, droppedRows: number): RankingsCoverage {
  const days = daysOf(window);
  const present = days.filter((d) => daysWithRows.has(d));
  return {
    requestedDays: days.length,
    daysWithData: present.length,
    firstDay: present[0] ?? null,
    lastDay: present[present.length - 1] ?? null,
    missingDays: days.filter((d) => !daysWithRows.has(d)),
    duplicateRows,
    droppedRows,
  };
}

/**
 * rankings-daily rows (typically 14 days) → the view for the current window, with change against the previous.
 * Days of the window without rows stay gaps (null) in the daily series, and `coverage` says which they are.
 */
export function buildRankingsView(rows: readonly ApiRankingRow[], opts: RankingsOptions = {}): RankingsView {
  const { current, previous } = opts.window !== undefined ? windowsFor(opts.window) : defaultWindows(opts.now ?? Date.now());
  const regions = opts.regions ?? DEFAULT_REGIONS;
  const index = opts.index ?? null;
  const clean = cleanRankingRows(rows);

  const models = new Map<string, ModelAcc>();
  const regionNow = zeroRegions();
  const regionPrev = zeroRegions();
  const authors = new Map<string, { lab: string; region: Region; tokens: bigint }>();
  const daily = new Map<string, { regions: Record<Region, bigint>; unattributed: bigint }>();
  const currentDays = new Set<string>();
  const previousDays = new Set<string>();

  let total = 0n;
  let unattributed = 0n;
  let prevTotal = 0n;

  const dayOf = (date: string): { regions: Record<Region, bigint>; unattributed: bigint } => {
    let day = daily.get(date);
    if (day === undefined) {
      day = { regions: zeroRegions(), unattributed: 0n };
      daily.set(date, day);
    }
    return day;
  };

  for (const row of clean.rows) {
    const date = row.date;
    const inCurrent = date >= current.start && date <= current.end;
    const inPrevious = !inCurrent && date >= previous.start && date <= previous.end;
    if (!inCurrent && !inPrevious) continue;
    const tokens = row.tokens;
    if (inCurrent) currentDays.add(date);
    else previousDays.add(date);
    const slug = basePermaslug(row.permaslug);

    if (slug === UNATTRIBUTED_PERMASLUG) {
      if (inCurrent) {
        unattributed += tokens;
        total += tokens;
        dayOf(date).unattributed += tokens;
      } else {
        prevTotal += tokens;
      }
      continue;
    }

    let acc = models.get(slug);
    if (acc === undefined) {
      const info = regions.model(slug);
      acc = { permaslug: slug, author: info.author, lab: info.author === '' ? '(no author)' : info.lab, region: info.region, tokens: 0n, prev: 0n, model: joinPermaslug(index, slug), variants: new Map() };
      models.set(slug, acc);
    }
    if (inCurrent) {
      acc.tokens += tokens;
      const variant = variantOf(row.permaslug);
      acc.variants.set(variant, (acc.variants.get(variant) ?? 0n) + tokens);
      total += tokens;
      regionNow[acc.region] += tokens;
      dayOf(date).regions[acc.region] += tokens;
      const a = authors.get(acc.author);
      if (a === undefined) authors.set(acc.author, { lab: acc.lab, region: acc.region, tokens });
      else a.tokens += tokens;
    } else {
      acc.prev += tokens;
      prevTotal += tokens;
      regionPrev[acc.region] += tokens;
    }
  }

  const coverage = coverageOf(current, currentDays, clean.duplicateRows, clean.droppedRows + Math.max(0, Math.floor(opts.droppedRows ?? 0)));
  // A change needs two windows of the same days: a week with a hole against a full one would read as a fall.
  const havePrevious = prevTotal > 0n && previousDays.size === windowLength(previous) && coverage.daysWithData === coverage.requestedDays;
  const ranked = [...models.values()]
    .filter((m) => m.tokens > 0n)
    // Equivalent mutants (`<=`, `>=` here): permaslugs are map keys (never equal), and the token comparison is only reached when they differ.
    .sort((a, b) => (a.tokens === b.tokens ? (a.permaslug < b.permaslug ? -1 : 1) : a.tokens > b.tokens ? -1 : 1));

  const rankedModels: RankedModel[] = ranked.map((m, i) => {
    // A model missing from the previous window was outside the daily top 50 (inside "other"), not at zero.
    const prev = havePrevious && m.prev > 0n ? m.prev : null;
    return {
      rank: i + 1,
      permaslug: m.permaslug,
      id: m.model?.id ?? null,
      name: m.model?.name ?? null,
      author: m.author,
      region: m.region,
      tokens: m.tokens.toString(),
      prevTokens: prev === null ? null : prev.toString(),
      change: tokenChange(m.tokens, prev),
      share: tokenShare(m.tokens, total),
      variantTokens: Object.fromEntries([...m.variants].map(([k, t]) => [k, t.toString()])),
    };
  });

  const regionShares: RegionShare[] = REGIONS.map((region) => ({
    region,
    tokens: regionNow[region].toString(),
    share: tokenShare(regionNow[region], total),
    prevTokens: havePrevious ? regionPrev[region].toString() : null,
    change: havePrevious ? tokenChange(regionNow[region], regionPrev[region]) : null,
  }));

  const authorShares: AuthorShare[] = [...authors.entries()]
    .map(([author, a]) => ({ author, lab: a.lab, region: a.region, tokens: a.tokens, share: tokenShare(a.tokens, total) }))
    // Equivalent mutants (`<=`, `>=` here): authors are map keys (never equal), and the token comparison is only reached when they differ.
    .sort((a, b) => (a.tokens === b.tokens ? (a.author < b.author ? -1 : 1) : a.tokens > b.tokens ? -1 : 1))
    .map((a) => ({ ...a, tokens: a.tokens.toString() }));

  // Every day of the window, in order; a day without rows is a gap (null), never a zero.
  const dailyView: DailyRegionTokens[] = daysOf(current).map((date) => {
    const d = daily.get(date);
    if (d === undefined) return { date, regions: null, unattributed: null };
    return {
      date,
      regions: { CN: d.regions.CN.toString(), US: d.regions.US.toString(), EU: d.regions.EU.toString(), OTHER: d.regions.OTHER.toString(), UNKNOWN: d.regions.UNKNOWN.toString() },
      unattributed: d.unattributed.toString(),
    };
  });

  const asOf = opts.asOf ?? null;
  return {
    mode: 'tokens',
    window: current,
    asOf,
    citation: citationFor(asOf ?? current.end),
    totalTokens: total.toString(),
    unattributedTokens: unattributed.toString(),
    unattributedShare: tokenShare(unattributed, total),
    models: rankedModels,
    regions: regionShares,
    authors: authorShares,
    daily: dailyView,
    coverage,
    source: opts.source ?? 'live',
  };
}

export interface OrderOptions {
  index?: CatalogIndex | null;
  regions?: RegionResolver;
  asOf?: string | null;
}

/**
 * No-key mode: the ids of `/models?sort=top-weekly`, most used first → ranks only. OpenRouter publishes no
 * figures this way, so tokens, shares and the per-region totals stay empty rather than invented.
 */
export function buildOrderView(orderedIds: readonly string[], opts: OrderOptions = {}): RankingsView {
  const regions = opts.regions ?? DEFAULT_REGIONS;
  const index = opts.index ?? null;
  const seen = new Set<string>();
  const models: RankedModel[] = [];
  for (const raw of orderedIds) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const resolved = index?.resolve(raw) ?? null;
    // ":free" and the paid entry are one model; the first (higher) position stands for both.
    const key = basePermaslug(resolved !== null && resolved.model.variant === null ? resolved.model.id : raw);
    if (seen.has(key)) continue;
    seen.add(key);
    const info = regions.model(key);
    models.push({
      rank: models.length + 1,
      permaslug: key,
      id: resolved?.model.id ?? null,
      name: resolved?.model.name ?? null,
      author: info.author,
      region: info.region,
      tokens: null,
      prevTokens: null,
      change: null,
      share: null,
    });
  }
  return {
    mode: 'order',
    window: null,
    asOf: opts.asOf ?? null,
    citation: null,
    totalTokens: null,
    unattributedTokens: null,
    unattributedShare: null,
    models,
    regions: [],
    authors: [],
    daily: [],
    coverage: null,
    source: 'live',
  };
}

/**
 * Rankings a surface may call "this week" ("#3 this week", "Leaders this week"): the shipped snapshot is an old
 * week, so it is left out there; the views show it under its own "bundled" label instead.
 */
export function thisWeekRankings(rankings: RankingsView | null | undefined): RankingsView | null {
  return rankings === null || rankings === undefined || rankings.source === 'bundled' ? null : rankings;
}

/** The top `n` models of each region, in rank order. */
export function leadersByRegion(view: RankingsView, n: number): Record<Region, RankedModel[]> {
  const out: Record<Region, RankedModel[]> = { CN: [], US: [], EU: [], OTHER: [], UNKNOWN: [] };
  for (const m of view.models) if (out[m.region].length < n) out[m.region].push(m);
  return out;
}
