// @ts-nocheck
// Text formatting shared by the status bar, its tooltip and the alerts. Deterministic (no locale),
// so tests and screenshots read the same everywhere.

/** Shown for any value we do not know. A missing figure must never read as "$0.00". */
export const UNKNOWN = '—';

/** Placeholders `modelRadar.statusBar.format` understands. */
export const STATUS_PLACEHOLDERS = ['today', 'week', 'month', 'left', 'balance', 'limit'] as const;
export type StatusPlaceholder = (typeof STATUS_PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function isStatusPlaceholder(name: string): name is StatusPlaceholder {
  return (STATUS_PLACEHOLDERS as readonly string[]).includes(name);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * US dollars for people: `$0.87`, `$74.50`, `$1,234`, `$0.004`, `<$0.0001`, `-$3.20`.
 * Sub-cent amounts keep two significant digits because per-request costs live there.
 */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return UNKNOWN;
  if (value === 0) return '$0.00';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs < 0.0001) return value < 0 ? '>-$0.0001' : '<$0.0001';
  if (abs < 0.01) {
    const digits = abs.toPrecision(2).replace(/0+$/, '').replace(/\.$/, '');
    return `${sign}$${digits}`;
  }
  const cents = Math.round(abs * 100) / 100;
  if (cents < 1000) return `${sign}$${cents.toFixed(2)}`;
  return `${sign}$${groupThousands(Math.round(abs).toString())}`;
}

/** A fraction as a whole percentage: 0.823 → "82%". Floors, so "100%" means the budget is really reached. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return UNKNOWN;
  return `${Math.floor(fraction * 100 + 1e-9)}%`;
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

/**
 * Makes text from the API (key labels, error messages) inert in a Markdown tooltip: every ASCII
 * punctuation mark is backslash-escaped (CommonMark allows that for all of them), which also
 * defuses `$(icon)` syntax, links, HTML and tables; line breaks become spaces so a label cannot
 * start a new block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);
}

/** Placeholders in a format that are not ours, each once, in order of appearance. */
export function unknownPlaceholders(format: string): string[] {
  const found: string[] = [];
  for (const match of format.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1];
    if (!isStatusPlaceholder(name) && !found.includes(name)) found.push(name);
  }
  return found;
}

/** Fills the known placeholders; unknown ones stay as typed so the user sees what did not match. */
export function renderStatusFormat(format: string, values: Record<StatusPlaceholder, string>): string {
  return format.replace(PLACEHOLDER_PATTERN, (whole: string, name: string) =>
    isStatusPlaceholder(name) ? values[name] : whole,
  );
}
