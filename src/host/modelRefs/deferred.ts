// The workspace references (the index, hover, CodeLens, diagnostics and Swap Model…) are the largest part of the
// host, and nothing of them runs before the first scan, a second after start. So their code is a chunk of its own
// (esbuild splits at the import() below): the composition root gets this stand-in at once, and the chunk loads
// when that second has passed, or earlier when something needs it (a swap, a reveal, a rescan). Until then the
// view says the scan has not started; afterwards every call goes to the real thing.
import * as vscode from 'vscode';
import type { ReferencesView } from '../../shared/types';
import type { ModelReferences, ModelReferencesDeps, registerModelReferences } from './register';
import type { SwapOutcome } from './swapFlow';

/** What the chunk must export (the type-only import above keeps register.ts out of this module's bundle). */
export interface RegisterModule {
  registerModelReferences: typeof registerModelReferences;
}

export interface DeferredOptions {
  /** Loads the chunk; the tests pass the module itself. */
  load?: () => Promise<RegisterModule>;
  /** Wait before loading unasked (default 1 s: the first paint and the first fetch go first). */
  delayMs?: number;
}

const DEFAULT_DELAY_MS = 1_000;

export function deferModelReferences(deps: ModelReferencesDeps, options: DeferredOptions = {}): ModelReferences {
  const load = options.load ?? ((): Promise<RegisterModule> => import('./register'));
  const changed = new vscode.EventEmitter<ReferencesView>();
  let real: ModelReferences | null = null;
  let loading: Promise<ModelReferences | null> | null = null;
  let failure: string | null = null;
  let disposed = false;
  let forwarding: vscode.Disposable | null = null;

  const ensure = (): Promise<ModelReferences | null> => {
    if (loading !== null) return loading;
    loading = (async (): Promise<ModelReferences | null> => {
      try {
        const mod = await load();
        if (disposed) return null;
        // The wait is over (the timer, or a caller that needs the references now): scan at once.
        const made = mod.registerModelReferences({ ...deps, startDelayMs: 0 });
        real = made;
        forwarding = made.onDidChange((v) => changed.fire(v));
        changed.fire(made.view());
        return made;
      } catch (err) {
        failure = err instanceof Error ? err.message : String(err);
        deps.log.error(`model references: could not load their code: ${failure}`);
        changed.fire(view());
        return null;
      }
    })();
    return loading;
  };
  const timer = setTimeout(() => void ensure(), options.delayMs ?? DEFAULT_DELAY_MS);

  const view = (): ReferencesView => {
    if (real !== null) return real.view();
    const note = failure !== null
      ? vscode.l10n.t('Model references are unavailable: {0}', failure)
      : vscode.workspace.isTrusted
        ? vscode.l10n.t('The workspace scan starts in a moment.')
        : vscode.l10n.t('This workspace is not trusted: model references are shown, swaps are off.');
    return { refs: [], scanning: failure === null, files: 0, note };
  };
  const unavailable = (): SwapOutcome => ({ kind: 'refused', applied: false, reason: 'unavailable', message: vscode.l10n.t('Model references are unavailable: {0}', failure ?? '') });

  return {
    view,
    onDidChange: changed.event,
    async reveal(refId) {
      return (await ensure())?.reveal(refId) ?? false;
    },
    async swap(params) {
      const r = await ensure();
      return r === null ? unavailable() : r.swap(params);
    },
    async swapCommand(arg) {
      const r = await ensure();
      if (r !== null) return r.swapCommand(arg);
      const outcome = unavailable();
      void vscode.window.showWarningMessage(vscode.l10n.t('Model Radar: {0}', outcome.message));
      return outcome;
    },
    rescan() {
      if (real !== null) real.rescan();
      else void ensure();
    },
    refreshDiagnostics() {
      // Before the chunk loads there are no diagnostics to redo; the first scan makes them with what is known.
      real?.refreshDiagnostics();
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      forwarding?.dispose();
      real?.dispose();
      changed.dispose();
    },
  };
}
