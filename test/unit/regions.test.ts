import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AUTHOR_TABLE,
  authorOfId,
  createRegionResolver,
  DEFAULT_REGIONS,
  normalizeAuthor,
} from '../../src/core/market/regions';
import { readSettings } from '../../src/core/service/settings';
import { REGIONS, type Region } from '../../src/shared/types';

/** The overrides setting as the one validator (the settings reader) leaves it. */
function parseRegionOverrides(raw: unknown): { overrides: Record<string, Region>; problems: string[] } {
  const { settings, problems } = readSettings((key) => (key === 'modelRadar.regions.overrides' ? raw : undefined));
  return { overrides: settings.regions.overrides, problems };
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/openrouter/${name}`, import.meta.url), 'utf8'));

// Transcribed from docs/openrouter-api.md §10 (the shared API reference), independently of the module's table.
const DOC_TABLES: Record<Region, string[]> = {
  CN: [
    'deepseek', 'qwen', 'alibaba', 'moonshotai', 'z-ai', 'thudm', 'minimax', 'baidu', 'tencent', 'bytedance-seed',
    'bytedance', 'bytedance-research', 'stepfun', 'stepfun-ai', '01-ai', 'inclusionai', 'meituan', 'xiaomi',
    'kwaipilot', 'kwaivgi', 'baai', 'opengvlab', 'nex-agi', 'deepseek-ai', 'internlm', 'openbmb',
  ],
  US: [
    'openai', 'anthropic', 'google', 'meta-llama', 'meta', 'x-ai', 'microsoft', 'amazon', 'nvidia', 'perplexity',
    'ibm-granite', 'allenai', 'arcee-ai', 'inception', 'liquid', 'nousresearch', 'deepcogito', 'thinkingmachines',
    'perceptron', 'writer', 'relace', 'morph', 'poolside', 'inflection', 'databricks', 'snowflake',
    'togethercomputer', 'essentialai', 'prime-intellect', 'zyphra',
  ],
  EU: ['mistralai', 'tngtech', 'black-forest-labs'],
  OTHER: ['cohere', 'ai21', 'aion-labs', 'sakana', 'upstage', 'rekaai', 'sarvamai', 'tokyotech-llm', 'scb10x'],
  // Routers, stealth and the community fine-tuners the doc lists as "other/unknown".
  UNKNOWN: [
    'openrouter', 'stealth', 'gryphe', 'sao10k', 'thedrummer', 'undi95', 'anthracite-org', 'mancer',
    'cognitivecomputations', 'neversleep', 'eva-unit-01', 'alpindale',
  ],
};

describe('author table', () => {
  it('maps every prefix the doc tables name to the region of its table', () => {
    for (const [region, authors] of Object.entries(DOC_TABLES)) {
      for (const author of authors) {
        const info = DEFAULT_REGIONS.author(author);
        expect({ author, region: info.region, known: info.known }).toEqual({ author, region, known: true });
      }
    }
  });

  it('lists nothing the doc does not name, so the table cannot drift silently', () => {
    const documented = new Set(Object.values(DOC_TABLES).flat());
    expect(Object.keys(AUTHOR_TABLE).filter((a) => !documented.has(a))).toEqual([]);
  });

  it('knows every author in both captures (none is UNKNOWN by omission)', () => {
    const models = (fixture('models-2026-07-29.json') as { data: { id: string }[] }).data;
    const rows = (fixture('rankings-daily-2026-07-06_2026-07-26.json') as { data: { model_permaslug: string }[] }).data;
    const authors = new Set<string>();
    for (const m of models) authors.add(m.id.split('/')[0]!.replace(/^~/, '').toLowerCase());
    for (const r of rows) if (r.model_permaslug.includes('/')) authors.add(r.model_permaslug.split('/')[0]!.toLowerCase());
    expect(authors.size).toBeGreaterThan(50);
    const unknown = [...authors].filter((a) => !DEFAULT_REGIONS.isKnownAuthor(a));
    expect(unknown).toEqual([]);
    // Every author the doc's lab tables name resolves to a real region, not UNKNOWN.
    const labs = new Set([...DOC_TABLES.CN, ...DOC_TABLES.US, ...DOC_TABLES.EU, ...DOC_TABLES.OTHER]);
    for (const a of authors) {
      if (labs.has(a)) expect(DEFAULT_REGIONS.author(a).region).not.toBe('UNKNOWN');
    }
  });
});

describe('normalising ids', () => {
  it('strips "~", lower-cases and tolerates a missing "/"', () => {
    expect(authorOfId('~anthropic/claude-sonnet-latest')).toBe('anthropic');
    expect(authorOfId('Qwen/Qwen3-235B')).toBe('qwen');
    expect(authorOfId('text-embedding-3-large')).toBe('');
    expect(normalizeAuthor(' ~DeepSeek ')).toBe('deepseek');
    expect(DEFAULT_REGIONS.model('~moonshotai/kimi-latest')).toMatchObject({ author: 'moonshotai', region: 'CN', known: true });
    expect(DEFAULT_REGIONS.model('text-embedding-3-large')).toMatchObject({ author: '', region: 'UNKNOWN', known: false });
    expect(DEFAULT_REGIONS.model('brand-new-lab/model')).toMatchObject({ author: 'brand-new-lab', lab: 'brand-new-lab', region: 'UNKNOWN', known: false });
  });
});

describe('overrides', () => {
  it('validates the setting, keeping good entries and reporting the rest', () => {
    const r = parseRegionOverrides({ '~Cohere': 'us', 'new-lab': 'CN', bad: 'MARS', 'x/y': 'US', num: 3 });
    expect(r.overrides).toEqual({ cohere: 'US', 'new-lab': 'CN' });
    expect(r.problems).toHaveLength(3);
    expect(r.problems.join('\n')).toContain('MARS');
    expect(parseRegionOverrides(['CN']).problems).toHaveLength(1);
    expect(parseRegionOverrides('CN').overrides).toEqual({});
    expect(parseRegionOverrides(undefined)).toEqual({ overrides: {}, problems: [] });
  });

  it('wins over the table and makes an author known', () => {
    const { overrides } = parseRegionOverrides({ cohere: 'US', 'new-lab': 'EU' });
    const r = createRegionResolver(overrides);
    expect(r.author('cohere')).toMatchObject({ region: 'US', lab: 'Cohere', known: true });
    expect(r.model('new-lab/m-1')).toMatchObject({ region: 'EU', known: true });
    expect(r.isKnownAuthor('New-Lab')).toBe(true);
    // The default resolver is untouched.
    expect(DEFAULT_REGIONS.author('cohere').region).toBe('OTHER');
  });

  it('resolves only regions the settings reader let through, whatever the raw setting held', () => {
    const raw = { '~DeepSeek': 'us', openai: 'NOPE', 'Moonshot AI': 'CN', qwen: ['CN'], '': 'EU', mistralai: ' eu ' };
    const r = createRegionResolver(parseRegionOverrides(raw).overrides);
    expect(r.author('deepseek')).toMatchObject({ region: 'US', known: true });
    expect(r.author('openai').region).toBe('US');
    expect(r.author('qwen').region).toBe('CN');
    expect(r.author('mistralai').region).toBe('EU');
    for (const author of ['deepseek', 'openai', 'moonshot ai', 'qwen', '', 'mistralai']) expect(REGIONS).toContain(r.author(author).region);
  });
});
