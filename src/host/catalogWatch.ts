// The catalog watch in VS Code: keeps the history file in the extension's global storage, records each live
// catalog, and tells the user (once per change) when a model the workspace names or the key used changed price,
// got a retirement date or left the catalog. What changed, what is news and how it is grouped is core's
// (src/core/watch/); this file reads and writes the file and shows the notifications.
//
// Why a file and not globalState: the history is up to MAX_HISTORY_BYTES (hundreds of models' last values plus the
// change log); globalState is read into memory at every start of every window and written as one blob to VS
// Code's state database, which is meant for small values. A file in globalStorageUri is read once, after
// activation, and only by this extension.
import * as vscode from 'vscode';
import type { CatalogIndex } from '../core/market/catalog';
import { emptyHistory, parseHistory, recordCatalog, serializeHistory, type CatalogHistory } from '../core/watch/history';
import { buildWatchView, pendingNews, planNotices, watchedIds, watchedModelCount, type WatchNotice } from '../core/watch/notify';
import { successorsFor } from '../core/watch/successor';
import type { RemovedInfo } from '../core/refs/present';
import { formatWatchSides, formatDay, utcDay } from '../shared/format';
import type { CatalogModel, ReferencesView, Snapshot, WatchView } from '../shared/types';

export const HISTORY_FILE = 'catalog-history.json';

/** The few file operations the watch needs, relative to the global storage folder (a fake in unit tests). */
export interface HistoryFiles {
  /** Null when the file does not exist; throws when it exists but cannot be read. */
  read(name: string): Promise<Uint8Array | null>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Keeps an unreadable file aside under another name, replacing an older one there. */
  rename(from: string, to: string): Promise<void>;
  /** For the log: where the file is. */
  describe(name: string): string;
}

export interface CatalogWatchDeps {
  /** Null: no storage (the watch then keeps its history in memory for this session). */
  files: HistoryFiles | null;
  log: vscode.LogOutputChannel;
  snapshot: { current(): Snapshot; onDidChange: vscode.Event<Snapshot> };
  references: { view(): ReferencesView; onDidChange: vscode.Event<ReferencesView> };
  catalog(): CatalogIndex | null;
  /** "Show changes": reveal the sidebar's Changes list. */
  showChanges(): void;
  now?: () => number;
  /** Notify even before the first workspace scan finished, after this many ms (default two minutes). */
  readyAfterMs?: number;
}

/** The files' own Uri-based adapter over workspace.fs. */
export function storageFiles(folder: vscode.Uri): HistoryFiles {
  const at = (name: string): vscode.Uri => vscode.Uri.joinPath(folder, name);
  return {
    async read(name) {
      try {
        return await vscode.workspace.fs.readFile(at(name));
      } catch (err) {
        if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return null;
        throw err;
      }
    },
    async write(name, bytes) {
      await vscode.workspace.fs.createDirectory(folder);
      // Written beside, then moved over: a crash mid-write leaves the old file, not half a new one.
      const tmp = at(`${name}.tmp`);
      await vscode.workspace.fs.writeFile(tmp, bytes);
      await vscode.workspace.fs.rename(tmp, at(name), { overwrite: true });
    },
    async rename(from, to) {
      await vscode.workspace.fs.rename(at(from), at(to), { overwrite: true });
    },
    describe: (name) => at(name).fsPath,
  };
}

export class CatalogWatch implements vscode.Disposable {
  private history: CatalogHistory | null = null;
  /** Null: the file is ours to write; otherwise why it is not (a newer version's file, an unreadable one). */
  private readOnly: string | null = null;
  private note: string | null = null;
  private lastAsOf: string | null = null;
  private lastFired = '';
  private refsReady = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<WatchView>();
  private readonly removedChanged = new vscode.EventEmitter<void>();
  private readonly disposables: Pick<vscode.Disposable, 'dispose'>[] = [this.changed, this.removedChanged];
  private readonly now: () => number;
  readonly onDidChange = this.changed.event;
  /** The set of models known to have left the catalog changed (or was read from the file): diagnostics depend on it. */
  readonly onDidChangeRemoved = this.removedChanged.event;

  constructor(private readonly deps: CatalogWatchDeps) {
    this.now = deps.now ?? Date.now;
    const timer = setTimeout(() => {
      this.refsReady = true;
      this.enqueue(() => this.evaluate());
    }, deps.readyAfterMs ?? 120_000);
    this.disposables.push(
      { dispose: () => clearTimeout(timer) },
      deps.snapshot.onDidChange((s) => this.enqueue(() => this.onSnapshot(s))),
      deps.references.onDidChange((r) => {
        if (!r.scanning) this.refsReady = true;
        this.enqueue(() => this.evaluate());
      }),
    );
  }

  /** Reads the history file, then records the catalog in hand. Never throws. */
  start(): Promise<void> {
    this.enqueue(async () => {
      this.history = await this.load();
      if (Object.keys(this.history.removed).length > 0) this.removedChanged.fire();
      await this.onSnapshot(this.deps.snapshot.current());
    });
    return this.queue;
  }

  /** Resolves when every queued step is done (tests, and the CLI-like callers). */
  settled(): Promise<void> {
    return this.queue;
  }

  view(): WatchView {
    return buildWatchView(this.history, this.watched(), this.note, watchedModelCount(this.watchInput()));
  }

  /** For the diagnostics: what the history knows of a model that left the catalog, with its successors now. */
  removedInfo(id: string): RemovedInfo | null {
    const gone = this.history?.removed[id];
    if (gone === undefined) return null;
    const models = this.deps.catalog()?.all ?? [];
    return { removedAt: gone.removedAt, successors: successorsFor({ id, created: gone.created }, models, { today: utcDay(this.now()) }) };
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(step).catch((err: unknown) => {
      this.deps.log.error(`catalog watch: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  private async load(): Promise<CatalogHistory> {
    const files = this.deps.files;
    if (files === null) {
      this.readOnly = vscode.l10n.t('no storage folder');
      return emptyHistory();
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await files.read(HISTORY_FILE);
    } catch (err) {
      // Exists but cannot be read: leave it alone, keep this session's history in memory.
      this.readOnly = err instanceof Error ? err.message : String(err);
      this.deps.log.error(`catalog history: ${files.describe(HISTORY_FILE)} could not be read (${this.readOnly}); keeping this session's history in memory only.`);
      this.note = vscode.l10n.t('The catalog history file could not be read; changes are kept for this session only (see the log).');
      return emptyHistory();
    }
    if (bytes === null) return emptyHistory();
    const parsed = parseHistory(new TextDecoder().decode(bytes));
    if (parsed.ok) return parsed.history;
    const backup = parsed.error.kind === 'futureVersion' ? `catalog-history.v${parsed.error.version}.json` : 'catalog-history.unreadable.json';
    try {
      await files.rename(HISTORY_FILE, backup);
    } catch (err) {
      this.readOnly = err instanceof Error ? err.message : String(err);
    }
    const kept = this.readOnly === null ? `kept as ${files.describe(backup)}` : `left in place (${this.readOnly})`;
    this.deps.log.error(`catalog history: ${files.describe(HISTORY_FILE)} ${parsed.error.kind === 'futureVersion' ? 'was written by a newer Model Radar' : 'is unreadable'}: ${parsed.error.message}. Starting a fresh history; the old file is ${kept}.`);
    this.note = vscode.l10n.t('The catalog history started afresh on {0}: the previous file could not be read (see the log).', formatDay(new Date(this.now()).toISOString(), true));
    return emptyHistory();
  }

  private async onSnapshot(s: Snapshot): Promise<void> {
    if (this.history === null) return;
    const catalog = s.catalog;
    // Only catalogs fetched live: the bundled one is old, and a cached one is the last live one again.
    if (catalog === null || catalog.source !== 'live' || catalog.asOf === this.lastAsOf) {
      await this.evaluate();
      return;
    }
    this.lastAsOf = catalog.asOf;
    const at = catalog.asOf === null ? this.now() : Date.parse(catalog.asOf);
    const result = recordCatalog(this.history, catalog.models, Number.isFinite(at) ? at : this.now());
    const first = this.history.since === null;
    const removedBefore = Object.keys(this.history.removed).sort().join('\n');
    this.history = result.history;
    if (Object.keys(this.history.removed).sort().join('\n') !== removedBefore) this.removedChanged.fire();
    if (first) this.deps.log.info(`catalog watch: baseline of ${catalog.models.length} models recorded`);
    if (result.suspectRemovals > 0) this.deps.log.warn(`catalog watch: ${result.suspectRemovals} models missing from one /models answer; taken as a partial answer, no removals recorded`);
    if (result.added.length > 0) this.deps.log.info(`catalog watch: ${result.added.length} change(s) recorded (${result.added.map((c) => `${c.kind} ${c.modelId}`).join(', ')})`);
    await this.evaluate(true);
  }

  private watchInput(): Parameters<typeof watchedIds>[0] {
    const index = this.deps.catalog();
    return {
      references: this.deps.references.view().refs,
      activity: this.deps.snapshot.current().activity,
      canonicalToId: (slug) => index?.byCanonical(slug)?.id ?? null,
    };
  }

  private watched(): Set<string> {
    return watchedIds(this.watchInput());
  }

  /** Notifies what is news (once the workspace was scanned), then saves. */
  private async evaluate(dirty = false): Promise<void> {
    const h = this.history;
    if (h === null) return;
    let next = h;
    if (this.refsReady) {
      const watched = this.watched();
      const news = pendingNews(h, watched);
      const watchedList = [...watched].sort();
      if (news.notifiedSeq !== h.notifiedSeq || watchedList.join('\n') !== h.watched.join('\n')) {
        next = { ...h, notifiedSeq: news.notifiedSeq, watched: watchedList };
      }
      // Marked as notified before anything is shown: a second poll or window racing this one says nothing twice.
      for (const notice of planNotices(news.changes)) this.show(notice);
    }
    const changed = next !== h;
    this.history = next;
    if (changed || dirty) await this.save();
    const view = this.view();
    const key = JSON.stringify(view);
    if (key !== this.lastFired) {
      this.lastFired = key;
      this.changed.fire(view);
    }
  }

  private async save(): Promise<void> {
    const files = this.deps.files;
    if (files === null || this.readOnly !== null || this.history === null) return;
    try {
      await files.write(HISTORY_FILE, new TextEncoder().encode(serializeHistory(this.history)));
    } catch (err) {
      this.deps.log.warn(`catalog history: could not write ${files.describe(HISTORY_FILE)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private show(notice: WatchNotice): void {
    const action = vscode.l10n.t('Show changes');
    const warn = (notice.kind === 'single' ? notice.change.kind : notice.changeKind) === 'removed' || (notice.kind === 'single' ? notice.change.kind : notice.changeKind) === 'expiration';
    const text = `Model Radar: ${noticeText(notice)}`;
    const shown = warn ? vscode.window.showWarningMessage(text, action) : vscode.window.showInformationMessage(text, action);
    void Promise.resolve(shown).then((choice) => {
      if (choice === action) this.deps.showChanges();
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The sentence a notification says. Exported for the tests. */
export function noticeText(notice: WatchNotice): string {
  if (notice.kind === 'batch') {
    switch (notice.changeKind) {
      case 'price':
        return vscode.l10n.t('{0} models you use changed price.', notice.models);
      case 'expiration':
        return vscode.l10n.t('{0} models you use got a new retirement date.', notice.models);
      case 'removed':
        return vscode.l10n.t('{0} models you use left the OpenRouter catalog.', notice.models);
      case 'context':
        return vscode.l10n.t('{0} models you use changed context length.', notice.models);
    }
  }
  const c = notice.change;
  const sides = formatWatchSides(c);
  switch (c.kind) {
    case 'price':
      return vscode.l10n.t('{0} changed price: {1} → {2}.', c.modelId, sides.from, sides.to ?? '');
    case 'expiration':
      return c.to === null ? vscode.l10n.t('{0} no longer has a retirement date.', c.modelId) : vscode.l10n.t('{0} retires on {1}.', c.modelId, sides.to ?? '');
    case 'context':
      return vscode.l10n.t('{0} context length: {1} → {2}.', c.modelId, sides.from, sides.to ?? '');
    case 'removed':
      return vscode.l10n.t('{0} left the OpenRouter catalog.', c.modelId);
  }
}

/** Successors for a retiring model in the current catalog (the diagnostics' quick fixes). */
export function successorsInCatalog(model: CatalogModel, catalog: CatalogIndex, today: string): string[] {
  return successorsFor(model, catalog.all, { today });
}
