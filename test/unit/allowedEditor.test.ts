// What the key may use, in the editor (host over the shared fake VS Code): the swap picker never offers an excluded
// model by default (hidden behind "Show models this key cannot use", then after a separator, marked), the hover and
// CodeLens say so, an Information diagnostic names it; while the check has not run nothing is marked and the picker
// and hover say why.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import { registerModelReferences, type ModelReferences } from '../../src/host/modelRefs/register';
import { fixtureCatalogSnapshot, useFakeWorkspace, DEFAULT_REFS_SETTINGS } from '../support/fakeWorkspace';
import { createCatalogIndex } from '../../src/core/market/catalog';
import { createAllowedMatcher, knownAllowedState } from '../../src/core/market/allowed';
import { guardedAllows } from '../fake-openrouter/userModels';
import type { AllowedModelsState, Snapshot } from '../../src/shared/types';

const NOW = Date.parse('2026-07-29T12:00:00Z');
const files = new Map<string, string>([['/ws/.env', 'OPENROUTER_MODEL=anthropic/claude-sonnet-4.6\nWEAK_MODEL=deepseek/deepseek-v4-flash:nitro\n']]);
const fixture = fixtureCatalogSnapshot();
// DeepSeek V4 Flash retires in 10 days: its successors (its family) are all models the guarded key may not use.
const base: Snapshot = {
  ...fixture,
  catalog: { ...fixture.catalog!, models: fixture.catalog!.models.map((m) => (m.id === 'deepseek/deepseek-v4-flash' ? { ...m, expirationDate: '2026-08-08' } : m)) },
};
const index = createCatalogIndex(base.catalog!.models);
const KNOWN: AllowedModelsState = knownAllowedState(
  index,
  createAllowedMatcher(base.catalog!.models.filter((m) => guardedAllows(m.id)).map((m) => ({ id: m.id, canonicalSlug: m.canonicalSlug }))),
  NOW,
);
const PENDING: AllowedModelsState = { status: 'unknown', reason: 'pending', error: null };
let snap: Snapshot = { ...base, allowedModels: KNOWN };
const changed = new fake.EventEmitter<Snapshot>();
const diagnostics = new Map<string, { message: string; severity: number; code?: unknown }[]>();

type Item = fake.QuickPickItemLike & { id?: string; kind?: number; description?: string };
let picks: ((items: readonly Item[]) => unknown)[] = [];
const pickCalls: Item[][] = [];
let refs: ModelReferences;
let actionsProvider: { provideCodeActions(doc: unknown, range: unknown, ctx: unknown): { title: string; isPreferred?: boolean }[] } | undefined;

beforeAll(async () => {
  vi.useFakeTimers({ now: NOW });
  useFakeWorkspace({ paths: () => [...files.keys()], read: (p) => files.get(p) });
  Object.assign(fake.languages, {
    createDiagnosticCollection: () => ({
      set: (uri: fake.Uri, list: { message: string; severity: number; code?: unknown }[]) => void diagnostics.set(uri.path, list),
      delete: (uri: fake.Uri) => void diagnostics.delete(uri.path),
      clear: () => diagnostics.clear(),
      dispose: () => undefined,
    }),
  });
  Object.assign(fake.languages, {
    registerCodeActionsProvider: (_s: unknown, provider: typeof actionsProvider) => {
      actionsProvider = provider;
      return { dispose: () => undefined };
    },
  });
  Object.assign(fake.window, {
    showQuickPick: async (items: readonly Item[]) => {
      pickCalls.push([...items]);
      const next = picks.shift();
      return next === undefined ? undefined : next(items);
    },
  });
  refs = registerModelReferences({
    context: fake.fakeExtensionContext() as never,
    log: fake.window.createOutputChannel('test') as never,
    snapshot: { current: () => snap, onDidChange: changed.event as never },
    settings: { current: () => DEFAULT_REFS_SETTINGS, onDidChange: new fake.EventEmitter<void>().event as never },
  });
  await vi.advanceTimersByTimeAsync(1_500);
});

afterAll(() => {
  refs.dispose();
  vi.useRealTimers();
});

beforeEach(() => {
  picks = [];
  pickCalls.length = 0;
  snap = { ...base, allowedModels: KNOWN };
  changed.fire(snap);
});

const SEPARATOR = fake.QuickPickItemKind.Separator;
const choices = (items: readonly Item[]): Item[] => items.filter((i) => i.kind !== SEPARATOR);
const refIdOf = (id: string): string => refs.view().refs.find((r) => r.id === id)!.refId;
const excluded = (id: string | undefined): boolean => id !== undefined && !id.startsWith('\u0000') && !guardedAllows(id);

describe('swap picker', () => {
  it('offers no excluded model by default: the first item is one the key may use, the rest wait behind one item', async () => {
    picks = [() => undefined];
    await refs.swapCommand({ refId: refIdOf('anthropic/claude-sonnet-4.6') });
    const items = pickCalls[0]!;
    const offered = choices(items);
    expect(offered.length).toBeGreaterThan(20);
    expect(offered.filter((i) => excluded(i.id))).toEqual([]);
    expect(excluded(offered[0]!.id)).toBe(false);
    expect(offered[0]!.description).toMatch(/^saves /);
    const tail = items.slice(-2);
    expect(tail[0]).toMatchObject({ kind: SEPARATOR, label: 'Not allowed by this key’s settings' });
    const count = KNOWN.status === 'known' ? KNOWN.notAllowed.length : 0;
    expect(tail[1]!.label).toBe(`Show ${count} models this key cannot use`);
  });

  it('without the allowance the cheapest offer would be one the key may not use (what the rule prevents)', async () => {
    snap = { ...base, allowedModels: PENDING };
    picks = [() => undefined];
    await refs.swapCommand({ refId: refIdOf('anthropic/claude-sonnet-4.6') });
    const offered = choices(pickCalls[0]!);
    expect(excluded(offered[0]!.id)).toBe(true);
    // And it says the check has not run, in a last line that changes nothing when picked.
    const last = pickCalls[0]!.at(-1)!;
    expect(last.label).toContain('Not checked yet which models your key may use.');
  });

  it('"Show models this key cannot use" shows them after a separator at the end, each marked; the allowed order is kept', async () => {
    picks = [(items) => items.find((i) => /^Show \d+ models this key cannot use$/.test(i.label)), () => undefined];
    const outcome = await refs.swapCommand({ refId: refIdOf('anthropic/claude-sonnet-4.6') });
    expect(outcome.kind).toBe('cancelled');
    expect(pickCalls).toHaveLength(2);
    const [first, second] = pickCalls as [Item[], Item[]];
    const sep = second.findIndex((i) => i.kind === SEPARATOR && i.label === 'Not allowed by this key’s settings');
    expect(sep).toBeGreaterThan(0);
    const after = second.slice(sep + 1);
    expect(after.length).toBe(KNOWN.status === 'known' ? KNOWN.notAllowed.length : -1);
    expect(after.every((i) => excluded(i.id) && /not allowed by this key’s settings/.test(i.description ?? ''))).toBe(true);
    expect(second.slice(0, sep).filter((i) => excluded(i.id))).toEqual([]);
    expect(second.slice(0, sep)).toEqual(first.slice(0, -2));
  });

  it('picking the "not checked" line shows the picker again, nothing written', async () => {
    snap = { ...base, allowedModels: PENDING };
    picks = [(items) => items.at(-1), () => undefined];
    const outcome = await refs.swapCommand({ refId: refIdOf('anthropic/claude-sonnet-4.6') });
    expect(outcome.kind).toBe('cancelled');
    expect(pickCalls).toHaveLength(2);
  });
});

describe('hover, CodeLens and diagnostics', () => {
  const hoverAt = (needle: string): string => {
    const text = files.get('/ws/.env')!;
    const offset = text.indexOf(needle) + 2;
    const doc = { uri: fake.Uri.file('/ws/.env'), getText: () => text, offsetAt: () => offset, languageId: 'dotenv', version: 1 };
    const hover = fake.recorded.hoverProviders.at(-1)?.provideHover(doc, new fake.Position(0, 0)) as { contents: { value: string } } | null;
    return hover?.contents.value ?? '';
  };
  const lensTitles = (): string[] => {
    const text = files.get('/ws/.env')!;
    const doc = { uri: fake.Uri.file('/ws/.env'), getText: () => text, offsetAt: () => 0, languageId: 'dotenv', version: 1 };
    const lenses = fake.recorded.codeLensProviders.at(-1)?.provideCodeLenses(doc) as { command?: { title: string } }[];
    return lenses.map((l) => l.command?.title ?? '');
  };

  it('a line naming an excluded model (here through a routing variant) says so; an allowed one does not', () => {
    expect(hoverAt('deepseek/deepseek-v4-flash')).toContain('is not allowed by this API key’s settings');
    expect(hoverAt('anthropic/claude-sonnet-4.6')).not.toContain('not allowed');
    const titles = lensTitles();
    expect(titles.filter((t) => t.includes('not allowed by this key’s settings'))).toHaveLength(1);
    const list = diagnostics.get('/ws/.env') ?? [];
    const info = list.filter((d) => d.code === 'notAllowed');
    expect(info).toHaveLength(1);
    expect(info[0]!.severity).toBe(fake.DiagnosticSeverity.Information);
    expect(info[0]!.message).toContain('deepseek/deepseek-v4-flash:nitro');
  });

  it('while the check has not run nothing is marked, and the hover says why', () => {
    snap = { ...base, allowedModels: { status: 'unknown', reason: 'failed', error: { kind: 'offline', message: 'x' } } };
    changed.fire(snap);
    const hover = hoverAt('deepseek/deepseek-v4-flash');
    expect(hover).not.toContain('not allowed');
    // Markdown-escaped ("use\\: OpenRouter…"), so in two parts.
    expect(hover).toContain('Not checked which models your key may use');
    expect(hover).toContain('OpenRouter could not be reached');
    expect(lensTitles().some((t) => t.includes('not allowed'))).toBe(false);
    expect((diagnostics.get('/ws/.env') ?? []).filter((d) => d.code === 'notAllowed')).toEqual([]);
  });
});

describe('quick fixes', () => {
  const fixesFor = (needle: string): { title: string; isPreferred?: boolean }[] => {
    const text = files.get('/ws/.env')!;
    const line = text.slice(0, text.indexOf(needle)).split('\n').length - 1;
    const doc = { uri: fake.Uri.file('/ws/.env'), getText: () => text, offsetAt: () => 0, positionAt: () => new fake.Position(0, 0), languageId: 'dotenv', version: 1 };
    const all = actionsProvider?.provideCodeActions(doc, new fake.Range(line, 0, line, 200), { diagnostics: [] }) ?? [];
    return all.filter((a) => a.title.startsWith('Swap to '));
  };

  // Flash has no newer family model, so the fix falls back to cheaper comparable models: without the allowance
  // that is a model the guarded key may not use; with it, none such is offered (here: no one-click fix at all).
  it('while the check has not run, the one-click fix may name any model (nothing is known)', () => {
    snap = { ...base, allowedModels: PENDING };
    changed.fire(snap);
    const fixes = fixesFor('deepseek/deepseek-v4-flash');
    expect(fixes.some((f) => excluded(f.title.slice('Swap to '.length)))).toBe(true);
  });

  it('a retiring model\'s one-click fix never names a model the key may not use', () => {
    const fixes = fixesFor('deepseek/deepseek-v4-flash');
    expect(fixes.filter((f) => excluded(f.title.slice('Swap to '.length)))).toEqual([]);
  });
});
