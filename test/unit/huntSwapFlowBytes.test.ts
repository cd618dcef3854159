// The editor's swap refuses what the headless swap refuses: a file that is not UTF-8 text (another encoding, or
// binary) and that no editor holds would be opened by the edit as UTF-8 and written back with bytes outside the
// id rewritten. Nothing is written, in that file or any other of the batch.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import { buildCatalog } from '../../src/core/market/catalog';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import { registerModelReferences, type ModelReferences } from '../../src/host/modelRefs/register';
import type { Snapshot } from '../../src/shared/types';
import { liveSnapshot } from '../support/snapshotBuilders';
import { MODELS_FIXTURE } from './refsFixtureCatalog';

const LATIN1 = Buffer.from('# caf\xe9\nOPENROUTER_MODEL=google/gemma-4-31b-it\n', 'latin1');
const UTF8_ENV = 'OTHER_MODEL=google/gemma-4-31b-it\n';
const bytes = new Map<string, Uint8Array>();

const models = buildCatalog((JSON.parse(readFileSync(MODELS_FIXTURE, 'utf8')) as { data: ApiModel[] }).data);
const snapshot: Snapshot = liveSnapshot({ catalog: { models, source: 'bundled', asOf: '2026-07-29T00:00:00Z' } });
let applyCalls = 0;
let refs: ModelReferences;

function reset(): void {
  bytes.clear();
  bytes.set('/ws/a/.env', new Uint8Array(LATIN1));
  bytes.set('/ws/b/.env', new TextEncoder().encode(UTF8_ENV));
  applyCalls = 0;
}

beforeAll(async () => {
  vi.useFakeTimers();
  reset();
  const folder = { uri: fake.Uri.file('/ws'), name: 'ws', index: 0 };
  Object.assign(fake.workspace, {
    workspaceFolders: [folder],
    getWorkspaceFolder: (uri: fake.Uri) => (uri.path.startsWith('/ws/') ? folder : undefined),
    asRelativePath: (uri: fake.Uri) => uri.path.replace(/^\/ws\//, ''),
    findFiles: async () => [...bytes.keys()].map((p) => fake.Uri.file(p)),
    applyEdit: async () => {
      applyCalls++;
      return true;
    },
    openTextDocument: async (uri: fake.Uri) => ({ uri, isDirty: false, getText: () => new TextDecoder().decode(bytes.get(uri.path)) }),
  });
  Object.assign(fake.workspace.fs, {
    readFile: async (uri: fake.Uri) => {
      const b = bytes.get(uri.path);
      if (b === undefined) throw new Error('ENOENT');
      return b;
    },
  });
  Object.assign(fake.window, {
    showQuickPick: async (items: readonly fake.QuickPickItemLike[]) => items.find((i) => /^Swap everywhere$/.test(i.label)) ?? items[0],
  });
  refs = registerModelReferences({
    context: fake.fakeExtensionContext() as never,
    log: fake.window.createOutputChannel('test') as never,
    snapshot: { current: () => snapshot, onDidChange: new fake.EventEmitter<Snapshot>().event as never },
    settings: {
      current: () => ({ scanInclude: [], scanExclude: [], maxFileBytes: 1024 * 1024, codeLensConfig: true, codeLensCode: false, diagnostics: true }),
      onDidChange: new fake.EventEmitter<void>().event as never,
    },
  });
  await vi.advanceTimersByTimeAsync(1_500);
});

afterAll(() => {
  refs.dispose();
  vi.useRealTimers();
});

beforeEach(async () => {
  reset();
  refs.rescan();
  await vi.advanceTimersByTimeAsync(1_500);
});

describe('swap of a file that is not UTF-8 text', () => {
  it('is refused with a typed reason, and no edit is applied to any file of the batch', async () => {
    const ref = refs.view().refs.find((r) => r.file === 'a/.env');
    expect(ref).toBeDefined();
    const outcome = await refs.swap({ modelId: 'google/gemma-4-31b-it', refId: ref!.refId, targetId: 'qwen/qwen3-coder' });
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'notText' });
    expect(outcome.message).toContain('a/.env');
    expect(applyCalls).toBe(0);
    expect(Buffer.from(bytes.get('/ws/a/.env')!).equals(LATIN1)).toBe(true);
  });

  it('a UTF-8 file alone is swapped as before', async () => {
    const ref = refs.view().refs.find((r) => r.file === 'b/.env');
    expect(ref).toBeDefined();
    bytes.delete('/ws/a/.env');
    refs.rescan();
    await vi.advanceTimersByTimeAsync(1_500);
    const outcome = await refs.swap({ modelId: 'google/gemma-4-31b-it', refId: refs.view().refs.find((r) => r.file === 'b/.env')!.refId, targetId: 'qwen/qwen3-coder' });
    expect(outcome.kind).toBe('applied');
    expect(applyCalls).toBe(1);
  });
});
