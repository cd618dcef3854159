// How worrying the money figures are. One place decides, so the status bar colour and the
// notifications can never disagree about what "80 % of the budget" or "low balance" means.
import type { KeysState, UsageView } from '../../shared/types';
import type { Settings } from '../service/settings';
import { formatPercent } from '../../shared/format';
import { ENGLISH, type L10n } from '../l10n';

export const BUDGET_WARNING_FRACTION = 0.8;
export const BUDGET_ERROR_FRACTION = 1;

export interface BudgetLevel {
  spent: number;
  budget: number;
  /** spent / budget. */
  fraction: number;
}

export type MoneyBackground = 'none' | 'warning' | 'error';

export interface MoneyLevels {
  /** null when that budget is off or today's / this month's spend is unknown. */
  daily: BudgetLevel | null;
  monthly: BudgetLevel | null;
  /** The lowest known of: effective remaining, account balance, key cap remaining. */
  remaining: number | null;
  /** remaining is under `alerts.lowBalance` (never when that is 0 = off). */
  low: boolean;
  /** remaining ≤ 0: requests will fail. */
  exhausted: boolean;
  background: MoneyBackground;
  /** Plain-text reasons for the colour, for tooltips and screen readers (colour alone says nothing to them). */
  reasons: string[];
}

function budgetLevel(spent: number | null | undefined, budget: number): BudgetLevel | null {
  if (budget <= 0 || spent === null || spent === undefined || !Number.isFinite(spent)) return null;
  return { spent, budget, fraction: spent / budget };
}

/**
 * The usage view with the balance kept only when it came from a key GET /key confirmed as a management key.
 * An ordinary key in the management slot gets /credits 0/0; read as a balance that is a fake "$0.00 left ·
 * out of credits". The core already refuses such figures; this guards a cached view from an older version.
 */
export function trustedUsage(usage: UsageView | null, keys: KeysState): UsageView | null {
  if (!usage) return usage;
  const kind = keys.management ? (keys.managementKind ?? 'unverified') : null;
  if (usage.balanceStatus !== 'ok' && usage.balance === null) {
    return kind === 'notManagement' && usage.balanceStatus !== 'notManagementKey' ? { ...usage, balanceStatus: 'notManagementKey' } : usage;
  }
  if (kind === 'management' && usage.balanceStatus === 'ok') return usage;
  const keyRemaining = usage.key?.limitRemaining ?? null;
  return {
    ...usage,
    balanceStatus: kind === 'notManagement' ? 'notManagementKey' : 'unavailable',
    balance: null,
    effectiveRemaining: keyRemaining,
    binding: keyRemaining === null ? null : 'key',
  };
}

/** The lowest known figure of what can still be spent; null when none is known. */
export function lowestRemaining(usage: UsageView | null): number | null {
  if (!usage) return null;
  const known = [usage.effectiveRemaining, usage.balance?.balance, usage.key?.limitRemaining].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  return known.length > 0 ? Math.min(...known) : null;
}

export function assessMoney(usage: UsageView | null, settings: Settings, l10n: L10n = ENGLISH): MoneyLevels {
  // Budgets count OpenRouter credit spend only: BYOK usage is billed by the provider, not by OpenRouter.
  const daily = budgetLevel(usage?.key?.daily, settings.budget.daily);
  const monthly = budgetLevel(usage?.key?.monthly, settings.budget.monthly);
  const remaining = lowestRemaining(usage);
  const exhausted = remaining !== null && remaining <= 0;
  const low = remaining !== null && settings.alerts.lowBalance > 0 && remaining < settings.alerts.lowBalance;

  const reasons: string[] = [];
  let error = false;
  let warning = false;
  if (exhausted) {
    error = true;
    reasons.push(l10n.t('nothing left to spend'));
  } else if (low) {
    warning = true;
    reasons.push(l10n.t('low balance'));
  }
  for (const [name, level] of [
    ['daily', daily],
    ['monthly', monthly],
  ] as const) {
    if (!level) continue;
    const isDaily = name === 'daily';
    if (level.fraction >= BUDGET_ERROR_FRACTION) {
      error = true;
      reasons.push(isDaily ? l10n.t('daily budget reached') : l10n.t('monthly budget reached'));
    } else if (level.fraction >= BUDGET_WARNING_FRACTION) {
      warning = true;
      const used = formatPercent(level.fraction, { floor: true });
      reasons.push(isDaily ? l10n.t('{0} of the daily budget used', used) : l10n.t('{0} of the monthly budget used', used));
    }
  }
  const background: MoneyBackground = error ? 'error' : warning ? 'warning' : 'none';
  return { daily, monthly, remaining, low, exhausted, background, reasons };
}
