// The one date formatter every surface uses (webview, status bar tooltip, hovers, diagnostics): a user reads
// "Jul 26, 2026", never "2026-07-26T21:24:43.094Z".

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-07-26" or an ISO date-time → "Jul 26"; with year → "Jul 26, 2026". "—" for anything else. */
export function formatDay(value: unknown, withYear = false): string {
  if (typeof value !== 'string') return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return '—';
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  if (!month || day < 1 || day > 31) return '—';
  return withYear ? `${month} ${day}, ${m[1]}` : `${month} ${day}`;
}
