// Composition root (built as dist/main.mjs): creates the owners of every disposable and wires them. The entry
// (src/host/entry.ts) calls start() on the tick after activation, with the log it made. start() does no network
// and no file scanning: it restores the cached snapshot (synchronous Memento reads) and returns; the first fetch
// and the workspace index start afterwards.
import * as vscode from 'vscode';
import type { ViewKind } from '../shared/protocol';
import type { Snapshot } from '../shared/types';
import type { BundledCatalog } from '../core/service/radar';
import { Radar } from '../core/service/radar';
import { toWebviewSettings } from '../core/service/settings';
import { formatLogMs } from '../shared/format';
import { setSharedL10n } from '../shared/l10n';
import { createWebviewRequestHandlers } from '../core/bridge/handlers';
import { SidebarViewProvider, SIDEBAR_VIEW_ID } from './sidebarView';
import { preloadFirstScreen } from './webviewHost';
import { DashboardPanel } from './dashboardPanel';
import { KeyStore } from './secrets';
import { SettingsAdapter } from './settings';
import { StatusBar } from './statusBar';
import { Alerts } from './alerts';
import { registerCommands } from './commands/register';
import { setBudget } from './commands/budget';
import { deferModelReferences } from './modelRefs/deferred';
import { startDemo } from './demo';
import { CatalogWatch, storageFiles } from './catalogWatch';
import type { Services } from './services';
import { COMMANDS } from '../shared/commands';
import type { Platform } from './platform/platform';

const moduleLoaded = performance.now();

/** `platform`: what the host the entry loaded into can do (src/host/platform/); the entry chooses it. */
export function start(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, platform: Platform): void {
  // Words and dates shared code renders (src/shared/format.ts, dataLabels.ts) follow the UI language from here on.
  setSharedL10n(vscode.env.language, (message, ...args) => vscode.l10n.t(message, ...args));
  const t0 = performance.now();
  const phases: string[] = [];
  let mark = t0;
  const phase = (name: string): void => {
    const at = performance.now();
    phases.push(`${name} ${formatLogMs(at - mark)}`);
    mark = at;
  };
  const settings = new SettingsAdapter(log);
  phase('settings');
  const keys = new KeyStore(context.secrets, platform.env);
  context.subscriptions.push(settings, keys);
  phase('keys');

  const radar = new Radar({
    keys: {
      inference: async () => (await keys.inference())?.key,
      management: () => keys.management(),
      state: () => keys.state(),
      setManagementKind: (kind) => keys.setManagementKind(kind),
    },
    storage: { get: (k) => context.globalState.get(k), set: (k, v) => Promise.resolve(context.globalState.update(k, v)) },
    settings: () => settings.current(),
    bundledCatalog: async (): Promise<BundledCatalog | null> => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'catalog-snapshot.json'));
      return JSON.parse(new TextDecoder().decode(bytes)) as BundledCatalog;
    },
    bundledRankings: async (): Promise<unknown> => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'rankings-snapshot.json'));
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    },
    log: (level, line) => log[level](line),
    // The browser: only the headers OpenRouter's CORS allows, and a refused request is `blocked`.
    ...(platform.crossOrigin ? { clientOptions: { crossOrigin: true } } : {}),
  });
  phase('radar');
  const snapshotChanged = new vscode.EventEmitter<Snapshot>();
  const unsubscribe = radar.store.onDidChange((s) => snapshotChanged.fire(s));
  context.subscriptions.push(snapshotChanged, { dispose: () => unsubscribe.dispose() }, { dispose: () => radar.dispose() });

  // Created after the references it watches; the diagnostics ask it about removed models through this.
  let watch: CatalogWatch | null = null;
  const references = deferModelReferences({
    context,
    log,
    localScan: platform.localScan,
    removed: (id) => watch?.removedInfo(id) ?? null,
    snapshot: { current: () => radar.snapshot(), onDidChange: snapshotChanged.event, catalog: () => radar.catalogIndex(), mixFor: (id) => radar.workloadMix(id) },
    settings: {
      current: () => {
        const s = settings.current();
        return {
          scanInclude: s.scan.include,
          scanExclude: s.scan.exclude,
          maxFileBytes: s.scan.maxFileSizeKB * 1024,
          useRipgrep: s.scan.useRipgrep,
          codeLensConfig: s.codeLens.enabled,
          codeLensCode: s.codeLens.inCode,
          diagnostics: s.diagnostics.enabled,
        };
      },
      onDidChange: (listener) => settings.onDidChange(() => {
        listener();
      }),
    },
  }, platform.loadModelReferences === undefined ? {} : { load: platform.loadModelReferences });
  context.subscriptions.push(references);
  phase('references');

  const catalogWatch = new CatalogWatch({
    // Always set by VS Code; absent only in a host that gives the extension no storage.
    files: (context.globalStorageUri as vscode.Uri | undefined) === undefined ? null : storageFiles(context.globalStorageUri),
    log,
    snapshot: { current: () => radar.snapshot(), onDidChange: snapshotChanged.event },
    references: { view: () => references.view(), onDidChange: references.onDidChange },
    catalog: () => radar.catalogIndex(),
    showChanges: () => void vscode.commands.executeCommand(COMMANDS.focusSidebar),
  });
  watch = catalogWatch;
  context.subscriptions.push(catalogWatch, catalogWatch.onDidChangeRemoved(() => references.refreshDiagnostics()));

  const webviewSettingsChanged = new vscode.EventEmitter<ReturnType<typeof toWebviewSettings>>();
  const workloadChanged = new vscode.EventEmitter<void>();
  const workloadListener = radar.onDidChangeWorkload(() => workloadChanged.fire());
  context.subscriptions.push(webviewSettingsChanged, workloadChanged, workloadListener);
  const state = {
    snapshot: () => radar.snapshot(),
    onDidChangeSnapshot: snapshotChanged.event,
    references: () => references.view(),
    onDidChangeReferences: references.onDidChange,
    settings: () => toWebviewSettings(settings.current()),
    onDidChangeSettings: webviewSettingsChanged.event,
    watch: () => catalogWatch.view(),
    onDidChangeWatch: catalogWatch.onDidChange,
    onDidChangeWorkload: workloadChanged.event,
  };

  const handlers = createWebviewRequestHandlers({
    snapshot: () => radar.snapshot(),
    references: () => references.view(),
    isCatalogModel: (id) => radar.isCatalogModel(id),
    compare: (id, mix, limit) => radar.compare(id, mix, limit),
    l10n: vscode.l10n,
    spendHistory: (window, refresh) => radar.spendHistory(window, refresh),
    providers: (modelId, refresh) => radar.providers(modelId, refresh),
    effects: {
      copyText: async (text) => {
        await vscode.env.clipboard.writeText(text);
        void vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', text), 3000);
      },
      openExternal: (url) => Promise.resolve(vscode.env.openExternal(vscode.Uri.parse(url))),
      swap: (p) => references.swap(p),
      reveal: (refId) => references.reveal(refId),
      runCommand: async (command) => {
        await vscode.commands.executeCommand(COMMANDS[command]);
      },
    },
  });
  // From the view being resolved (shown) to its Leaders section rendered with data, as the host sees it.
  const onFirstContent = (view: ViewKind, ms: number, documentMs: number, htmlMs: number): void =>
    // With when it was shown (epoch ms), so the e2e bench can lay the webview's own performance marks beside it.
    log.info(`webview ${view} firstContent ${formatLogMs(ms)} ms (webview document ${formatLogMs(documentMs)} ms, HTML set after ${formatLogMs(htmlMs)} ms, shown at ${formatLogMs(performance.timeOrigin + performance.now() - ms)})`);
  const webviewDeps = { extensionUri: context.extensionUri, state, handlers, log, onFirstContent };
  // The sidebar's first screen, read and rendered ahead, so its page is written the moment the view resolves.
  context.subscriptions.push(preloadFirstScreen(webviewDeps));
  const sidebar = new SidebarViewProvider(webviewDeps);
  const dashboard = new DashboardPanel(webviewDeps);
  context.subscriptions.push(sidebar, dashboard, vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar, {
      // Re-creating a hidden webview costs about a second of VS Code's own iframe loading on every re-show;
      // the sidebar is the always-there panel, so it keeps its (small) document while hidden.
      webviewOptions: { retainContextWhenHidden: true },
    }));

  const services: Services = {
    context,
    log,
    keys,
    radar: {
      snapshot: () => radar.snapshot(),
      onDidChange: snapshotChanged.event,
      refreshNow: (r) => radar.refreshNow(r),
      checkKey: (k) => radar.checkKey(k, vscode.l10n),
      compare: (id, mix, limit) => radar.compare(id, mix, limit),
      isCatalogModel: (id) => radar.isCatalogModel(id),
    },
    settings,
    references,
    openDashboard: (providersOf) => dashboard.show(providersOf),
  };


  phase('views');
  const statusBar = new StatusBar(() => radar.snapshot(), () => settings.current(), () => radar.keysKnown);
  const alerts = new Alerts(context.globalState, {
    openDashboard: () => dashboard.show(),
    setBudget: (period) => setBudget(services, period),
  });
  context.subscriptions.push(statusBar, ...registerCommands(services));

  // Requests only while someone can see the results: a focused window or a visible Model Radar view.
  const updateActive = (): void => radar.setActive(vscode.window.state.focused || sidebar.visible || dashboard.visible);
  const setHasKey = (s: Snapshot): void => {
    void vscode.commands.executeCommand('setContext', 'modelRadar.hasKey', s.keys.inference !== 'none' || s.keys.management);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeWindowState(updateActive),
    sidebar.onDidChangeVisibility(updateActive),
    dashboard.onDidChangeVisibility(updateActive),
    keys.onDidChange(() => void radar.onKeysChanged()),
    snapshotChanged.event((s) => {
      statusBar.render();
      setHasKey(s);
      void alerts.evaluate(s, settings.current());
    }),
    settings.onDidChange((s) => {
      radar.settingsChanged();
      statusBar.render();
      webviewSettingsChanged.fire(toWebviewSettings(s));
    }),
  );

  // The cached snapshot is validated on load (the catalog alone is hundreds of entries): do it right after
  // activation returns rather than inside it, then start polling.
  const startTimer = setTimeout(() => {
    radar.start();
    void catalogWatch.start();
    updateActive();
    void startDemo({ keys, apiBaseUrl: settings.current().apiBaseUrl, env: platform.env, log });
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(startTimer) });

  phase('status+commands');
  const ms = performance.now() - t0;
  log.info(`Model Radar start() ${formatLogMs(ms)} ms on the ${platform.kind} host (${phases.join(', ')}; module load to start ${formatLogMs(t0 - moduleLoaded)} ms)`);
}
