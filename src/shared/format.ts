// THE formatter: every figure a user reads, on every surface (status bar, hover, CodeLens, pickers, diagnostics,
// sidebar, dashboard, CLI), is rendered here and nowhere else. One rendering per kind, per UI language:
//
// | kind                 | function            | English (pinned byte for byte)                  | 简体中文 (zh-cn)                     |
// | -------------------- | ------------------- | ----------------------------------------------- | ------------------------------------ |
// | unknown (any kind)   | UNKNOWN             | "—"; a missing figure never reads "$0.00"/"0"   | "—"                                  |
// | money (US dollars)   | formatUsd           | "$0.00", "$0.87", "$1,234.50", "$0.0042" (under | the same: "$1,234.50" (see below)    |
// |                      |                     | a cent: 2 significant digits), "<$0.0001",      |                                      |
// |                      |                     | "−$3.20" (U+2212 minus)                         |                                      |
// | price per 1M tokens  | formatPrice         | "free" for 0, "$180", "$2.26", "$2.50", "$1",   | "免费" for 0; figures as English     |
// |                      |                     | "$0.30", "$0.718", "$0.0028"                    |                                      |
// |                      | formatPricePair     | "$0.30 / $1 per 1M"; "free"; "free / $0.50 per  | "$0.30 / $1（每 1M）"; "免费"        |
// |                      |                     | 1M" ("$0.30 / $1" under a "$/1M" header)        |                                      |
// |                      | formatPerMillion    | "$0.028/1M"                                     | "$0.028/1M"                          |
// | tokens               | formatTokens        | "12", "950K", "1M", "4.69T", "10.5T",           | the same letters: "950K", "4.69T"    |
// |                      |                     | "123,457P" (3 significant digits, K/M/B/T/P)    | (see below)                          |
// | context window       | formatContext       | as tokens: "262K", "1.05M"; 0 or less unknown   | as tokens                            |
// | percentage           | formatPercent       | "18%", "4.2%", "0%", "−96%"                     | the same                             |
// | change / saving      | formatChange        | "+12%", "−30%", "0%"                            | the same                             |
// | count                | formatCount         | "1,234"                                         | "1,234"                              |
// | coding index         | formatIndex         | "61.2" (one decimal at most)                    | "61.2"                               |
// | day                  | formatDay           | "Jul 26"; with the year "Jul 26, 2026"          | "7月26日"; "2026年7月26日"           |
// |                      | formatAsOfDay       | "Jul 26" this year, else "Jul 26, 2026"         | "7月26日" / "2026年7月26日"          |
// | instant              | formatUtc           | "2026-07-29 14:05 UTC"                          | the same (ISO, read the same anywhere)|
// | duration / age       | formatDuration      | "<1 min", "12 min", "3 h" (under 48 h), "2 d"   | "<1分钟", "12分钟", "3小时", "2天"   |
// |                      | formatAgo/formatAge | "just now", "12 min ago", "3 h ago", "2 d ago"  | "刚刚", "12分钟前", "3小时前", "2天前" |
// | region               | regionLabel         | "China", "US", "Europe", "Other", "Unknown"     | "中国", "美国", "欧洲", "其他", "未知" |
// | timing in a log line | formatLogMs         | "12.35" (ms, two decimals, no grouping): read back by the e2e and bench     |
// | latency (ms)         | formatLatency       | "420 ms", "1.2 s", "12 s"                       | "420 毫秒", "1.2 秒"                 |
// | throughput           | formatThroughput    | "85 tok/s", "4.5 tok/s", "1,200 tok/s"          | "85 token/秒"                        |
//
// The UI language is the one the entry point set (src/shared/l10n.ts: the webview from the host's `init`, the
// host from `vscode.env.language`, the CLI from `--lang`/LANG); English until then, so tests, screenshots and
// the CLI read the same everywhere by default. Words go through `l10n.t` (the same bundle as every other string);
// dates and ages through `Intl` with the UI language. Reviewed choices for other languages:
// - Money stays US dollars written "$1,234.50": OpenRouter bills in USD and shows "$" on every page, including to
//   Chinese users; Intl's zh-CN currency style ("US$1,234.50") adds a prefix nobody types. Digits group as the
//   locale groups them (zh-CN groups by thousands with "," like en-US).
// - Token magnitudes keep K/M/B/T/P: 万/亿 group by 10^4, so "4.69T" would become "4.69万亿" and no longer match
//   the figures OpenRouter's rankings, model pages and Chinese developer write-ups quote; one scale everywhere.
// - "per 1M" follows the figure in full-width brackets in Chinese ("（每 1M）"), as VS Code's zh-cn pack writes asides.
// - Relative ages use Intl.RelativeTimeFormat's short style in the UI language; English keeps its terser
//   "12 min ago" (Intl's en short style says "12 min. ago"), pinned by the format table test.
// Pure: imports types and the shared translator only.
import type { Region, WatchChange } from './types';
import * as l10n from './l10n';

/** Shown for any value we do not know. */
export const UNKNOWN = '—';
/** U+2212: a real minus sign reads better than a hyphen next to digits. */
export const MINUS = '\u2212';

export interface FormatOptions {
  /** A BCP 47 tag for digit grouping; the UI language (en-US for English) when absent. */
  locale?: string;
}

const DEFAULT_LOCALE = 'en-US';

/** The Intl locale of the UI language: en-US for any English, so English output never depends on the machine. */
function displayLocale(): string {
  const lang = l10n.uiLanguage();
  return l10n.isEnglish(lang) ? DEFAULT_LOCALE : lang;
}

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function trimZeros(s: string, minDecimals: number): string {
  const [int = '', frac = ''] = s.split('.');
  let f = frac.replace(/0+$/, '');
  while (f.length < minDecimals) f += '0';
  return f ? `${int}.${f}` : int;
}

/**
 * Intl formatters cost far more to build than to use, and `toLocaleString` with a locale builds a new one on every
 * call (a sidebar's first screen formats a few hundred figures): each is built once per locale and shape, and
 * formats exactly as that `toLocaleString` call would.
 */
const intlCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cachedIntl<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = intlCache.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    // A handful of locales and shapes in practice; bounded all the same.
    if (intlCache.size >= 64) intlCache.clear();
    intlCache.set(key, f);
  }
  return f;
}

function group(n: number, decimals: number, opts?: FormatOptions): string {
  const locale = opts?.locale ?? displayLocale();
  return cachedIntl(`n|${locale}|${decimals}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })).format(n);
}

// ---- timings in log lines -------------------------------------------------------------------------------

/** Milliseconds for the log: machine-read (the e2e and bench parse these lines), so never grouped or localised. */
export function formatLogMs(ms: number): string {
  return Number.isFinite(ms) ? ms.toFixed(2) : UNKNOWN;
}

// ---- money ------------------------------------------------------------------------------------------------

/** US dollars for people. Unknown is "—", never "$0.00". */
export function formatUsd(n: unknown, opts?: FormatOptions): string {
  if (!finite(n)) return UNKNOWN;
  const a = Math.abs(n);
  if (a === 0) return '$0.00';
  const sign = n < 0 ? MINUS : '';
  // toPrecision switches to exponent notation below 1e-6; nobody needs more than "under a hundredth of a cent".
  if (a < 0.0001) return `${sign}<$0.0001`;
  // Sub-cent amounts keep two significant digits: per-request costs live there.
  if (a < 0.01) return `${sign}$${trimZeros(a.toPrecision(2), 0)}`;
  return `${sign}$${group(a, 2, opts)}`;
}

// ---- prices per 1M tokens ---------------------------------------------------------------------------------

/** A price in $/1M tokens, without the unit: "$0.14", "$0.435", "$15", "free". Negative or unknown → "—". */
export function formatPrice(n: unknown, opts?: FormatOptions): string {
  if (!finite(n) || n < 0) return UNKNOWN;
  if (n === 0) return l10n.t('free');
  if (n >= 100) return `$${group(Math.round(n), 0, opts)}`;
  // "$1" or "$2.50", never "$2.5": cents come in pairs.
  if (n >= 1) return `$${n.toFixed(2).replace(/\.00$/, '')}`;
  if (n >= 0.01) return `$${trimZeros(n.toFixed(3), 2)}`;
  if (n < 0.0001) return '<$0.0001';
  return `$${trimZeros(n.toPrecision(2), 0)}`;
}

export interface PricePairOptions extends FormatOptions {
  /** False where a column header already says "$/1M": "$0.14 / $0.28". */
  unit?: boolean;
}

/** Input / output $ per 1M tokens: "$0.14 / $0.28 per 1M"; "free" when both are free ("free / free" says it twice). */
export function formatPricePair(input: unknown, output: unknown, opts?: PricePairOptions): string {
  if (input === 0 && output === 0) return l10n.t('free');
  const pair = `${formatPrice(input, opts)} / ${formatPrice(output, opts)}`;
  return opts?.unit === false ? pair : l10n.t('{0} per 1M', pair);
}

/** "$0.14/1M". */
export function formatPerMillion(n: unknown, opts?: FormatOptions): string {
  const p = formatPrice(n, opts);
  return p === UNKNOWN || n === 0 ? p : `${p}/1M`;
}

// ---- tokens -----------------------------------------------------------------------------------------------

const TOKEN_RE = /^\d+$/;

/**
 * A token total → bigint: decimal strings (OpenRouter sends totals that may pass 2^53), bigints, and whole
 * non-negative safe-integer numbers. Null for anything else.
 */
export function parseTokens(raw: unknown): bigint | null {
  if (typeof raw === 'bigint') return raw >= 0n ? raw : null;
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? BigInt(raw) : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  return TOKEN_RE.test(s) ? BigInt(s) : null;
}

const TOKEN_UNITS: readonly (readonly [bigint, string])[] = [
  [1_000_000_000_000_000n, 'P'],
  [1_000_000_000_000n, 'T'],
  [1_000_000_000n, 'B'],
  [1_000_000n, 'M'],
  [1_000n, 'K'],
];

/** Token counts, from decimal strings, bigints or numbers: "4.69T", "812B", "950K", "12". */
export function formatTokens(value: unknown, opts?: FormatOptions): string {
  // A fractional count (an average) is rounded; it is still a count of tokens.
  const t = parseTokens(finite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER ? Math.round(value) : value);
  if (t === null) return UNKNOWN;
  for (const [size, unit] of TOKEN_UNITS) {
    // Rounds at three significant digits: 999,500 and up is already "1M".
    if (t * 2000n < size * 1999n) continue;
    // Millionths in bigint, so figures past 2^53 keep their leading digits.
    const scaled = Number((t * 1_000_000n) / size) / 1_000_000;
    // Only the largest unit gets here with 999.5 or more; the others hand over to the next unit up.
    const text = scaled >= 999.5 ? group(Math.round(scaled), 0, opts) : trimZeros(scaled.toPrecision(3), 0);
    return `${text}${unit}`;
  }
  return t.toString();
}

/** A context window: "1.05M", "262K"; 0 or less is unknown. */
export function formatContext(n: unknown, opts?: FormatOptions): string {
  return finite(n) && n > 0 ? formatTokens(n, opts) : UNKNOWN;
}

// ---- percentages, counts, indices -------------------------------------------------------------------------

export interface PercentOptions extends FormatOptions {
  /** Round down (towards zero) instead of to nearest, so "100%" of a budget means it is really reached. */
  floor?: boolean;
}

/** A fraction as a percentage: 0.183 → "18%", 0.042 → "4.2%", −0.96 → "−96%". */
export function formatPercent(fraction: unknown, opts?: PercentOptions): string {
  if (!finite(fraction)) return UNKNOWN;
  const pct = fraction * 100;
  const a = Math.abs(pct);
  let text: string;
  if (opts?.floor === true) {
    // 1e-9 absorbs binary noise: 0.29 * 100 is 28.999999999999996.
    text = a >= 10 ? group(Math.floor(a + 1e-9), 0, opts) : trimZeros((Math.floor(a * 10 + 1e-9) / 10).toFixed(1), 0);
  } else {
    text = a >= 9.95 || a === 0 ? group(Math.round(a), 0, opts) : trimZeros(a.toFixed(1), 0);
  }
  return `${pct < 0 && text !== '0' ? MINUS : ''}${text}%`;
}

/** A change: "+12%", "−8%", "0%". */
export function formatChange(fraction: unknown, opts?: FormatOptions): string {
  if (!finite(fraction)) return UNKNOWN;
  const body = formatPercent(fraction, opts);
  return fraction > 0 && body !== '0%' ? `+${body}` : body;
}

/** "1,234". */
export function formatCount(n: unknown, opts?: FormatOptions): string {
  return finite(n) ? group(Math.round(n), 0, opts) : UNKNOWN;
}

/** A coding index: one decimal at most. */
export function formatIndex(n: unknown, opts?: FormatOptions): string {
  return finite(n) ? trimZeros(group(n, 1, opts), 0) : UNKNOWN;
}

/**
 * Parses a token count typed by the user: "5400000", "5,400,000", "5.4M", "800k".
 * Null when it is not a finite, non-negative count below 1e15 (the host refuses larger).
 */
export function parseTokenInput(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmbt]?)\s*$/i.exec(text.replace(/[,_\s](?=\d)/g, ''));
  if (!m) return null;
  const scale: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
  // Stryker disable next-line StringLiteral: the ([kmbt]?) group always matches (maybe empty), so the '' default is never used
  const n = Math.round(Number(m[1]) * (scale[(m[2] ?? '').toLowerCase()] ?? 1));
  return Number.isFinite(n) && n >= 0 && n <= 1e15 ? n : null;
}

// ---- dates, instants, ages --------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayParts(value: unknown): { year: string; month: string; day: number } | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  if (month === undefined || day < 1 || day > 31) return null;
  // Stryker disable next-line StringLiteral: the (\d{4}) group always matches, so the '' default is never used
  return { year: m[1] ?? '', month, day };
}

/** A calendar day in the UI language: "Jul 26" / "Jul 26, 2026", "7月26日" / "2026年7月26日". */
function renderDay(p: { year: string; month: string; day: number }, withYear: boolean): string {
  const lang = l10n.uiLanguage();
  if (l10n.isEnglish(lang)) return withYear ? `${p.month} ${p.day}, ${p.year}` : `${p.month} ${p.day}`;
  const date = new Date(Date.UTC(Number(p.year), MONTHS.indexOf(p.month), p.day));
  const year = withYear ? ({ year: 'numeric' } as const) : {};
  return cachedIntl(`d|${lang}|${withYear}`, () => new Intl.DateTimeFormat(lang, { ...year, month: 'short', day: 'numeric', timeZone: 'UTC' })).format(date);
}

/** "2026-07-26" or an ISO date-time → "Jul 26"; with year → "Jul 26, 2026". "—" for anything else. */
export function formatDay(value: unknown, withYear = false): string {
  const p = dayParts(value);
  if (p === null) return UNKNOWN;
  return renderDay(p, withYear);
}

/** "Jul 29" when in the same year as `nowMs`, else "Jul 29, 2026"; null when unreadable. */
export function formatAsOfDay(value: string | null | undefined, nowMs?: number): string | null {
  const p = dayParts(value);
  if (p === null) return null;
  const sameYear = nowMs !== undefined && Number.isFinite(nowMs) && new Date(nowMs).getUTCFullYear() === Number(p.year);
  return renderDay(p, !sameYear);
}

/** Unix seconds → "Jul 26, 2026"; "—" for anything a Date cannot hold. */
export function formatUnixDay(seconds: unknown): string {
  if (!finite(seconds) || seconds <= 0 || seconds > 8.64e12) return UNKNOWN;
  return formatDay(new Date(seconds * 1000).toISOString(), true);
}

/** "2026-07-29 14:05 UTC". */
export function formatUtc(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return UNKNOWN;
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "2026-07-29": the UTC day OpenRouter's `usage_daily` counts. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** "2026-07": the UTC month OpenRouter's `usage_monthly` counts. */
export function utcMonth(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

type DurationUnit = 'minute' | 'hour' | 'day';

/** Whole minutes (at least 1), hours under 48, else days: the one rounding every age and duration uses. */
function durationParts(ms: number): { value: number; unit: DurationUnit; under: boolean } {
  const safe = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  const minutes = Math.floor(safe / 60_000);
  if (minutes < 1) return { value: 1, unit: 'minute', under: true };
  if (minutes < 60) return { value: minutes, unit: 'minute', under: false };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { value: hours, unit: 'hour', under: false };
  return { value: Math.floor(hours / 24), unit: 'day', under: false };
}

const EN_UNIT: Record<DurationUnit, string> = { minute: 'min', hour: 'h', day: 'd' };

/** A duration, short: "<1 min", "12 min", "3 h", "2 d" ("<1分钟", "12分钟", "3小时", "2天"). */
export function formatDuration(ms: number): string {
  const { value, unit, under } = durationParts(ms);
  const lang = l10n.uiLanguage();
  const text = l10n.isEnglish(lang) ? `${value} ${EN_UNIT[unit]}` : cachedIntl(`u|${lang}|${unit}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' })).format(value);
  return under ? `<${text}` : text;
}

/** "just now", "12 min ago" ("刚刚", "12分钟前"); a time in the future (clock skew) also reads "just now". */
export function formatAgo(ms: number): string {
  if (!Number.isFinite(ms) || ms < 60_000) return l10n.t('just now');
  const lang = l10n.uiLanguage();
  if (l10n.isEnglish(lang)) return `${formatDuration(ms)} ago`;
  const { value, unit } = durationParts(ms);
  return cachedIntl(`r|${lang}`, () => new Intl.RelativeTimeFormat(lang, { style: 'short', numeric: 'always' })).format(-value, unit);
}

/** The age of `thenMs` at `nowMs`: "just now", "5 min ago", "3 h ago", "2 d ago"; unknown → "—". */
export function formatAge(thenMs: unknown, nowMs: number): string {
  return finite(thenMs) ? formatAgo(nowMs - thenMs) : UNKNOWN;
}

// ---- provider performance ---------------------------------------------------------------------------------

/** Time to first token: "420 ms" under a second, "1.2 s" under ten, "12 s" above; unknown or negative → "—". */
export function formatLatency(ms: unknown, opts?: FormatOptions): string {
  if (!finite(ms) || ms < 0) return UNKNOWN;
  if (ms < 1000) return l10n.t('{0} ms', group(Math.round(ms), 0, opts));
  const s = ms / 1000;
  return l10n.t('{0} s', s < 10 ? trimZeros(group(s, 1, opts), 0) : group(Math.round(s), 0, opts));
}

/** Output speed: "85 tok/s", one decimal under 10 ("4.5 tok/s"); unknown, zero or negative → "—" (zero is no measurement). */
export function formatThroughput(tokensPerSecond: unknown, opts?: FormatOptions): string {
  if (!finite(tokensPerSecond) || tokensPerSecond <= 0) return UNKNOWN;
  const n = tokensPerSecond < 10 ? trimZeros(group(tokensPerSecond, 1, opts), 0) : group(Math.round(tokensPerSecond), 0, opts);
  return l10n.t('{0} tok/s', n);
}

// ---- regions ----------------------------------------------------------------------------------------------

/** Each message written out in full, so the extractor sees it (a table of English words it could not). */
const REGION_TEXT: Readonly<Record<Region, () => string>> = {
  CN: () => l10n.t('China'),
  US: () => l10n.t('US'),
  EU: () => l10n.t('Europe'),
  OTHER: () => l10n.t('Other'),
  UNKNOWN: () => l10n.t('Unknown'),
};

/** "China", "US", "Europe", ... ("中国", "美国", "欧洲"…); anything that is not a region reads as the unknown region. */
export function regionLabel(region: unknown): string {
  return typeof region === 'string' && Object.hasOwn(REGION_TEXT, region) ? REGION_TEXT[region as Region]() : REGION_TEXT.UNKNOWN();
}

// ---- catalog watch ----------------------------------------------------------------------------------------

/**
 * The "old → new" sides of a watched change, each through the formatter of its kind: prices as an in/out pair,
 * retirement dates as days, context as a token count. `to` is null for a removal (the UI says "removed").
 */
export function formatWatchSides(change: WatchChange): { from: string; to: string | null } {
  switch (change.kind) {
    case 'price':
      return { from: formatPricePair(change.from.input, change.from.output), to: formatPricePair(change.to.input, change.to.output) };
    case 'expiration':
      return { from: change.from === null ? l10n.t('no retirement date') : formatDay(change.from, true), to: change.to === null ? l10n.t('no retirement date') : formatDay(change.to, true) };
    case 'context':
      return { from: formatContext(change.from), to: formatContext(change.to) };
    case 'removed':
      return { from: formatPricePair(change.from.input, change.from.output), to: null };
  }
}
