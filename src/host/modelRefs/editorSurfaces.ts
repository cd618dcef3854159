// Hover, CodeLens, diagnostics and quick fixes on model ids. What they say comes from core/refs/present.ts.
import * as vscode from 'vscode';
import type { CatalogIndex } from '../../core/market/catalog';
import { rankOf } from '../../shared/variantTokens';
import { alternatives } from '../../core/market/compare';
import { utcDay } from '../../shared/format';
import { thisWeekRankings } from '../../core/market/rankings';
import { classifyPath, isConfigKind } from '../../core/refs/classify';
import { lineStarts, positionAt } from '../../core/refs/candidate';
import { allowanceOfId } from '../../core/market/allowed';
import { allowedCheckNote } from '../../shared/allowed';
import {
  allowanceProblem,
  codeLensTitle,
  hoverMarkdown,
  hoverSuggestions,
  refProblems,
  type RefProblem,
  type RefProblemKind,
  type RemovedInfo,
} from '../../core/refs/present';
import { successorsFor } from '../../core/watch/successor';
import { computeSwap } from '../../core/refs/swap';
import type { ModelRef } from '../../core/refs/types';
import type { CatalogModel, Snapshot } from '../../shared/types';
import { snapshotPriceAge } from '../../shared/dataLabels';
import type { ModelRefsSettings, RefEntry, WorkspaceReferences } from './workspaceIndex';
import { COMMANDS } from '../../shared/commands';

export const DIAGNOSTIC_SOURCE = 'Model Radar';
const ALL_DOCUMENTS: vscode.DocumentSelector = { pattern: '**' };

export interface SurfaceDeps {
  refs: WorkspaceReferences;
  snapshot(): Snapshot;
  settings(): ModelRefsSettings;
  /** Edits are offered only when this is true (trusted workspace). */
  canEdit(): boolean;
  /** What the catalog watch knows of a model that left the catalog. */
  removed?: (id: string) => RemovedInfo | null;
}

/** Problems whose quick fix moves to a successor through the swap flow (one click, this reference only). */
const SUCCESSOR_PROBLEMS: ReadonlySet<RefProblemKind> = new Set(['expiring', 'expired', 'removed']);

/** The VS Code range of a reference, from its 1-based line/column. */
export function rangeOf(ref: ModelRef): vscode.Range {
  return new vscode.Range(ref.line - 1, ref.column - 1, ref.line - 1, ref.column - 1 + ref.length);
}

/** The VS Code range of an offset span in `text` (for files that are not open). */
export function rangeInText(text: string, offset: number, length: number, starts = lineStarts(text)): vscode.Range {
  const a = positionAt(starts, offset);
  const b = positionAt(starts, offset + length);
  return new vscode.Range(a.line - 1, a.column - 1, b.line - 1, b.column - 1);
}

function modelOf(catalog: CatalogIndex | null, ref: ModelRef): CatalogModel | null {
  return catalog?.resolve(ref.id)?.model ?? null;
}

function problemsOf(catalog: CatalogIndex, ref: ModelRef, today: string, removed?: (id: string) => RemovedInfo | null, allowed?: Snapshot['allowedModels']): RefProblem[] {
  // A successor the key may not use is never offered as a one-click fix.
  const usable = (id: string): boolean => allowanceOfId(allowed, catalog, id) !== 'notAllowed';
  return refProblems(ref, modelOf(catalog, ref), today, {
    suggest: (raw) => catalog.suggest(raw, 3),
    // The family's newer model or its -latest alias; without one, the cheapest comparable models.
    successors: (m) => {
      const next = successorsFor(m, catalog.all, { today }).filter(usable);
      if (next.length > 0) return next;
      const cheaper = alternatives(catalog, m.id, undefined, { limit: 3, now: Date.parse(`${today}T12:00:00Z`), notAllowed: (x) => !usable(x.id) });
      return cheaper.alternatives.filter((a) => a.notAllowed !== true).map((a) => a.id);
    },
    removed,
  }, vscode.l10n);
}

export class EditorSurfaces implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  private readonly disposables: Pick<vscode.Disposable, 'dispose'>[] = [];

  constructor(private readonly deps: SurfaceDeps) {
    this.disposables.push(
      this.diagnostics,
      this.lensesChanged,
      vscode.languages.registerHoverProvider(ALL_DOCUMENTS, { provideHover: (doc, pos) => this.hover(doc, pos) }),
      vscode.languages.registerCodeLensProvider(ALL_DOCUMENTS, {
        onDidChangeCodeLenses: this.lensesChanged.event,
        provideCodeLenses: (doc) => this.lenses(doc),
      }),
      vscode.languages.registerCodeActionsProvider(
        ALL_DOCUMENTS,
        { provideCodeActions: (doc, range, ctx) => this.actions(doc, range, ctx) },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite] },
      ),
      deps.refs.onDidChangeFile((uri) => {
        if (uri === null) this.refreshAll();
        else this.refreshFile(uri);
      }),
    );
  }

  private at(doc: vscode.TextDocument, pos: vscode.Position): { entry: RefEntry; indexed: boolean } | null {
    const { entries, indexed } = this.deps.refs.refsForDocument(doc);
    const offset = doc.offsetAt(pos);
    const entry = entries.find((e) => offset >= e.ref.offset && offset <= e.ref.offset + e.ref.length);
    return entry === undefined ? null : { entry, indexed };
  }

  private hover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | null {
    const hit = this.at(doc, pos);
    if (hit === null) return null;
    const catalog = this.deps.refs.currentCatalog();
    const { ref } = hit.entry;
    const model = modelOf(catalog, ref);
    const today = utcDay(Date.now());
    const md = new vscode.MarkdownString(
      hoverMarkdown({
        ref,
        model,
        aliasTarget: model !== null && catalog !== null ? catalog.aliasTarget(model) : null,
        ranked: model === null ? null : rankOf(thisWeekRankings(this.deps.snapshot().rankings), catalog?.aliasTarget(model) ?? model),
        refId: hit.indexed && this.deps.canEdit() ? hit.entry.refId : null,
        // Diagnostics cover indexed workspace files only; elsewhere the hover is the one place naming them.
        suggestions: hoverSuggestions(model !== null || catalog === null, this.deps.settings().diagnostics && hit.indexed, () => catalog?.suggest(ref.id, 3) ?? []),
        today,
        priceAge: snapshotPriceAge(this.deps.snapshot(), Date.now()),
        allowance: allowanceOfId(this.deps.snapshot().allowedModels, catalog, ref.id),
        allowanceNote: allowedCheckNote(this.deps.snapshot().allowedModels),
      }, vscode.l10n),
      true,
    );
    // Command links run only for our own commands (Open Dashboard: the "Providers" link); everything from data is escaped in core.
    md.isTrusted = { enabledCommands: [COMMANDS.swapModel, COMMANDS.compareModel, COMMANDS.openDashboard] };
    return new vscode.Hover(md, rangeOf(ref));
  }

  private lenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const s = this.deps.settings();
    const kind = classifyPath(doc.uri.path);
    if (kind === null) return [];
    if (isConfigKind(kind) ? !s.codeLensConfig : !s.codeLensCode) return [];
    const { entries, indexed } = this.deps.refs.refsForDocument(doc);
    const catalog = this.deps.refs.currentCatalog();
    const rankings = thisWeekRankings(this.deps.snapshot().rankings);
    const priceAge = snapshotPriceAge(this.deps.snapshot(), Date.now());
    const out: vscode.CodeLens[] = [];
    for (const { ref, refId } of entries) {
      const range = rangeOf(ref);
      const model = modelOf(catalog, ref);
      const allowance = allowanceOfId(this.deps.snapshot().allowedModels, catalog, ref.id);
      const title = codeLensTitle(model, model === null ? null : rankOf(rankings, catalog?.aliasTarget(model) ?? model), priceAge, vscode.l10n, ref.preset, allowance);
      out.push(new vscode.CodeLens(range, model === null ? { title, command: '' } : { title, command: COMMANDS.compareModel, arguments: [model.id] }));
      if (indexed && this.deps.canEdit()) out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Swap…'), command: COMMANDS.swapModel, arguments: [{ refId }] }));
    }
    return out;
  }

  private actions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, _ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.deps.canEdit()) return [];
    const catalog = this.deps.refs.currentCatalog();
    if (catalog === null) return [];
    const { entries, indexed } = this.deps.refs.refsForDocument(doc);
    if (!indexed) return [];
    const text = doc.getText();
    const out: vscode.CodeAction[] = [];
    for (const { ref, refId } of entries) {
      const r = rangeOf(ref);
      if (r.intersection(range) === undefined) continue;
      for (const problem of problemsOf(catalog, ref, utcDay(Date.now()), this.deps.removed, this.deps.snapshot().allowedModels)) {
        if (SUCCESSOR_PROBLEMS.has(problem.kind)) {
          // Through the swap flow: it checks the file is what was scanned, keeps its bytes, and says what it did.
          problem.targets.forEach((target, i) => {
            const action = new vscode.CodeAction(vscode.l10n.t('Swap to {0}', target), vscode.CodeActionKind.QuickFix);
            action.command = { title: action.title, command: COMMANDS.swapModel, arguments: [{ refId, targetId: target, confirm: false }] };
            action.isPreferred = i === 0;
            out.push(action);
          });
          continue;
        }
        problem.targets.forEach((target, i) => {
          const plan = computeSwap(text, ref, target, catalog, { l10n: vscode.l10n });
          if (!plan.ok || plan.edits.length === 0) return;
          const action = new vscode.CodeAction(vscode.l10n.t('Replace with {0}', target), vscode.CodeActionKind.QuickFix);
          const edit = new vscode.WorkspaceEdit();
          for (const e of plan.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
          action.edit = edit;
          action.isPreferred = i === 0 && problem.kind !== 'unknown';
          out.push(action);
        });
      }
      const swapTitle = vscode.l10n.t('Swap model…');
      const swap = new vscode.CodeAction(swapTitle, vscode.CodeActionKind.RefactorRewrite);
      swap.command = { title: swapTitle, command: COMMANDS.swapModel, arguments: [{ refId }] };
      out.push(swap);
    }
    return out;
  }

  private diagnosticsFor(entries: readonly RefEntry[], catalog: CatalogIndex): vscode.Diagnostic[] {
    const today = utcDay(Date.now());
    const allowed = this.deps.snapshot().allowedModels;
    const out: vscode.Diagnostic[] = [];
    for (const { ref } of entries) {
      for (const p of problemsOf(catalog, ref, today, this.deps.removed, allowed)) {
        const d = new vscode.Diagnostic(rangeOf(ref), p.message, vscode.DiagnosticSeverity.Warning);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = p.kind;
        out.push(d);
      }
      const notAllowed = allowanceProblem(ref, modelOf(catalog, ref), allowanceOfId(allowed, catalog, ref.id), vscode.l10n);
      if (notAllowed !== null) {
        const d = new vscode.Diagnostic(rangeOf(ref), notAllowed.message, vscode.DiagnosticSeverity.Information);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = notAllowed.kind;
        out.push(d);
      }
    }
    return out;
  }

  private refreshFile(uri: vscode.Uri): void {
    this.lensesChanged.fire();
    const catalog = this.deps.refs.currentCatalog();
    if (!this.deps.settings().diagnostics || catalog === null) {
      this.diagnostics.delete(uri);
      return;
    }
    const entries = this.deps.refs.all().filter((e) => e.uri.toString() === uri.toString());
    this.diagnostics.set(uri, this.diagnosticsFor(entries, catalog));
  }

  /** Settings, trust or the catalog changed, or a scan finished: redo every file. */
  refreshAll(): void {
    this.lensesChanged.fire();
    this.diagnostics.clear();
    const catalog = this.deps.refs.currentCatalog();
    if (!this.deps.settings().diagnostics || catalog === null) return;
    const byUri = new Map<string, RefEntry[]>();
    for (const e of this.deps.refs.all()) {
      const list = byUri.get(e.uri.toString()) ?? [];
      list.push(e);
      byUri.set(e.uri.toString(), list);
    }
    for (const list of byUri.values()) {
      const d = this.diagnosticsFor(list, catalog);
      const uri = list[0]?.uri;
      if (uri !== undefined && d.length > 0) this.diagnostics.set(uri, d);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
