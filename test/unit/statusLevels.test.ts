// One place decides how worrying the money figures are (src/core/status/levels.ts): budget fractions at their
// exact thresholds, the lowest known remaining figure, and which balance a view may be trusted with. Direct
// cases for the mutants `npm run mutation` found surviving when levels were only reached through the presenter.
import { describe, expect, it } from 'vitest';
import { assessMoney, lowestRemaining, trustedUsage } from '../../src/core/status/levels';
import { defaultSettings, type Settings } from '../../src/core/service/settings';
import { keyUsage, usageView } from '../support/snapshotBuilders';
import type { KeysState } from '../../src/shared/types';

function withBudgets(daily: number, monthly: number, lowBalance = 0): Settings {
  const s = defaultSettings();
  return { ...s, budget: { ...s.budget, daily, monthly }, alerts: { ...s.alerts, lowBalance } };
}

/** A key view with the given spend and nothing known about what is left. */
const spent = (daily: number | null, monthly: number | null) =>
  usageView({ key: keyUsage({ daily, monthly, limitRemaining: null }), effectiveRemaining: null, binding: null });

describe('assessMoney: budgets', () => {
  it('is quiet under 80 %, warns from exactly 80 %, errs from exactly 100 %', () => {
    const under = assessMoney(spent(7.99, null), withBudgets(10, 0));
    expect(under).toMatchObject({ background: 'none', reasons: [], daily: { spent: 7.99, budget: 10, fraction: 0.799 } });
    const at80 = assessMoney(spent(8, null), withBudgets(10, 0));
    expect(at80.background).toBe('warning');
    expect(at80.reasons).toEqual(['80% of the daily budget used']);
    const at100 = assessMoney(spent(10, null), withBudgets(10, 0));
    expect(at100.background).toBe('error');
    expect(at100.reasons).toEqual(['daily budget reached']);
  });

  it('judges the monthly budget on the monthly spend, and reports both budgets in order', () => {
    const both = assessMoney(spent(9, 120), withBudgets(10, 100));
    expect(both.monthly).toEqual({ spent: 120, budget: 100, fraction: 1.2 });
    expect(both.reasons).toEqual(['90% of the daily budget used', 'monthly budget reached']);
    expect(both.background).toBe('error');
    expect(assessMoney(spent(1, 85), withBudgets(10, 100)).reasons).toEqual(['85% of the monthly budget used']);
  });

  it('has no budget level when the budget is off or the spend unknown', () => {
    expect(assessMoney(spent(50, 50), withBudgets(0, 0))).toMatchObject({ daily: null, monthly: null, background: 'none' });
    expect(assessMoney(spent(null, null), withBudgets(10, 10))).toMatchObject({ daily: null, monthly: null });
    expect(assessMoney(spent(Number.NaN, Number.POSITIVE_INFINITY), withBudgets(10, 10))).toMatchObject({ daily: null, monthly: null });
    expect(assessMoney(null, withBudgets(10, 10))).toMatchObject({ daily: null, monthly: null, remaining: null, low: false, exhausted: false, background: 'none', reasons: [] });
    expect(assessMoney(spent(0, 0), withBudgets(10, 10)).daily).toEqual({ spent: 0, budget: 10, fraction: 0 });
  });
});

describe('assessMoney: what is left', () => {
  const left = (remaining: number) => usageView({ key: keyUsage({ daily: 0, monthly: 0, limitRemaining: remaining }), effectiveRemaining: remaining });

  it('is low strictly under the threshold, exhausted at 0 or less', () => {
    expect(assessMoney(left(5), withBudgets(0, 0, 5))).toMatchObject({ low: false, exhausted: false, background: 'none' });
    expect(assessMoney(left(4.99), withBudgets(0, 0, 5))).toMatchObject({ low: true, exhausted: false, background: 'warning', reasons: ['low balance'] });
    expect(assessMoney(left(0.01), withBudgets(0, 0, 0))).toMatchObject({ low: false, exhausted: false, background: 'none' });
    expect(assessMoney(left(0), withBudgets(0, 0, 5))).toMatchObject({ low: true, exhausted: true, background: 'error', reasons: ['nothing left to spend'] });
    expect(assessMoney(left(-2), withBudgets(0, 0, 0))).toMatchObject({ low: false, exhausted: true, background: 'error' });
  });

  it('an exhausted key with a budget warning stays an error and lists both reasons', () => {
    const usage = usageView({ key: keyUsage({ daily: 8, monthly: 0, limitRemaining: 0 }), effectiveRemaining: 0 });
    const r = assessMoney(usage, withBudgets(10, 0, 5));
    expect(r.background).toBe('error');
    expect(r.reasons).toEqual(['nothing left to spend', '80% of the daily budget used']);
  });
});

describe('lowestRemaining', () => {
  it('takes the lowest finite figure of the three, or null', () => {
    expect(lowestRemaining(null)).toBeNull();
    expect(lowestRemaining(usageView({ effectiveRemaining: null, balance: null, key: keyUsage({ limitRemaining: null }) }))).toBeNull();
    expect(lowestRemaining(usageView({ effectiveRemaining: 30, balance: { totalCredits: 50, totalUsage: 30, balance: 20 }, key: keyUsage({ limitRemaining: 40 }) }))).toBe(20);
    expect(lowestRemaining(usageView({ effectiveRemaining: 30, balance: null, key: keyUsage({ limitRemaining: 12 }) }))).toBe(12);
    expect(lowestRemaining(usageView({ effectiveRemaining: Number.NaN, balance: null, key: keyUsage({ limitRemaining: 12 }) }))).toBe(12);
    expect(lowestRemaining(usageView({ effectiveRemaining: 9, balance: null, key: null }))).toBe(9);
  });
});

describe('trustedUsage', () => {
  const management = (managementKind?: KeysState['managementKind']): KeysState => ({ inference: 'stored', management: true, ...(managementKind ? { managementKind } : {}) }) as KeysState;

  it('keeps a balance only from a verified management key', () => {
    const view = usageView({ management: true });
    expect(trustedUsage(view, management('management'))).toBe(view);
    for (const keys of [management(), management('unverified'), { inference: 'stored', management: false } as KeysState]) {
      expect(trustedUsage(view, keys)).toEqual({ ...view, balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key' });
    }
    expect(trustedUsage(view, management('notManagement'))).toEqual({ ...view, balanceStatus: 'notManagementKey', balance: null, effectiveRemaining: 74.5, binding: 'key' });
  });

  it('drops a balance left in a view whose status no longer says ok, even for a management key', () => {
    const view = { ...usageView({ management: true }), balanceStatus: 'unavailable' as const };
    expect(trustedUsage(view, management('management'))).toMatchObject({ balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key' });
  });

  it('recomputes what is left when an ordinary key left an "ok" status without a balance', () => {
    const view = { ...usageView({ management: true }), balance: null, effectiveRemaining: 99, binding: 'balance' as const };
    expect(trustedUsage(view, management('notManagement'))).toMatchObject({ balanceStatus: 'notManagementKey', balance: null, effectiveRemaining: 74.5, binding: 'key' });
  });

  it('leaves no remaining figure when the key has no cap', () => {
    const view = usageView({ management: true, key: keyUsage({ limit: null, limitRemaining: null }) });
    expect(trustedUsage(view, management())).toMatchObject({ balance: null, effectiveRemaining: null, binding: null });
    expect(trustedUsage({ ...view, key: null }, management())).toMatchObject({ balance: null, effectiveRemaining: null, binding: null });
  });

  it('marks a view without a balance as "not a management key" only when the slot holds an ordinary key', () => {
    const none = usageView();
    expect(trustedUsage(none, management('notManagement'))).toEqual({ ...none, balanceStatus: 'notManagementKey' });
    expect(trustedUsage(none, management('unverified'))).toBe(none);
    const already = { ...none, balanceStatus: 'notManagementKey' as const };
    expect(trustedUsage(already, management('notManagement'))).toBe(already);
    expect(trustedUsage(null, management('management'))).toBeNull();
  });
});
