// Set Budget: daily and monthly USD limits that colour the status bar and raise alerts.
import { formatUsd } from '../../shared/format';
import * as vscode from 'vscode';
import type { Services } from '../services';

type Period = 'daily' | 'monthly';

export function parseBudgetInput(text: string): number | undefined {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (cleaned === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) && value <= 1_000_000 ? value : undefined;
}

/** "now $5.00", or "off". */
function budgetNow(amount: number): string {
  return amount > 0 ? vscode.l10n.t('now {0}', formatUsd(amount)) : vscode.l10n.t('off');
}

export async function setBudget(services: Services, period?: Period): Promise<void> {
  const s = services.settings.current();
  const chosen =
    period ??
    (
      await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Daily budget'), description: budgetNow(s.budget.daily), period: 'daily' as const },
          { label: vscode.l10n.t('Monthly budget'), description: budgetNow(s.budget.monthly), period: 'monthly' as const },
        ],
        { title: vscode.l10n.t('Model Radar: Set Budget'), placeHolder: vscode.l10n.t('Which budget?') },
      )
    )?.period;
  if (!chosen) return;
  const current = s.budget[chosen];
  const text = await vscode.window.showInputBox({
    title: chosen === 'daily' ? vscode.l10n.t('Model Radar: daily (UTC day) budget in USD') : vscode.l10n.t('Model Radar: monthly (UTC month) budget in USD'),
    prompt: vscode.l10n.t('You are warned at 80 % and 100 %. 0 or empty turns it off.'),
    value: current > 0 ? String(current) : '',
    validateInput: (t) => (parseBudgetInput(t) === undefined ? vscode.l10n.t('Enter an amount in US dollars, e.g. 5 or 12.50.') : undefined),
  });
  if (text === undefined) return;
  const value = parseBudgetInput(text);
  if (value === undefined) return;
  await vscode.workspace.getConfiguration('modelRadar').update(`budget.${chosen}`, value, vscode.ConfigurationTarget.Global);
}
