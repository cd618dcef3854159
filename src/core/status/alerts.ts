// Budget and balance notifications, as a pure state machine. The host persists AlertState in
// globalState (so a reload or a second window does not repeat an alert), calls evaluateAlerts on
// every snapshot change, shows what comes back and maps the actions.
import type { Snapshot, UsageView } from '../../shared/types';
import type { Settings } from '../service/settings';
import { formatPercent, formatUsd, utcDay, utcMonth } from '../../shared/format';
import { BUDGET_ERROR_FRACTION, BUDGET_WARNING_FRACTION, lowestRemaining, trustedUsage } from './levels';
import { isRecord } from '../../shared/isRecord';
import { ENGLISH, type L10n } from '../l10n';

export const ALERT_IDS = ['budget.daily.80', 'budget.daily.100', 'budget.monthly.80', 'budget.monthly.100', 'balance.low'] as const;
export type AlertId = (typeof ALERT_IDS)[number];
type BudgetAlertId = Exclude<AlertId, 'balance.low'>;
type BudgetPeriod = 'daily' | 'monthly';

export type AlertAction =
  | { kind: 'openDashboard'; title: string }
  /** Host: run the Set Budget flow for that period. */
  | { kind: 'adjustBudget'; title: string; period: BudgetPeriod }
  /** Host: open the Settings UI at settingKey. */
  | { kind: 'adjustLowBalance'; title: string; settingKey: 'modelRadar.alerts.lowBalance' }
  /** Host: snoozeForPeriod(state, notification.id, now), then persist. */
  | { kind: 'snooze'; title: string };

export interface AlertNotification {
  id: AlertId;
  severity: 'warning' | 'error';
  /** A full sentence without the extension name; the host prefixes "Model Radar: ". */
  message: string;
  /** "2026-07-29" (UTC day) or "2026-07" (UTC month): what "this period" means for snoozing. */
  period: string;
  actions: AlertAction[];
}

export interface FiredMark {
  period: string;
  /** The budget in force when it fired: a changed budget is a new line to cross. */
  budget: number;
}

/** Plain JSON, persisted by the host. Load it with loadAlertState, never by casting. */
export interface AlertState {
  version: 1;
  fired: Partial<Record<BudgetAlertId, FiredMark>>;
  /** Alert id → period in which the user chose "Don't show again for this period". */
  snoozed: Partial<Record<AlertId, string>>;
  /** The low-balance alert may fire; cleared when it fires, set again once the figure rises above the threshold. */
  lowBalanceArmed: boolean;
}

export interface AlertEvaluation {
  notifications: AlertNotification[];
  state: AlertState;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_PATTERN = /^\d{4}-\d{2}$/;

export function initialAlertState(): AlertState {
  return { version: 1, fired: {}, snoozed: {}, lowBalanceArmed: true };
}

function periodKind(id: AlertId): 'day' | 'month' {
  return id.startsWith('budget.monthly.') ? 'month' : 'day';
}

/** "This period" of an alert: the UTC month for monthly budgets, the UTC day otherwise. */
export function alertPeriod(id: AlertId, now: number): string {
  return periodKind(id) === 'month' ? utcMonth(now) : utcDay(now);
}

function isAlertId(value: string): value is AlertId {
  return (ALERT_IDS as readonly string[]).includes(value);
}

function isPeriodFor(id: AlertId, value: unknown): value is string {
  return typeof value === 'string' && (periodKind(id) === 'month' ? MONTH_PATTERN : DAY_PATTERN).test(value);
}

/**
 * Validates what globalState returned. Anything that does not match exactly (another version, a
 * hand edit, a half-written value) gives a fresh state: at worst one alert repeats, nothing crashes.
 */
export function loadAlertState(raw: unknown): AlertState {
  if (!isRecord(raw) || raw.version !== 1 || !isRecord(raw.fired) || !isRecord(raw.snoozed)) return initialAlertState();
  if (typeof raw.lowBalanceArmed !== 'boolean') return initialAlertState();
  const state: AlertState = { version: 1, fired: {}, snoozed: {}, lowBalanceArmed: raw.lowBalanceArmed };
  for (const [id, mark] of Object.entries(raw.fired)) {
    if (!isAlertId(id) || id === 'balance.low' || !isRecord(mark)) return initialAlertState();
    const budget = mark.budget;
    if (!isPeriodFor(id, mark.period) || typeof budget !== 'number' || !Number.isFinite(budget) || budget <= 0) {
      return initialAlertState();
    }
    state.fired[id] = { period: mark.period, budget };
  }
  for (const [id, period] of Object.entries(raw.snoozed)) {
    if (!isAlertId(id) || !isPeriodFor(id, period)) return initialAlertState();
    state.snoozed[id] = period;
  }
  return state;
}

function copyState(state: AlertState): AlertState {
  return {
    version: 1,
    fired: { ...state.fired },
    snoozed: { ...state.snoozed },
    lowBalanceArmed: state.lowBalanceArmed,
  };
}

/** "Don't show again for this period": silences this alert until its period (UTC day or month) ends. */
export function snoozeForPeriod(state: AlertState, alertId: AlertId, now: number): AlertState {
  const next = copyState(state);
  next.snoozed[alertId] = alertPeriod(alertId, now);
  return next;
}

function budgetAlertId(period: BudgetPeriod, threshold: 80 | 100): BudgetAlertId {
  return `budget.${period}.${threshold}`;
}

function budgetMessage(period: BudgetPeriod, threshold: 80 | 100, spent: number, budget: number, l10n: L10n): string {
  const b = formatUsd(budget);
  const s = formatUsd(spent);
  if (threshold === 100) {
    return period === 'daily'
      ? l10n.t('You have reached your {0} daily budget: {1} spent today (UTC).', b, s)
      : l10n.t('You have reached your {0} monthly budget: {1} spent this month (UTC).', b, s);
  }
  const used = formatPercent(spent / budget, { floor: true });
  return period === 'daily'
    ? l10n.t('You have used {0} of your {1} daily budget: {2} spent today (UTC).', used, b, s)
    : l10n.t('You have used {0} of your {1} monthly budget: {2} spent this month (UTC).', used, b, s);
}

function snoozeTitle(l10n: L10n): string {
  return l10n.t("Don't show again for this period");
}

function evaluateBudget(
  period: BudgetPeriod,
  spent: number | null | undefined,
  budget: number,
  dataTime: number | null,
  now: number,
  state: AlertState,
  l10n: L10n,
): AlertNotification | null {
  if (budget <= 0 || spent === null || spent === undefined || !Number.isFinite(spent) || dataTime === null) return null;
  const periodOf = period === 'daily' ? utcDay : utcMonth;
  const current = periodOf(now);
  // OpenRouter's daily/monthly figures belong to the period they were fetched in; yesterday's
  // total says nothing about today, so it must not fire (or use up) today's alert.
  if (periodOf(dataTime) !== current) return null;
  const fraction = spent / budget;
  const crossed: (80 | 100)[] = [];
  if (fraction >= BUDGET_WARNING_FRACTION) crossed.push(80);
  if (fraction >= BUDGET_ERROR_FRACTION) crossed.push(100);
  const fresh = crossed.filter((t) => {
    const mark = state.fired[budgetAlertId(period, t)];
    return !mark || mark.period !== current || mark.budget !== budget;
  });
  if (fresh.length === 0) return null;
  // Marking every crossed line means jumping from 70 % to 110 % shows one notification, not two.
  for (const t of crossed) state.fired[budgetAlertId(period, t)] = { period: current, budget };
  const top: 80 | 100 = fresh.includes(100) ? 100 : 80;
  const id = budgetAlertId(period, top);
  if (state.snoozed[id] === current) return null;
  return {
    id,
    severity: top === 100 ? 'error' : 'warning',
    message: budgetMessage(period, top, spent, budget, l10n),
    period: current,
    actions: [
      { kind: 'openDashboard', title: l10n.t('Open dashboard') },
      { kind: 'adjustBudget', title: l10n.t('Adjust budget'), period },
      { kind: 'snooze', title: snoozeTitle(l10n) },
    ],
  };
}

function lowBalanceMessage(usage: UsageView, remaining: number, threshold: number, l10n: L10n): string {
  const limitBinds = usage.binding === 'key' || (usage.binding === null && usage.balance === null);
  if (remaining <= 0) {
    if (!limitBinds) return l10n.t('You are out of OpenRouter credits: requests will fail until you add credits.');
    return usage.key?.limitReset
      ? l10n.t('Your API key has reached its spending cap: requests will fail until it resets or you raise it.')
      : l10n.t('Your API key has reached its spending cap: requests will fail until you raise it.');
  }
  return limitBinds
    ? l10n.t('Your API key has {0} left under its spending cap, below your {1} alert.', formatUsd(remaining), formatUsd(threshold))
    : l10n.t('Your OpenRouter balance is {0}, below your {1} alert.', formatUsd(remaining), formatUsd(threshold));
}

function evaluateLowBalance(
  usage: UsageView | null,
  threshold: number,
  hasData: boolean,
  now: number,
  state: AlertState,
  l10n: L10n,
): AlertNotification | null {
  const remaining = lowestRemaining(usage);
  if (!usage || remaining === null || !hasData) return null;
  if (threshold <= 0 || remaining > threshold) {
    state.lowBalanceArmed = true;
    return null;
  }
  if (remaining >= threshold || !state.lowBalanceArmed) return null;
  state.lowBalanceArmed = false;
  const period = utcDay(now);
  if (state.snoozed['balance.low'] === period) return null;
  return {
    id: 'balance.low',
    severity: remaining <= 0 ? 'error' : 'warning',
    message: lowBalanceMessage(usage, remaining, threshold, l10n),
    period,
    actions: [
      { kind: 'openDashboard', title: l10n.t('Open dashboard') },
      { kind: 'adjustLowBalance', title: l10n.t('Adjust alert'), settingKey: 'modelRadar.alerts.lowBalance' },
      { kind: 'snooze', title: snoozeTitle(l10n) },
    ],
  };
}

/**
 * What to notify now, and the state to persist. At most one notification per budget period and one
 * for the balance per call. Missing or out-of-period data never alerts.
 */
export function evaluateAlerts(snapshot: Snapshot, settings: Settings, state: AlertState, now: number, l10n: L10n = ENGLISH): AlertEvaluation {
  const next = copyState(state);
  // Snoozes of past periods can never match again; dropping them keeps the persisted state small.
  const snoozed: Partial<Record<AlertId, string>> = {};
  for (const id of ALERT_IDS) {
    const period = next.snoozed[id];
    if (period !== undefined && period === alertPeriod(id, now)) snoozed[id] = period;
  }
  next.snoozed = snoozed;
  if (!settings.alerts.enabled) return { notifications: [], state: next };

  const usage = trustedUsage(snapshot.usage, snapshot.keys);
  const keyTime = snapshot.resources.key.fetchedAt;
  const hasData = keyTime !== null || snapshot.resources.credits.fetchedAt !== null;
  const notifications = [
    evaluateBudget('daily', usage?.key?.daily, settings.budget.daily, keyTime, now, next, l10n),
    evaluateBudget('monthly', usage?.key?.monthly, settings.budget.monthly, keyTime, now, next, l10n),
    evaluateLowBalance(usage, settings.alerts.lowBalance, hasData, now, next, l10n),
  ].filter((n): n is AlertNotification => n !== null);
  return { notifications, state: next };
}
