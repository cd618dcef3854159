// The host's per-file time budget (issue #9 item 6): a file whose references take longer than the budget is
// skipped and logged to the output channel, and the scan goes on with the next file. A fake clock decides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fake from '../support/fakeVscode';
import { createRefIndex } from '../../src/core/refs/scanner';
import { WorkspaceReferences, type ModelRefsSettings } from '../../src/host/modelRefs/workspaceIndex';
import { asFileText, PATHOLOGICAL_CASES } from '../fixtures/refs/pathological';
import { fixtureCatalog } from './refsFixtureCatalog';
import { DEFAULT_REFS_SETTINGS, useFakeWorkspace } from '../support/fakeWorkspace';

const bundle = PATHOLOGICAL_CASES.find((c) => c.name === 'minified bundle line');
const BIG = asFileText('code', bundle?.make(256 * 1024) ?? '');
const files = new Map<string, string>([
  ['/ws/.env', 'OPENROUTER_MODEL=openai/gpt-5\n'],
  ['/ws/src/big.ts', BIG],
  ['/ws/src/z.ts', 'export const M = "deepseek/deepseek-chat";\n'],
]);
const settings: ModelRefsSettings = DEFAULT_REFS_SETTINGS;

let clock = 0;
/** Every look at the clock finds 1 ms more gone: only a file that does a lot of work looks often enough. */
const now = (): number => clock++;
let refs: WorkspaceReferences;
const log = fake.window.createOutputChannel('budget') as never;

beforeAll(async () => {
  useFakeWorkspace({ paths: () => [...files.keys()], read: (path) => files.get(path) });
  refs = new WorkspaceReferences(log, () => settings, { fileBudgetMs: 5, now });
  const changed = new Promise<void>((resolve) => {
    const sub = refs.onDidChange(() => {
      if (refs.view(null).scanning) return;
      sub.dispose();
      resolve();
    });
  });
  refs.setCatalog(fixtureCatalog());
  await changed;
});

afterAll(() => refs.dispose());

describe('per-file time budget in the host', () => {
  it('skips the file that took too long, logs it, and indexes the others', () => {
    const view = refs.view(null);
    expect(view.refs.map((r) => [r.file, r.id])).toEqual([
      ['.env', 'openai/gpt-5'],
      ['src/z.ts', 'deepseek/deepseek-chat'],
    ]);
    expect(fake.recorded.logLines.filter((l) => l.includes('skipped'))).toEqual(['[warn] budget: model references: skipped src/big.ts: took longer than 5 ms']);
  });

  it('skips an open document outside the workspace the same way', () => {
    const doc = { uri: fake.Uri.file('/elsewhere/big.ts'), getText: () => BIG };
    expect(refs.refsForDocument(doc as never)).toEqual({ entries: [], indexed: false });
    expect(fake.recorded.logLines.at(-1)).toBe('[warn] budget: model references: skipped /elsewhere/big.ts: took longer than 5 ms');
  });
});

describe('per-file time budget in the index', () => {
  it('re-indexing a file that takes too long leaves it without references and reports it', async () => {
    const skipped: string[] = [];
    let t = 0;
    const idx = createRefIndex(fixtureCatalog(), {}, { budgetMs: 5, now: () => t++, onSkipped: (path) => skipped.push(path) });
    await idx.addAll([{ path: 'src/a.ts', size: 30, read: () => 'const a = "openai/gpt-5";\n' }]);
    expect(idx.refsOf('src/a.ts')).toHaveLength(1);
    expect(idx.update('src/a.ts', BIG)).toEqual([]);
    expect(skipped).toEqual(['src/a.ts']);
    expect(idx.fileCount()).toBe(1);
  });
});
