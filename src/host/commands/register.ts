// Every contributed command, registered in one place; each one's body lives in its own file.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { clearKeys, setKey } from './keys';
import { setBudget } from './budget';
import { SIDEBAR_VIEW_ID } from '../sidebarView';
import { COMMANDS, type CommandName } from '../../shared/commands';
import { dashboardFocusArg } from '../../core/bridge/protocolGuard';

/** What each command does; typed over COMMANDS, so a command without a handler (or a handler without a command) does not compile. */
type CommandHandlers = { [N in CommandName]: (...args: unknown[]) => unknown };

export function registerCommands(services: Services): vscode.Disposable[] {
  const { log } = services;
  const handlers: CommandHandlers = {
    setApiKey: () => setKey(services, 'inference'),
    setManagementKey: () => setKey(services, 'management'),
    clearKeys: () => clearKeys(services),
    refresh: () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Model Radar: refreshing') }, () => services.radar.refreshNow()),
    openDashboard: (arg) => services.openDashboard(dashboardFocusArg(arg)),
    focusSidebar: () => vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`),
    showLog: () => log.show(),
    setBudget: (period) => setBudget(services, period === 'daily' || period === 'monthly' ? period : undefined),
    // Loaded when first run (their own chunks in dist/host/): nothing at start needs them.
    exportUsage: async () => (await import('./exportUsage')).exportUsage(services),
    compareModel: async (modelId) => (await import('./compare')).compareModel(services, typeof modelId === 'string' ? modelId : undefined),
    swapModel: (arg) => services.references.swapCommand(arg),
    rescanWorkspace: () => services.references.rescan(),
  };
  // A failing command says what happened and offers the log; it never throws into VS Code.
  const guarded = (name: CommandName) =>
    vscode.commands.registerCommand(COMMANDS[name], async (...args: unknown[]) => {
      try {
        return await handlers[name](...args);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log.error(`${COMMANDS[name]} failed: ${message}`);
        const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Model Radar: {0}', message), vscode.l10n.t('Show Log'));
        if (choice) log.show();
        return undefined;
      }
    });
  return (Object.keys(COMMANDS) as CommandName[]).map(guarded);
}
