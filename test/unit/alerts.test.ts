import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/core/service/settings';
import {
  alertPeriod,
  evaluateAlerts,
  initialAlertState,
  loadAlertState,
  snoozeForPeriod,
  type AlertNotification,
  type AlertState,
} from '../../src/core/status/alerts';
import type { Snapshot, UsageView } from '../../src/shared/types';
import { keyUsage, liveSnapshot, managementSnapshot, noKeySnapshot, resources, usageView } from '../support/snapshotBuilders';
import { withSettings } from '../support/statusFixtures';

const T = Date.parse('2026-07-29T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;


const dailyBudget = (budget: number): Settings => withSettings((s) => (s.budget.daily = budget));
const monthlyBudget = (budget: number): Settings => withSettings((s) => (s.budget.monthly = budget));

/** The user's key as /key reported it at `fetchedAt`. */
function spend(fetchedAt: number, figures: { daily?: number | null; monthly?: number | null; limitRemaining?: number | null }, usage: Partial<UsageView> = {}): Snapshot {
  const key = keyUsage({ daily: 0.5, monthly: 10, ...figures });
  return liveSnapshot({
    usage: usageView({ key, effectiveRemaining: key.limitRemaining, ...usage }),
    resources: resources({ fetchedAt }, { credits: { fetchedAt: null }, activity: { fetchedAt: null } }),
  });
}

/** Runs a sequence of evaluations, threading the state through JSON as globalState would. */
function run(steps: { snapshot: Snapshot; now: number; settings: Settings }[], start: AlertState = initialAlertState()): { all: AlertNotification[][]; state: AlertState } {
  let state = start;
  const all: AlertNotification[][] = [];
  for (const step of steps) {
    const result = evaluateAlerts(step.snapshot, step.settings, state, step.now);
    all.push(result.notifications);
    state = loadAlertState(JSON.parse(JSON.stringify(result.state)));
  }
  return { all, state };
}

function ids(notifications: AlertNotification[]): string[] {
  return notifications.map((n) => n.id);
}

describe('daily budget', () => {
  const settings = dailyBudget(2);

  it('notifies once at 80 %, once at 100 %, in the same UTC day', () => {
    const { all } = run([
      { snapshot: spend(T, { daily: 1.2 }), now: T, settings },
      { snapshot: spend(T + HOUR, { daily: 1.6 }), now: T + HOUR, settings },
      { snapshot: spend(T + 2 * HOUR, { daily: 1.7 }), now: T + 2 * HOUR, settings },
      { snapshot: spend(T + 3 * HOUR, { daily: 2.1 }), now: T + 3 * HOUR, settings },
      { snapshot: spend(T + 4 * HOUR, { daily: 2.6 }), now: T + 4 * HOUR, settings },
    ]);
    expect(all.map(ids)).toEqual([[], ['budget.daily.80'], [], ['budget.daily.100'], []]);
    const warn = all[1]![0];
    expect(warn).toMatchObject({ severity: 'warning', period: '2026-07-29' });
    expect(warn!.message).toBe('You have used 80% of your $2.00 daily budget: $1.60 spent today (UTC).');
    expect(warn!.actions).toEqual([
      { kind: 'openDashboard', title: 'Open dashboard' },
      { kind: 'adjustBudget', title: 'Adjust budget', period: 'daily' },
      { kind: 'snooze', title: "Don't show again for this period" },
    ]);
    expect(all[3]![0]).toMatchObject({ severity: 'error', message: 'You have reached your $2.00 daily budget: $2.10 spent today (UTC).' });
  });

  it('jumping past both lines shows one notification, and the 80 % one does not follow', () => {
    const { all } = run([
      { snapshot: spend(T, { daily: 3 }), now: T, settings },
      { snapshot: spend(T + HOUR, { daily: 3.2 }), now: T + HOUR, settings },
    ]);
    expect(all.map(ids)).toEqual([['budget.daily.100'], []]);
  });

  it('a new UTC day re-arms both lines', () => {
    const nextDay = T + DAY;
    const { all } = run([
      { snapshot: spend(T, { daily: 2.5 }), now: T, settings },
      { snapshot: spend(nextDay, { daily: 0.1 }), now: nextDay, settings },
      { snapshot: spend(nextDay + HOUR, { daily: 1.7 }), now: nextDay + HOUR, settings },
    ]);
    expect(all.map(ids)).toEqual([['budget.daily.100'], [], ['budget.daily.80']]);
    expect(all[2]![0]!.period).toBe('2026-07-30');
  });

  it("yesterday's figures never fire (or use up) today's alert", () => {
    const lateYesterday = Date.parse('2026-07-29T23:59:00Z');
    const justAfterMidnight = Date.parse('2026-07-30T00:01:00Z');
    const { all, state } = run([{ snapshot: spend(lateYesterday, { daily: 5 }), now: justAfterMidnight, settings }]);
    expect(all).toEqual([[]]);
    expect(state.fired).toEqual({});
    // Once today's figure arrives, today's crossing is reported.
    const next = evaluateAlerts(spend(justAfterMidnight + HOUR, { daily: 1.9 }), settings, state, justAfterMidnight + HOUR);
    expect(ids(next.notifications)).toEqual(['budget.daily.80']);
  });

  it('a changed budget is a new line to cross', () => {
    const raised = dailyBudget(3);
    const { all } = run([
      { snapshot: spend(T, { daily: 2.1 }), now: T, settings },
      { snapshot: spend(T + HOUR, { daily: 2.2 }), now: T + HOUR, settings: raised },
      { snapshot: spend(T + 2 * HOUR, { daily: 2.5 }), now: T + 2 * HOUR, settings: raised },
      { snapshot: spend(T + 3 * HOUR, { daily: 3.1 }), now: T + 3 * HOUR, settings: raised },
    ]);
    expect(all.map(ids)).toEqual([['budget.daily.100'], [], ['budget.daily.80'], ['budget.daily.100']]);
  });

  it('a budget of 0 is off', () => {
    expect(run([{ snapshot: spend(T, { daily: 500 }), now: T, settings: withSettings() }]).all).toEqual([[]]);
  });
});

describe('monthly budget', () => {
  const settings = monthlyBudget(30);

  it('notifies once per crossing per UTC month', () => {
    const nextMonth = Date.parse('2026-08-01T06:00:00Z');
    const { all } = run([
      { snapshot: spend(T, { monthly: 25.5 }), now: T, settings },
      { snapshot: spend(T + DAY, { monthly: 28 }), now: T + DAY, settings },
      { snapshot: spend(T + 2 * DAY, { monthly: 31 }), now: T + 2 * DAY, settings },
      { snapshot: spend(nextMonth, { monthly: 1 }), now: nextMonth, settings },
      { snapshot: spend(nextMonth + DAY, { monthly: 24.5 }), now: nextMonth + DAY, settings },
    ]);
    expect(all.map(ids)).toEqual([['budget.monthly.80'], [], ['budget.monthly.100'], [], ['budget.monthly.80']]);
    expect(all[0]![0]).toMatchObject({ period: '2026-07', severity: 'warning' });
    expect(all[0]![0]!.message).toBe('You have used 85% of your $30.00 monthly budget: $25.50 spent this month (UTC).');
    expect(all[0]![0]!.actions[1]).toEqual({ kind: 'adjustBudget', title: 'Adjust budget', period: 'monthly' });
    expect(all[4]![0]!.period).toBe('2026-08');
  });

  it('daily and monthly cross independently in one evaluation', () => {
    const both = withSettings((s) => ((s.budget.daily = 2), (s.budget.monthly = 30)));
    const { all } = run([{ snapshot: spend(T, { daily: 2.4, monthly: 31 }), now: T, settings: both }]);
    expect(all.map(ids)).toEqual([['budget.daily.100', 'budget.monthly.100']]);
  });
});

describe('low balance', () => {
  it('notifies once when what is left drops under the threshold, re-armed when it rises above', () => {
    const settings = withSettings();
    const { all } = run([
      { snapshot: spend(T, { limitRemaining: 7 }), now: T, settings },
      { snapshot: spend(T + HOUR, { limitRemaining: 4.9 }), now: T + HOUR, settings },
      { snapshot: spend(T + 2 * HOUR, { limitRemaining: 3 }), now: T + 2 * HOUR, settings },
      { snapshot: spend(T + 3 * HOUR, { limitRemaining: 5 }), now: T + 3 * HOUR, settings },
      { snapshot: spend(T + 4 * HOUR, { limitRemaining: 4 }), now: T + 4 * HOUR, settings },
      { snapshot: spend(T + 5 * HOUR, { limitRemaining: 30 }), now: T + 5 * HOUR, settings },
      { snapshot: spend(T + 6 * HOUR, { limitRemaining: 2 }), now: T + 6 * HOUR, settings },
    ]);
    // Exactly at the threshold neither fires nor re-arms.
    expect(all.map(ids)).toEqual([[], ['balance.low'], [], [], [], [], ['balance.low']]);
    expect(all[1]![0]).toMatchObject({ severity: 'warning', period: '2026-07-29' });
    expect(all[1]![0]!.message).toBe('Your API key has $4.90 left under its spending cap, below your $5.00 alert.');
    expect(all[1]![0]!.actions).toEqual([
      { kind: 'openDashboard', title: 'Open dashboard' },
      { kind: 'adjustLowBalance', title: 'Adjust alert', settingKey: 'modelRadar.alerts.lowBalance' },
      { kind: 'snooze', title: "Don't show again for this period" },
    ]);
  });

  it('without a known binding, speaks of the key cap when no balance is known, and of the balance when one is', () => {
    const capOnly = evaluateAlerts(spend(T, { limitRemaining: 2 }, { binding: null, balance: null }), withSettings(), initialAlertState(), T);
    expect(capOnly.notifications[0]!.message).toBe('Your API key has $2.00 left under its spending cap, below your $5.00 alert.');
    const spentCap = evaluateAlerts(spend(T, { limitRemaining: 0 }, { binding: null, balance: null }), withSettings(), initialAlertState(), T);
    expect(spentCap.notifications[0]!.message).toBe('Your API key has reached its spending cap: requests will fail until it resets or you raise it.');
    const withBalance = (b: number): Snapshot =>
      managementSnapshot({ usage: usageView({ management: true, key: null, balance: { totalCredits: 80, totalUsage: 80 - b, balance: b }, effectiveRemaining: b, binding: null }) });
    expect(evaluateAlerts(withBalance(3), withSettings(), initialAlertState(), T).notifications[0]!.message).toBe('Your OpenRouter balance is $3.00, below your $5.00 alert.');
    expect(evaluateAlerts(withBalance(0), withSettings(), initialAlertState(), T).notifications[0]!.message).toBe(
      'You are out of OpenRouter credits: requests will fail until you add credits.',
    );
  });

  it('speaks of the account balance when it binds, and is an error when nothing is left', () => {
    const balance = (b: number): Snapshot =>
      managementSnapshot({ usage: usageView({ management: true, balance: { totalCredits: 80, totalUsage: 80 - b, balance: b }, effectiveRemaining: b, binding: 'balance' }) });
    const low = evaluateAlerts(balance(3.5), withSettings(), initialAlertState(), T);
    expect(low.notifications[0]!.message).toBe('Your OpenRouter balance is $3.50, below your $5.00 alert.');
    const empty = evaluateAlerts(balance(0), withSettings(), initialAlertState(), T);
    expect(empty.notifications[0]).toMatchObject({ id: 'balance.low', severity: 'error' });
    expect(empty.notifications[0]!.message).toContain('out of OpenRouter credits');
    const capped = evaluateAlerts(spend(T, { limitRemaining: 0 }), withSettings(), initialAlertState(), T);
    expect(capped.notifications[0]).toMatchObject({ severity: 'error' });
    expect(capped.notifications[0]!.message).toBe('Your API key has reached its spending cap: requests will fail until it resets or you raise it.');
    const neverResets = spend(T, { limitRemaining: 0 });
    if (neverResets.usage?.key) neverResets.usage.key.limitReset = null;
    expect(evaluateAlerts(neverResets, withSettings(), initialAlertState(), T).notifications[0]!.message).toContain('until you raise it.');
  });

  it('0 = off; raising the threshold over the current figure alerts', () => {
    const snapshot = spend(T, { limitRemaining: 7 });
    expect(evaluateAlerts(snapshot, withSettings((s) => (s.alerts.lowBalance = 0)), initialAlertState(), T).notifications).toEqual([]);
    expect(ids(evaluateAlerts(snapshot, withSettings((s) => (s.alerts.lowBalance = 10)), initialAlertState(), T).notifications)).toEqual(['balance.low']);
  });
});

describe('snoozing', () => {
  it('silences that alert for the rest of its period only', () => {
    const settings = dailyBudget(2);
    const first = evaluateAlerts(spend(T, { daily: 1.7 }), settings, initialAlertState(), T);
    expect(ids(first.notifications)).toEqual(['budget.daily.80']);
    const snoozed = snoozeForPeriod(first.state, 'budget.daily.80', T);
    expect(snoozed.snoozed['budget.daily.80']).toBe('2026-07-29');
    // The user raises the budget: the 80 % line is crossed again, but they asked not to hear about it today.
    const raised = dailyBudget(2.1);
    const again = evaluateAlerts(spend(T + HOUR, { daily: 1.75 }), raised, snoozed, T + HOUR);
    expect(again.notifications).toEqual([]);
    // The 100 % alert is a different alert and still speaks.
    const over = evaluateAlerts(spend(T + 2 * HOUR, { daily: 2.2 }), raised, again.state, T + 2 * HOUR);
    expect(ids(over.notifications)).toEqual(['budget.daily.100']);
    // Tomorrow the snooze is gone (and pruned from the persisted state).
    const tomorrow = evaluateAlerts(spend(T + DAY, { daily: 1.8 }), raised, over.state, T + DAY);
    expect(ids(tomorrow.notifications)).toEqual(['budget.daily.80']);
    expect(tomorrow.state.snoozed).toEqual({});
  });

  it('a snoozed low-balance alert stays quiet for the day even after a re-arm', () => {
    const settings = withSettings();
    const first = evaluateAlerts(spend(T, { limitRemaining: 3 }), settings, initialAlertState(), T);
    const snoozed = snoozeForPeriod(first.state, 'balance.low', T);
    const { all } = run(
      [
        { snapshot: spend(T + HOUR, { limitRemaining: 20 }), now: T + HOUR, settings },
        { snapshot: spend(T + 2 * HOUR, { limitRemaining: 2 }), now: T + 2 * HOUR, settings },
        { snapshot: spend(T + DAY, { limitRemaining: 20 }), now: T + DAY, settings },
        { snapshot: spend(T + DAY + HOUR, { limitRemaining: 2 }), now: T + DAY + HOUR, settings },
      ],
      snoozed,
    );
    expect(all.map(ids)).toEqual([[], [], [], ['balance.low']]);
  });

  it('monthly alerts snooze for the UTC month', () => {
    expect(alertPeriod('budget.monthly.80', T)).toBe('2026-07');
    expect(alertPeriod('budget.daily.100', T)).toBe('2026-07-29');
    expect(alertPeriod('balance.low', T)).toBe('2026-07-29');
    const state = snoozeForPeriod(initialAlertState(), 'budget.monthly.80', T);
    const settings = monthlyBudget(30);
    const nextDay = T + DAY;
    expect(evaluateAlerts(spend(nextDay, { monthly: 25 }), settings, state, nextDay).notifications).toEqual([]);
    const august = Date.parse('2026-08-01T08:00:00Z');
    expect(ids(evaluateAlerts(spend(august, { monthly: 25 }), settings, state, august).notifications)).toEqual(['budget.monthly.80']);
  });

  it('does not change the state it was given', () => {
    const state = initialAlertState();
    const frozen = JSON.stringify(state);
    snoozeForPeriod(state, 'balance.low', T);
    evaluateAlerts(spend(T, { daily: 5, limitRemaining: 1 }), dailyBudget(2), state, T);
    expect(JSON.stringify(state)).toBe(frozen);
  });
});

describe('never alerts on missing data', () => {
  const settings = withSettings((s) => ((s.budget.daily = 1), (s.budget.monthly = 1), (s.alerts.lowBalance = 1000)));

  it.each([
    ['no key', noKeySnapshot()],
    ['usage not loaded', liveSnapshot({ usage: null })],
    ['figures unknown', spend(T, { daily: null, monthly: null, limitRemaining: null }, { effectiveRemaining: null, balance: null })],
    ['never fetched', liveSnapshot({ resources: resources({ fetchedAt: null }) })],
  ])('%s', (_name, snapshot) => {
    const result = evaluateAlerts(snapshot, settings, initialAlertState(), T);
    expect(result.notifications).toEqual([]);
    expect(result.state).toEqual(initialAlertState());
  });

  it('and stays quiet when alerts are disabled', () => {
    const off = withSettings((s) => ((s.budget.daily = 1), (s.alerts.enabled = false)));
    expect(evaluateAlerts(spend(T, { daily: 9, limitRemaining: 0 }), off, initialAlertState(), T).notifications).toEqual([]);
  });
});

describe('persisted state', () => {
  it('round-trips through JSON, so a reload does not repeat an alert', () => {
    const settings = withSettings((s) => ((s.budget.daily = 2), (s.budget.monthly = 30)));
    const snapshot = spend(T, { daily: 1.7, monthly: 26, limitRemaining: 3 });
    const first = evaluateAlerts(snapshot, settings, initialAlertState(), T);
    expect(ids(first.notifications)).toEqual(['budget.daily.80', 'budget.monthly.80', 'balance.low']);
    const stored: unknown = JSON.parse(JSON.stringify(snoozeForPeriod(first.state, 'budget.monthly.100', T)));
    const reloaded = loadAlertState(stored);
    expect(reloaded).toEqual(snoozeForPeriod(first.state, 'budget.monthly.100', T));
    expect(evaluateAlerts(snapshot, settings, reloaded, T + 1000).notifications).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'corrupt'],
    ['an array', []],
    ['another version', { version: 2, fired: {}, snoozed: {}, lowBalanceArmed: true }],
    ['missing fields', { version: 1 }],
    ['an unknown alert id', { version: 1, fired: { 'budget.weekly.80': { period: '2026-07-29', budget: 2 } }, snoozed: {}, lowBalanceArmed: true }],
    ['a bad period', { version: 1, fired: { 'budget.daily.80': { period: '2026-07', budget: 2 } }, snoozed: {}, lowBalanceArmed: true }],
    ['a bad budget', { version: 1, fired: { 'budget.daily.80': { period: '2026-07-29', budget: 'two' } }, snoozed: {}, lowBalanceArmed: true }],
    ['a bad snooze', { version: 1, fired: {}, snoozed: { 'budget.monthly.80': '2026-07-29' }, lowBalanceArmed: true }],
    ['a non-boolean arm', { version: 1, fired: {}, snoozed: {}, lowBalanceArmed: 'yes' }],
  ])('corrupt (%s) → a fresh state', (_name, raw) => {
    expect(loadAlertState(raw)).toEqual(initialAlertState());
  });

  it('keeps a valid state as is', () => {
    const raw = {
      version: 1,
      fired: { 'budget.daily.80': { period: '2026-07-29', budget: 2 }, 'budget.monthly.100': { period: '2026-07', budget: 30 } },
      snoozed: { 'balance.low': '2026-07-29' },
      lowBalanceArmed: false,
    };
    expect(loadAlertState(raw)).toEqual(raw);
  });

  it('never throws and never repeats an alert, whatever the spend sequence within a day', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ spent: fc.double({ min: 0, max: 10, noNaN: true }), minutes: fc.integer({ min: 0, max: 60 }) }), { maxLength: 30 }),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        (steps, budget) => {
          const day = Date.parse('2026-07-29T00:00:00Z');
          let now = day;
          let spent = 0;
          let state = initialAlertState();
          const seen: string[] = [];
          for (const step of steps) {
            now = Math.min(now + step.minutes * 60_000, day + DAY - 1);
            spent = Math.max(spent, step.spent);
            const result = evaluateAlerts(spend(now, { daily: spent }), dailyBudget(budget), state, now);
            seen.push(...ids(result.notifications));
            state = loadAlertState(JSON.parse(JSON.stringify(result.state)));
          }
          expect(new Set(seen).size).toBe(seen.length);
          if (spent >= budget) expect(seen).toContain('budget.daily.100');
          else if (spent >= 0.8 * budget) expect(seen).toEqual(['budget.daily.80']);
          else expect(seen).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('alert edges: exact thresholds, wording per period, stored state', () => {
  const first = (snap: Snapshot, settings: Settings, state: AlertState = initialAlertState()): AlertNotification | undefined =>
    evaluateAlerts(snap, settings, state, T).notifications[0];

  it('the 80 % alert says how much of which budget is used, rounded down; 100 % says it is reached', () => {
    expect(first(spend(T, { daily: 8.99 }), dailyBudget(10))?.message).toBe('You have used 89% of your $10.00 daily budget: $8.99 spent today (UTC).');
    expect(first(spend(T, { monthly: 85 }), monthlyBudget(100))?.message).toBe('You have used 85% of your $100.00 monthly budget: $85.00 spent this month (UTC).');
    expect(first(spend(T, { monthly: 100 }), monthlyBudget(100))).toMatchObject({
      id: 'budget.monthly.100',
      message: 'You have reached your $100.00 monthly budget: $100.00 spent this month (UTC).',
    });
    // Exactly the budget is reached (100), not only 80.
    expect(first(spend(T, { daily: 10 }), dailyBudget(10))).toMatchObject({ id: 'budget.daily.100', period: '2026-07-29' });
  });

  it('a spend that is not a finite figure never fires a budget alert', () => {
    for (const daily of [Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(evaluateAlerts(spend(T, { daily }), dailyBudget(10), initialAlertState(), T).notifications).toEqual([]);
    }
  });

  it('low balance: exactly at the threshold while armed does not fire; a threshold of 0 never fires, even below zero', () => {
    expect(evaluateAlerts(spend(T, { limitRemaining: 5 }), withSettings(), initialAlertState(), T).notifications).toEqual([]);
    const off = withSettings((s) => (s.alerts.lowBalance = 0));
    expect(evaluateAlerts(spend(T, { limitRemaining: -1 }), off, initialAlertState(), T).notifications).toEqual([]);
    expect(evaluateAlerts(spend(T, { limitRemaining: 0 }), off, initialAlertState(), T).notifications).toEqual([]);
  });

  it('low balance for a management key alone: the balance counts though /key was never fetched', () => {
    const snap = managementSnapshot({
      keys: { inference: 'none', management: true, managementKind: 'management' },
      usage: usageView({ management: true, key: null, balance: { totalCredits: 20, totalUsage: 18, balance: 2 }, effectiveRemaining: 2, binding: 'balance' }),
      resources: resources({}, { key: { fetchedAt: null } }),
    });
    expect(first(snap, withSettings())).toMatchObject({ id: 'balance.low', message: 'Your OpenRouter balance is $2.00, below your $5.00 alert.' });
  });

  it('snoozes last one UTC day, monthly budgets one UTC month; a past snooze is dropped from the state', () => {
    expect(snoozeForPeriod(initialAlertState(), 'budget.daily.80', T).snoozed).toEqual({ 'budget.daily.80': '2026-07-29' });
    expect(snoozeForPeriod(initialAlertState(), 'balance.low', T).snoozed).toEqual({ 'balance.low': '2026-07-29' });
    expect(snoozeForPeriod(initialAlertState(), 'budget.monthly.100', T).snoozed).toEqual({ 'budget.monthly.100': '2026-07' });
    expect(alertPeriod('budget.daily.100', T)).toBe('2026-07-29');
    const old = snoozeForPeriod(snoozeForPeriod(initialAlertState(), 'budget.daily.80', T - DAY), 'budget.monthly.80', T - DAY);
    expect(evaluateAlerts(noKeySnapshot(), withSettings(), old, T).state.snoozed).toEqual({ 'budget.monthly.80': '2026-07' });
  });

  it('a stored state with a wrong version, missing tables, a low-balance mark or a non-string period starts fresh', () => {
    const good = { version: 1, fired: {}, snoozed: {}, lowBalanceArmed: false };
    expect(loadAlertState(good)).toEqual(good);
    for (const bad of [
      { ...good, version: 2 },
      { ...good, fired: null },
      { ...good, snoozed: null },
      { ...good, fired: { 'balance.low': { period: '2026-07-29', budget: 5 } } },
      { ...good, snoozed: { 'budget.daily.80': ['2026-07-29'] } },
      { ...good, fired: { 'budget.daily.80': { period: ['2026-07-29'], budget: 5 } } },
      { ...good, snoozed: { 'budget.daily.80': '2026-07' } },
      { ...good, snoozed: { 'budget.monthly.80': '2026-07-29' } },
    ]) {
      expect(loadAlertState(bad), JSON.stringify(bad)).toEqual(initialAlertState());
    }
  });
});
