// The host adapter over the shared fake VS Code API: background scan through workspace.fs, opaque reference ids,
// and a swap that becomes one WorkspaceEdit, or a refusal that writes nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import { buildCatalog } from '../../src/core/catalog';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import { registerModelReferences, type ModelReferences } from '../../src/host/modelRefs/register';
import type { Snapshot } from '../../src/shared/types';
import { liveSnapshot } from '../support/snapshotBuilders';
import { MODELS_FIXTURE } from './refsFixtureCatalog';

const files = new Map<string, string>([
  ['/ws/.env', 'OPENROUTER_MODEL=openai/gpt-5\n'],
  ['/ws/.continue/config.yaml', 'models:\n  - provider: openrouter   # main\n    model: "openai/gpt-5"\n  - provider: openrouter\n    model: deepseek/deepseek-v9-preview\n'],
  ['/ws/src/a.ts', 'export const M = "openrouter/openai/gpt-5";\n'],
  ['/ws/node_modules/x/.env', 'OPENROUTER_MODEL=openai/gpt-5\n'],
  ['/ws/README.md', 'openai/gpt-5\n'],
]);

const models = buildCatalog((JSON.parse(readFileSync(MODELS_FIXTURE, 'utf8')) as { data: ApiModel[] }).data);
const snapshot: Snapshot = liveSnapshot({ catalog: { models, source: 'bundled', asOf: '2026-07-29T00:00:00Z' } });
const applied: fake.WorkspaceEdit[] = [];
let refs: ModelReferences;
let findCalls = 0;

beforeAll(async () => {
  vi.useFakeTimers();
  const folder = { uri: fake.Uri.file('/ws'), name: 'ws', index: 0 };
  Object.assign(fake.workspace, {
    workspaceFolders: [folder],
    getWorkspaceFolder: (uri: fake.Uri) => (uri.path.startsWith('/ws/') ? folder : undefined),
    asRelativePath: (uri: fake.Uri) => uri.path.replace(/^\/ws\//, ''),
    findFiles: async () => {
      findCalls++;
      return [...files.keys()].map((p) => fake.Uri.file(p));
    },
    applyEdit: async (edit: fake.WorkspaceEdit) => {
      applied.push(edit);
      return true;
    },
  });
  Object.assign(fake.workspace.fs, {
    readFile: async (uri: fake.Uri) => {
      const text = files.get(uri.path);
      if (text === undefined) throw new Error('ENOENT');
      return new TextEncoder().encode(text);
    },
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
  // Nothing is read while the extension activates.
  expect(findCalls).toBe(0);
  await vi.advanceTimersByTimeAsync(1_500);
});

afterAll(() => {
  refs.dispose();
  vi.useRealTimers();
});

describe('workspace references (host)', () => {
  it('indexes the workspace after activation, skipping node_modules and files of no known kind', () => {
    const view = refs.view();
    expect(view.scanning).toBe(false);
    expect(view.refs.map((r) => [r.file, r.line, r.column, r.id, r.known])).toEqual([
      ['.continue/config.yaml', 3, 13, 'openai/gpt-5', true],
      ['.continue/config.yaml', 5, 12, 'deepseek/deepseek-v9-preview', false],
      ['.env', 1, 18, 'openai/gpt-5', true],
      ['src/a.ts', 1, 19, 'openai/gpt-5', true],
    ]);
    expect(view.files).toBe(3);
    // Opaque ids, never paths.
    for (const r of view.refs) expect(r.refId).toMatch(/^r\d+$/);
  });

  it('registers Swap Model…', () => {
    expect(fake.recorded.commands.has('modelRadar.swapModel')).toBe(true);
  });

  it('swaps every reference of a model in one edit, keeping prefixes and quotes', async () => {
    // The webview's "Swap…" confirms first; the first choice swaps the references it named.
    fake.window.showQuickPick = (async (items: readonly unknown[]) => items[0]) as never;
    const outcome = await refs.swap({ modelId: 'openai/gpt-5', targetId: 'x-ai/grok-4.5' });
    expect(outcome.applied).toBe(true);
    expect(outcome.message).toContain('3 references in 3 files');
    expect(applied).toHaveLength(1);
    const edits = applied[0].edits.map((e) => [e.uri.path, e.range.start.line, e.range.start.character, e.range.end.character, e.newText]);
    expect(edits).toEqual([
      ['/ws/.continue/config.yaml', 2, 12, 24, 'x-ai/grok-4.5'],
      ['/ws/.env', 0, 17, 29, 'x-ai/grok-4.5'],
      ['/ws/src/a.ts', 0, 18, 41, 'openrouter/x-ai/grok-4.5'],
    ]);
  });

  it('swaps one reference by its id', async () => {
    const ref = refs.view().refs.find((r) => r.file === '.env');
    const outcome = await refs.swap({ modelId: 'openai/gpt-5', refId: ref?.refId, targetId: 'qwen/qwen3-coder' });
    expect(outcome.applied).toBe(true);
    expect(applied.at(-1)?.edits.map((e) => e.newText)).toEqual(['qwen/qwen3-coder']);
  });

  it('refuses, writing nothing: unknown reference, unknown target, file changed since the scan', async () => {
    const before = applied.length;
    expect(await refs.swap({ modelId: 'openai/gpt-5', refId: 'r999', targetId: 'x-ai/grok-4.5' })).toMatchObject({ applied: false });
    expect((await refs.swap({ modelId: 'openai/gpt-5', targetId: 'openai/gpt-9' })).message).toContain('not a model in the OpenRouter catalog');
    files.set('/ws/.env', 'X=1\nOPENROUTER_MODEL=openai/gpt-5\n');
    expect((await refs.swap({ modelId: 'openai/gpt-5', targetId: 'x-ai/grok-4.5' })).message).toContain('changed since it was scanned');
    expect(applied.length).toBe(before);
  });

  it('reads but never edits in an untrusted workspace', async () => {
    fake.workspace.isTrusted = false;
    try {
      expect(refs.view().note).toContain('not trusted');
      const outcome = await refs.swap({ modelId: 'deepseek/deepseek-v9-preview', targetId: 'deepseek/deepseek-v3.2' });
      expect(outcome).toMatchObject({ applied: false });
      expect(outcome.message).toContain('not trusted');
    } finally {
      fake.workspace.isTrusted = true;
    }
  });
});
