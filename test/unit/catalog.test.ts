import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundedLevenshtein, buildCatalog, createCatalogIndex, normalizeModel } from '../../src/core/market/catalog';
import { createRegionResolver } from '../../src/core/market/regions';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';

const raw = JSON.parse(
  readFileSync(new URL('../fixtures/openrouter/models-2026-07-29.json', import.meta.url), 'utf8'),
) as { data: (ApiModel & Record<string, unknown>)[] };
const models = buildCatalog(raw.data);
const index = createCatalogIndex(models);

const apiOf = (id: string): ApiModel => {
  const m = raw.data.find((x) => x.id === id);
  if (m === undefined) throw new Error(`fixture lacks ${id}`);
  return m;
};

describe('buildCatalog over the 2026-07-29 capture', () => {
  it('keeps all 367 models', () => {
    expect(models).toHaveLength(367);
    expect(new Set(models.map((m) => m.id)).size).toBe(367);
  });

  it('converts every prompt and completion price to 1e6 × its decimal string', () => {
    for (const api of raw.data) {
      const m = index.get(api.id);
      expect(m).not.toBeNull();
      for (const [field, key] of [['input', 'prompt'], ['output', 'completion']] as const) {
        const s = api.pricing[key];
        const expected = Number(s) < 0 ? null : Number((Number(s) * 1e6).toPrecision(12));
        expect(m?.price[field], `${api.id} ${key}`).toBe(expected);
      }
    }
  });

  it('normalises a known model completely', () => {
    const m = normalizeModel(apiOf('openai/gpt-5.6-luna'));
    expect(m).toMatchObject({
      id: 'openai/gpt-5.6-luna',
      canonicalSlug: 'openai/gpt-5.6-luna-20260709',
      author: 'openai',
      lab: 'OpenAI',
      region: 'US',
      contextLength: 1_050_000,
      variable: false,
      free: false,
      variant: null,
      aliasTarget: null,
      intelligenceIndex: 51.2,
      codingIndex: 71.4,
      agenticIndex: 45.6,
      tools: true,
    });
    expect(m.price).toEqual({ input: 0.5, output: 3, cacheRead: 0.05, cacheWrite: 0.625, reasoning: null, request: null, webSearch: 0.005, image: null });
    expect(m.overrides).toEqual([
      { minPromptTokens: 272000, utcStart: null, utcEnd: null, input: 1, output: 4.5, cacheRead: 0.1, cacheWrite: 1.25 },
    ]);
  });

  it('flags router models as variable, never with a negative price', () => {
    const auto = index.get('openrouter/auto');
    expect(auto).toMatchObject({ variable: true, free: false, region: 'UNKNOWN' });
    expect(auto?.price.input).toBeNull();
    for (const m of models) {
      for (const v of Object.values(m.price)) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it('marks :free variants and zero-priced models free', () => {
    expect(index.get('openai/gpt-oss-20b:free')).toMatchObject({ free: true, variant: 'free' });
    expect(index.get('openrouter/free')).toMatchObject({ free: true, variant: null });
    expect(index.get('openai/gpt-oss-20b')?.free).toBe(false);
  });

  it('applies region overrides', () => {
    const withOverride = buildCatalog([apiOf('cohere/north-mini-code:free')], { regions: createRegionResolver({ cohere: 'US' }) });
    expect(withOverride[0]!.region).toBe('US');
    expect(index.get('cohere/north-mini-code:free')?.region).toBe('OTHER');
  });

  it('survives lean or broken entries', () => {
    const lean = buildCatalog([
      { id: 'new-lab/m-1', name: '', pricing: { prompt: 'abc', completion: '0.000001' } },
      { id: '  ', name: 'no id', pricing: { prompt: '0', completion: '0' } },
      { id: 'new-lab/m-1', name: 'dup', pricing: { prompt: '0', completion: '0' } },
      { id: 'x/y', name: 'y', pricing: { prompt: '0', completion: '0', overrides: [{ utc_start: 2500, utc_end: 930, prompt: '-1' }] } },
    ]);
    expect(lean).toHaveLength(2);
    expect(lean[0]).toMatchObject({ id: 'new-lab/m-1', name: 'new-lab/m-1', canonicalSlug: 'new-lab/m-1', created: 0, contextLength: null, codingIndex: null, tools: false, inputModalities: [] });
    expect(lean[0]!.price.input).toBeNull();
    expect(lean[0]!.price.output).toBe(1);
    expect(lean[1]!.overrides[0]).toMatchObject({ utcStart: null, utcEnd: 930, input: null });
  });
});

describe('CatalogIndex', () => {
  it('resolves exact ids case-insensitively', () => {
    expect(index.resolve('DeepSeek/DeepSeek-V4-Flash')).toMatchObject({ model: { id: 'deepseek/deepseek-v4-flash' }, variant: null, via: 'id' });
    expect(index.has('OPENAI/GPT-OSS-20B:FREE')).toBe(true);
    expect(index.get('nope/nope')).toBeNull();
  });

  it('requires catalog variants to exist, and resolves routing variants to the base', () => {
    expect(index.resolve('qwen/qwen-plus-2025-07-28:thinking')).toMatchObject({ model: { id: 'qwen/qwen-plus-2025-07-28:thinking' }, variant: 'thinking', via: 'id' });
    expect(index.resolve('deepseek/deepseek-v4-flash:free')).toBeNull();
    for (const v of ['nitro', 'floor', 'exacto', 'online']) {
      expect(index.resolve(`deepseek/deepseek-v4-flash:${v}`)).toMatchObject({ model: { id: 'deepseek/deepseek-v4-flash' }, variant: v, via: 'variantBase' });
    }
    expect(index.has('deepseek/deepseek-v4-flash:nitro')).toBe(false);
  });

  it('resolves canonical slugs, preferring the base entry over variants that share the slug', () => {
    expect(index.resolve('anthropic/claude-sonnet-5-20260630')).toMatchObject({ model: { id: 'anthropic/claude-sonnet-5' }, via: 'canonical' });
    expect(index.byCanonical('anthropic/claude-sonnet-5-20260630')?.id).toBe('anthropic/claude-sonnet-5');
    expect(index.byCanonical('ANTHROPIC/claude-sonnet-5-20260630:batch')?.id).toBe('anthropic/claude-sonnet-5:batch');
    // Only the :free entry exists for this slug: a bare slug still finds it.
    expect(index.byCanonical('cohere/north-mini-code-20260617')?.id).toBe('cohere/north-mini-code:free');
    expect(index.resolve('cohere/north-mini-code-20260617:free')).toMatchObject({ model: { id: 'cohere/north-mini-code:free' }, variant: 'free', via: 'canonical' });
    expect(index.resolve('deepseek/deepseek-v4-flash-20260423:nitro')).toMatchObject({ model: { id: 'deepseek/deepseek-v4-flash' }, via: 'variantBase' });
  });

  it('resolves "~" aliases written with or without the tilde', () => {
    expect(index.resolve('~anthropic/claude-sonnet-latest')).toMatchObject({ model: { id: '~anthropic/claude-sonnet-latest', author: 'anthropic' }, via: 'alias' });
    expect(index.resolve('anthropic/claude-sonnet-latest')).toMatchObject({ model: { id: '~anthropic/claude-sonnet-latest' }, via: 'alias' });
    expect(index.resolve('~anthropic/claude-sonnet-latest:nitro')).toMatchObject({ model: { id: '~anthropic/claude-sonnet-latest' }, via: 'variantBase' });
  });

  it('follows alias_target when the API sends it', () => {
    const alias = { ...apiOf('~anthropic/claude-sonnet-latest'), alias_target: { slug: 'anthropic/claude-sonnet-5', name: 'Anthropic: Claude Sonnet 5' } };
    const list = buildCatalog([alias, apiOf('anthropic/claude-sonnet-5')]);
    const idx = createCatalogIndex(list);
    expect(list[0]!.aliasTarget).toBe('anthropic/claude-sonnet-5');
    expect(idx.aliasTarget(list[0]!)?.id).toBe('anthropic/claude-sonnet-5');
    expect(idx.aliasTarget(list[1]!)).toBeNull();
  });

  it('suggests close ids for typos and stale versions', () => {
    expect(index.suggest('deepseek/deepseek-v4-flsh', 3)[0]).toBe('deepseek/deepseek-v4-flash');
    expect(index.suggest('anthropic/claude-sonet-5', 1)).toEqual(['anthropic/claude-sonnet-5']);
    expect(index.suggest('totally/unrelated-thing-xyz', 3)).toEqual([]);
    expect(index.suggest('', 3)).toEqual([]);
    expect(index.suggest('openai/gpt-5.4', 5).length).toBeLessThanOrEqual(5);
  });

  it('knows authors from the catalog, the table and the overrides', () => {
    expect(index.isKnownAuthor('DeepSeek')).toBe(true);
    expect(index.isKnownAuthor('~baai')).toBe(true); // table only
    expect(index.isKnownAuthor('brand-new-lab')).toBe(false);
    expect(createCatalogIndex([], { regions: createRegionResolver({ 'brand-new-lab': 'EU' }) }).isKnownAuthor('brand-new-lab')).toBe(true);
  });
});

describe('boundedLevenshtein', () => {
  it('agrees with the textbook distance within the bound', () => {
    expect(boundedLevenshtein('kitten', 'sitting', 5)).toBe(3);
    expect(boundedLevenshtein('abc', 'abc', 0)).toBe(0);
    expect(boundedLevenshtein('kitten', 'sitting', 2)).toBe(3);
    expect(boundedLevenshtein('a', 'abcdef', 2)).toBe(3);
    expect(boundedLevenshtein('x'.repeat(300), 'x'.repeat(299) + 'y', 3)).toBe(1);
  });
});

describe('bundled catalog snapshot', () => {
  it('normalises to exactly what the full capture does', async () => {
    const { bundledApiModels, bundledCatalog, BUNDLED_CAPTURED_AT } = await import('../../src/core/data/bundledCatalog');
    expect(BUNDLED_CAPTURED_AT).toBe('2026-07-29');
    expect(bundledApiModels()).toHaveLength(367);
    const view = bundledCatalog();
    expect(view.source).toBe('bundled');
    expect(view.asOf).toBe('2026-07-29T00:00:00Z');
    expect(view.models).toEqual(models);
    // The extension host reads the JSON file itself (dist/catalog-snapshot.json), with no loader in between.
    const rawFile = JSON.parse(readFileSync(new URL('../../src/core/data/catalogSnapshot.json', import.meta.url), 'utf8')) as { capturedAt: string; models: ApiModel[] };
    expect(rawFile.capturedAt).toBe('2026-07-29');
    expect(buildCatalog(rawFile.models)).toEqual(models);
  });

  it('reads the older modality string when the lists are absent', () => {
    const m = normalizeModel({ id: 'a/b', name: 'b', architecture: { modality: 'text+image->text' }, pricing: { prompt: '0', completion: '0' } });
    expect(m.inputModalities).toEqual(['text', 'image']);
    expect(m.outputModalities).toEqual(['text']);
  });
});
