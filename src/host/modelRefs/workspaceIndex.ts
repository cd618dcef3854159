// The workspace's model references, kept fresh: a background scan through vscode.workspace.fs (so remote and
// virtual workspaces work), a file watcher and open-document edits (debounced). Decisions live in core/refs.
import * as vscode from 'vscode';
import type { CatalogIndex } from '../../core/market/catalog';
import { fingerprint, toRefView } from '../../core/refs/present';
import { createRefIndex, DEFAULT_EXCLUDED_DIRS, type FileBudget, type FileEntry, type RefIndex, type ScanOptions } from '../../core/refs/scanner';
import { recognizeFile } from '../../core/refs/recognize';
import { CANDIDATE_GLOB } from '../../core/refs/classify';
import { chooseListing, createContentScreen, ripgrepListArgs } from '../../core/refs/listing';
import type { FileKind, ModelRef } from '../../core/refs/types';
import type { LocalScan } from '../platform/platform';
import { formatLogMs } from '../../shared/format';
import type { ModelRefView, ReferencesView } from '../../shared/types';

export interface ModelRefsSettings {
  scanInclude: string[];
  scanExclude: string[];
  maxFileBytes: number;
  /** List and screen files with VS Code's ripgrep where it can (modelRadar.scan.useRipgrep; on when absent). */
  useRipgrep?: boolean;
  codeLensConfig: boolean;
  codeLensCode: boolean;
  diagnostics: boolean;
}

/** A reference the host has issued an opaque id for. */
export interface RefEntry {
  refId: string;
  ref: ModelRef;
  uri: vscode.Uri;
  /** Workspace-relative path shown to people (folder name first in a multi-root workspace). */
  file: string;
}

const EXCLUDED_DIRS_GLOB = `**/{${DEFAULT_EXCLUDED_DIRS.join(',')}}/**`;
const MAX_FILES = 100_000;
const MAX_VIEW_REFS = 5_000;
const DEBOUNCE_MS = 300;
/** Reads in flight at once: workspace.fs answers each over the extension host's RPC, so one at a time is slow. */
const READ_BATCH = 64;
/**
 * Finding one file's references may take this long; a file that takes longer (however it manages to) is skipped
 * and logged, so neither the scan nor an edit ever holds the extension host. Recognition is linear, so a 1 MB file
 * normally takes a few tens of milliseconds.
 */
export const FILE_BUDGET_MS = 250;

export interface WorkspaceReferencesOptions {
  /** Per-file time budget in milliseconds (FILE_BUDGET_MS by default). */
  fileBudgetMs?: number;
  /** Clock for the budget, in milliseconds (tests pass a fake one). */
  now?: () => number;
  /** The host's fast scan of local folders (the Node host's ripgrep); absent or null: findFiles only (web). */
  localScan?: LocalScan | null;
  /** Where VS Code's ripgrep is (tests pass their own); the local scan's own finder by default. */
  findRipgrep?: () => Promise<string | null>;
}

interface Listed {
  todo: ScanTodo[];
  via: string;
  /** Local files (the ripgrep path): read with Node, not through the extension host's RPC. */
  local: boolean;
}

interface ScanTodo {
  key: string;
  uri: vscode.Uri;
  /** False when the content screen showed the file cannot hold a reference: indexed as empty, not read. */
  read: boolean;
}

function trueKeys(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).filter(([, v]) => v === true).map(([k]) => k);
}

export class WorkspaceReferences implements vscode.Disposable {
  private index: RefIndex | null = null;
  private catalog: CatalogIndex | null = null;
  private catalogSignature = '';
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly prints = new Map<string, string>();
  private readonly entriesByFile = new Map<string, RefEntry[]>();
  private readonly entriesById = new Map<string, RefEntry>();
  private counter = 0;
  private scanning = false;
  /** Where the last full scan spent its time (findFiles, then reading and indexing), for the log line. */
  private scanPhases = '';
  private scanCancel: vscode.CancellationTokenSource | null = null;
  private scanAbort: AbortController | null = null;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private changeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly fileChanged = new vscode.EventEmitter<vscode.Uri | null>();
  private readonly disposables: Pick<vscode.Disposable, 'dispose'>[] = [];
  private disposed = false;

  /** The index or its summary changed (throttled). */
  readonly onDidChange = this.changed.event;
  /** One file's references changed; null = all of them. */
  readonly onDidChangeFile = this.fileChanged.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: () => ModelRefsSettings,
    private readonly options: WorkspaceReferencesOptions = {},
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.changed,
      this.fileChanged,
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.schedule(doc.uri)),
    );
  }

  /** Set the catalog; a different one re-reads every file, since what counts as a reference depends on it. */
  setCatalog(catalog: CatalogIndex | null): void {
    if (catalog === null || catalog === this.catalog) return;
    // A refresh usually brings the same models back: re-read the workspace only when the ids changed.
    const signature = fingerprint(catalog.all.map((m) => m.id).join('\n'));
    const changed = signature !== this.catalogSignature;
    this.catalog = catalog;
    this.catalogSignature = signature;
    if (changed) this.rescan();
  }

  currentCatalog(): CatalogIndex | null {
    return this.catalog;
  }

  private fileBudget(): FileBudget {
    const budgetMs = this.options.fileBudgetMs ?? FILE_BUDGET_MS;
    return {
      budgetMs,
      now: this.options.now,
      onSkipped: (path) => this.log.warn(`model references: skipped ${path}: took longer than ${budgetMs} ms`),
    };
  }

  private scanOptions(): ScanOptions {
    const s = this.settings();
    const files = vscode.workspace.getConfiguration('files').get<unknown>('exclude');
    const search = vscode.workspace.getConfiguration('search').get<unknown>('exclude');
    return { include: s.scanInclude, exclude: [...s.scanExclude, ...trueKeys(files), ...trueKeys(search)], maxFileBytes: s.maxFileBytes };
  }

  /** Workspace-relative key of a file, or null when it is outside every workspace folder. */
  keyOf(uri: vscode.Uri): string | null {
    if (vscode.workspace.getWorkspaceFolder(uri) === undefined) return null;
    const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    return vscode.workspace.asRelativePath(uri, multi).replace(/\\/g, '/');
  }

  /** Cancel any scan in flight and index the whole workspace again, in the background. */
  rescan(): void {
    if (this.disposed || this.catalog === null) return;
    this.scanCancel?.cancel();
    this.scanAbort?.abort();
    const cancel = new vscode.CancellationTokenSource();
    const abort = new AbortController();
    this.scanCancel = cancel;
    this.scanAbort = abort;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Model Radar: finding model ids') },
      async (progress) => {
        const started = Date.now();
        try {
          const files = await this.scan(cancel.token, abort.signal, (n) => progress.report({ message: vscode.l10n.t('{0} files', n) }));
          // The digest lets two scans (ripgrep, findFiles) be compared from the log alone (the e2e does).
          const digest = fingerprint(this.all().map((e) => `${e.file}:${e.ref.offset}:${e.ref.raw}`).join('\n'));
          if (!abort.signal.aborted) this.log.info(`model references: ${this.entriesById.size} in ${files} files, ${Date.now() - started} ms (${this.scanPhases}; digest ${digest})`);
        } catch (err) {
          this.log.warn(`model references: scan failed: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          if (this.scanAbort === abort) {
            this.scanning = false;
            this.scanCancel = null;
            this.scanAbort = null;
            this.notify(null);
          }
          cancel.dispose();
        }
      },
    );
  }

  private async scan(token: vscode.CancellationToken, signal: AbortSignal, report: (files: number) => void): Promise<number> {
    const catalog = this.catalog;
    if (catalog === null) return 0;
    const options = this.scanOptions();
    const index = createRefIndex(catalog, options, this.fileBudget());
    this.scanning = true;
    this.notify(null);
    const t0 = performance.now();
    const listed = await this.listCandidates(catalog, options, index, token, signal);
    if (listed === null) return 0;
    const { todo, via, local } = listed;
    const t1 = performance.now();

    // A fresh index replaces the old one only when it is complete, so a cancelled scan loses nothing.
    const texts = new Map<string, string>();
    const read = (uri: vscode.Uri): Promise<string | null> => this.readText(uri, local).catch(() => null);
    let reads = 0;
    async function* entries(): AsyncGenerator<FileEntry> {
      for (let i = 0; i < todo.length; i += READ_BATCH) {
        if (signal.aborted) return;
        const batch = todo.slice(i, i + READ_BATCH);
        // Reads in parallel batches: a remote file system answers each one over the network.
        const loaded = await Promise.all(batch.map((t) => (t.read ? read(t.uri) : Promise.resolve(''))));
        for (const [j, t] of batch.entries()) {
          const text = loaded[j];
          if (text === null || text === undefined) continue;
          // A file the content screen passed over holds no reference: indexed as empty, never read.
          if (t.read) {
            reads++;
            texts.set(t.key, fingerprint(text));
          }
          yield { path: t.key, size: text.length, read: () => text };
        }
      }
    }
    let lastReport = 0;
    await index.addAll(entries(), {
      signal,
      onProgress: (p) => {
        report(p.files);
        if (Date.now() - lastReport > 500) {
          lastReport = Date.now();
          this.notify(null);
        }
      },
    });
    if (signal.aborted) return 0;
    this.scanPhases = `${via}: list ${formatLogMs(t1 - t0)} ms for ${todo.length} files, read ${reads} + index ${formatLogMs(performance.now() - t1)} ms`;

    this.index = index;
    this.uris.clear();
    this.prints.clear();
    this.entriesByFile.clear();
    this.entriesById.clear();
    for (const t of todo) {
      if (t.read && !texts.has(t.key)) continue;
      this.uris.set(t.key, t.uri);
      const print = texts.get(t.key);
      // No fingerprint for a file not read: its next change is always re-indexed.
      if (print !== undefined) this.prints.set(t.key, print);
      this.issue(t.key, t.uri, index.refsOf(t.key));
    }
    return index.fileCount();
  }

  /**
   * The workspace's candidate files, sorted by key, each with whether it must be read. Through VS Code's ripgrep
   * when core's chooseListing allows it (local, trusted, rg found), which also screens contents so most files are
   * never read; else, or when rg fails, through findFiles, every candidate read. Both end in core's filter and
   * recognition, so both find the same references (test/unit/refsListingPaths.test.ts).
   */
  private async listCandidates(catalog: CatalogIndex, options: ScanOptions, index: RefIndex, token: vscode.CancellationToken, signal: AbortSignal): Promise<Listed | null> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const config = (section: string, key: string): unknown => vscode.workspace.getConfiguration(section).get<unknown>(key);
    const listAll = (options.include ?? []).some((p) => p.trim() !== '');
    const local = this.options.localScan ?? null;
    const choice = chooseListing({
      enabled: this.settings().useRipgrep !== false,
      trusted: vscode.workspace.isTrusted,
      folderSchemes: folders.map((f) => f.uri.scheme),
      rg: local === null ? null : await (this.options.findRipgrep ?? local.findRipgrep)(),
      filesExclude: config('files', 'exclude'),
    });
    const byKey = new Map<string, ScanTodo>();
    const add = (uri: vscode.Uri, read: (kind: FileKind) => boolean): void => {
      const key = this.keyOf(uri);
      const kind = key === null || byKey.has(key) ? null : index.filter.kindFor(key, 0);
      if (key !== null && kind !== null) byKey.set(key, { key, uri, read: read(kind) });
    };
    const done = (via: string, local: boolean): Listed => ({ todo: [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1)).slice(0, MAX_FILES), via, local });
    const via = `findFiles (${choice.kind === 'findFiles' ? choice.reason : 'rg failed'})`;
    if (choice.kind === 'ripgrep' && local !== null) {
      const screen = createContentScreen(catalog.all);
      const args = ripgrepListArgs({ needles: screen.needles, maxFileBytes: options.maxFileBytes, listAll, followSymlinks: config('search', 'followSymlinks') !== false });
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      let ok = true;
      for (const folder of folders) {
        const r = await local.runListing(choice.rg, folder.uri.fsPath, args, signal);
        if (signal.aborted) return null;
        if (!r.ok) {
          this.log.info(`model references: ripgrep failed (${r.reason}), listing through findFiles`);
          ok = false;
          break;
        }
        for (const f of r.files) {
          const uri = vscode.Uri.joinPath(folder.uri, ...local.pathSegments(f.path));
          // An open document is read from the editor (unsaved edits included), whatever the disk holds.
          add(uri, (kind) => open.has(uri.toString()) || screen.mustRead(kind, f.hasNeedle));
        }
      }
      if (ok) {
        // rg leaves out files over the size limit; findFiles lists an open one, read from the editor.
        for (const doc of vscode.workspace.textDocuments) {
          if (doc.uri.scheme === 'file' && doc.getText().length <= (options.maxFileBytes ?? Infinity) && (await vscode.workspace.fs.stat(doc.uri).then(() => true, () => false))) add(doc.uri, () => true);
        }
        return done('ripgrep', true);
      }
      byKey.clear();
    }
    // Include globs follow core's glob rules (as in the CLI), so every file is listed and core's filter decides.
    for (const uri of await vscode.workspace.findFiles(listAll ? '**/*' : CANDIDATE_GLOB, EXCLUDED_DIRS_GLOB, MAX_FILES, token)) add(uri, () => true);
    return token.isCancellationRequested ? null : done(via, false);
  }

  /** An open document's current text (unsaved edits included), else the file on disk. */
  async readText(uri: vscode.Uri, local = false): Promise<string> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc !== undefined) return doc.getText();
    const direct = local ? this.options.localScan : null;
    const bytes = direct ? await direct.readFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > this.settings().maxFileBytes) throw new Error('too large');
    return new TextDecoder('utf-8').decode(bytes);
  }

  private issue(key: string, uri: vscode.Uri, refs: readonly ModelRef[]): void {
    for (const old of this.entriesByFile.get(key) ?? []) this.entriesById.delete(old.refId);
    if (refs.length === 0) {
      this.entriesByFile.delete(key);
      return;
    }
    const entries = refs.map((ref) => ({ refId: `r${++this.counter}`, ref, uri, file: key }));
    this.entriesByFile.set(key, entries);
    for (const e of entries) this.entriesById.set(e.refId, e);
  }

  /** Re-index one file from its current text (an edit, a save, a watcher event), after a short quiet time. */
  private schedule(uri: vscode.Uri): void {
    const key = this.keyOf(uri);
    // Watcher events for dependency folders and other unreadable names never cost a read.
    if (key === null || this.index === null || (!this.uris.has(key) && this.index.filter.kindFor(key, 0) === null)) return;
    const id = uri.toString();
    const prev = this.timers.get(id);
    if (prev !== undefined) clearTimeout(prev);
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        void this.refreshFile(uri);
      }, DEBOUNCE_MS),
    );
  }

  /** Re-index one file now; returns its entries. */
  async refreshFile(uri: vscode.Uri): Promise<RefEntry[]> {
    const key = this.keyOf(uri);
    if (key === null || this.index === null) return [];
    let text: string;
    try {
      text = await this.readText(uri);
    } catch {
      this.forget(uri);
      return [];
    }
    return this.updateText(key, uri, text);
  }

  private updateText(key: string, uri: vscode.Uri, text: string): RefEntry[] {
    if (this.index === null) return [];
    const print = fingerprint(text);
    if (this.prints.get(key) === print) return this.entriesByFile.get(key) ?? [];
    const refs = this.index.update(key, text);
    if (this.index.filter.kindFor(key, text.length) === null) {
      this.drop(key);
      return [];
    }
    this.uris.set(key, uri);
    this.prints.set(key, print);
    this.issue(key, uri, refs);
    this.notify(uri);
    return this.entriesByFile.get(key) ?? [];
  }

  private forget(uri: vscode.Uri): void {
    const key = this.keyOf(uri);
    if (key === null || !this.uris.has(key)) return;
    this.index?.remove(key);
    this.drop(key);
    this.notify(uri);
  }

  private drop(key: string): void {
    for (const old of this.entriesByFile.get(key) ?? []) this.entriesById.delete(old.refId);
    this.entriesByFile.delete(key);
    this.uris.delete(key);
    this.prints.delete(key);
  }

  /**
   * References in a document, with ids when it belongs to the index and its text is what was indexed (re-indexed
   * on the spot otherwise). Documents outside the workspace get references without ids: shown, never swapped.
   */
  refsForDocument(doc: vscode.TextDocument): { entries: RefEntry[]; indexed: boolean } {
    const key = this.keyOf(doc.uri);
    const text = doc.getText();
    if (key !== null) {
      // Inside the workspace, what the scan leaves out (excluded, too large) shows nothing either.
      if (this.index === null || this.index.filter.kindFor(key, text.length) === null) return { entries: [], indexed: false };
      return { entries: this.updateText(key, doc.uri, text), indexed: true };
    }
    if (this.catalog === null) return { entries: [], indexed: false };
    const budget = this.fileBudget();
    const result = recognizeFile(doc.uri.path, text, this.catalog, { budgetMs: budget.budgetMs, now: budget.now });
    if (result.kind === 'skipped') {
      budget.onSkipped?.(doc.uri.path, result.elapsedMs);
      return { entries: [], indexed: false };
    }
    return { entries: result.refs.map((ref) => ({ refId: '', ref, uri: doc.uri, file: doc.uri.path })), indexed: false };
  }

  entry(refId: string): RefEntry | undefined {
    return this.entriesById.get(refId);
  }

  /** Every indexed reference, by file then position. */
  all(): RefEntry[] {
    const keys = [...this.entriesByFile.keys()].sort();
    return keys.flatMap((k) => this.entriesByFile.get(k) ?? []);
  }

  /** The fingerprint of the text a file was indexed from. */
  indexedPrint(key: string): string | undefined {
    return this.prints.get(key);
  }

  view(note: string | null): ReferencesView {
    const refs: ModelRefView[] = [];
    for (const e of this.all()) {
      if (refs.length >= MAX_VIEW_REFS) break;
      refs.push(toRefView(e.ref, e.refId, e.file));
    }
    const capped = this.entriesById.size > MAX_VIEW_REFS ? vscode.l10n.t('Showing the first {0} of {1} references.', MAX_VIEW_REFS, this.entriesById.size) : null;
    const waiting = this.catalog === null ? vscode.l10n.t('Waiting for the model catalog before scanning.') : null;
    return { refs, scanning: this.scanning, files: this.index?.fileCount() ?? 0, note: note ?? waiting ?? capped };
  }

  private notify(uri: vscode.Uri | null): void {
    this.fileChanged.fire(uri);
    if (this.changeTimer !== null) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      this.changed.fire();
    }, 100);
  }

  dispose(): void {
    this.disposed = true;
    this.scanCancel?.cancel();
    this.scanAbort?.abort();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.changeTimer !== null) clearTimeout(this.changeTimer);
    for (const d of this.disposables) d.dispose();
  }
}
