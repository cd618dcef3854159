// #9 items 1, 2, 3, 4, 5 through the host flow over the shared fake VS Code: the Refactor Preview applies what it
// shows (its entries start ticked), a batch with a duplicate key writes nothing, the written id is the picked one,
// the webview's "Swap…" goes through the same confirmation as the command, and the message tells the saved state.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import { lineStarts } from '../../src/core/refs/candidate';
import type { ModelReferences } from '../../src/host/modelRefs/register';
import { fixtureCatalogSnapshot, registerTestReferences, useFakeWorkspace } from '../support/fakeWorkspace';
import type { Snapshot } from '../../src/shared/types';

const ORIGINAL = new Map<string, string>([
  ['/ws/.aider.conf.yml', '# aider\nmodel: openrouter/openai/gpt-oss-20b:free   # main\nweak-model: openrouter/poolside/laguna-s-2.1\n'],
  ['/ws/opencode.json', '{\n  "provider": { "openrouter": { "models": {\n    "anthropic/claude-opus-5": { "options": { "a": 1 } },\n    "anthropic/claude-opus-5-20260723": { "options": { "b": 2 } }\n  } } }\n}\n'],
  ['/ws/.env', 'OPENROUTER_MODEL=anthropic/claude-opus-5\nOTHER_MODEL=google/gemma-4-31b-it\n'],
  ['/ws/src/app.ts', 'export const MODEL = "google/gemma-4-31b-it";\n'],
  ['/ws/.continue/config.yaml', 'models:\n  - provider: openrouter\n    model: google/gemma-4-31b-it\n'],
]);
const files = new Map<string, string>();

const snapshot: Snapshot = fixtureCatalogSnapshot();

interface ApplyCall {
  edit: fake.WorkspaceEdit;
  metadata: unknown;
}
let applyCalls: ApplyCall[] = [];
/** What the Refactor Preview's user does: Apply (the ticked entries) or Discard. */
let previewAnswer: 'apply' | 'discard' = 'apply';
/** Files the editor holds unsaved after an edit (auto-save off); the rest count as saved. */
let dirtyAfterEdit = new Set<string>();
let picks: ((items: readonly fake.QuickPickItemLike[], options: unknown) => unknown)[] = [];
const pickCalls: { items: fake.QuickPickItemLike[]; options: unknown }[] = [];
let refs: ModelReferences;

function offsetOf(text: string, p: fake.Position): number {
  return lineStarts(text)[p.line]! + p.character;
}

/**
 * VS Code's applyEdit, as far as the swap can tell: with any `needsConfirmation` entry the Refactor Preview opens,
 * where such entries start unticked (bulkEditPreview: `checked = !metadata.needsConfirmation`) and Apply applies
 * the ticked ones; Discard applies nothing and returns false. Creating a file that exists with `ignoreIfExists`
 * is a no-op the preview does not list.
 */
async function applyEdit(edit: fake.WorkspaceEdit, metadata?: unknown): Promise<boolean> {
  applyCalls.push({ edit, metadata });
  const needs = (e: { metadata?: unknown }): boolean => (e.metadata as { needsConfirmation?: boolean } | undefined)?.needsConfirmation === true;
  const preview = edit.edits.some(needs) || edit.fileOps.some(needs);
  for (const op of edit.fileOps) {
    if (!files.has(op.uri.path) || op.options?.ignoreIfExists !== true) throw new Error(`unexpected file operation on ${op.uri.path}`);
  }
  if (preview && previewAnswer === 'discard') return false;
  const ticked = edit.edits.filter((e) => !preview || !needs(e));
  if (ticked.length === 0) return false;
  const byFile = new Map<string, typeof ticked>();
  for (const e of ticked) byFile.set(e.uri.path, [...(byFile.get(e.uri.path) ?? []), e]);
  for (const [path, list] of byFile) {
    let text = files.get(path) as string;
    const spans = list.map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
    for (const s of spans) text = text.slice(0, s.start) + s.newText + text.slice(s.end);
    files.set(path, text);
  }
  return true;
}

async function rescan(): Promise<void> {
  refs.rescan();
  await vi.advanceTimersByTimeAsync(1_500);
}

beforeAll(async () => {
  vi.useFakeTimers();
  useFakeWorkspace(
    { paths: () => [...files.keys()], read: (path) => files.get(path) },
    { applyEdit, openTextDocument: async (uri: fake.Uri) => ({ uri, isDirty: dirtyAfterEdit.has(uri.path), getText: () => files.get(uri.path) ?? '' }) },
  );
  Object.assign(fake.window, {
    showQuickPick: async (items: readonly fake.QuickPickItemLike[], options: unknown) => {
      pickCalls.push({ items: [...items], options });
      const next = picks.shift();
      return next === undefined ? undefined : next(items, options);
    },
  });
  for (const [k, v] of ORIGINAL) files.set(k, v);
  refs = registerTestReferences(snapshot);
  await vi.advanceTimersByTimeAsync(1_500);
});

afterAll(() => {
  refs.dispose();
  vi.useRealTimers();
});

beforeEach(async () => {
  files.clear();
  for (const [k, v] of ORIGINAL) files.set(k, v);
  applyCalls = [];
  previewAnswer = 'apply';
  dirtyAfterEdit = new Set();
  picks = [];
  pickCalls.length = 0;
  await rescan();
});

const byLabel = (re: RegExp) => (items: readonly fake.QuickPickItemLike[]): unknown => {
  const hit = items.find((i) => re.test(i.label));
  if (hit === undefined) throw new Error(`no item ${re} in ${items.map((i) => i.label).join(' | ')}`);
  return hit;
};
const refIdOf = (file: string, id: string): string => {
  const r = refs.view().refs.find((x) => x.file === file && x.id === id);
  if (r === undefined) throw new Error(`no ref ${id} in ${file}`);
  return r.refId;
};

describe('swap with preview (#9 item 1)', () => {
  it('opens the Refactor Preview with the swap entries ticked: Apply writes them', async () => {
    picks = [byLabel(/^Swap this reference, with preview/)];
    const outcome = await refs.swap({ modelId: 'poolside/laguna-s-2.1', refId: refIdOf('.aider.conf.yml', 'poolside/laguna-s-2.1'), targetId: 'qwen/qwen3-coder' });
    expect(outcome.kind).toBe('applied');
    expect(files.get('/ws/.aider.conf.yml')).toBe(ORIGINAL.get('/ws/.aider.conf.yml')?.replace('poolside/laguna-s-2.1', 'qwen/qwen3-coder'));
    const [call] = applyCalls;
    expect(call!.metadata).toEqual({ isRefactoring: true });
    // The swap's own entries are ticked; what opens the preview is a create-if-missing of a file that exists.
    expect(call!.edit.edits.map((e) => (e.metadata as { needsConfirmation: boolean }).needsConfirmation)).toEqual([false]);
    expect(call!.edit.fileOps).toEqual([{ kind: 'create', uri: expect.objectContaining({ path: '/ws/.aider.conf.yml' }), options: { ignoreIfExists: true }, metadata: expect.objectContaining({ needsConfirmation: true }) }]);
  });

  it('Discard writes nothing and says so', async () => {
    previewAnswer = 'discard';
    picks = [byLabel(/^Swap everywhere, with preview/)];
    const outcome = await refs.swap({ modelId: 'google/gemma-4-31b-it', refId: refIdOf('.env', 'google/gemma-4-31b-it'), targetId: 'qwen/qwen3-coder' });
    expect(outcome.kind).toBe('cancelled');
    expect(outcome.message).toMatch(/Discarded/);
    for (const [k, v] of ORIGINAL) expect(files.get(k)).toBe(v);
  });

  it('a swap everywhere previewed and applied changes every file in one edit', async () => {
    picks = [byLabel(/^Swap everywhere, with preview/)];
    const outcome = await refs.swap({ modelId: 'google/gemma-4-31b-it', refId: refIdOf('.env', 'google/gemma-4-31b-it'), targetId: 'qwen/qwen3-coder' });
    expect(outcome).toMatchObject({ kind: 'applied', files: ['.continue/config.yaml', '.env', 'src/app.ts'] });
    expect(applyCalls).toHaveLength(1);
    expect(files.get('/ws/src/app.ts')).toBe('export const MODEL = "qwen/qwen3-coder";\n');
    expect(files.get('/ws/.continue/config.yaml')).toContain('model: qwen/qwen3-coder\n');
  });
});

describe('duplicate keys (#9 item 2)', () => {
  it('refuses a swap everywhere that would write one key twice, naming file, line and key; nothing is written', async () => {
    picks = [byLabel(/^Swap everywhere$/)];
    const outcome = await refs.swap({ modelId: 'anthropic/claude-opus-5', refId: refIdOf('.env', 'anthropic/claude-opus-5'), targetId: 'qwen/qwen3-coder' });
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'duplicateKey' });
    expect(outcome.message).toContain('opencode.json:4');
    expect(outcome.message).toContain('"qwen/qwen3-coder"');
    // The .env reference alone was fine, yet no partial batch went out.
    expect(applyCalls).toHaveLength(0);
    for (const [k, v] of ORIGINAL) expect(files.get(k)).toBe(v);
  });

  it('shows the refusal as a warning from the command', async () => {
    fake.recorded.messages.length = 0;
    picks = [byLabel(/^Swap everywhere$/)];
    await refs.swapCommand({ refId: refIdOf('.env', 'anthropic/claude-opus-5'), targetId: 'qwen/qwen3-coder' });
    expect(fake.recorded.messages).toEqual([{ level: 'warning', message: expect.stringContaining('opencode.json:4') }]);
  });
});

describe('the written id is the picked target (#9 item 3)', () => {
  it('x:free -> x writes x, not "already x"', async () => {
    picks = [byLabel(/^Swap this reference$/)];
    const outcome = await refs.swap({ modelId: 'openai/gpt-oss-20b:free', refId: refIdOf('.aider.conf.yml', 'openai/gpt-oss-20b:free'), targetId: 'openai/gpt-oss-20b' });
    expect(outcome.kind).toBe('applied');
    expect(files.get('/ws/.aider.conf.yml')).toContain('model: openrouter/openai/gpt-oss-20b   # main\n');
  });

  it('a:free -> b writes b; "keep :free" is an explicit second choice in the picker', async () => {
    const refId = refIdOf('.aider.conf.yml', 'openai/gpt-oss-20b:free');
    const target = (items: readonly fake.QuickPickItemLike[]): unknown => items.find((i) => (i as { id?: string }).id === 'poolside/laguna-s-2.1');
    picks = [target, byLabel(/^poolside\/laguna-s-2\.1$/), byLabel(/^Swap this reference$/)];
    await refs.swapCommand({ refId });
    expect(pickCalls[1]!.items.map((i) => i.label)).toEqual(['poolside/laguna-s-2.1', 'keep :free → poolside/laguna-s-2.1:free']);
    expect(files.get('/ws/.aider.conf.yml')).toContain('model: openrouter/poolside/laguna-s-2.1   # main\n');

    await rescan();
    pickCalls.length = 0;
    const again = refIdOf('.aider.conf.yml', 'poolside/laguna-s-2.1');
    const ref2 = refs.view().refs.find((r) => r.refId === again);
    expect(ref2?.line).toBe(2);
    // Back to A exactly, through the same picker: byte-identical.
    picks = [(items) => items.find((i) => (i as { id?: string }).id === 'openai/gpt-oss-20b:free'), byLabel(/^Swap this reference$/)];
    await refs.swapCommand({ refId: again });
    expect(files.get('/ws/.aider.conf.yml')).toBe(ORIGINAL.get('/ws/.aider.conf.yml'));
  });

  it('choosing "keep :free" writes the variant', async () => {
    const refId = refIdOf('.aider.conf.yml', 'openai/gpt-oss-20b:free');
    picks = [(items) => items.find((i) => (i as { id?: string }).id === 'google/gemma-4-26b-a4b-it'), byLabel(/^keep :free/), byLabel(/^Swap this reference$/)];
    await refs.swapCommand({ refId });
    expect(files.get('/ws/.aider.conf.yml')).toContain('model: openrouter/google/gemma-4-26b-a4b-it:free   # main\n');
  });
});

describe('webview "Swap…" confirms first (#9 item 4)', () => {
  it('shows how many references in which files, code literals called out, with a preview offered; closing it writes nothing', async () => {
    const outcome = await refs.swap({ modelId: 'google/gemma-4-31b-it', targetId: 'qwen/qwen3-coder' });
    expect(outcome.kind).toBe('cancelled');
    expect(applyCalls).toHaveLength(0);
    expect(pickCalls).toHaveLength(1);
    const [first] = pickCalls[0]!.items;
    expect(first!.label).toBe('Swap 3 references');
    expect(first!.detail).toBe('3 references in 3 files: .continue/config.yaml (1), .env (1), src/app.ts (1 string literal in code)');
    expect(first!.description).toContain('1 string literal in code');
    expect(pickCalls[0]!.items.map((i) => i.label)).toEqual(expect.arrayContaining(['Swap 3 references, with preview…', 'Swap in config files only (2 references)']));
  });

  it('"config files only" leaves the code literal alone', async () => {
    picks = [byLabel(/^Swap in config files only \(2 references\)$/)];
    const outcome = await refs.swap({ modelId: 'google/gemma-4-31b-it', targetId: 'qwen/qwen3-coder' });
    expect(outcome).toMatchObject({ kind: 'applied', files: ['.continue/config.yaml', '.env'] });
    expect(files.get('/ws/src/app.ts')).toBe(ORIGINAL.get('/ws/src/app.ts'));
  });

  it('the webview request handler goes through the same confirmation', async () => {
    const { createWebviewRequestHandlers } = await import('../../src/core/bridge/handlers');
    const handlers = createWebviewRequestHandlers({
      snapshot: () => snapshot,
      references: () => refs.view(),
      isCatalogModel: (id) => snapshot.catalog?.models.some((m) => m.id === id) === true,
      compare: () => { throw new Error('unused'); },
      effects: { copyText: async () => undefined, openExternal: async () => true, swap: (p) => refs.swap(p), reveal: async () => true, runCommand: async () => undefined },
    });
    const result = await handlers['model/swap']({ modelId: 'google/gemma-4-31b-it', targetId: 'qwen/qwen3-coder' });
    expect(result).toMatchObject({ applied: false, kind: 'cancelled' });
    expect(pickCalls).toHaveLength(1);
    expect(applyCalls).toHaveLength(0);
  });
});

describe('the message says what is saved (#9 item 5)', () => {
  it('names the files that are not saved yet', async () => {
    dirtyAfterEdit = new Set(['/ws/.continue/config.yaml']);
    picks = [byLabel(/^Swap 3 references$/)];
    const outcome = await refs.swap({ modelId: 'google/gemma-4-31b-it', targetId: 'qwen/qwen3-coder' });
    expect(outcome.message).toBe('Swapped google/gemma-4-31b-it → qwen/qwen3-coder: 3 references in 3 files. .continue/config.yaml is not saved yet. One undo reverts it.');
  });

  it('says saved when auto-save already wrote the files', async () => {
    picks = [byLabel(/^Swap this reference$/)];
    const outcome = await refs.swap({ modelId: 'google/gemma-4-31b-it', refId: refIdOf('.env', 'google/gemma-4-31b-it'), targetId: 'qwen/qwen3-coder' });
    expect(outcome.message).toBe('Swapped google/gemma-4-31b-it → qwen/qwen3-coder: 1 reference in 1 file. .env is saved. One undo reverts it.');
    expect(outcome.message).not.toMatch(/unsaved/i);
  });
});
