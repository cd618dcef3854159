// Swap Model…: pick the reference(s), pick the target, apply ONE WorkspaceEdit (one undo), optionally through the
// refactor preview. Every refusal says why and writes nothing.
import * as vscode from 'vscode';
import { tokenMixFromActivity } from '../../core/account/activity';
import { alternatives, DEFAULT_MIX } from '../../core/market/compare';
import { lineStarts } from '../../core/refs/candidate';
import { thisWeekRankings } from '../../core/market/rankings';
import { activeFileFirst, fingerprint, refPickItem, selectForSwap, swapAppliedMessage, swapChoices, swapTargetPrompt, swapTargetSections, toRefView } from '../../core/refs/present';
import { computeSwapMany, isRoutableTarget, keepVariantOption, normaliseTarget, sameModelKey, type SwapRefusalKind, type TextEdit } from '../../core/refs/swap';
import { readUtf8Text } from '../../core/refs/textBytes';
import { routingTargetSection } from '../../core/refs/routingTargets';
import type { Snapshot, TokenMix } from '../../shared/types';
import { snapshotPriceAge } from '../../shared/dataLabels';
import { rangeInText } from './editorSurfaces';
import { pickTargetWithAllowance } from './allowedPicker';
import { allowanceLookup, allowedCheckNote } from '../../shared/allowed';
import { allowanceOfId } from '../../core/market/allowed';
import type { RefEntry, WorkspaceReferences } from './workspaceIndex';

export interface SwapParams {
  modelId?: string;
  refId?: string;
  targetId?: string;
  /**
   * False: a quick fix's one click, for ONE named reference (refId) to a named target: no scope question. Ignored
   * unless both are named; a whole model's references are never swapped unasked.
   */
  confirm?: boolean;
}

/** Why a swap did not happen, typed: callers decide what to show from `kind`, never from the message. */
export type SwapRefusalReason = SwapRefusalKind | 'untrusted' | 'noCatalog' | 'noSelection' | 'unknownRef' | 'outsideWorkspace' | 'unreadable' | 'notText' | 'rejected' | 'unavailable';

export type SwapOutcome =
  | { kind: 'applied'; applied: true; message: string; references: number; files: string[]; unsaved: string[] }
  /** The user closed a picker, or discarded the Refactor Preview: nothing was written. */
  | { kind: 'cancelled'; applied: false; message: string }
  /** Every selected reference already names the target. */
  | { kind: 'nothingToDo'; applied: false; message: string }
  | { kind: 'refused'; applied: false; message: string; reason: SwapRefusalReason };

export interface SwapMode {
  /** Ask for what is missing (reference, target) with pickers. */
  pick: boolean;
  /** Show the confirmation (how many references, which files, code literals, preview) before editing. */
  confirm: boolean;
}

export interface SwapDeps {
  refs: WorkspaceReferences;
  snapshot(): Snapshot;
  log: vscode.LogOutputChannel;
  /** The user's real mix on a model (spend history, else activity); absent or null = the activity mix, else the default. */
  mixFor?: (modelId: string) => TokenMix | null;
}

const refused = (reason: SwapRefusalReason, message: string): SwapOutcome => ({ kind: 'refused', applied: false, reason, message });
const cancelled = (message = vscode.l10n.t('Cancelled; nothing changed.')): SwapOutcome => ({ kind: 'cancelled', applied: false, message });

/** Command arguments come from CodeLens, hover links and other extensions: keep only well-formed strings. */
export function parseSwapArgs(arg: unknown): SwapParams {
  if (typeof arg === 'string') return { modelId: arg };
  if (arg === null || typeof arg !== 'object') return {};
  const o = arg as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length < 300 ? v : undefined);
  const params: SwapParams = { modelId: str(o.modelId), refId: str(o.refId), targetId: str(o.targetId) };
  if (o.confirm === false && params.refId !== undefined && params.targetId !== undefined) params.confirm = false;
  return params;
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
    void vscode.window.showInformationMessage(vscode.l10n.t('Model Radar: no OpenRouter model ids found in this workspace.'));
    return undefined;
  }
  type Item = vscode.QuickPickItem & { entry: RefEntry };
  const items: Item[] = all.map((entry) => {
    const p = refPickItem(toRefView(entry.ref, entry.refId, entry.file), catalog?.resolve(entry.ref.id)?.model ?? null, vscode.l10n);
    return { label: p.label, description: p.description, detail: p.detail, entry };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Model Radar: Swap Model'),
    placeHolder: vscode.l10n.t('Which reference do you want to change?'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.entry;
}

async function pickTarget(deps: SwapDeps, current: RefEntry): Promise<string | undefined> {
  const catalog = deps.refs.currentCatalog();
  if (catalog === null) return undefined;
  const snap = deps.snapshot();
  const model = catalog.resolve(current.ref.id)?.model ?? null;
  const mix =
    (model === null ? null : deps.mixFor ? deps.mixFor(model.id) : snap.activity !== null ? tokenMixFromActivity(snap.activity, model.id) : null) ?? DEFAULT_MIX;
  const allowance = allowanceLookup(snap.allowedModels);
  const compare = model === null ? null : alternatives(catalog, model.id, mix, { rankings: snap.rankings, limit: 6, notAllowed: (m) => allowance.of(m.id) === 'notAllowed' });
  const sections = swapTargetSections({ models: catalog.all, rankings: thisWeekRankings(snap.rankings), currentId: model?.id ?? current.ref.id, compare }, vscode.l10n);
  // The same model with a routing suffix (:floor, :nitro, :exacto), after the other models (the picker's first
  // offer stays the cheaper model it is opened for): written exactly as listed.
  const routing = routingTargetSection(current.ref.id, catalog, vscode.l10n);
  if (routing !== null) sections.push(routing);
  const priceAge = snapshotPriceAge(snap, Date.now());
  const picked = await pickTargetWithAllowance(sections, { ...swapTargetPrompt(current.ref.raw, model, compare, priceAge, vscode.l10n), matchOnDescription: true }, {
    notAllowed: (id) => allowanceOfId(snap.allowedModels, catalog, id) === 'notAllowed',
    note: allowedCheckNote(snap.allowedModels),
  });
  if (picked === undefined) return undefined;
  // A routing target already says which suffix (or none) to write: no "keep :variant" question after it.
  if (routing?.items.some((i) => i.id === picked) === true) return picked;
  return chooseVariant(deps, current, picked);
}

/** Keeping the current variant is an explicit choice, offered only when the target exists with it. */
async function chooseVariant(deps: SwapDeps, current: RefEntry, target: string): Promise<string | undefined> {
  const catalog = deps.refs.currentCatalog();
  const keep = catalog === null ? null : keepVariantOption(current.ref.id, target, catalog);
  if (keep === null) return target;
  const variant = keep.slice(keep.lastIndexOf(':'));
  type Item = vscode.QuickPickItem & { id: string };
  const items: Item[] = [
    { label: target, description: vscode.l10n.t('as picked'), id: target },
    { label: vscode.l10n.t('keep {0} → {1}', variant, keep), description: vscode.l10n.t('{0} uses {1}', current.ref.id, variant), id: keep },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Swap {0}', current.ref.raw),
    placeHolder: vscode.l10n.t('Write {0}, or keep the {1} variant?', target, variant),
  });
  return picked?.id;
}

interface PlannedFile {
  entry: RefEntry;
  text: string;
  edits: TextEdit[];
}

/** Per file: the current text must be what was indexed; then core computes the edits. One refused file refuses all. */
async function planEdits(deps: SwapDeps, entries: readonly RefEntry[], target: string): Promise<{ ok: true; files: PlannedFile[] } | { ok: false; reason: SwapRefusalReason; message: string }> {
  const catalog = deps.refs.currentCatalog();
  if (catalog === null) return { ok: false, reason: 'noCatalog', message: vscode.l10n.t('The model catalog has not loaded yet; try again in a moment.') };
  const byFile = new Map<string, RefEntry[]>();
  for (const e of entries) {
    const list = byFile.get(e.uri.toString()) ?? [];
    list.push(e);
    byFile.set(e.uri.toString(), list);
  }
  const files: PlannedFile[] = [];
  for (const list of byFile.values()) {
    const first = list[0];
    if (first === undefined) continue; // each list holds the entries of its file, at least one
    if (vscode.workspace.getWorkspaceFolder(first.uri) === undefined) return { ok: false, reason: 'outsideWorkspace', message: vscode.l10n.t('{0} is outside the workspace; Model Radar edits workspace files only.', first.file) };
    let text: string;
    try {
      text = await deps.refs.readText(first.uri);
    } catch (err) {
      return { ok: false, reason: 'unreadable', message: vscode.l10n.t('Could not read {0}: {1}', first.file, err instanceof Error ? err.message : String(err)) };
    }
    // A file no editor holds is opened by the edit as UTF-8: another encoding or a binary file would not be
    // written back byte for byte. (An open document is VS Code's, in the encoding it was opened with.)
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === first.uri.toString())) {
      let bytes: Uint8Array | null = null;
      try {
        bytes = await vscode.workspace.fs.readFile(first.uri);
      } catch {
        bytes = null;
      }
      if (bytes !== null && !readUtf8Text(bytes).writable) {
        return { ok: false, reason: 'notText', message: vscode.l10n.t('{0} is not UTF-8 text (binary, or another encoding), so a swap could not keep its other bytes as they are. Nothing was written.', first.file) };
      }
    }
    if (deps.refs.indexedPrint(first.file) !== fingerprint(text)) {
      void deps.refs.refreshFile(first.uri);
      return { ok: false, reason: 'stale', message: vscode.l10n.t('{0} changed since it was scanned; it is being rescanned, try again.', first.file) };
    }
    const plan = computeSwapMany(text, list.map((e) => e.ref), target, catalog, { l10n: vscode.l10n });
    if (!plan.ok) return { ok: false, reason: plan.refusal.kind, message: plan.refusal.message };
    if (plan.edits.length > 0) files.push({ entry: first, text, edits: plan.edits });
  }
  return { ok: true, files };
}

export async function runSwap(deps: SwapDeps, params: SwapParams, mode: SwapMode): Promise<SwapOutcome> {
  if (!vscode.workspace.isTrusted) {
    return refused('untrusted', vscode.l10n.t('This workspace is not trusted, so Model Radar shows model references but does not edit files. Trust the workspace to swap.'));
  }
  const catalog = deps.refs.currentCatalog();
  if (catalog === null) return refused('noCatalog', vscode.l10n.t('The model catalog has not loaded yet; try again in a moment.'));

  // 1) Which references.
  let selected: RefEntry[];
  if (params.refId !== undefined || params.modelId !== undefined) {
    const sel = selectForSwap(deps.refs.all(), { modelId: params.modelId ?? '', refId: params.refId }, vscode.l10n);
    if (!sel.ok) return refused('unknownRef', sel.refusal.message);
    selected = sel.entries;
  } else if (mode.pick) {
    const picked = await pickReference(deps);
    if (picked === undefined) return cancelled();
    selected = [picked];
  } else {
    return refused('noSelection', vscode.l10n.t('No reference or model was named.'));
  }
  const first = selected[0];
  if (first === undefined) return refused('noSelection', vscode.l10n.t('No reference was selected.'));

  // 2) Which model instead: exactly the one picked (a "keep :variant" spelling is its own choice).
  let target = params.targetId === undefined ? undefined : normaliseTarget(params.targetId);
  if (target === undefined) {
    if (!mode.pick) return refused('noSelection', vscode.l10n.t('No target model was named.'));
    target = await pickTarget(deps, first);
    if (target === undefined) return cancelled();
  }
  if (!isRoutableTarget(target, catalog)) return refused('targetUnknown', vscode.l10n.t('"{0}" is not a model in the OpenRouter catalog.', target));

  // 3) Confirm: how many references in which files (code literals called out), this set or everywhere, previewed or not.
  let preview = false;
  if (mode.confirm) {
    const key = sameModelKey(first.ref);
    const everywhere = deps.refs.all().filter((e) => sameModelKey(e.ref) === key);
    type Choice = vscode.QuickPickItem & { choice: ReturnType<typeof swapChoices>[number] };
    const choices: Choice[] = swapChoices(selected, everywhere, vscode.l10n).map((c) => ({ label: c.label, description: c.description, detail: c.detail, choice: c }));
    const picked = await vscode.window.showQuickPick(choices, {
      title: `${first.ref.id} → ${target}`,
      placeHolder: vscode.l10n.t('Which references? One undo reverts the whole swap.'),
      matchOnDetail: true,
    });
    if (picked === undefined) return cancelled();
    const scope = picked.choice.scope;
    const widest = everywhere.length > selected.length ? everywhere : selected;
    if (scope === 'everywhere') selected = everywhere;
    else if (scope === 'configOnly') selected = widest.filter((e) => e.ref.tool !== 'code');
    preview = picked.choice.preview;
  }

  const plan = await planEdits(deps, selected, target);
  if (!plan.ok) return refused(plan.reason, plan.message);
  const total = plan.files.reduce((n, f) => n + f.edits.length, 0);
  if (total === 0) return { kind: 'nothingToDo', applied: false, message: vscode.l10n.t('Every selected reference already reads {0}; nothing to change.', target) };

  const edit = buildEdit(plan.files, vscode.l10n.t('Swap {0} → {1}', first.ref.id, target), preview);
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (!applied) {
    return preview
      ? cancelled(vscode.l10n.t('Discarded in the Refactor Preview; nothing changed.'))
      : refused('rejected', vscode.l10n.t('VS Code did not apply the edit; nothing changed.'));
  }

  // What is true now: which files changed (the preview may have unticked some) and which are not saved yet.
  const changed: string[] = [];
  const unsaved: string[] = [];
  for (const f of plan.files) {
    const doc = await openDocument(f.entry.uri);
    if (preview && doc !== undefined && doc.getText() === f.text) continue;
    changed.push(f.entry.file);
    if (doc?.isDirty === true) unsaved.push(f.entry.file);
  }
  const message = swapAppliedMessage({ from: first.ref.id, to: target, references: total, files: changed, unsaved, preview }, vscode.l10n);
  deps.log.info(`swap: ${first.ref.id} -> ${target}: ${total} reference(s) planned in ${plan.files.length} file(s), ${changed.length} changed${preview ? ' (preview)' : ''}`);
  return { kind: 'applied', applied: true, message, references: total, files: changed, unsaved };
}

/**
 * One WorkspaceEdit for the whole swap. Its entries never carry `needsConfirmation`: VS Code opens those unticked in
 * the Refactor Preview, so Apply would apply nothing. To open the preview, a "create the file if it does not exist"
 * of the first file carries it instead; the file exists, so the preview lists nothing for it and changes nothing,
 * and the swap's own entries stay ticked.
 */
function buildEdit(files: readonly PlannedFile[], label: string, preview: boolean): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const firstFile = files[0];
  if (preview && firstFile !== undefined) {
    edit.createFile(firstFile.entry.uri, { ignoreIfExists: true }, { label, needsConfirmation: true, description: vscode.l10n.t('opens the Refactor Preview; changes nothing') });
  }
  for (const f of files) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === f.entry.uri.toString());
    const starts = doc === undefined ? lineStarts(f.text) : null;
    for (const e of f.edits) {
      const range = doc !== undefined
        ? new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length))
        : rangeInText(f.text, e.offset, e.length, starts ?? undefined);
      edit.replace(f.entry.uri, range, e.newText, { label, needsConfirmation: false, description: f.entry.file });
    }
  }
  return edit;
}

async function openDocument(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open !== undefined) return open;
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}
