import { describe, expect, it } from 'vitest';
import { buildUsageView, monthProgress, toKeyUsage } from '../../src/core/account/usage';
import type { ApiKeyData } from '../../src/core/openrouter/apiTypes';

// The spec's example /key body (docs/openrouter-api.md §3).
const SPEC_KEY: ApiKeyData = {
  byok_usage: 17.38, byok_usage_daily: 17.38, byok_usage_monthly: 17.38, byok_usage_weekly: 17.38,
  creator_user_id: 'user_2dHFtVWx2n56w6HkM0000000000', expires_at: '2027-12-31T23:59:59Z', include_byok_in_limit: false,
  is_free_tier: false, is_management_key: false, is_provisioning_key: false, label: 'sk-or-v1-au7...890',
  limit: 100, limit_remaining: 74.5, limit_reset: 'monthly',
  usage: 25.5, usage_daily: 25.5, usage_monthly: 25.5, usage_weekly: 25.5,
};
// 2026-07-16 12:00 UTC: 15.5 days into a 31-day month.
const NOW = Date.parse('2026-07-16T12:00:00Z');

describe('buildUsageView', () => {
  it('maps the /key fields', () => {
    const v = buildUsageView({ key: SPEC_KEY, credits: null, creditsFromManagementKey: false, now: NOW });
    expect(v.key).toEqual({
      label: 'sk-or-v1-au7...890', isManagementKey: false, isFreeTier: false, limit: 100, limitRemaining: 74.5,
      limitReset: 'monthly', usage: 25.5, daily: 25.5, weekly: 25.5, monthly: 25.5,
      byokDaily: 17.38, byokWeekly: 17.38, byokMonthly: 17.38, expiresAt: '2027-12-31T23:59:59Z',
    });
    expect(v).toMatchObject({ balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key' });
  });

  it('computes burn rate over the elapsed month and a month-end projection', () => {
    const v = buildUsageView({ key: SPEC_KEY, credits: null, creditsFromManagementKey: false, now: NOW });
    expect(v.burnRatePerDay).toBeCloseTo(25.5 / 15.5, 9);
    expect(v.monthEndProjection).toBeCloseTo((25.5 / 15.5) * 31, 9);
    expect(monthProgress(Date.parse('2028-02-01T06:00:00Z'))).toEqual({ elapsedDays: 0.25, daysInMonth: 29 });
  });

  it('projects nothing from the first day of a month (a few hours are not a daily rate)', () => {
    const v = buildUsageView({ key: { ...SPEC_KEY, usage_monthly: 25.5 }, credits: null, creditsFromManagementKey: false, now: Date.parse('2026-12-01T00:10:00Z') });
    expect(v.burnRatePerDay).toBeNull();
    expect(v.monthEndProjection).toBeNull();
  });

  it('treats a normal key\'s 0/0 credits as unavailable, not as zero', () => {
    const v = buildUsageView({ key: SPEC_KEY, credits: { total_credits: 0, total_usage: 0 }, creditsFromManagementKey: false, now: NOW });
    expect(v).toMatchObject({ balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key' });
  });

  it('uses a management key\'s balance, and the lower of balance and key remaining binds', () => {
    const low = buildUsageView({ key: SPEC_KEY, credits: { total_credits: 50, total_usage: 39.9 }, creditsFromManagementKey: true, now: NOW });
    expect(low.balance).toEqual({ totalCredits: 50, totalUsage: 39.9, balance: 10.1 });
    expect(low).toMatchObject({ balanceStatus: 'ok', effectiveRemaining: 10.1, binding: 'balance' });
    const high = buildUsageView({ key: SPEC_KEY, credits: { total_credits: 500, total_usage: 1 }, creditsFromManagementKey: true, now: NOW });
    expect(high).toMatchObject({ effectiveRemaining: 74.5, binding: 'key' });
    // A management key's genuine zero balance is zero.
    const zero = buildUsageView({ key: null, credits: { total_credits: 0, total_usage: 0 }, creditsFromManagementKey: true, now: NOW });
    expect(zero).toMatchObject({ balanceStatus: 'ok', effectiveRemaining: 0, binding: 'balance', burnRatePerDay: null });
  });

  it('has an unlimited key bound only by the balance, or by nothing', () => {
    const unlimited = { ...SPEC_KEY, limit: null, limit_remaining: null };
    expect(buildUsageView({ key: unlimited, credits: null, creditsFromManagementKey: false, now: NOW })).toMatchObject({ effectiveRemaining: null, binding: null });
    expect(buildUsageView({ key: unlimited, credits: { total_credits: 20, total_usage: 5 }, creditsFromManagementKey: true, now: NOW })).toMatchObject({ effectiveRemaining: 15, binding: 'balance' });
  });

  it('keeps fields an older /key response lacks as null, never 0', () => {
    const old = { label: 'sk-or-v1-old', limit: null, usage: 3, is_provisioning_key: true, limit_remaining: null, is_free_tier: true } as ApiKeyData;
    const k = toKeyUsage(old);
    expect(k).toMatchObject({ isManagementKey: true, isFreeTier: true, daily: null, weekly: null, monthly: null, byokDaily: null, limitReset: null, expiresAt: null, usage: 3 });
    const v = buildUsageView({ key: old, credits: null, creditsFromManagementKey: false, now: NOW });
    expect(v).toMatchObject({ burnRatePerDay: null, monthEndProjection: null });
  });

  it('shows nothing it does not know', () => {
    expect(buildUsageView({ key: null, credits: null, creditsFromManagementKey: false, now: NOW })).toEqual({
      key: null, balanceStatus: 'unavailable', balance: null, effectiveRemaining: null, binding: null, burnRatePerDay: null, monthEndProjection: null,
    });
    const nan = buildUsageView({ key: null, credits: { total_credits: Number.NaN, total_usage: 1 }, creditsFromManagementKey: true, now: NOW });
    expect(nan.balanceStatus).toBe('unavailable');
  });
});
