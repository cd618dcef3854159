// Composition root: creates the owners of every disposable and wires them. activate() does no
// network and no file scanning; the first fetch and the workspace index start after it returns.
import * as vscode from 'vscode';
import type { ViewKind, WebviewSettings } from '../shared/protocol';
import type { ReferencesView, Snapshot } from '../shared/types';
import type { RequestHandlers } from '../core/webviewDispatch';
import { SidebarViewProvider, SIDEBAR_VIEW_ID } from './sidebarView';
import { DashboardPanel } from './dashboardPanel';
import { KeyStore } from './secrets';

const started = performance.now();

function placeholderSnapshot(): Snapshot {
  const resource = { fetchedAt: null, error: null, stale: false, loading: false };
  return {
    keys: { inference: 'none', management: false },
    catalog: null,
    rankings: null,
    usage: null,
    activity: null,
    resources: { models: resource, rankings: resource, key: resource, credits: resource, activity: resource },
  };
}

export function activate(context: vscode.ExtensionContext): void {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Model Radar', { log: true });
  context.subscriptions.push(log);

  const keys = new KeyStore(context.secrets);
  context.subscriptions.push(keys);

  const snapshotChanged = new vscode.EventEmitter<Snapshot>();
  const refsChanged = new vscode.EventEmitter<ReferencesView>();
  const settingsChanged = new vscode.EventEmitter<WebviewSettings>();
  context.subscriptions.push(snapshotChanged, refsChanged, settingsChanged);
  const snapshot = placeholderSnapshot();
  const state = {
    snapshot: () => snapshot,
    onDidChangeSnapshot: snapshotChanged.event,
    references: (): ReferencesView => ({ refs: [], scanning: false, files: 0, note: null }),
    onDidChangeReferences: refsChanged.event,
    settings: (): WebviewSettings => ({ budgetDaily: 0, budgetMonthly: 0, lowBalance: 5, leadersTop: 5 }),
    onDidChangeSettings: settingsChanged.event,
  };
  const handlers: RequestHandlers = {
    'snapshot/get': async () => snapshot,
    'references/get': async () => state.references(),
    'compare/alternatives': async ({ modelId }) => ({ modelId, mix: { input: 0, output: 0, cacheRead: 0, source: 'default' }, baseCost: null, alternatives: [] }),
    'model/copyId': async () => ({ copied: false }),
    'model/openOnWeb': async () => ({ opened: false }),
    'model/swap': async () => ({ applied: false, message: 'not available' }),
    'reference/reveal': async () => ({ revealed: false }),
    'command/run': async () => ({ ran: false }),
  };
  const onFirstContent = (view: ViewKind, ms: number): void => log.info(`webview ${view} firstContent ${ms.toFixed(1)} ms`);

  const sidebar = new SidebarViewProvider(context.extensionUri, state, handlers, log, onFirstContent);
  const dashboard = new DashboardPanel(context.extensionUri, state, handlers, log, onFirstContent);
  context.subscriptions.push(sidebar, dashboard, vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar));

  const status = vscode.window.createStatusBarItem('modelRadar.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Model Radar';
  status.text = '$(graph) Model Radar';
  status.command = 'modelRadar.focusSidebar';
  status.show();
  context.subscriptions.push(status);

  context.subscriptions.push(
    vscode.commands.registerCommand('modelRadar.showLog', () => log.show()),
    vscode.commands.registerCommand('modelRadar.openDashboard', () => dashboard.show()),
    vscode.commands.registerCommand('modelRadar.focusSidebar', () => vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`)),
  );

  const ms = performance.now() - t0;
  log.info(`Model Radar activated in ${ms.toFixed(2)} ms (module load ${(t0 - started).toFixed(2)} ms)`);
}

export function deactivate(): void {
  // Every disposable is owned by context.subscriptions.
}
