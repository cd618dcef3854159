// Swap Model…: pick the reference(s), pick the target, apply ONE WorkspaceEdit (one undo), optionally through the
// refactor preview. Every refusal says why and writes nothing.
import * as vscode from 'vscode';
import { tokenMixFromActivity } from '../../core/activity';
import { alternatives, DEFAULT_MIX } from '../../core/compare';
import { lineStarts } from '../../core/refs/candidate';
import { activeFileFirst, fingerprint, refPickItem, swapTargetPrompt, selectForSwap, swapTargetSections, toRefView } from '../../core/refs/present';
import { computeSwapMany, sameModelKey, type TextEdit } from '../../core/refs/swap';
import type { Snapshot } from '../../shared/types';
import { rangeInText } from './editorSurfaces';
import type { RefEntry, WorkspaceReferences } from './workspaceIndex';

export interface SwapParams {
  modelId?: string;
  refId?: string;
  targetId?: string;
}

export interface SwapOutcome {
  applied: boolean;
  message: string;
}

export interface SwapDeps {
  refs: WorkspaceReferences;
  snapshot(): Snapshot;
  log: vscode.LogOutputChannel;
}

const refused = (message: string): SwapOutcome => ({ applied: false, message });

/** Command arguments come from CodeLens, hover links and other extensions: keep only well-formed strings. */
export function parseSwapArgs(arg: unknown): SwapParams {
  if (typeof arg === 'string') return { modelId: arg };
  if (arg === null || typeof arg !== 'object') return {};
  const o = arg as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length < 300 ? v : undefined);
  return { modelId: str(o.modelId), refId: str(o.refId), targetId: str(o.targetId) };
}

async function pickReference(deps: SwapDeps): Promise<RefEntry | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined) {
    const { entries, indexed } = deps.refs.refsForDocument(editor.document);
    const offset = editor.document.offsetAt(editor.selection.active);
    const under = entries.find((e) => offset >= e.ref.offset && offset <= e.ref.offset + e.ref.length);
    if (under !== undefined && indexed) return under;
  }
  const catalog = deps.refs.currentCatalog();
  // Run from an open file, its own references come first.
  const all = activeFileFirst(deps.refs.all(), (e) => e.uri.toString(), editor?.document.uri.toString() ?? null);
  if (all.length === 0) {
    void vscode.window.showInformationMessage('Model Radar: no OpenRouter model ids found in this workspace.');
    return undefined;
  }
  type Item = vscode.QuickPickItem & { entry: RefEntry };
  const items: Item[] = all.map((entry) => {
    const p = refPickItem(toRefView(entry.ref, entry.refId, entry.file), catalog?.resolve(entry.ref.id)?.model ?? null);
    return { label: p.label, description: p.description, detail: p.detail, entry };
  });
  const picked = await vscode.window.showQuickPick(items, { title: 'Model Radar: Swap Model', placeHolder: 'Which reference do you want to change?', matchOnDescription: true, matchOnDetail: true });
  return picked?.entry;
}

async function pickTarget(deps: SwapDeps, current: RefEntry): Promise<string | undefined> {
  const catalog = deps.refs.currentCatalog();
  if (catalog === null) return undefined;
  const snap = deps.snapshot();
  const model = catalog.resolve(current.ref.id)?.model ?? null;
  const mix = (model !== null && snap.activity !== null ? tokenMixFromActivity(snap.activity, model.id) : null) ?? DEFAULT_MIX;
  const compare = model === null ? null : alternatives(catalog, model.id, mix, { rankings: snap.rankings, limit: 6 });
  const sections = swapTargetSections({ models: catalog.all, rankings: snap.rankings, currentId: model?.id ?? current.ref.id, compare });
  type Item = vscode.QuickPickItem & { id?: string };
  const items: Item[] = [];
  for (const s of sections) {
    items.push({ label: s.title, kind: vscode.QuickPickItemKind.Separator });
    for (const i of s.items) items.push({ label: i.label, description: i.description, detail: i.detail, id: i.id });
  }
  const picked = await vscode.window.showQuickPick(items, { ...swapTargetPrompt(current.ref.raw, model, compare), matchOnDescription: true });
  return picked?.id;
}

/** Per file: the current text must be what was indexed; then core computes the edits. */
async function planEdits(deps: SwapDeps, entries: readonly RefEntry[], target: string): Promise<{ ok: true; files: { entry: RefEntry; text: string; edits: TextEdit[] }[]; notes: string[] } | { ok: false; message: string }> {
  const catalog = deps.refs.currentCatalog();
  if (catalog === null) return { ok: false, message: 'The model catalog has not loaded yet; try again in a moment.' };
  const byFile = new Map<string, RefEntry[]>();
  for (const e of entries) {
    const list = byFile.get(e.uri.toString()) ?? [];
    list.push(e);
    byFile.set(e.uri.toString(), list);
  }
  const files: { entry: RefEntry; text: string; edits: TextEdit[] }[] = [];
  const notes: string[] = [];
  for (const list of byFile.values()) {
    const first = list[0];
    if (vscode.workspace.getWorkspaceFolder(first.uri) === undefined) return { ok: false, message: `${first.file} is outside the workspace; Model Radar edits workspace files only.` };
    let text: string;
    try {
      text = await deps.refs.readText(first.uri);
    } catch (err) {
      return { ok: false, message: `Could not read ${first.file}: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (deps.refs.indexedPrint(first.file) !== fingerprint(text)) {
      void deps.refs.refreshFile(first.uri);
      return { ok: false, message: `${first.file} changed since it was scanned; it is being rescanned, try again.` };
    }
    const plan = computeSwapMany(text, list.map((e) => e.ref), target, catalog);
    if (!plan.ok) return { ok: false, message: plan.refusal.message };
    notes.push(...plan.notes.filter((n) => !n.startsWith('Already')));
    if (plan.edits.length > 0) files.push({ entry: first, text, edits: plan.edits });
  }
  return { ok: true, files, notes };
}

export async function runSwap(deps: SwapDeps, params: SwapParams, interactive: boolean): Promise<SwapOutcome> {
  if (!vscode.workspace.isTrusted) {
    return refused('This workspace is not trusted, so Model Radar shows model references but does not edit files. Trust the workspace to swap.');
  }
  const catalog = deps.refs.currentCatalog();
  if (catalog === null) return refused('The model catalog has not loaded yet; try again in a moment.');

  // 1) Which references.
  let selected: RefEntry[];
  if (params.refId !== undefined || params.modelId !== undefined) {
    const sel = selectForSwap(deps.refs.all(), { modelId: params.modelId ?? '', refId: params.refId });
    if (!sel.ok) return refused(sel.refusal.message);
    selected = sel.entries;
  } else if (interactive) {
    const picked = await pickReference(deps);
    if (picked === undefined) return refused('Cancelled.');
    selected = [picked];
  } else {
    return refused('No reference or model was named.');
  }
  const first = selected[0];

  // 2) Which model instead.
  let target = params.targetId;
  if (target === undefined) {
    if (!interactive) return refused('No target model was named.');
    target = await pickTarget(deps, first);
    if (target === undefined) return refused('Cancelled.');
  }
  if (!catalog.has(target)) return refused(`"${target}" is not a model in the OpenRouter catalog.`);

  // 3) This one or everywhere, applied or previewed.
  let preview = false;
  if (interactive && params.targetId === undefined) {
    const key = sameModelKey(first.ref);
    const everywhere = deps.refs.all().filter((e) => sameModelKey(e.ref) === key);
    const fileCount = new Set(everywhere.map((e) => e.file)).size;
    type Choice = vscode.QuickPickItem & { all: boolean; preview: boolean };
    const choices: Choice[] = [{ label: selected.length > 1 ? `Swap ${selected.length} references` : 'Swap this reference', all: false, preview: false }];
    if (everywhere.length > selected.length) {
      choices.push({ label: `Swap everywhere`, description: `${everywhere.length} references to ${first.ref.id} in ${fileCount} file${fileCount === 1 ? '' : 's'}`, all: true, preview: false });
    }
    for (const c of [...choices]) choices.push({ ...c, label: `${c.label}, with preview…`, description: 'review in the Refactor Preview first', preview: true });
    const choice = await vscode.window.showQuickPick(choices, { title: `${first.ref.id} → ${target}`, placeHolder: 'One undo reverts the whole swap.' });
    if (choice === undefined) return refused('Cancelled.');
    if (choice.all) selected = everywhere;
    preview = choice.preview;
  }

  const plan = await planEdits(deps, selected, target);
  if (!plan.ok) return refused(plan.message);
  const total = plan.files.reduce((n, f) => n + f.edits.length, 0);
  if (total === 0) return refused(`Already ${target}; nothing to change.`);

  const edit = new vscode.WorkspaceEdit();
  const label = `Swap ${first.ref.id} → ${target}`;
  for (const f of plan.files) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === f.entry.uri.toString());
    const starts = doc === undefined ? lineStarts(f.text) : null;
    for (const e of f.edits) {
      const range = doc !== undefined
        ? new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length))
        : rangeInText(f.text, e.offset, e.length, starts ?? undefined);
      edit.replace(f.entry.uri, range, e.newText, { label, needsConfirmation: preview, description: f.entry.file });
    }
  }
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (!applied) return refused(preview ? 'The swap was not applied.' : 'VS Code did not apply the edit; nothing changed.');
  const where = `${total} place${total === 1 ? '' : 's'} in ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}`;
  const message = [`Swapped ${first.ref.id} → ${target} in ${where}. Unsaved; one undo reverts it.`, ...plan.notes].join(' ');
  deps.log.info(`swap: ${first.ref.id} -> ${target} in ${where}`);
  return { applied: true, message };
}
