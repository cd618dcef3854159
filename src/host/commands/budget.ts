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

export async function setBudget(services: Services, period?: Period): Promise<void> {
  const s = services.settings.current();
  const chosen =
    period ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'Daily budget', description: s.budget.daily > 0 ? `now ${formatUsd(s.budget.daily)}` : 'off', period: 'daily' as const },
          { label: 'Monthly budget', description: s.budget.monthly > 0 ? `now ${formatUsd(s.budget.monthly)}` : 'off', period: 'monthly' as const },
        ],
        { title: 'Model Radar: Set Budget', placeHolder: 'Which budget?' },
      )
    )?.period;
  if (!chosen) return;
  const current = s.budget[chosen];
  const text = await vscode.window.showInputBox({
    title: `Model Radar: ${chosen === 'daily' ? 'daily (UTC day)' : 'monthly (UTC month)'} budget in USD`,
    prompt: 'You are warned at 80 % and 100 %. 0 or empty turns it off.',
    value: current > 0 ? String(current) : '',
    validateInput: (t) => (parseBudgetInput(t) === undefined ? 'Enter an amount in US dollars, e.g. 5 or 12.50.' : undefined),
  });
  if (text === undefined) return;
  const value = parseBudgetInput(text);
  if (value === undefined) return;
  await vscode.workspace.getConfiguration('modelRadar').update(`budget.${chosen}`, value, vscode.ConfigurationTarget.Global);
}
