// Issue #15 item 3: the routing suffixes as swap targets. The picker offers :floor, :nitro and :exacto of the
// reference's model, each with a one-line explanation, and what is written is exactly the item picked: one suffix,
// replacing the one the reference had (never doubled), and "no suffix" without a second question.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import { lineStarts } from '../../src/core/refs/candidate';
import type { ModelReferences } from '../../src/host/modelRefs/register';
import { fixtureCatalogSnapshot, registerTestReferences, useFakeWorkspace } from '../support/fakeWorkspace';
import { ROUTING_SUFFIXES, routingTargets } from '../../src/core/refs/routingTargets';
import { fixtureCatalog } from './refsFixtureCatalog';

const ORIGINAL = new Map<string, string>([
  ['/ws/.aider.conf.yml', '# aider\nmodel: openrouter/deepseek/deepseek-v4-pro:nitro   # main\nweak-model: openrouter/openai/gpt-oss-20b:free\n'],
  ['/ws/.env', 'OPENROUTER_MODEL=qwen/qwen3.7-plus\nSMALL_MODEL=deepseek/deepseek-v4-flash-20260423\n'],
]);
const files = new Map<string, string>();
let picks: ((items: readonly fake.QuickPickItemLike[]) => unknown)[] = [];
const pickCalls: { items: fake.QuickPickItemLike[]; options: unknown }[] = [];
let refs: ModelReferences;

function offsetOf(text: string, p: fake.Position): number {
  return lineStarts(text)[p.line]! + p.character;
}

async function applyEdit(edit: fake.WorkspaceEdit): Promise<boolean> {
  for (const e of edit.edits) {
    let text = files.get(e.uri.path) as string;
    text = text.slice(0, offsetOf(text, e.range.start)) + e.newText + text.slice(offsetOf(text, e.range.end));
    files.set(e.uri.path, text);
  }
  return edit.edits.length > 0;
}

beforeAll(async () => {
  vi.useFakeTimers();
  useFakeWorkspace({ paths: () => [...files.keys()], read: (path) => files.get(path) }, { applyEdit, openTextDocument: async (uri: fake.Uri) => ({ uri, isDirty: false, getText: () => files.get(uri.path) ?? '' }) });
  Object.assign(fake.window, {
    showQuickPick: async (items: readonly fake.QuickPickItemLike[], options: unknown) => {
      pickCalls.push({ items: [...items], options });
      const next = picks.shift();
      return next === undefined ? undefined : next(items);
    },
  });
  for (const [k, v] of ORIGINAL) files.set(k, v);
  refs = registerTestReferences(fixtureCatalogSnapshot());
  await vi.advanceTimersByTimeAsync(1_500);
});

afterAll(() => {
  refs.dispose();
  vi.useRealTimers();
});

beforeEach(async () => {
  files.clear();
  for (const [k, v] of ORIGINAL) files.set(k, v);
  picks = [];
  pickCalls.length = 0;
  refs.rescan();
  await vi.advanceTimersByTimeAsync(1_500);
});

const refIdOf = (file: string, id: string): string => {
  const r = refs.view().refs.find((x) => x.file === file && x.id === id);
  if (r === undefined) throw new Error(`no ref ${id} in ${file}: ${refs.view().refs.map((x) => `${x.file}:${x.id}`).join(', ')}`);
  return r.refId;
};
const byId = (id: string) => (items: readonly fake.QuickPickItemLike[]): unknown => {
  const hit = items.find((i) => (i as { id?: string }).id === id);
  if (hit === undefined) throw new Error(`no item ${id} in ${items.map((i) => (i as { id?: string }).id ?? i.label).join(' | ')}`);
  return hit;
};
const confirmOne = (items: readonly fake.QuickPickItemLike[]): unknown => items.find((i) => i.label === 'Swap this reference');
/** The routing section of the first picker shown: its items, from the separator to the next one. */
function routingSection(): fake.QuickPickItemLike[] {
  const items = pickCalls[0]!.items;
  const start = items.findIndex((i) => i.label === 'Same model, another provider routing');
  // After the other models: the picker's first offer stays the cheaper model it was opened for.
  expect(start).toBeGreaterThan(0);
  const rest = items.slice(start + 1);
  const end = rest.findIndex((i) => (i as { kind?: unknown }).kind === fake.QuickPickItemKind.Separator);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('routing suffixes in the swap picker', () => {
  it.each(ROUTING_SUFFIXES)('writes exactly the picked item for :%s', async (suffix) => {
    const refId = refIdOf('.env', 'qwen/qwen3.7-plus');
    let picked: fake.QuickPickItemLike | undefined;
    picks = [
      (items) => {
        picked = byId(`qwen/qwen3.7-plus:${suffix}`)(items) as fake.QuickPickItemLike;
        return picked;
      },
      confirmOne,
    ];
    const outcome = await refs.swapCommand({ refId });
    expect(outcome?.kind ?? 'applied').toBe('applied');
    expect(picked?.label).toBe(`qwen/qwen3.7-plus:${suffix}`);
    // The file now reads exactly the picked label, and nothing else changed.
    expect(files.get('/ws/.env')).toBe(`OPENROUTER_MODEL=${picked!.label}\nSMALL_MODEL=deepseek/deepseek-v4-flash-20260423\n`);
    // No second picker asked about keeping a variant: the target picker, then the confirmation.
    expect(pickCalls).toHaveLength(2);
  });

  it('offers each suffix with its one-line explanation, after the other models', async () => {
    picks = [];
    await refs.swapCommand({ refId: refIdOf('.env', 'qwen/qwen3.7-plus') });
    const section = routingSection();
    expect(section.map((i) => [i.label, i.description])).toEqual([
      ['qwen/qwen3.7-plus:floor', 'cheapest provider first (OpenRouter sorts this model’s providers by price)'],
      ['qwen/qwen3.7-plus:nitro', 'fastest provider first (OpenRouter sorts this model’s providers by throughput)'],
      ['qwen/qwen3.7-plus:exacto', 'quality-first provider order (OpenRouter’s exacto sort, for reliable tool calls)'],
    ]);
  });

  it('x:nitro → x:floor replaces the suffix (never x:nitro:floor), keeping the "openrouter/" prefix', async () => {
    const refId = refIdOf('.aider.conf.yml', 'deepseek/deepseek-v4-pro:nitro');
    picks = [byId('deepseek/deepseek-v4-pro:floor'), confirmOne];
    await refs.swapCommand({ refId });
    const text = files.get('/ws/.aider.conf.yml')!;
    expect(text).toContain('model: openrouter/deepseek/deepseek-v4-pro:floor   # main\n');
    expect(text).not.toContain(':nitro');
    expect(text).not.toMatch(/:\w+:\w+/);
    // The current suffix is not offered again; "no suffix" is.
    const labels = routingSection().map((i) => i.label);
    expect(labels).toEqual(['deepseek/deepseek-v4-pro:floor', 'deepseek/deepseek-v4-pro:exacto', 'deepseek/deepseek-v4-pro']);
  });

  it('x:nitro → "no suffix" writes x, without a "keep :nitro?" question', async () => {
    const refId = refIdOf('.aider.conf.yml', 'deepseek/deepseek-v4-pro:nitro');
    picks = [byId('deepseek/deepseek-v4-pro'), confirmOne];
    await refs.swapCommand({ refId });
    expect(files.get('/ws/.aider.conf.yml')).toContain('model: openrouter/deepseek/deepseek-v4-pro   # main\n');
    expect(pickCalls).toHaveLength(2);
    expect(pickCalls[1]!.items.some((i) => /^keep :/.test(i.label))).toBe(false);
  });

  it('a static variant is replaced by the routing suffix, and the picker says so', async () => {
    const refId = refIdOf('.aider.conf.yml', 'openai/gpt-oss-20b:free');
    picks = [byId('openai/gpt-oss-20b:exacto'), confirmOne];
    await refs.swapCommand({ refId });
    expect(pickCalls[0]!.items.find((i) => i.label === 'openai/gpt-oss-20b:exacto')?.detail).toMatch(/without :free; only one suffix can be written/);
    expect(files.get('/ws/.aider.conf.yml')).toContain('weak-model: openrouter/openai/gpt-oss-20b:exacto\n');
  });

  it('a dated slug gets the suffix on its routable id', async () => {
    const refId = refIdOf('.env', 'deepseek/deepseek-v4-flash-20260423');
    picks = [byId('deepseek/deepseek-v4-flash:nitro'), confirmOne];
    await refs.swapCommand({ refId });
    expect(files.get('/ws/.env')).toBe('OPENROUTER_MODEL=qwen/qwen3.7-plus\nSMALL_MODEL=deepseek/deepseek-v4-flash:nitro\n');
  });
});

describe('routingTargets (core)', () => {
  const catalog = fixtureCatalog();
  const ids = (current: string): string[] => routingTargets(current, catalog).map((t) => t.id);

  it('every suffix of a plain id, each routable', () => {
    expect(ids('deepseek/deepseek-v4-flash')).toEqual(['deepseek/deepseek-v4-flash:floor', 'deepseek/deepseek-v4-flash:nitro', 'deepseek/deepseek-v4-flash:exacto']);
    expect(ids('openrouter/deepseek/deepseek-v4-flash')).toEqual(ids('deepseek/deepseek-v4-flash'));
  });

  it('a routing suffix is replaced, never doubled; the current one is left out and "no suffix" added', () => {
    for (const current of ROUTING_SUFFIXES) {
      const out = ids(`qwen/qwen3.7-plus:${current}`);
      expect(out).not.toContain(`qwen/qwen3.7-plus:${current}`);
      expect(out).toContain('qwen/qwen3.7-plus');
      expect(out.every((id) => (id.match(/:/g) ?? []).length <= 1)).toBe(true);
      expect(out).toHaveLength(3);
    }
  });

  it('an alias keeps its spelling; nothing for presets, routers and unknown ids', () => {
    expect(ids('~anthropic/claude-sonnet-latest')).toEqual(['~anthropic/claude-sonnet-latest:floor', '~anthropic/claude-sonnet-latest:nitro', '~anthropic/claude-sonnet-latest:exacto']);
    expect(ids('@preset/coding')).toEqual([]);
    expect(ids('deepseek/deepseek-v4-flash@preset/coding')).toEqual([]);
    expect(ids('openrouter/auto')).toEqual([]);
    expect(ids('acme/not-a-model')).toEqual([]);
  });
});
