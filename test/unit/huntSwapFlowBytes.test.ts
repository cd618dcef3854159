// The editor's swap refuses what the headless swap refuses: a file that is not UTF-8 text (another encoding, or
// binary) and that no editor holds would be opened by the edit as UTF-8 and written back with bytes outside the
// id rewritten. Nothing is written, in that file or any other of the batch.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import type { ModelReferences } from '../../src/host/modelRefs/register';
import { fixtureCatalogSnapshot, registerTestReferences, useFakeWorkspace } from '../support/fakeWorkspace';
import type { Snapshot } from '../../src/shared/types';

const LATIN1 = Buffer.from('# caf\xe9\nOPENROUTER_MODEL=google/gemma-4-31b-it\n', 'latin1');
const UTF8_ENV = 'OTHER_MODEL=google/gemma-4-31b-it\n';
const bytes = new Map<string, Uint8Array>();

const snapshot: Snapshot = fixtureCatalogSnapshot();
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
  useFakeWorkspace(
    { paths: () => [...bytes.keys()], read: (path) => bytes.get(path) },
    {
      applyEdit: async () => {
        applyCalls++;
        return true;
      },
      openTextDocument: async (uri: fake.Uri) => ({ uri, isDirty: false, getText: () => new TextDecoder().decode(bytes.get(uri.path)) }),
    },
  );
  Object.assign(fake.window, {
    showQuickPick: async (items: readonly fake.QuickPickItemLike[]) => items.find((i) => /^Swap everywhere$/.test(i.label)) ?? items[0],
  });
  refs = registerTestReferences(snapshot);
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
