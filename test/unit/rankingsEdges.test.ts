// Rankings at their edges, one behaviour per case: the rows the boundary refuses or folds, the variants a model's
// tokens came through, a previous window that holds only unattributed or zero rows, models seen only last week, the
// no-key order view without a catalog, and which rankings may be called "this week". Every call is made inside a
// test (not while the file loads), so each case judges the code it names.
import { describe, expect, it } from 'vitest';
import { createCatalogIndex, type CatalogIndex } from '../../src/core/market/catalog';
import type { RankingsView } from '../../src/shared/types';
import { MODEL_IDS, catalogModel } from '../support/snapshotBuilders';
import { addDays, basePermaslug, buildOrderView, buildRankingsView, citationFor, cleanRankingRows, joinPermaslug, thisWeekRankings, windowsFor } from '../../src/core/market/rankings';
import type { ApiRankingRow } from '../../src/core/openrouter/apiTypes';

const WINDOW = { start: '2026-03-09', end: '2026-03-15' };
const CURRENT_DAYS = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];
const PREVIOUS_DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
const row = (date: string, model_permaslug: string, total_tokens: string): ApiRankingRow => ({ date, model_permaslug, total_tokens });
/** One row per day for each day given. */
const everyDay = (days: string[], slug: string, tokens: string): ApiRankingRow[] => days.map((d) => row(d, slug, tokens));

/** A catalog of just these models, indexed by the project's own index (a seed model with its id and names replaced). */
function indexOf(models: { id: string; name: string; canonical?: string; variant?: string | null }[]): CatalogIndex {
  return createCatalogIndex(models.map((m) => catalogModel(MODEL_IDS[0] as string, { id: m.id, name: m.name, canonicalSlug: m.canonical ?? m.id, variant: m.variant ?? null })));
}

describe('days and windows refuse what is not a day', () => {
  it('names the bad input in the error', () => {
    expect(() => addDays('2026-3-9', 1)).toThrow(new RangeError('not a YYYY-MM-DD day: 2026-3-9'));
    expect(() => windowsFor({ start: '2026-03-15', end: '2026-03-09' })).toThrow(new RangeError('not a window of YYYY-MM-DD days: 2026-03-15..2026-03-09'));
  });

  it('cites the day a person reads, or no day at all', () => {
    expect(citationFor('2026-07-26T10:00:00Z')).toBe('Source: OpenRouter (openrouter.ai/rankings), as of Jul 26, 2026.');
    expect(citationFor('not a date')).toBe('Source: OpenRouter (openrouter.ai/rankings).');
  });
});

describe('permaslugs', () => {
  it('drops the variant, the case and the surrounding space', () => {
    expect(basePermaslug('  Qwen/Qwen3-Coder:Free  ')).toBe('qwen/qwen3-coder');
    expect(basePermaslug(':free')).toBe('');
  });

  it('joins by canonical slug first, then by id, then by the id without its date', () => {
    const index = indexOf([
      { id: 'acme/model-a', name: 'By id', canonical: 'acme/model-a-20260101' },
      { id: 'acme/model-b', name: 'By canonical', canonical: 'acme/model-a' },
      { id: 'acme/model-c', name: 'Undated' },
    ]);
    expect(joinPermaslug(index, 'acme/model-a')?.name).toBe('By canonical');
    expect(joinPermaslug(index, 'ACME/model-c:free')?.name).toBe('Undated');
    expect(joinPermaslug(index, 'acme/model-c-2026-01-01')?.name).toBe('Undated');
    expect(joinPermaslug(index, 'acme/unknown')).toBeNull();
    expect(joinPermaslug(null, 'acme/model-c')).toBeNull();
  });

  it('joins by id when the slug names no canonical entry (the model\'s canonical slug is dated)', () => {
    const index = indexOf([{ id: 'acme/model-d', name: 'Dated canonical', canonical: 'acme/model-d-20260101' }]);
    expect(joinPermaslug(index, 'acme/model-d')?.name).toBe('Dated canonical');
    expect(joinPermaslug(index, 'acme/model-d-20260101')?.name).toBe('Dated canonical');
  });
});

describe('rows at the boundary', () => {
  it('drops rows without a string date, a string model or an object, without throwing', () => {
    const rows = [null, undefined, 'row', 7, { date: 20260309, model_permaslug: 'a/b', total_tokens: '1' }, { date: '2026-03-09', model_permaslug: 42, total_tokens: '1' }, { date: '2026-03-09', total_tokens: '1' }, row('2026-03-09', 'a/b', '5')];
    const clean = cleanRankingRows(rows);
    expect(clean.droppedRows).toBe(7);
    expect(clean.rows).toEqual([{ date: '2026-03-09', permaslug: 'a/b', tokens: 5n }]);
  });

  it('folds a row repeated with another case or surrounding space, keeping the larger count', () => {
    const clean = cleanRankingRows([row('2026-03-09', ' DeepSeek/V3 ', '5'), row('2026-03-09', 'deepseek/v3', '9'), row('2026-03-09', 'deepseek/v3', '7')]);
    expect(clean.duplicateRows).toBe(2);
    expect(clean.rows).toEqual([{ date: '2026-03-09', permaslug: 'DeepSeek/V3', tokens: 9n }]);
  });
});

describe('the view', () => {
  it('keeps each variant\'s tokens apart under the base model, by lower-case variant', () => {
    const view = buildRankingsView([row('2026-03-09', 'qwen/qwen3', '10'), row('2026-03-10', ' Qwen/Qwen3:Free ', '5'), row('2026-03-11', 'qwen/qwen3:free', '1'), row('2026-03-11', 'qwen/qwen3:thinking', '2')], { window: WINDOW });
    expect(view.models).toHaveLength(1);
    expect(view.models[0]?.variantTokens).toEqual({ '': '10', free: '6', thinking: '2' });
  });

  it('gives a model without an author the "(no author)" lab', () => {
    const view = buildRankingsView([row('2026-03-09', 'text-embedding-3-large', '10'), row('2026-03-09', 'openai/gpt-5', '5')], { window: WINDOW });
    expect(view.authors).toEqual([
      expect.objectContaining({ author: '', lab: '(no author)', tokens: '10' }),
      expect.objectContaining({ author: 'openai', lab: 'OpenAI', tokens: '5' }),
    ]);
  });

  it('breaks ties in tokens by permaslug and by author, in either input order', () => {
    for (const rows of [[row('2026-03-09', 'b-lab/m', '5'), row('2026-03-09', 'a-lab/m', '5')], [row('2026-03-09', 'a-lab/m', '5'), row('2026-03-09', 'b-lab/m', '5')]]) {
      const view = buildRankingsView(rows, { window: WINDOW });
      expect(view.models.map((m) => m.permaslug)).toEqual(['a-lab/m', 'b-lab/m']);
      expect(view.authors.map((a) => a.author)).toEqual(['a-lab', 'b-lab']);
    }
  });

  it('does not rank a model seen only in the previous window, and carries last week\'s tokens where there were some', () => {
    const rows = [...everyDay(PREVIOUS_DAYS, 'deepseek/v3', '10'), ...everyDay(PREVIOUS_DAYS, 'openai/gone', '4'), ...everyDay(CURRENT_DAYS, 'deepseek/v3', '20'), ...everyDay(CURRENT_DAYS, 'qwen/new', '3')];
    const view = buildRankingsView(rows, { window: WINDOW });
    expect(view.models.map((m) => m.permaslug)).toEqual(['deepseek/v3', 'qwen/new']);
    expect(view.models[0]).toMatchObject({ tokens: '140', prevTokens: '70', change: 1 });
    // New this week: it was inside "other" last week, not at zero.
    expect(view.models[1]).toMatchObject({ prevTokens: null, change: null });
  });

  it('compares regions with a previous window that holds only unattributed tokens', () => {
    const rows = [...everyDay(PREVIOUS_DAYS, 'other', '50'), ...everyDay(CURRENT_DAYS, 'deepseek/v3', '20')];
    const view = buildRankingsView(rows, { window: WINDOW });
    expect(view.regions.find((r) => r.region === 'CN')).toMatchObject({ tokens: '140', prevTokens: '0', change: null });
  });

  it('makes no comparison with a previous window whose every row is zero', () => {
    const rows = [...everyDay(PREVIOUS_DAYS, 'deepseek/v3', '0'), ...everyDay(CURRENT_DAYS, 'deepseek/v3', '20')];
    const view = buildRankingsView(rows, { window: WINDOW });
    expect(view.regions.every((r) => r.prevTokens === null && r.change === null)).toBe(true);
    expect(view.models[0]).toMatchObject({ prevTokens: null, change: null });
  });
});

describe('the no-key order view', () => {
  it('ranks ids without a catalog, skipping blanks and non-strings', () => {
    const view = buildOrderView(['', '   ', 42 as unknown as string, 'DeepSeek/V3', 'openai/gpt-5'], { asOf: '2026-03-15' });
    expect(view).toEqual({
      mode: 'order',
      window: null,
      asOf: '2026-03-15',
      citation: null,
      totalTokens: null,
      unattributedTokens: null,
      unattributedShare: null,
      models: [
        { rank: 1, permaslug: 'deepseek/v3', id: null, name: null, author: 'deepseek', region: 'CN', tokens: null, prevTokens: null, change: null, share: null },
        { rank: 2, permaslug: 'openai/gpt-5', id: null, name: null, author: 'openai', region: 'US', tokens: null, prevTokens: null, change: null, share: null },
      ],
      regions: [],
      authors: [],
      daily: [],
      coverage: null,
      source: 'live',
    });
  });

  it('counts a model once whether listed by its variant or its id, named from the catalog', () => {
    const index = indexOf([{ id: 'qwen/qwen3', name: 'Qwen3' }, { id: 'qwen/qwen3:free', name: 'Qwen3 (free)', variant: 'free' }]);
    const view = buildOrderView(['qwen/qwen3:free', 'qwen/qwen3', 'qwen/qwen3:nitro'], { index });
    expect(view.models.map((m) => [m.rank, m.permaslug, m.id, m.name])).toEqual([[1, 'qwen/qwen3', 'qwen/qwen3:free', 'Qwen3 (free)']]);
    const routed = buildOrderView(['qwen/qwen3:nitro', 'qwen/qwen3'], { index });
    expect(routed.models.map((m) => [m.permaslug, m.id, m.name])).toEqual([['qwen/qwen3', 'qwen/qwen3', 'Qwen3']]);
  });

  it('keys a model listed by its canonical slug under its id, so the id listed later is the same model', () => {
    const index = indexOf([{ id: 'acme/model-d', name: 'Model D', canonical: 'acme/model-d-20260101' }]);
    const view = buildOrderView(['acme/model-d-20260101', 'acme/model-d', 'acme/other'], { index });
    expect(view.models.map((m) => [m.rank, m.permaslug, m.id, m.name])).toEqual([
      [1, 'acme/model-d', 'acme/model-d', 'Model D'],
      [2, 'acme/other', null, null],
    ]);
  });
});

describe('rankings a surface may call "this week"', () => {
  it('are live or cached, never the bundled snapshot or nothing', () => {
    const live = buildOrderView(['a/b']);
    expect(thisWeekRankings(live)).toBe(live);
    expect(thisWeekRankings({ ...live, source: 'cache' } as RankingsView)?.source).toBe('cache');
    expect(thisWeekRankings({ ...live, source: 'bundled' } as RankingsView)).toBeNull();
    expect(thisWeekRankings(null)).toBeNull();
    expect(thisWeekRankings(undefined)).toBeNull();
  });
});
