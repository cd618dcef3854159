// The sidebar's Spend figures, computed once: the first screen (webview/src/first/firstScreen.ts, plain DOM) and the
// app (webview/src/sections/SpendSection.tsx, React) render this same list, so the two can never say a figure, a
// note or a warning differently (they did: the first screen wrote OpenRouter's reset word "monthly" where the app
// wrote it in the UI language).
import type { WebviewSettings } from '../../../src/shared/protocol';
import type { Snapshot } from '../../../src/shared/types';
import { UNKNOWN, formatUsd } from '../../../src/shared/format';
import * as l10n from '../l10n';

export interface SpendStat {
  label: string;
  value: string;
  note?: string;
  warn?: boolean;
}

export interface SpendFigures {
  stats: SpendStat[];
  /** The BYOK rows are shown: say what BYOK is beside them. */
  byok: boolean;
  /** The management slot holds an ordinary API key (and an inference key exists): invite to set a real one. */
  invalidManagementKey: boolean;
  /** The budget warning, daily first; null within budget or without one. */
  overBudget: string | null;
}

/** BYOK spend worth showing: a real, positive figure (OpenRouter reports 0 for users without BYOK). */
export function byokSpent(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/** OpenRouter's reset period ("daily", "weekly", "monthly") in the UI language; anything else as sent. */
export function limitResetText(reset: string): string {
  if (reset === 'daily') return l10n.t('daily');
  if (reset === 'weekly') return l10n.t('weekly');
  if (reset === 'monthly') return l10n.t('monthly');
  return reset;
}

function ofBudget(spent: number | null, budget: number): string | undefined {
  return budget > 0 && spent !== null && Number.isFinite(spent) ? l10n.t('of {0} budget', formatUsd(budget)) : undefined;
}

function remainingNote(binding: string | undefined, low: boolean): string | undefined {
  if (binding && low) return l10n.t('{0}, low', binding);
  if (low) return l10n.t('low');
  return binding;
}

export function spendFigures(snapshot: Snapshot, settings: WebviewSettings): SpendFigures {
  const usage = snapshot.usage;
  const key = usage?.key ?? null;
  const remaining = usage?.effectiveRemaining ?? null;
  const low = remaining !== null && settings.lowBalance > 0 && remaining < settings.lowBalance;
  const binding = usage?.binding === 'key' ? l10n.t('key limit binds') : usage?.binding === 'balance' ? l10n.t('balance binds') : undefined;
  const daily = key?.daily ?? null;
  const monthly = key?.monthly ?? null;
  const overDaily = settings.budgetDaily > 0 && daily !== null && daily > settings.budgetDaily;
  const overMonthly = settings.budgetMonthly > 0 && monthly !== null && monthly > settings.budgetMonthly;
  let limit = UNKNOWN;
  let limitNote: string | undefined;
  if (key) {
    if (key.limit === null) limit = l10n.t('No limit');
    else {
      limit = formatUsd(key.limit);
      limitNote = key.limitReset ? l10n.t('resets {0}', limitResetText(key.limitReset)) : undefined;
    }
  }
  // BYOK requests cost the user at their own providers; OpenRouter's figures above leave that out.
  const byok = key !== null && [key.byokDaily, key.byokWeekly, key.byokMonthly].some(byokSpent);
  const notManagement = usage?.balanceStatus === 'notManagementKey';
  const checking = !notManagement && usage?.balanceStatus !== 'ok' && snapshot.keys.management && (snapshot.keys.managementKind ?? 'unverified') === 'unverified';
  const balanceNote =
    usage?.balanceStatus === 'ok'
      ? undefined
      : notManagement
        ? l10n.t('unavailable: this is not a management key')
        : checking
          ? l10n.t('checking the management key…')
          : l10n.t('needs a management key');
  const stats: SpendStat[] = [
    { label: l10n.t('Today'), value: formatUsd(daily), note: ofBudget(daily, settings.budgetDaily), warn: overDaily },
    { label: l10n.t('This week'), value: formatUsd(key?.weekly) },
    { label: l10n.t('This month'), value: formatUsd(monthly), note: ofBudget(monthly, settings.budgetMonthly), warn: overMonthly },
  ];
  if (byok) {
    stats.push(
      { label: l10n.t('BYOK today'), value: formatUsd(key?.byokDaily) },
      { label: l10n.t('BYOK this week'), value: formatUsd(key?.byokWeekly) },
      { label: l10n.t('BYOK this month'), value: formatUsd(key?.byokMonthly) },
    );
  }
  stats.push({ label: l10n.t('Key limit'), value: limit, note: limitNote });
  if (key && key.limit !== null) stats.push({ label: l10n.t('Key remaining'), value: formatUsd(key.limitRemaining) });
  stats.push({ label: l10n.t('Balance'), value: usage?.balanceStatus === 'ok' ? formatUsd(usage.balance?.balance) : UNKNOWN, note: balanceNote });
  stats.push({ label: l10n.t('Remaining'), value: formatUsd(remaining), note: remainingNote(binding, low), warn: low });
  if (usage?.burnRatePerDay !== null && usage?.burnRatePerDay !== undefined) stats.push({ label: l10n.t('Burn rate'), value: l10n.t('{0}/day', formatUsd(usage.burnRatePerDay)) });
  if (usage?.monthEndProjection !== null && usage?.monthEndProjection !== undefined) stats.push({ label: l10n.t('Month-end projection'), value: formatUsd(usage.monthEndProjection) });
  return {
    stats,
    byok,
    invalidManagementKey: notManagement && snapshot.keys.inference !== 'none',
    overBudget: overDaily ? l10n.t('Over your daily budget.') : overMonthly ? l10n.t('Over your monthly budget.') : null,
  };
}

/** What the BYOK rows mean, said beside them. */
export function byokExplanation(): string {
  return l10n.t('Today, this week and this month are OpenRouter credits; BYOK is what requests over your own provider keys cost upstream, billed by those providers. Budgets and the balance count OpenRouter credits only.');
}

/** The Spend section's header summary: "$1.84 today" (with BYOK: "$1.84 + $0.20 BYOK today"); undefined without a figure. */
export function spendSummary(snapshot: Snapshot): string | undefined {
  const key = snapshot.usage?.key ?? null;
  if (snapshot.keys.inference === 'none' || !key || key.daily === null || !Number.isFinite(key.daily)) return undefined;
  return byokSpent(key.byokDaily) ? l10n.t('{0} + {1} BYOK today', formatUsd(key.daily), formatUsd(key.byokDaily)) : l10n.t('{0} today', formatUsd(key.daily));
}
