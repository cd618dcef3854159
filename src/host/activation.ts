// The activation both entries share (src/host/entry.ts for the desktop's Node host, src/host/webEntry.ts for the
// browser's web worker host), with the platform each one chose. See src/host/entry.ts for how it loads and starts
// the composition root.
import * as vscode from 'vscode';
import { COMMANDS } from '../shared/commands';
import { formatLogMs } from '../shared/format';
import { createStatusItem } from './statusItem';
import type { Platform } from './platform/platform';

/** What the entry needs from the composition root (src/host/extension.ts). */
export interface MainModule {
  start(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, platform: Platform): void;
}

const moduleLoaded = performance.now();

/**
 * activate() with the composition root's loader and the host's platform given (src/host/entry.ts for the desktop,
 * src/host/webEntry.ts for the browser); the tests pass their own loader to see each step.
 */
export function activateLazily(context: vscode.ExtensionContext, loadMain: () => Promise<MainModule>, platform: Platform): void {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Model Radar', { log: true });
  context.subscriptions.push(log);
  const ids = Object.values(COMMANDS);

  let state: { kind: 'waiting' } | { kind: 'starting'; done: Promise<boolean> } | { kind: 'started' } | { kind: 'failed'; message: string } = { kind: 'waiting' };
  let proxies: vscode.Disposable[] = [];
  const disposeProxies = (): void => {
    for (const p of proxies) p.dispose();
    proxies = [];
  };
  context.subscriptions.push({ dispose: disposeProxies });

  const failed = (stage: string, err: unknown): false => {
    const message = err instanceof Error ? err.message : String(err);
    state = { kind: 'failed', message };
    log.error(`Model Radar could not start (${stage}): ${message}`);
    if (err instanceof Error && err.stack) log.debug(err.stack);
    showFailure(context, log, message);
    return false;
  };

  /** Loads and starts the composition root once; true when its commands are registered. */
  const ensureStarted = (): Promise<boolean> => {
    if (state.kind === 'started') return Promise.resolve(true);
    if (state.kind === 'failed') return Promise.resolve(false);
    if (state.kind === 'starting') return state.done;
    const done = (async (): Promise<boolean> => {
      const loading = performance.now();
      let main: MainModule;
      try {
        main = await loadMain();
      } catch (err) {
        return failed('loading its code', err);
      }
      const loaded = performance.now();
      // Hand the ids over: the proxies go, and start() registers the real commands in the same tick.
      const owned = context.subscriptions.length;
      disposeProxies();
      try {
        main.start(context, log, platform);
      } catch (err) {
        // Undo what the failed start registered, so the proxies can come back and explain.
        for (const d of context.subscriptions.splice(owned)) {
          try {
            d.dispose();
          } catch {
            // Already failing: the first error is the one to report.
          }
        }
        registerProxies();
        return failed('starting', err);
      }
      state = { kind: 'started' };
      log.info(`Model Radar started in ${formatLogMs(performance.now() - loading)} ms (code loading ${formatLogMs(loaded - loading)} ms)`);
      return true;
    })();
    state = { kind: 'starting', done };
    return done;
  };

  function registerProxies(): void {
    proxies = ids.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        if (await ensureStarted()) return vscode.commands.executeCommand(id, ...args);
        if (id === COMMANDS.showLog) log.show();
        else if (state.kind === 'failed') await explainFailure(log, state.message);
        return undefined;
      }),
    );
  }
  registerProxies();

  // After activate() returns, so VS Code's activation figure counts only this module.
  const timer = setTimeout(() => void ensureStarted(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });

  log.info(`Model Radar activated in ${formatLogMs(performance.now() - t0)} ms on the ${platform.kind} host (entry; module load to activate ${formatLogMs(t0 - moduleLoaded)} ms)`);
}

/** A start that failed stays visible (a status bar item that opens the log), not a toast at startup. */
function showFailure(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, message: string): void {
  try {
    const item = createStatusItem();
    item.text = '$(error) Model Radar';
    item.tooltip = vscode.l10n.t('Model Radar could not start: {0}. Click to show the log.', message);
    item.command = COMMANDS.showLog;
    item.show();
    context.subscriptions.push(item);
  } catch (err) {
    log.error(`Model Radar could not show its status: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A command the user ran while the extension could not start: say so, and offer the log. */
async function explainFailure(log: vscode.LogOutputChannel, message: string): Promise<void> {
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Model Radar could not start: {0}', message), showLog);
  if (choice) log.show();
}
