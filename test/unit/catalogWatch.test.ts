// The catalog watch in the host: a history file that is unreadable or from a newer version is set aside (said in the
// log, kept on disk) and the watch starts fresh; each change to a watched model is notified once, never again after
// a restart or on the next poll; many at once are batched; nothing is said before the workspace was scanned.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import * as fake from '../support/fakeVscode';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import { CatalogWatch, HISTORY_FILE, noticeText, type HistoryFiles } from '../../src/host/catalogWatch';
import { emptyHistory, parseHistory, serializeHistory } from '../../src/core/watch/history';
import type { CatalogModel, ModelRefView, ReferencesView, Snapshot } from '../../src/shared/types';
import { liveSnapshot } from '../support/snapshotBuilders';
import { MODELS_FIXTURE } from './refsFixtureCatalog';
import type * as vscode from 'vscode';

const models = buildCatalog((JSON.parse(readFileSync(MODELS_FIXTURE, 'utf8')) as { data: ApiModel[] }).data);
const index = createCatalogIndex(models);

function memoryFiles(initial: Record<string, string> = {}): HistoryFiles & { store: Map<string, string> } {
  const store = new Map(Object.entries(initial));
  return {
    store,
    read: async (name) => (store.has(name) ? new TextEncoder().encode(store.get(name)) : null),
    write: async (name, bytes) => {
      store.set(name, new TextDecoder().decode(bytes));
    },
    rename: async (from, to) => {
      const v = store.get(from);
      if (v === undefined) throw new Error('no such file');
      store.delete(from);
      store.set(to, v);
    },
    describe: (name) => `/global/${name}`,
  };
}

const ref = (id: string): ModelRefView => ({ refId: `r-${id}`, file: '.env', line: 1, column: 1, raw: id, id, known: true, tool: 'dotenv', keyPath: 'M', modelId: id });

class Harness {
  readonly snapChanged = new fake.EventEmitter<Snapshot>();
  readonly refsChanged = new fake.EventEmitter<ReferencesView>();
  snap: Snapshot;
  refs: ReferencesView;
  shown = 0;
  readonly watch: CatalogWatch;
  constructor(files: HistoryFiles | null, catalog: CatalogModel[], asOf: string, refIds: string[]) {
    this.snap = liveSnapshot({ catalog: { models: catalog, source: 'live', asOf } });
    this.refs = { refs: refIds.map(ref), scanning: false, files: 1, note: null };
    this.watch = new CatalogWatch({
      files,
      log: fake.window.createOutputChannel('Model Radar') as unknown as vscode.LogOutputChannel,
      snapshot: { current: () => this.snap, onDidChange: this.snapChanged.event as unknown as vscode.Event<Snapshot> },
      references: { view: () => this.refs, onDidChange: this.refsChanged.event as unknown as vscode.Event<ReferencesView> },
      catalog: () => index,
      showChanges: () => this.shown++,
      now: () => Date.parse(asOf),
      readyAfterMs: 60_000,
    });
  }
  /** The workspace scan finished. */
  scanned(): void {
    this.refsChanged.fire(this.refs);
  }
  async catalog(catalog: CatalogModel[], asOf: string): Promise<void> {
    this.snap = liveSnapshot({ catalog: { models: catalog, source: 'live', asOf } });
    this.snapChanged.fire(this.snap);
    await this.watch.settled();
  }
}

const priced = (id: string, input: number): CatalogModel[] => models.map((m) => (m.id === id ? { ...m, price: { ...m.price, input } } : m));
const messages = (): string[] => fake.recorded.messages.map((m) => `${m.level}: ${m.message}`);

beforeEach(() => {
  fake.recorded.messages.length = 0;
  fake.recorded.logLines.length = 0;
});

describe('history file', () => {
  it.each([
    ['unreadable', '{"version":1,"models":', 'catalog-history.unreadable.json', 'is unreadable'],
    ['from a newer version', JSON.stringify({ ...emptyHistory(), version: 3 }), 'catalog-history.v3.json', 'was written by a newer Model Radar'],
  ])('a file %s is kept aside, said in the log, and the watch starts fresh', async (_what, content, backup, logSays) => {
    const files = memoryFiles({ [HISTORY_FILE]: content });
    const h = new Harness(files, models, '2026-07-29T10:00:00.000Z', []);
    await h.watch.start();
    expect(files.store.get(backup)).toBe(content);
    expect(fake.recorded.logLines.some((l) => l.startsWith('[error]') && l.includes(logSays) && l.includes(`/global/${backup}`))).toBe(true);
    const fresh = parseHistory(files.store.get(HISTORY_FILE)!);
    expect(fresh.ok && Object.keys(fresh.history.models).length).toBe(models.length);
    expect(h.watch.view().note).toContain('started afresh');
    h.watch.dispose();
  });

  it('a file that cannot be read at all is left alone: nothing is written over it', async () => {
    const files = memoryFiles();
    files.read = async () => {
      throw new Error('EACCES: permission denied');
    };
    const h = new Harness(files, models, '2026-07-29T10:00:00.000Z', []);
    await h.watch.start();
    expect(files.store.size).toBe(0);
    expect(h.watch.view().note).toContain('this session only');
    h.watch.dispose();
  });
});

describe('notifications', () => {
  it('one notification per change, not repeated on the next poll or after a restart', async () => {
    const files = memoryFiles();
    const a = new Harness(files, models, '2026-07-29T10:00:00.000Z', ['deepseek/deepseek-v4-pro']);
    await a.watch.start();
    a.scanned();
    await a.catalog(priced('deepseek/deepseek-v4-pro', 0.3), '2026-07-29T11:00:00.000Z');
    expect(messages()).toEqual(['info: Model Radar: deepseek/deepseek-v4-pro changed price: $0.435 / $0.87 per 1M → $0.30 / $0.87 per 1M.']);
    await a.catalog(priced('deepseek/deepseek-v4-pro', 0.3), '2026-07-29T12:00:00.000Z');
    expect(messages().length).toBe(1);
    expect(a.watch.view().changes.map((c) => c.modelId)).toEqual(['deepseek/deepseek-v4-pro']);
    a.watch.dispose();

    // A new window over the same storage, the same catalog: nothing new to say.
    const b = new Harness(files, priced('deepseek/deepseek-v4-pro', 0.3), '2026-07-29T13:00:00.000Z', ['deepseek/deepseek-v4-pro']);
    await b.watch.start();
    b.scanned();
    await b.watch.settled();
    expect(messages().length).toBe(1);
    expect(b.watch.view().changes.length).toBe(1);
    b.watch.dispose();
  });

  it('waits for the workspace scan before deciding what is news', async () => {
    const h = new Harness(memoryFiles(), models, '2026-07-29T10:00:00.000Z', ['deepseek/deepseek-v4-pro']);
    await h.watch.start();
    await h.catalog(priced('deepseek/deepseek-v4-pro', 0.3), '2026-07-29T11:00:00.000Z');
    expect(messages()).toEqual([]);
    h.scanned();
    await h.watch.settled();
    expect(messages().length).toBe(1);
    h.watch.dispose();
  });

  it('batches many changes of a kind into one notification with "Show changes"', async () => {
    const ids = ['deepseek/deepseek-v4-pro', 'deepseek/deepseek-v4-flash', 'qwen/qwen3-coder'];
    const h = new Harness(memoryFiles(), models, '2026-07-29T10:00:00.000Z', ids);
    await h.watch.start();
    h.scanned();
    let next = models;
    for (const id of ids) next = next.map((m) => (m.id === id ? { ...m, price: { ...m.price, output: 0.01 } } : m));
    next = next.map((m) => (m.id === 'anthropic/claude-sonnet-4.5' ? { ...m, expirationDate: '2026-08-12' } : m));
    await h.catalog(next, '2026-07-29T11:00:00.000Z');
    expect(messages()).toEqual(['info: Model Radar: 3 models you use changed price.']);
    h.watch.dispose();
  });

  it('says each kind of change in its own words, figures through the shared formatter', () => {
    const base = { seq: 1, at: '2026-07-29T10:00:00.000Z', modelId: 'a/b', name: 'B' };
    expect(noticeText({ kind: 'single', change: { ...base, kind: 'expiration', from: null, to: '2026-08-12' } })).toBe('a/b retires on Aug 12, 2026.');
    expect(noticeText({ kind: 'single', change: { ...base, kind: 'removed', from: { input: 1, output: 2 }, to: null } })).toBe('a/b left the OpenRouter catalog.');
    expect(noticeText({ kind: 'single', change: { ...base, kind: 'context', from: 128_000, to: 1_000_000 } })).toBe('a/b context length: 128K → 1M.');
    expect(noticeText({ kind: 'batch', changeKind: 'removed', changes: [], models: 2 })).toBe('2 models you use left the OpenRouter catalog.');
  });

  it('a removed model is known to the diagnostics with its successors', async () => {
    const files = memoryFiles({ [HISTORY_FILE]: serializeHistory(emptyHistory()) });
    const h = new Harness(files, models, '2026-07-29T10:00:00.000Z', ['anthropic/claude-sonnet-4.5']);
    await h.watch.start();
    h.scanned();
    await h.catalog(models.filter((m) => m.id !== 'anthropic/claude-sonnet-4.5'), '2026-07-29T11:00:00.000Z');
    expect(messages()).toEqual(['warning: Model Radar: anthropic/claude-sonnet-4.5 left the OpenRouter catalog.']);
    expect(h.watch.removedInfo('anthropic/claude-sonnet-4.5')).toEqual({ removedAt: '2026-07-29T11:00:00.000Z', successors: ['anthropic/claude-sonnet-5', 'anthropic/claude-sonnet-4.6', '~anthropic/claude-sonnet-latest'] });
    expect(h.watch.removedInfo('openai/gpt-5.5')).toBeNull();
    h.watch.dispose();
  });
});

describe('the successor quick fix goes through the swap flow', () => {
  it('skips the scope question only for one named reference and a named target', async () => {
    const { parseSwapArgs } = await import('../../src/host/modelRefs/swapFlow');
    expect(parseSwapArgs({ refId: 'r1', targetId: 'anthropic/claude-sonnet-5', confirm: false })).toEqual({ refId: 'r1', targetId: 'anthropic/claude-sonnet-5', modelId: undefined, confirm: false });
    // A whole model's references, or no target: always asked.
    expect(parseSwapArgs({ modelId: 'a/b', targetId: 'c/d', confirm: false }).confirm).toBeUndefined();
    expect(parseSwapArgs({ refId: 'r1', confirm: false }).confirm).toBeUndefined();
    expect(parseSwapArgs({ refId: 'r1', targetId: 'c/d', confirm: 'no' }).confirm).toBeUndefined();
  });
});

describe('diagnostics follow the removed models', () => {
  it('says when the set of removed models changes, and only then', async () => {
    const h = new Harness(memoryFiles(), models, '2026-07-29T10:00:00.000Z', ['qwen/qwen3-coder']);
    let fired = 0;
    h.watch.onDidChangeRemoved(() => fired++);
    await h.watch.start();
    h.scanned();
    await h.catalog(priced('deepseek/deepseek-v4-pro', 0.3), '2026-07-29T11:00:00.000Z');
    expect(fired).toBe(0);
    const without = priced('deepseek/deepseek-v4-pro', 0.3).filter((m) => m.id !== 'qwen/qwen3-coder');
    await h.catalog(without, '2026-07-29T12:00:00.000Z');
    expect(fired).toBe(1);
    h.refsChanged.fire(h.refs);
    await h.catalog(without, '2026-07-29T13:00:00.000Z');
    expect(fired).toBe(1);
    await h.catalog(priced('deepseek/deepseek-v4-pro', 0.3), '2026-07-29T14:00:00.000Z');
    expect(fired).toBe(2);
    h.watch.dispose();
  });
});
