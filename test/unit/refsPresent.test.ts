import { rankOf } from '../../src/shared/variantTokens';
import { formatContext, formatDay } from '../../src/shared/format';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternatives } from '../../src/core/market/compare';
import type { ApiRankingRow } from '../../src/core/openrouter/apiTypes';
import { buildRankingsView } from '../../src/core/market/rankings';
import { codeLensTitle, commandUri, fingerprint, hoverMarkdown, hoverSuggestions, swapTargetPrompt, refPickItem, refProblems, selectForSwap, swapTargetSections, toRefView } from '../../src/core/refs/present';
import { compareAlternativeItem, compareMixNote, priceSummary } from '../../src/core/market/pickItems';
import { findRefs } from '../../src/core/refs/recognize';
import type { CatalogModel } from '../../src/shared/types';
import type { ModelRef } from '../../src/core/refs/types';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();
const rows = (JSON.parse(readFileSync(join(__dirname, '../fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json'), 'utf8')) as { data: ApiRankingRow[] }).data;
const rankings = buildRankingsView(rows, { window: { start: '2026-07-20', end: '2026-07-26' }, index: catalog });
const model = (id: string): CatalogModel => {
  const m = catalog.get(id);
  if (m === null) throw new Error(id);
  return m;
};
const one = (file: string, text: string) => findRefs(file, text, catalog)[0]!;

describe('facts', () => {
  it('finds a model in the rankings by id or canonical slug, and formats context', () => {
    const top = rankings.models[0];
    expect(top!.id).not.toBeNull();
    expect(rankOf(rankings, model(top!.id as string))?.rank).toBe(1);
    expect(rankOf(null, model('openai/gpt-5'))).toBeNull();
    expect([formatContext(1048576), formatContext(163840), formatContext(null), formatContext(512)]).toEqual(['1.05M', '164K', '—', '512']);
  });

  it('CodeLens title: price, rank, region; routers and unknown ids say so', () => {
    const top = model(rankings.models[0]!.id as string);
    expect(codeLensTitle(top, rankOf(rankings, top))).toMatch(/^\$[\d.]+ \/ \$[\d.]+ per 1M · #1 this week · (CN|US|EU|OTHER|UNKNOWN)$/);
    expect(codeLensTitle(model('openrouter/auto'), null)).toBe(`price varies by route · ${model('openrouter/auto').region}`);
    expect(codeLensTitle(null, null)).toContain('not in the OpenRouter catalog');
  });
});

describe('hoverMarkdown', () => {
  it('shows name, lab, region, prices, context, rank, coding index and our links only', () => {
    const ref = one('.env', 'OPENROUTER_MODEL=deepseek/deepseek-v4-flash\n');
    const m = model('deepseek/deepseek-v4-flash');
    const md = hoverMarkdown({ ref, model: m, aliasTarget: null, ranked: rankOf(rankings, m), refId: 'r7', suggestions: [], today: '2026-07-29' });
    expect(md).toContain('**DeepSeek\\: DeepSeek V4 Flash** · `deepseek/deepseek-v4-flash`');
    expect(md).toContain('DeepSeek · CN');
    expect(md).toMatch(/Per 1M tokens: in \$[\d.]+ · out \$[\d.]+/);
    expect(md).toContain('coding index');
    expect(md).toContain(commandUri('modelRadar.swapModel', { refId: 'r7' }));
    expect(md).toContain('(https://openrouter.ai/deepseek/deepseek-v4-flash)');
    const links = [...md.matchAll(/\]\(([^)]+)\)/g)].map((x) => x[1]!.split('?')[0]);
    expect(links).toEqual(['command:modelRadar.swapModel', 'command:modelRadar.compareModel', 'command:modelRadar.openDashboard', 'https://openrouter.ai/deepseek/deepseek-v4-flash']);
    expect(md).toContain(commandUri('modelRadar.openDashboard', { providers: 'deepseek/deepseek-v4-flash' }));
  });

  it('escapes names from the API and leaves out Swap when the reference cannot be edited', () => {
    const ref = one('.env', 'OPENROUTER_MODEL=openai/gpt-5\n');
    const evil = { ...model('openai/gpt-5'), name: 'x](command:workbench.action.terminal.new) <img>' };
    const md = hoverMarkdown({ ref, model: evil, aliasTarget: null, ranked: null, refId: null, suggestions: [], today: '2026-07-29' });
    expect(md).not.toContain('](command:workbench');
    expect(md).not.toContain('modelRadar.swapModel');
  });

  it('unknown ids get suggestions; expiring models their date; aliases their target', () => {
    const unknown = one('.continue/config.yaml', 'models:\n  - provider: openrouter\n    model: openai/gpt-5.55\n');
    const md = hoverMarkdown({ ref: unknown, model: null, aliasTarget: null, ranked: null, refId: 'r1', suggestions: catalog.suggest(unknown!.id, 2), today: '2026-07-29' });
    expect(md).toContain('is not in the OpenRouter catalog');
    expect(md).toContain('Did you mean');
    const expiring = model('z-ai/glm-4.5');
    const md2 = hoverMarkdown({ ref: one('.env', 'OPENROUTER_MODEL=z-ai/glm-4.5\n'), model: expiring, aliasTarget: null, ranked: null, refId: 'r2', suggestions: [], today: '2026-07-29' });
    expect(md2).toContain(`Retires on ${formatDay(expiring.expirationDate, true)}`);
    expect(md2).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The 2026-07-29 capture predates alias_target; give the alias its documented target.
    const alias = { ...model('~anthropic/claude-sonnet-latest'), aliasTarget: 'anthropic/claude-sonnet-5' };
    const target = model('anthropic/claude-sonnet-5');
    const md3 = hoverMarkdown({ ref: one('.env', 'OPENROUTER_MODEL=~anthropic/claude-sonnet-latest\n'), model: alias, aliasTarget: target, ranked: null, refId: 'r3', suggestions: [], today: '2026-07-29' });
    expect(md3).toContain('Points at `anthropic/claude-sonnet-5` today.');
    expect(md3).toContain(`in $${target.price.input}`);
  });
});

describe('refProblems', () => {
  const opts = { suggest: (raw: string) => catalog.suggest(raw, 2), successors: (m: CatalogModel) => alternatives(catalog, m.id).alternatives.slice(0, 3).map((a) => a.id) };

  it('flags unknown ids with "did you mean" targets', () => {
    const ref = one('.continue/config.yaml', 'models:\n  - provider: openrouter\n    model: openai/gpt-5.55\n');
    const [p] = refProblems(ref!, null, '2026-07-29', opts);
    expect(p!.kind).toBe('unknown');
    expect(p!.targets.length).toBeGreaterThan(0);
    expect(p!.targets.every((t) => catalog.has(t))).toBe(true);
    expect(p!.message).toContain('Did you mean');
  });

  it('flags a model within 30 days of its expiration date, and one past it', () => {
    const m = model('z-ai/glm-4.5');
    const date = m.expirationDate as string;
    const ref = one('.env', 'OPENROUTER_MODEL=z-ai/glm-4.5\n');
    const dayBefore = (n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    expect(refProblems(ref!, m, dayBefore(31), opts)).toEqual([]);
    expect(refProblems(ref!, m, dayBefore(30), opts)[0]!.kind).toBe('expiring');
    expect(refProblems(ref!, m, dayBefore(0), opts)[0]!.message).toContain('today');
    expect(refProblems(ref!, m, dayBefore(-1), opts)[0]!.kind).toBe('expired');
    expect(refProblems(ref!, model('openai/gpt-5'), '2026-07-29', opts)).toEqual([]);
  });
});

describe('pickers', () => {
  it('target sections: cheaper alternatives with the saving first, then leaders, then everything else once', () => {
    const current = 'anthropic/claude-opus-4.1';
    const compare = alternatives(catalog, current, undefined, { rankings, limit: 5 });
    const sections = swapTargetSections({ models: catalog.all, rankings, currentId: current, compare });
    expect(sections.map((s) => s.title)).toEqual(['Cheaper, similar or better at coding', 'Leaders this week', 'All models']);
    // The saving is on the label's line (a search re-sorts by label and a narrow picker cuts the detail), once.
    for (const item of sections[0]!.items) {
      expect(item.description).toMatch(new RegExp(`^saves \\$[\\d.,]+ \\(−\\d+%\\) · ${item.id.replace(/[.]/g, '\\.')}$`));
      expect(item.detail).not.toMatch(/saves|mix/);
    }
    for (const item of [...sections[1]!.items, ...sections[2]!.items]) expect(item.description).toBe(item.id);
    const ids = sections.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(current);
    expect(ids.length).toBe(catalog.all.length - 1);
    expect(sections[1]!.items.every((i) => !model(i.id).variable)).toBe(true);
  });

  it('the target prompt is short and whole: the current price in the title, the mix once in the placeholder', () => {
    const current = model('anthropic/claude-opus-4.1');
    const compare = alternatives(catalog, current.id, undefined, { rankings, limit: 5 });
    const p = swapTargetPrompt('openrouter/anthropic/claude-opus-4.1', current, compare);
    expect(p.title).toBe(`Swap openrouter/anthropic/claude-opus-4.1 (now ${priceSummary(current)})`);
    // VS Code's input shows about 60 characters of placeholder in a default-width picker.
    expect(p.placeHolder.length).toBeLessThanOrEqual(60);
    expect(p.placeHolder).toBe('Search models by name or id; savings on a default 3:1 mix');
    expect(swapTargetPrompt('x/unknown', null, null)).toEqual({ title: 'Swap x/unknown (not in the catalog)', placeHolder: 'Search models by name or id' });
  });

  it('Compare Model… rows lead with the saving and the coding index; the mix is named once, in the title', () => {
    const compare = alternatives(catalog, 'anthropic/claude-opus-4.1', undefined, { rankings, limit: 6 });
    expect(compare.alternatives.length).toBeGreaterThan(1);
    for (const a of compare.alternatives) {
      const item = compareAlternativeItem(a);
      const [saving, coding] = item.detail.split(' · ');
      expect(saving).toMatch(/^saves \$[\d.,]+ \(−\d+%\)$/);
      expect(coding).toBe(`coding index ${a.codingIndex ?? '—'}`);
      expect(item.detail).not.toMatch(/mix|input : /);
      expect(item).toMatchObject({ id: a.id, label: a.name, description: a.id });
    }
    expect(compareMixNote(compare)).toBe('a default mix (3 input : 1 output tokens)');
    expect(compareMixNote({ ...compare, mix: { ...compare.mix, source: 'activity' } })).toBe('your last-30-day mix');
    expect(compareMixNote({ ...compare, mix: { ...compare.mix, source: 'custom' } })).toBe('your custom mix');
  });

  it('a free model is "free", never "$0 / $0 per 1M", wherever its price is summarised', () => {
    const free = catalog.all.find((m) => m.id.endsWith(':free') && m.price.input === 0 && m.price.output === 0);
    expect(free).toBeDefined();
    if (free === undefined) return;
    expect(priceSummary(free)).toBe('free');
    expect(codeLensTitle(free, null)).toMatch(/^free · /);
    const ref = one('.env', `OPENROUTER_MODEL=${free.id}\n`);
    expect(refPickItem(toRefView(ref!, 'r1', '.env'), free).detail).toMatch(/ · free$/);
    expect(priceSummary({ ...free, price: { ...free.price, input: 0, output: 0.5 } })).not.toBe('free');
  });

  it('reference items name the place, the key and the price', () => {
    const ref = one('.continue/config.yaml', 'models:\n  - provider: openrouter\n    model: openai/gpt-5\n');
    const item = refPickItem(toRefView(ref!, 'r1', 'app/.continue/config.yaml'), model('openai/gpt-5'));
    expect(item).toMatchObject({ id: 'r1', label: 'OpenAI: GPT-5', description: 'app/.continue/config.yaml:3' });
    expect(item.detail).toMatch(/^models\[0\]\.model \(continue\) · openai\/gpt-5 · \$/);
  });
});

describe('selectForSwap', () => {
  const text = 'A=1\nOPENROUTER_MODEL=openai/gpt-5\nLLM_MODEL=openrouter/openai/gpt-5\nSMALL_MODEL=openai/gpt-5-mini\n';
  const entries = findRefs('.env', text, catalog).map((ref, i) => ({ refId: `r${i}`, ref }));

  it('one reference by id, every reference of a model without one', () => {
    expect(selectForSwap(entries, { modelId: 'openai/gpt-5', refId: 'r1' })).toEqual({ ok: true, entries: [entries[1]] });
    const all = selectForSwap(entries, { modelId: 'openai/gpt-5' });
    expect(all.ok && all.entries.map((e) => e.refId)).toEqual(['r0', 'r1']);
  });

  it('refuses unknown reference ids, stale models and models with no reference', () => {
    expect(selectForSwap(entries, { modelId: 'openai/gpt-5', refId: 'r9' })).toMatchObject({ ok: false, refusal: { kind: 'unknownRef' } });
    expect(selectForSwap(entries, { modelId: 'x-ai/grok-4.5', refId: 'r0' })).toMatchObject({ ok: false, refusal: { kind: 'modelMismatch' } });
    expect(selectForSwap(entries, { modelId: 'x-ai/grok-4.5' })).toMatchObject({ ok: false, refusal: { kind: 'noReferences' } });
  });
});

it('fingerprint changes with any edit', () => {
  expect(fingerprint('abc')).toBe(fingerprint('abc'));
  expect(fingerprint('abc')).not.toBe(fingerprint('abd'));
  expect(fingerprint('abc')).not.toBe(fingerprint('abc '));
});

describe('hoverSuggestions', () => {
  const count = (text: string, id: string): number => text.match(new RegExp(`(?<![\\w./-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w./-])`, 'g'))?.length ?? 0;
  const unknownRef = (): ModelRef => one('.continue/config.yaml', 'models:\n  - provider: openrouter\n    model: openai/gpt-5.55\n');

  it('an unknown id names its "did you mean" models once: in the diagnostic while diagnostics are on, else in the hover', () => {
    const ref = unknownRef();
    const [problem] = refProblems(ref, null, '2026-07-29', { suggest: (raw) => catalog.suggest(raw, 3), successors: () => [] });
    const shown = hoverSuggestions(false, true, () => catalog.suggest(ref.id, 3));
    const hover = hoverMarkdown({ ref, model: null, aliasTarget: null, ranked: null, refId: 'r1', suggestions: shown, today: '2026-07-29' });
    // VS Code puts the diagnostic's message and the hover in one widget: each suggestion must appear once in both.
    for (const id of problem!.targets) expect(count(`${problem!.message}\n${hover}`, id)).toBe(1);
    expect(hover).not.toContain('Did you mean');

    const alone = hoverMarkdown({ ref, model: null, aliasTarget: null, ranked: null, refId: 'r1', suggestions: hoverSuggestions(false, false, () => catalog.suggest(ref.id, 3)), today: '2026-07-29' });
    expect(problem!.targets.length).toBeGreaterThan(0);
    for (const id of problem!.targets) expect(count(alone, id)).toBe(1);
  });

  it('never repeats an id, and known ids get none', () => {
    expect(hoverSuggestions(false, false, () => ['a/b', 'a/b', 'c/d'])).toEqual(['a/b', 'c/d']);
    expect(hoverSuggestions(true, false, () => ['a/b'])).toEqual([]);
  });
});
