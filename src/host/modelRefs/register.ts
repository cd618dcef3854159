// Model references in the workspace: the index, the editor surfaces and Swap Model…, owned as one disposable.
// Nothing here runs during activation: the first scan starts after it, once a catalog is available.
import * as vscode from 'vscode';
import { createCatalogIndex, type CatalogIndex } from '../../core/market/catalog';
import type { CatalogModel, ReferencesView, Snapshot, TokenMix } from '../../shared/types';
import { EditorSurfaces, rangeOf } from './editorSurfaces';
import { parseSwapArgs, runSwap, type SwapOutcome } from './swapFlow';
import { WorkspaceReferences, type ModelRefsSettings } from './workspaceIndex';
import type { RemovedInfo } from '../../core/refs/present';
import type { LocalScan } from '../platform/platform';

export type { ModelRefsSettings } from './workspaceIndex';

export interface ModelReferences extends Pick<vscode.Disposable, 'dispose'> {
  view(): ReferencesView;
  onDidChange: vscode.Event<ReferencesView>;
  reveal(refId: string): Promise<boolean>;
  swap(params: { modelId: string; refId?: string; targetId?: string }): Promise<SwapOutcome>;
  /** The "Swap Model…" command: arguments from CodeLens, hover links or another extension; says the outcome. */
  swapCommand(arg: unknown): Promise<SwapOutcome>;
  rescan(): void;
  /** The catalog watch learnt something (a removal): redo the diagnostics. */
  refreshDiagnostics(): void;
}

export interface ModelReferencesDeps {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  /** Catalog and rankings live here; `catalog` hands over the host's own index when it has one. */
  snapshot: { current(): Snapshot; onDidChange: vscode.Event<Snapshot>; catalog?: () => CatalogIndex | null; mixFor?: (modelId: string) => TokenMix | null };
  settings: { current(): ModelRefsSettings; onDidChange: vscode.Event<void> };
  /** What the catalog watch knows of a model that left the catalog (diagnostics say "removed", with a successor). */
  removed?: (id: string) => RemovedInfo | null;
  /** How long the first scan waits (default START_DELAY_MS); the deferred loader has already waited. */
  startDelayMs?: number;
  /** The host's fast scan of local folders (Platform.localScan); null or absent: findFiles and workspace.fs only. */
  localScan?: LocalScan | null;
}

/** Let the first paint and the first fetch go first. */
const START_DELAY_MS = 1_000;

export function registerModelReferences(deps: ModelReferencesDeps): ModelReferences {
  const { log } = deps;
  const refs = new WorkspaceReferences(log, () => deps.settings.current(), { localScan: deps.localScan ?? null });
  const canEdit = (): boolean => vscode.workspace.isTrusted;
  const surfaces = new EditorSurfaces({ refs, snapshot: () => deps.snapshot.current(), settings: () => deps.settings.current(), canEdit, removed: deps.removed });
  const changed = new vscode.EventEmitter<ReferencesView>();
  const untrustedNote = vscode.l10n.t('This workspace is not trusted: model references are shown, swaps are off.');
  const view = (): ReferencesView => refs.view(canEdit() ? null : untrustedNote);

  // The catalog index: the host's when offered, else built once per catalog the snapshot carries.
  let builtFrom: readonly CatalogModel[] | null = null;
  let built: CatalogIndex | null = null;
  const catalogNow = (): CatalogIndex | null => {
    const offered = deps.snapshot.catalog?.() ?? null;
    if (offered !== null) return offered;
    const models = deps.snapshot.current().catalog?.models ?? null;
    if (models === null || models.length === 0) return null;
    if (models !== builtFrom) {
      builtFrom = models;
      built = createCatalogIndex(models);
    }
    return built;
  };

  let started = false;
  const start = (): void => {
    started = true;
    refs.setCatalog(catalogNow());
  };
  const startTimer = setTimeout(start, deps.startDelayMs ?? START_DELAY_MS);

  let lastScan = JSON.stringify(pickScan(deps.settings.current()));
  let lastAllowed = deps.snapshot.current().allowedModels;
  const disposables: Pick<vscode.Disposable, 'dispose'>[] = [
    refs,
    surfaces,
    changed,
    { dispose: () => clearTimeout(startTimer) },
    refs.onDidChange(() => changed.fire(view())),
    deps.snapshot.onDidChange((snap) => {
      if (!started) return;
      const before = refs.currentCatalog();
      refs.setCatalog(catalogNow());
      // Same ids, new facts (a price, a retirement date): the index keeps its scan; the lenses and diagnostics
      // must say the new facts. So must they when what the key may use changed (GET /models/user).
      const allowedChanged = snap.allowedModels !== lastAllowed;
      lastAllowed = snap.allowedModels;
      if (refs.currentCatalog() !== before || allowedChanged) surfaces.refreshAll();
    }),
    deps.settings.onDidChange(() => {
      const scan = JSON.stringify(pickScan(deps.settings.current()));
      if (scan !== lastScan) {
        lastScan = scan;
        refs.rescan();
      }
      surfaces.refreshAll();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('search.exclude')) refs.rescan();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => refs.rescan()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      surfaces.refreshAll();
      changed.fire(view());
    }),
  ];

  return {
    view,
    onDidChange: changed.event,
    async reveal(refId: string): Promise<boolean> {
      const entry = refs.entry(refId);
      if (entry === undefined) return false;
      const editor = await vscode.window.showTextDocument(entry.uri, { selection: rangeOf(entry.ref), preview: true });
      editor.revealRange(rangeOf(entry.ref), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return true;
    },
    // From the webview and Compare: the host validated the shape. A named target skips the picker, never the
    // confirmation: one click must not edit every file (code included) unasked.
    swap: (params) => runSwap({ refs, snapshot: () => deps.snapshot.current(), log, mixFor: deps.snapshot.mixFor }, params, { pick: params.targetId === undefined, confirm: true }),
    async swapCommand(arg) {
      const params = parseSwapArgs(arg);
      const outcome = await runSwap({ refs, snapshot: () => deps.snapshot.current(), log, mixFor: deps.snapshot.mixFor }, params, { pick: true, confirm: params.confirm !== false });
      if (outcome.kind === 'applied' || outcome.kind === 'nothingToDo') void vscode.window.showInformationMessage(vscode.l10n.t('Model Radar: {0}', outcome.message));
      else if (outcome.kind === 'refused') void vscode.window.showWarningMessage(vscode.l10n.t('Model Radar: {0}', outcome.message));
      return outcome;
    },
    refreshDiagnostics: () => surfaces.refreshAll(),
    rescan: () => {
      if (!started) start();
      else refs.rescan();
    },
    dispose(): void {
      for (const d of disposables) d.dispose();
    },
  };
}

function pickScan(s: ModelRefsSettings): unknown {
  return [s.scanInclude, s.scanExclude, s.maxFileBytes, s.useRipgrep];
}
