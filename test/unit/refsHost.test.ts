// The host adapter over the shared fake VS Code API: background scan through workspace.fs, opaque reference ids,
// and a swap that becomes one WorkspaceEdit, or a refusal that writes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import type { ModelReferences } from '../../src/host/modelRefs/register';
import { fixtureCatalogSnapshot, registerTestReferences, useFakeWorkspace } from '../support/fakeWorkspace';
import type { Snapshot } from '../../src/shared/types';
import { CANDIDATE_GLOB } from '../../src/core/refs/classify';

const files = new Map<string, string>([
  ['/ws/.env', 'OPENROUTER_MODEL=openai/gpt-5\n'],
  ['/ws/.continue/config.yaml', 'models:\n  - provider: openrouter   # main\n    model: "openai/gpt-5"\n  - provider: openrouter\n    model: deepseek/deepseek-v9-preview\n'],
  ['/ws/src/a.ts', 'export const M = "openrouter/openai/gpt-5";\n'],
  ['/ws/node_modules/x/.env', 'OPENROUTER_MODEL=openai/gpt-5\n'],
  ['/ws/README.md', 'openai/gpt-5\n'],
]);

const snapshot: Snapshot = fixtureCatalogSnapshot();
const applied: fake.WorkspaceEdit[] = [];
let refs: ModelReferences;
let findCalls = 0;
const findGlobs: unknown[] = [];

beforeAll(async () => {
  vi.useFakeTimers();
  useFakeWorkspace(
    { paths: () => [...files.keys()], read: (path) => files.get(path) },
    {
      findFiles: async (glob: unknown) => {
        findCalls++;
        findGlobs.push(glob);
        return [...files.keys()].map((p) => fake.Uri.file(p));
      },
      applyEdit: async (edit: fake.WorkspaceEdit) => {
        applied.push(edit);
        return true;
      },
    },
  );
  refs = registerTestReferences(snapshot);
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

  it('lists candidate files with core\'s glob (derived from the file kinds), nothing of its own', () => {
    expect(findGlobs).toContain(CANDIDATE_GLOB);
  });

  it('offers Swap Model… to the one command table, and registers no command of its own', () => {
    // src/host/commands/register.ts registers every command (COMMANDS); this module only does the work.
    expect([...fake.recorded.commands.keys()].filter((id) => id.startsWith('modelRadar.'))).toEqual([]);
    expect(typeof refs.swapCommand).toBe('function');
  });

  it('swaps every reference of a model in one edit, keeping prefixes and quotes', async () => {
    // The webview's "Swap…" confirms first; the first choice swaps the references it named.
    fake.window.showQuickPick = (async (items: readonly unknown[]) => items[0]) as never;
    const outcome = await refs.swap({ modelId: 'openai/gpt-5', targetId: 'x-ai/grok-4.5' });
    expect(outcome.applied).toBe(true);
    expect(outcome.message).toContain('3 references in 3 files');
    expect(applied).toHaveLength(1);
    const edits = applied[0]!.edits.map((e) => [e.uri.path, e.range.start.line, e.range.start.character, e.range.end.character, e.newText]);
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

  it('Swap Model… run from an open file lists that file\'s references first', async () => {
    const path = '/ws/src/a.ts';
    const text = files.get(path) ?? '';
    const editor = { document: { uri: fake.Uri.file(path), getText: () => text, offsetAt: () => 0, languageId: 'typescript', version: 1 }, selection: { active: new fake.Position(0, 0) } };
    let shown: { description?: string }[] = [];
    const saved = { editor: fake.window.activeTextEditor, pick: fake.window.showQuickPick };
    Object.assign(fake.window, {
      activeTextEditor: editor,
      showQuickPick: async (items: { description?: string }[]) => {
        shown = items;
        return undefined;
      },
    });
    try {
      const outcome = await refs.swapCommand(undefined);
      expect(outcome.kind).toBe('cancelled');
    } finally {
      Object.assign(fake.window, { activeTextEditor: saved.editor, showQuickPick: saved.pick });
    }
    expect(shown.length).toBeGreaterThan(1);
    expect(shown[0]!.description).toBe('src/a.ts:1');
    // The rest keep their order: by file, then position.
    expect(shown.slice(1).map((i) => i.description)).toEqual(shown.slice(1).map((i) => i.description).sort());
  });

  it('the hover trusts exactly the commands its links run: Swap, Compare and Open Dashboard (the "Providers" link)', () => {
    const text = files.get('/ws/.continue/config.yaml') ?? '';
    const offset = text.indexOf('openai/gpt-5') + 2;
    const doc = { uri: fake.Uri.file('/ws/.continue/config.yaml'), getText: () => text, offsetAt: () => offset, languageId: 'yaml', version: 1 };
    const hover = fake.recorded.hoverProviders.at(-1)?.provideHover(doc, new fake.Position(0, 0)) as { contents: { value: string; isTrusted?: { enabledCommands: string[] } } } | null;
    expect(hover?.contents.value).toContain('command:modelRadar.openDashboard?');
    const linked = [...(hover?.contents.value ?? '').matchAll(/\(command:([\w.]+)\?/g)].map((m) => m[1]);
    expect([...new Set(linked)].sort()).toEqual([...(hover?.contents.isTrusted?.enabledCommands ?? [])].sort());
  });

  it('the hover of an unknown id in an indexed file leaves "did you mean" to its diagnostic (one widget, named once)', () => {
    const hoverAt = (path: string, text: string, needle: string): string => {
      const offset = text.indexOf(needle) + 2;
      const doc = { uri: fake.Uri.file(path), getText: () => text, offsetAt: () => offset, languageId: 'yaml', version: 1 };
      const provider = fake.recorded.hoverProviders.at(-1);
      const hover = provider?.provideHover(doc, new fake.Position(0, 0)) as { contents: { value: string } } | null;
      return hover?.contents.value ?? '';
    };
    const text = files.get('/ws/.continue/config.yaml') ?? '';
    const inWorkspace = hoverAt('/ws/.continue/config.yaml', text, 'deepseek/deepseek-v9-preview');
    expect(inWorkspace).toContain('is not in the OpenRouter catalog');
    expect(inWorkspace).not.toContain('Did you mean');
    // Outside the workspace no diagnostic is shown, so the hover names the suggestions itself.
    const outside = hoverAt('/elsewhere/.continue/config.yaml', text, 'deepseek/deepseek-v9-preview');
    expect(outside).toContain('Did you mean');
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
