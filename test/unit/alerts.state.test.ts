// loadAlertState accepts exactly what evaluateAlerts writes: more corrupt shapes than alerts.test.ts lists, each
// of which must give a fresh state rather than a half-trusted one, and the valid edge values it must keep.
import { describe, expect, it } from 'vitest';
import { alertPeriod, initialAlertState, loadAlertState, snoozeForPeriod } from '../../src/core/status/alerts';

const base = { version: 1, fired: {}, snoozed: {}, lowBalanceArmed: true };

describe('loadAlertState', () => {
  it.each([
    ['fired as a list', { ...base, fired: [] }],
    ['fired as null', { ...base, fired: null }],
    ['snoozed as a list', { ...base, snoozed: [] }],
    ['snoozed missing', { version: 1, fired: {}, lowBalanceArmed: true }],
    ['a fired balance alert', { ...base, fired: { 'balance.low': { period: '2026-07-29', budget: 2 } } }],
    ['a fired mark that is a list', { ...base, fired: { 'budget.daily.80': ['2026-07-29', 2] } }],
    ['a fired mark that is null', { ...base, fired: { 'budget.daily.80': null } }],
    ['a zero budget', { ...base, fired: { 'budget.daily.80': { period: '2026-07-29', budget: 0 } } }],
    ['a negative budget', { ...base, fired: { 'budget.daily.100': { period: '2026-07-29', budget: -5 } } }],
    ['an infinite budget', { ...base, fired: { 'budget.daily.100': { period: '2026-07-29', budget: Number.POSITIVE_INFINITY } } }],
    ['a monthly mark with a day', { ...base, fired: { 'budget.monthly.80': { period: '2026-07-29', budget: 30 } } }],
    ['a day with a prefix', { ...base, fired: { 'budget.daily.80': { period: 'x2026-07-29', budget: 2 } } }],
    ['a day with a suffix', { ...base, fired: { 'budget.daily.80': { period: '2026-07-29x', budget: 2 } } }],
    ['a month with a suffix', { ...base, snoozed: { 'budget.monthly.100': '2026-07-01' } }],
    ['a month with a prefix', { ...base, snoozed: { 'budget.monthly.100': 'x2026-07' } }],
    ['a numeric snooze', { ...base, snoozed: { 'balance.low': 20260729 } }],
    ['an unknown snoozed id', { ...base, snoozed: { 'budget.weekly.80': '2026-07-29' } }],
    ['a missing arm', { version: 1, fired: {}, snoozed: {} }],
  ])('corrupt (%s) → a fresh state', (_name, raw) => {
    expect(loadAlertState(raw)).toEqual(initialAlertState());
  });

  it('keeps every alert id with its own kind of period, and a disarmed balance alert', () => {
    const raw = {
      version: 1,
      fired: {
        'budget.daily.80': { period: '2026-07-29', budget: 0.01 },
        'budget.daily.100': { period: '2026-07-29', budget: 2 },
        'budget.monthly.80': { period: '2026-07', budget: 30 },
        'budget.monthly.100': { period: '2026-07', budget: 30 },
      },
      snoozed: { 'budget.daily.80': '2026-07-29', 'budget.daily.100': '2026-07-29', 'budget.monthly.80': '2026-07', 'budget.monthly.100': '2026-07', 'balance.low': '2026-07-29' },
      lowBalanceArmed: false,
    };
    const loaded = loadAlertState(raw);
    expect(loaded).toEqual(raw);
    expect(loaded.fired).not.toBe(raw.fired);
    expect(initialAlertState()).toEqual({ version: 1, fired: {}, snoozed: {}, lowBalanceArmed: true });
  });
});

describe('periods and snoozing', () => {
  const T = Date.parse('2026-07-31T23:30:00Z');
  it('monthly alerts live in the UTC month, the others in the UTC day', () => {
    expect(alertPeriod('budget.monthly.80', T)).toBe('2026-07');
    expect(alertPeriod('budget.monthly.100', T)).toBe('2026-07');
    expect(alertPeriod('budget.daily.100', T)).toBe('2026-07-31');
    expect(alertPeriod('balance.low', T)).toBe('2026-07-31');
  });
  it('snoozing returns a new state and leaves the given one and its other fields alone', () => {
    const start = { ...initialAlertState(), lowBalanceArmed: false, fired: { 'budget.daily.80': { period: '2026-07-31', budget: 2 } } };
    const next = snoozeForPeriod(start, 'budget.monthly.100', T);
    expect(next).toEqual({ ...start, snoozed: { 'budget.monthly.100': '2026-07' } });
    expect(start.snoozed).toEqual({});
    expect(next.fired).not.toBe(start.fired);
  });
});
