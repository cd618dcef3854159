// @ts-nocheck
// Every contributed command, registered in one place; each one's body lives in its own file.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { clearKeys, setKey } from './keys';
import { setBudget } from './budget';
import { exportUsage } from './exportUsage';
import { compareModel } from './compare';
import { SIDEBAR_VIEW_ID } from '../sidebarView';

export function registerCommands(services: Services): vscode.Disposable[] {
  const { log } = services;
  // A failing command says what happened and offers the log; it never throws into VS Code.
  const guarded = (id: string, fn: (...args: unknown[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log.error(`${id} failed: ${message}`);
        const choice = await vscode.window.showErrorMessage(`Model Radar: ${message}`, 'Show Log');
        if (choice) log.show();
        return undefined;
      }
    });
  return [
    guarded('modelRadar.setApiKey', () => setKey(services, 'inference')),
    guarded('modelRadar.setManagementKey', () => setKey(services, 'management')),
    guarded('modelRadar.clearKeys', () => clearKeys(services)),
    guarded('modelRadar.refresh', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Model Radar: refreshing' }, () => services.radar.refreshNow()),
    ),
    guarded('modelRadar.openDashboard', () => services.openDashboard()),
    guarded('modelRadar.focusSidebar', () => vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`)),
    guarded('modelRadar.showLog', () => log.show()),
    guarded('modelRadar.setBudget', (period) => setBudget(services, period === 'daily' || period === 'monthly' ? period : undefined)),
    guarded('modelRadar.exportUsage', () => exportUsage(services)),
    guarded('modelRadar.compareModel', (modelId) => compareModel(services, typeof modelId === 'string' ? modelId : undefined)),
    guarded('modelRadar.rescanWorkspace', () => services.references.rescan()),
  ];
}
