// Edges of src/core/account/usage.ts a wrong comparison or a lost guard would get wrong without the existing cases
// noticing: ties between key cap and balance, half-known credits, old /key bodies, and the month's first hour.
import { describe, expect, it } from 'vitest';
import { buildUsageView, monthProgress, toKeyUsage } from '../../src/core/account/usage';
import type { ApiKeyData } from '../../src/core/openrouter/apiTypes';

const KEY: ApiKeyData = { label: 'sk-or-v1-abc...123', limit: 50, limit_remaining: 20, usage: 30, usage_daily: 2, usage_weekly: 9, usage_monthly: 30 };
const NOW = Date.parse('2026-07-16T12:00:00Z');
const view = (key: ApiKeyData | null, credits: { total_credits: number; total_usage: number } | null, extra: { notManagementKey?: boolean; fromManagement?: boolean; now?: number } = {}) =>
  buildUsageView({ key, credits, creditsFromManagementKey: extra.fromManagement ?? true, ...(extra.notManagementKey === undefined ? {} : { notManagementKey: extra.notManagementKey }), now: extra.now ?? NOW });

describe('what binds: key cap or balance', () => {
  it('a tie is bound by the key', () => {
    expect(view(KEY, { total_credits: 100, total_usage: 80 })).toMatchObject({ effectiveRemaining: 20, binding: 'key' });
  });
  it('the lower one binds', () => {
    expect(view(KEY, { total_credits: 100, total_usage: 81 })).toMatchObject({ effectiveRemaining: 19, binding: 'balance' });
    expect(view(KEY, { total_credits: 100, total_usage: 79 })).toMatchObject({ effectiveRemaining: 20, binding: 'key' });
  });
  it('the balance alone binds when the key has no cap, and nothing when neither is known', () => {
    expect(view({ ...KEY, limit: null }, { total_credits: 10, total_usage: 4 })).toMatchObject({ effectiveRemaining: 6, binding: 'balance' });
    expect(view({ ...KEY, limit: null }, null)).toMatchObject({ effectiveRemaining: null, binding: null });
    expect(view(null, null)).toMatchObject({ key: null, effectiveRemaining: null, binding: null, burnRatePerDay: null, monthEndProjection: null });
  });
});

describe('the balance', () => {
  it('is read only from a verified management key, and never for an ordinary key in the slot', () => {
    expect(view(KEY, { total_credits: 10, total_usage: 4 })).toMatchObject({ balanceStatus: 'ok', balance: { totalCredits: 10, totalUsage: 4, balance: 6 } });
    expect(view(KEY, { total_credits: 10, total_usage: 4 }, { fromManagement: false })).toMatchObject({ balanceStatus: 'unavailable', balance: null });
    expect(view(KEY, { total_credits: 10, total_usage: 4 }, { notManagementKey: true })).toMatchObject({ balanceStatus: 'notManagementKey', balance: null });
    expect(view(KEY, { total_credits: 10, total_usage: 4 }, { notManagementKey: false })).toMatchObject({ balanceStatus: 'ok' });
  });
  it('is unavailable when either figure is missing or negative, and exact when both are 0', () => {
    for (const credits of [{ total_credits: Number.NaN, total_usage: 1 }, { total_credits: 5, total_usage: Number.POSITIVE_INFINITY }, { total_credits: -1, total_usage: 0 }, { total_credits: 5, total_usage: -0.5 }]) {
      expect(view(KEY, credits)).toMatchObject({ balanceStatus: 'unavailable', balance: null });
    }
    expect(view(KEY, { total_credits: 0, total_usage: 0 })).toMatchObject({ balanceStatus: 'ok', balance: { balance: 0 }, effectiveRemaining: 0, binding: 'balance' });
    expect(view(KEY, { total_credits: 0.3, total_usage: 0.1 }).balance?.balance).toBe(0.2);
  });
});

describe('old or odd /key bodies', () => {
  it('keeps missing figures unknown, not 0, and ignores a remainder without a cap', () => {
    const k = toKeyUsage({ label: 42 as unknown as string, limit: null, limit_remaining: 7, usage: Number.NaN, is_free_tier: 'no' as unknown as boolean, limit_reset: '', expires_at: '' });
    expect(k).toEqual({
      label: '', isManagementKey: false, isFreeTier: null, limit: null, limitRemaining: null, limitReset: null, usage: 0,
      daily: null, weekly: null, monthly: null, byokDaily: null, byokWeekly: null, byokMonthly: null, expiresAt: null,
    });
    expect(toKeyUsage({ ...KEY, is_free_tier: true, is_management_key: true }).isFreeTier).toBe(true);
    expect(toKeyUsage({ ...KEY, is_management_key: true }).isManagementKey).toBe(true);
    expect(toKeyUsage({ ...KEY, limit: 0, limit_remaining: 0 })).toMatchObject({ limit: 0, limitRemaining: 0 });
  });
});

describe('burn rate and projection', () => {
  it('has none without a monthly figure', () => {
    expect(view({ ...KEY, usage_monthly: undefined }, null)).toMatchObject({ burnRatePerDay: null, monthEndProjection: null });
  });
  it('divides by the elapsed time once a whole day has passed, and projects over the whole month', () => {
    const first = view({ ...KEY, usage_monthly: 1 }, null, { now: Date.parse('2026-07-01T00:06:00Z') });
    expect(first).toMatchObject({ burnRatePerDay: null, monthEndProjection: null });
    expect(view({ ...KEY, usage_monthly: 1 }, null, { now: Date.parse('2026-07-01T23:59:59Z') })).toMatchObject({ burnRatePerDay: null });
    const oneDay = view({ ...KEY, usage_monthly: 3 }, null, { now: Date.parse('2026-07-02T00:00:00Z') });
    expect(oneDay.burnRatePerDay).toBe(3);
    expect(oneDay.monthEndProjection).toBe(93);
    const later = view({ ...KEY, usage_monthly: 40 }, null, { now: Date.parse('2026-07-21T00:00:00Z') });
    expect(later.burnRatePerDay).toBe(2);
    expect(later.monthEndProjection).toBe(62);
  });
  it('counts months of 28, 30 and 31 days from 00:00 UTC on the 1st', () => {
    expect(monthProgress(new Date('2026-02-15T00:00:00Z'))).toEqual({ elapsedDays: 14, daysInMonth: 28 });
    expect(monthProgress(Date.parse('2026-04-30T23:00:00Z')).daysInMonth).toBe(30);
    expect(monthProgress(Date.parse('2026-12-01T00:00:00Z'))).toEqual({ elapsedDays: 0, daysInMonth: 31 });
  });
});
