// Export of the user's own usage: key spend and the 30-day activity, as CSV or JSON.
import type { ActivityModelDay, ActivityView, UsageView } from '../../shared/types';

export type ExportFormat = 'csv' | 'json';

export interface UsageExport {
  exportedAt: string;
  source: string;
  key: {
    label: string;
    today: number | null;
    week: number | null;
    month: number | null;
    allTime: number;
    limit: number | null;
    limitRemaining: number | null;
    limitReset: string | null;
    byokToday: number | null;
    byokWeek: number | null;
    byokMonth: number | null;
  } | null;
  balance: number | null;
  /** One row per day and model: the activity view's figures, with their day. */
  activity: (ActivityModelDay & { date: string })[];
  /**
   * Activity rows OpenRouter sent that are not above: unreadable ones (wrong types, negative amounts) and readable
   * ones dated outside the 30-day window. Null when there was no activity to export.
   */
  activityLeftOut: { unreadableRows: number; outsideWindowRows: number } | null;
}

export function buildUsageExport(usage: UsageView | null, activity: ActivityView | null, source: string, now: number): UsageExport {
  const key = usage?.key ?? null;
  return {
    exportedAt: new Date(now).toISOString(),
    source,
    key: key && {
      label: key.label,
      today: key.daily,
      week: key.weekly,
      month: key.monthly,
      allTime: key.usage,
      limit: key.limit,
      limitRemaining: key.limitRemaining,
      limitReset: key.limitReset,
      byokToday: key.byokDaily,
      byokWeek: key.byokWeekly,
      byokMonth: key.byokMonthly,
    },
    balance: usage?.balanceStatus === 'ok' ? (usage.balance?.balance ?? null) : null,
    activity: (activity?.days ?? []).flatMap((d) => d.models.map((m) => ({ date: d.date, ...m }))),
    activityLeftOut: activity && { unreadableRows: activity.droppedRows, outsideWindowRows: activity.outsideWindowRows },
  };
}

/** RFC 4180 field: quote when needed; neutralise spreadsheet formulas in text cells. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatUsageExport(data: UsageExport, format: ExportFormat): string {
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  const lines: string[] = [];
  const row = (...cells: (string | number | null)[]): void => void lines.push(cells.map(csvField).join(','));
  row('section', 'date', 'model', 'usage_usd', 'byok_usage_usd', 'requests', 'prompt_tokens', 'completion_tokens', 'reasoning_tokens');
  if (data.key) {
    row('key_today', data.exportedAt.slice(0, 10), null, data.key.today, data.key.byokToday, null, null, null, null);
    row('key_week', data.exportedAt.slice(0, 10), null, data.key.week, data.key.byokWeek, null, null, null, null);
    row('key_month', data.exportedAt.slice(0, 10), null, data.key.month, data.key.byokMonth, null, null, null, null);
    row('key_all_time', data.exportedAt.slice(0, 10), null, data.key.allTime, null, null, null, null, null);
  }
  for (const a of data.activity) {
    row('activity', a.date, a.model, a.usage, a.byokUsage, a.requests, a.promptTokens, a.completionTokens, a.reasoningTokens);
  }
  return lines.join('\r\n') + '\r\n';
}
