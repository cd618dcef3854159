import { describe, expect, it } from 'vitest';
import { buildUsageExport, formatUsageExport } from '../../src/core/account/usageExport';
import { droppedRowsSentence } from '../../src/shared/dataLabels';
import type { ActivityView, UsageView } from '../../src/shared/types';

const usage: UsageView = {
  key: { label: 'sk-or-v1-au7...890', isManagementKey: false, isFreeTier: false, limit: 100, limitRemaining: 74.5, limitReset: 'monthly', usage: 25.5, daily: 0.87, weekly: 4.2, monthly: 25.5, byokDaily: 0, byokWeekly: 0, byokMonthly: 1.25, expiresAt: null },
  balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key', burnRatePerDay: 0.91, monthEndProjection: 27.3,
};
const activity: ActivityView = {
  days: [{ date: '2026-11-26', total: 0.5, models: [{ model: '=cmd|calc', usage: 0.5, byokUsage: 0, requests: 3, promptTokens: 1200, completionTokens: 300, reasoningTokens: 50 }], byokTotal: 0 }],
  byModel: [], total: 0.5, byokTotal: 0, droppedRows: 0, outsideWindowRows: 0,
};

describe('usage export', () => {
  const data = buildUsageExport(usage, activity, 'openrouter.ai', Date.UTC(2026, 10, 27, 12));

  it('JSON keeps every figure and no unknown becomes zero', () => {
    const parsed = JSON.parse(formatUsageExport(data, 'json'));
    expect(parsed.key).toMatchObject({ today: 0.87, week: 4.2, month: 25.5, limit: 100, limitRemaining: 74.5 });
    expect(parsed.balance).toBeNull();
    expect(parsed.activity).toHaveLength(1);
  });

  it('CSV has one header and rows, and neutralises formula-looking cells', () => {
    const csv = formatUsageExport(data, 'csv').trimEnd().split('\r\n');
    expect(csv[0]).toBe('section,date,model,usage_usd,byok_usage_usd,requests,prompt_tokens,completion_tokens,reasoning_tokens');
    expect(csv).toContain('key_today,2026-11-27,,0.87,0,,,,');
    expect(csv.at(-1)).toBe("activity,2026-11-26,'=cmd|calc,0.5,0,3,1200,300,50");
  });

  it('says how many activity rows are not in it, and why', () => {
    expect(data.activityLeftOut).toEqual({ unreadableRows: 0, outsideWindowRows: 0 });
    const partial = buildUsageExport(usage, { ...activity, droppedRows: 3, outsideWindowRows: 2 }, 'openrouter.ai', 0);
    expect(JSON.parse(formatUsageExport(partial, 'json')).activityLeftOut).toEqual({ unreadableRows: 3, outsideWindowRows: 2 });
    expect(droppedRowsSentence(partial.activityLeftOut?.unreadableRows ?? 0)).toBe('3 unreadable rows left out.');
    expect(droppedRowsSentence(1)).toBe('1 unreadable row left out.');
    expect(droppedRowsSentence(0)).toBeNull();
    expect(buildUsageExport(usage, null, 'openrouter.ai', 0).activityLeftOut).toBeNull();
  });

  it('exports with no key data at all', () => {
    const empty = buildUsageExport(null, null, 'openrouter.ai', 0);
    expect(formatUsageExport(empty, 'csv').split('\r\n')).toHaveLength(2);
    expect(JSON.parse(formatUsageExport(empty, 'json'))).toMatchObject({ key: null, activity: [], activityLeftOut: null });
  });
});
