// THE formatter: every figure a user reads, on every surface (status bar, hover, CodeLens, pickers, diagnostics,
// sidebar, dashboard, CLI), is rendered here and nowhere else. One rendering per kind:
//
// | kind                 | function            | renders                                                              |
// | -------------------- | ------------------- | -------------------------------------------------------------------- |
// | unknown (any kind)   | UNKNOWN             | "—"; a missing figure never reads as "$0.00" or "0"                   |
// | money (US dollars)   | formatUsd           | "$0.00", "$0.87", "$1,234.50" (cents, grouped), "$0.0042" (under a    |
// |                      |                     | cent: 2 significant digits), "<$0.0001", "−$3.20" (U+2212 minus)       |
// | price per 1M tokens  | formatPrice         | "free" for 0, "$180" (>= 100: whole), "$2.26" / "$2.50" / "$1" (>= 1:    |
// |                      |                     | cents, or whole), "$0.30" / "$0.718" (>= 0.01: 2–3 decimals), "$0.0028"       |
// |                      | formatPricePair     | "$0.30 / $1 per 1M"; "free" when both are free; "free / $0.50 per 1M" |
// |                      |                     | ("$0.30 / $1" under a "$/1M" header)                                  |
// |                      | formatPerMillion    | "$0.028/1M"                                                           |
// | tokens               | formatTokens        | "12", "950K", "1M", "4.69T", "10.5T", "123,457P" (3 significant       |
// |                      |                     | digits, K/M/B/T/P; exact past 2^53 from decimal strings and bigint)   |
// | context window       | formatContext       | as tokens: "262K", "1.05M"; 0 or less is unknown                      |
// | percentage           | formatPercent       | "18%", "4.2%", "0%", "−96%" (whole from 10, one decimal below)        |
// | change / saving      | formatChange        | "+12%", "−30%", "0%"                                                  |
// | count                | formatCount         | "1,234"                                                               |
// | coding index         | formatIndex         | "61.2" (one decimal at most)                                          |
// | day                  | formatDay           | "Jul 26" or, with the year, "Jul 26, 2026"                            |
// |                      | formatAsOfDay       | "Jul 26" in the current year, else "Jul 26, 2026"                     |
// | instant              | formatUtc           | "2026-07-29 14:05 UTC"                                                |
// | duration / age       | formatDuration      | "<1 min", "12 min", "3 h" (under 48 h), "2 d"                         |
// |                      | formatAgo/formatAge | "just now", "12 min ago", "3 h ago", "2 d ago"                        |
// | region               | regionLabel         | "China", "US", "Europe", ...; anything else is the unknown label     |
// | timing in a log line | formatLogMs         | "12.35" (ms, two decimals, no grouping): read back by the e2e and bench |
//
// Deterministic: the default locale is en-US whatever the machine says, so tests, screenshots and the CLI read
// the same everywhere. The functions that group digits take an optional `FormatOptions.locale` so issue #14 can
// thread a display locale through later; no translation happens here yet. Pure: imports types only.
import { REGION_LABELS, type Region, type WatchChange } from './types';

/** Shown for any value we do not know. */
export const UNKNOWN = '—';
/** U+2212: a real minus sign reads better than a hyphen next to digits. */
export const MINUS = '\u2212';

export interface FormatOptions {
  /** A BCP 47 tag for digit grouping; en-US when absent. */
  locale?: string;
}

const DEFAULT_LOCALE = 'en-US';

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function trimZeros(s: string, minDecimals: number): string {
  const [int = '', frac = ''] = s.split('.');
  let f = frac.replace(/0+$/, '');
  while (f.length < minDecimals) f += '0';
  return f ? `${int}.${f}` : int;
}

function group(n: number, decimals: number, opts?: FormatOptions): string {
  return n.toLocaleString(opts?.locale ?? DEFAULT_LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
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
  if (n === 0) return 'free';
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
  if (input === 0 && output === 0) return 'free';
  const pair = `${formatPrice(input, opts)} / ${formatPrice(output, opts)}`;
  return opts?.unit === false ? pair : `${pair} per 1M`;
}

/** "$0.14/1M". */
export function formatPerMillion(n: unknown, opts?: FormatOptions): string {
  const p = formatPrice(n, opts);
  return p === UNKNOWN || p === 'free' ? p : `${p}/1M`;
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
  return { year: m[1] ?? '', month, day };
}

/** "2026-07-26" or an ISO date-time → "Jul 26"; with year → "Jul 26, 2026". "—" for anything else. */
export function formatDay(value: unknown, withYear = false): string {
  const p = dayParts(value);
  if (p === null) return UNKNOWN;
  return withYear ? `${p.month} ${p.day}, ${p.year}` : `${p.month} ${p.day}`;
}

/** "Jul 29" when in the same year as `nowMs`, else "Jul 29, 2026"; null when unreadable. */
export function formatAsOfDay(value: string | null | undefined, nowMs?: number): string | null {
  const p = dayParts(value);
  if (p === null) return null;
  const sameYear = nowMs !== undefined && Number.isFinite(nowMs) && new Date(nowMs).getUTCFullYear() === Number(p.year);
  return sameYear ? `${p.month} ${p.day}` : `${p.month} ${p.day}, ${p.year}`;
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

/** A duration, short: "<1 min", "12 min", "3 h", "2 d". */
export function formatDuration(ms: number): string {
  const safe = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  const minutes = Math.floor(safe / 60_000);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** "just now", "12 min ago"; a time in the future (clock skew) also reads "just now". */
export function formatAgo(ms: number): string {
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  return `${formatDuration(ms)} ago`;
}

/** The age of `thenMs` at `nowMs`: "just now", "5 min ago", "3 h ago", "2 d ago"; unknown → "—". */
export function formatAge(thenMs: unknown, nowMs: number): string {
  return finite(thenMs) ? formatAgo(nowMs - thenMs) : UNKNOWN;
}

// ---- regions ----------------------------------------------------------------------------------------------

/** "China", "US", "Europe", ...anything that is not a region reads as the unknown region. */
export function regionLabel(region: unknown): string {
  return typeof region === 'string' && Object.hasOwn(REGION_LABELS, region) ? REGION_LABELS[region as Region] : REGION_LABELS.UNKNOWN;
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
      return { from: change.from === null ? 'no retirement date' : formatDay(change.from, true), to: change.to === null ? 'no retirement date' : formatDay(change.to, true) };
    case 'context':
      return { from: formatContext(change.from), to: formatContext(change.to) };
    case 'removed':
      return { from: formatPricePair(change.from.input, change.from.output), to: null };
  }
}
