// Budget and balance notifications: the pure evaluation decides; this shows them and remembers,
// in globalState, what was shown, so a reload or a second window does not repeat it.
import * as vscode from 'vscode';
import { evaluateAlerts, loadAlertState, snoozeForPeriod, type AlertNotification, type AlertState } from '../core/status/alerts';
import type { Settings } from '../core/service/settings';
import type { Snapshot } from '../shared/types';

const STATE_KEY = 'modelRadar.alertState';

export class Alerts {
  constructor(
    private readonly globalState: vscode.Memento,
    private readonly actions: { openDashboard(): void; setBudget(period: 'daily' | 'monthly'): Promise<void> },
  ) {}

  private load(): AlertState {
    return loadAlertState(this.globalState.get<unknown>(STATE_KEY));
  }

  private async save(state: AlertState): Promise<void> {
    await this.globalState.update(STATE_KEY, state);
  }

  async evaluate(snapshot: Snapshot, settings: Settings): Promise<void> {
    if (!settings.alerts.enabled) return;
    const { notifications, state } = evaluateAlerts(snapshot, settings, this.load(), Date.now(), vscode.l10n);
    await this.save(state);
    for (const n of notifications) void this.show(n);
  }

  private async show(n: AlertNotification): Promise<void> {
    const titles = n.actions.map((a) => a.title);
    const show = n.severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    const picked = await show(vscode.l10n.t('Model Radar: {0}', n.message), ...titles);
    const action = n.actions.find((a) => a.title === picked);
    if (!action) return;
    switch (action.kind) {
      case 'openDashboard':
        this.actions.openDashboard();
        return;
      case 'adjustBudget':
        await this.actions.setBudget(action.period);
        return;
      case 'adjustLowBalance':
        await vscode.commands.executeCommand('workbench.action.openSettings', action.settingKey);
        return;
      case 'snooze':
        await this.save(snoozeForPeriod(this.load(), n.id, Date.now()));
        return;
    }
  }
}
