// Display formatting. Every helper takes what a malformed payload might hold (null, NaN, a non-numeric
// string) and answers "—" rather than a misleading zero.
import type { Region } from '../../src/shared/types';

export const DASH = '—';
/** U+2212: a real minus sign reads better than a hyphen next to digits. */
const MINUS = '\u2212';

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function trimZeros(s: string, minDecimals: number): string {
  const [int, frac = ''] = s.split('.');
  let f = frac.replace(/0+$/, '');
  while (f.length < minDecimals) f += '0';
  return f ? `${int}.${f}` : int;
}

function group(n: number, decimals: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Dollars: "$1,234", "$12.34", "$0.0042". Unknown is "—", never "$0.00". */
export function formatUsd(n: unknown): string {
  if (!finite(n)) return DASH;
  const sign = n < 0 ? MINUS : '';
  const a = Math.abs(n);
  if (a === 0) return '$0.00';
  if (a >= 1000) return `${sign}$${group(Math.round(a), 0)}`;
  if (a >= 0.01) return `${sign}$${group(a, 2)}`;
  // toPrecision switches to exponent notation below 1e-6; nobody needs more than "under a hundredth of a cent".
  if (a < 0.0001) return `${sign}<$0.0001`;
  return `${sign}$${trimZeros(a.toPrecision(2), 0)}`;
}

/** A price in $/1M tokens, without the unit: "$0.14", "$0.435", "$15", "free". */
export function formatPrice(n: unknown): string {
  if (!finite(n) || n < 0) return DASH;
  if (n === 0) return 'free';
  if (n >= 100) return `$${group(Math.round(n), 0)}`;
  if (n >= 1) return `$${trimZeros(n.toFixed(2), 0)}`;
  if (n >= 0.01) return `$${trimZeros(n.toFixed(3), 2)}`;
  if (n < 0.0001) return '<$0.0001';
  return `$${trimZeros(n.toPrecision(2), 0)}`;
}

/** "$0.14/1M". */
export function formatPerMillion(n: unknown): string {
  const p = formatPrice(n);
  return p === DASH || p === 'free' ? p : `${p}/1M`;
}

const UNITS: [number, string][] = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** Token counts, given as numbers or decimal strings: "4.69T", "812B", "950K", "12". */
export function formatTokens(value: unknown): string {
  let n: number;
  if (typeof value === 'string') {
    if (!/^\d{1,30}$/.test(value.trim())) return DASH;
    n = Number(value.trim());
  } else if (finite(value)) {
    n = value;
  } else if (typeof value === 'bigint') {
    n = Number(value);
  } else {
    return DASH;
  }
  if (n < 0) return DASH;
  for (const [size, unit] of UNITS) {
    if (n >= size * 0.9995) {
      const v = n / size;
      return `${v >= 999.5 ? group(Math.round(v), 0) : trimZeros(v.toPrecision(3), 0)}${unit}`;
    }
  }
  return String(Math.round(n));
}

/** A context window: "1.05M", "262K". */
export function formatContext(n: unknown): string {
  return finite(n) && n > 0 ? formatTokens(n) : DASH;
}

/** A fraction as a percentage: 0.183 → "18 %", 0.042 → "4.2 %". */
export function formatPercent(fraction: unknown): string {
  if (!finite(fraction)) return DASH;
  const pct = fraction * 100;
  const a = Math.abs(pct);
  const text = a >= 10 || a === 0 ? group(Math.round(a), 0) : trimZeros(a.toFixed(1), 0);
  return `${pct < 0 && text !== '0' ? MINUS : ''}${text} %`;
}

/** A week-over-week change: "+12 %", "−8 %"; null means new or unknown. */
export function formatChange(fraction: unknown): string {
  if (!finite(fraction)) return DASH;
  const body = formatPercent(fraction);
  return fraction > 0 && body !== '0 %' ? `+${body}` : body;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago". */
export function formatAge(thenMs: unknown, nowMs: number): string {
  if (!finite(thenMs)) return DASH;
  const s = Math.max(0, (nowMs - thenMs) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-07-26" or an ISO date-time → "Jul 26"; with year → "Jul 26, 2026". */
export function formatDay(value: unknown, withYear = false): string {
  if (typeof value !== 'string') return DASH;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return DASH;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return DASH;
  return withYear ? `${month} ${Number(m[3])}, ${m[1]}` : `${month} ${Number(m[3])}`;
}

/** A coding index: one decimal. */
export function formatIndex(n: unknown): string {
  return finite(n) ? trimZeros(group(n, 1), 0) : DASH;
}

export const REGION_LABELS: Record<Region, string> = {
  CN: 'China',
  US: 'US',
  EU: 'Europe',
  OTHER: 'Other',
  UNKNOWN: 'Unknown',
};

export function regionLabel(region: unknown): string {
  return typeof region === 'string' && Object.hasOwn(REGION_LABELS, region) ? REGION_LABELS[region as Region] : REGION_LABELS.UNKNOWN;
}

/** "1,234". */
export function formatCount(n: unknown): string {
  return finite(n) ? group(Math.round(n), 0) : DASH;
}

/**
 * Parses a token count typed by the user: "5400000", "5,400,000", "5.4M", "800k".
 * Null when it is not a finite, non-negative count below 1e15 (the host refuses larger).
 */
export function parseTokenInput(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmbt]?)\s*$/i.exec(text.replace(/[,_\s](?=\d)/g, ''));
  if (!m) return null;
  const scale: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
  const n = Math.round(Number(m[1]) * scale[m[2].toLowerCase()]);
  return Number.isFinite(n) && n >= 0 && n <= 1e15 ? n : null;
}

/** Unix seconds → "Jul 26, 2026"; "—" for anything a Date cannot hold. */
export function formatUnixDay(seconds: unknown): string {
  if (!finite(seconds) || seconds <= 0 || seconds > 8.64e12) return DASH;
  return formatDay(new Date(seconds * 1000).toISOString(), true);
}
