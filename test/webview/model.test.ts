import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as normalize from '../../webview/src/model/intake';
import { blendedPrice, buildYourModels, catalogIndex, filterAndSortCatalog, rankIndex, scatterPoints, sumTokens, valueFrontier, type ScatterPoint } from '../../webview/src/model/derive';
import { banners } from '../../webview/src/model/status';
import { DEFAULT_FILTERS, createUiStateStore, parseUiState } from '../../webview/src/uiState';
import {
  autoRouterModel,
  catalogModel,
  errorInfo,
  largeCatalog,
  liveSnapshot,
  managementSnapshot,
  modelRef,
  rankingsView,
  referencesView,
  resources,
} from '../support/snapshotBuilders';

describe('normalize', () => {
  it('leaves a well-formed snapshot as it is', () => {
    const s = managementSnapshot();
    expect(normalize.snapshot(JSON.parse(JSON.stringify(s)))).toEqual(s);
    const r = referencesView();
    expect(normalize.references(r)).toEqual(r);
  });

  it('never throws and always returns the full shape', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const s = normalize.snapshot(junk);
        expect(Object.keys(s.resources).sort()).toEqual(['activity', 'credits', 'key', 'models', 'rankings', 'userModels']);
        expect(['none', 'stored', 'environment']).toContain(s.keys.inference);
        const r = normalize.references(junk);
        expect(Array.isArray(r.refs)).toBe(true);
        const st = normalize.settings(junk);
        expect(st.leadersTop).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('turns the "-1" sentinel and junk prices into null, unknown regions into UNKNOWN', () => {
    const m = normalize.catalogModel({ id: 'openrouter/auto', price: { input: -1, output: '-1', cacheRead: Infinity }, region: 'MOON', variable: true });
    expect(m?.price.input).toBeNull();
    expect(m?.price.output).toBeNull();
    expect(m?.price.cacheRead).toBeNull();
    expect(m?.region).toBe('UNKNOWN');
    expect(m?.name).toBe('openrouter/auto');
    expect(m?.author).toBe('openrouter');
    expect(normalize.catalogModel({ name: 'no id' })).toBeNull();
  });

  it('keeps token totals as decimal strings and drops what is not one', () => {
    const r = normalize.snapshot({ rankings: { mode: 'tokens', models: [{ permaslug: 'a/b', tokens: '123456789012345678901', prevTokens: 1.5, rank: 1 }] } });
    expect(r.rankings?.models[0]!.tokens).toBe('123456789012345678901');
    expect(r.rankings?.models[0]!.prevTokens).toBeNull();
  });

  it('clamps settings to sane values', () => {
    expect(normalize.settings({ budgetDaily: -5, budgetMonthly: 'x', lowBalance: 3, leadersTop: 400 })).toEqual({ budgetDaily: 0, budgetMonthly: 0, lowBalance: 3, leadersTop: 20 });
  });

  it('refuses a compare result without a model id', () => {
    expect(() => normalize.compareResult({ alternatives: [] })).toThrow(TypeError);
  });
});

describe('derive', () => {
  it('finds models by id first, then by canonical slug, case-insensitively', () => {
    const idx = catalogIndex(liveSnapshot().catalog);
    expect(idx.get('Anthropic/Claude-Sonnet-4.5')?.id).toBe('anthropic/claude-sonnet-4.5');
    expect(idx.get('anthropic/claude-4.5-sonnet-20250929')?.id).toBe('anthropic/claude-sonnet-4.5');
    expect(idx.get('nobody/nothing')).toBeNull();
  });

  it('joins rankings by id or permaslug', () => {
    const ranks = rankIndex(rankingsView());
    expect(ranks.get(catalogModel('deepseek/deepseek-v4-flash'))?.rank).toBe(2);
    expect(ranks.get({ id: 'x', canonicalSlug: 'z-ai/glm-5.2-20260616' })?.rank).toBe(4);
  });

  it('your models: activity by spend, then referenced-only, each once', () => {
    const list = buildYourModels(managementSnapshot(), referencesView([modelRef('anthropic/claude-sonnet-4.5'), modelRef('z-ai/glm-5.2', { refId: 'r9' })]));
    expect(list.map((m) => m.id)).toEqual(['anthropic/claude-sonnet-4.5', 'deepseek/deepseek-v4-flash', 'qwen/qwen3-coder', 'z-ai/glm-5.2']);
    expect(list[0]!.refs).toHaveLength(1);
    expect(list[0]!.activity?.usage).toBeGreaterThan(0);
    expect(list[3]!.activity).toBeNull();
  });

  it('blends (3 × input + output) / 4 and refuses variable prices', () => {
    expect(blendedPrice(catalogModel('anthropic/claude-sonnet-4.5'))).toBe(6);
    expect(blendedPrice(autoRouterModel())).toBeNull();
  });

  it('the frontier has no point beaten on both price and index by another', () => {
    const points = scatterPoints(largeCatalog(400).models).points;
    const frontier = valueFrontier(points);
    for (const f of frontier) {
      expect(points.some((p) => p.x <= f.x && p.y > f.y)).toBe(false);
    }
    for (let i = 1; i < frontier.length; i++) {
      expect(frontier[i]!.x).toBeGreaterThanOrEqual(frontier[i - 1]!.x);
      expect(frontier[i]!.y).toBeGreaterThan(frontier[i - 1]!.y);
    }
  });

  it('frontier property holds on random point sets', () => {
    const model = catalogModel('deepseek/deepseek-v4-flash');
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.double({ min: 0.01, max: 100, noNaN: true }), y: fc.double({ min: 0, max: 100, noNaN: true }) }), { maxLength: 60 }), (raw) => {
        const points: ScatterPoint[] = raw.map((p) => ({ model, ...p }));
        const frontier = valueFrontier(points);
        for (const p of points) {
          // Every point is matched or beaten by some frontier point at a price no higher.
          if (!frontier.includes(p)) expect(frontier.some((f) => f.x <= p.x && f.y >= p.y)).toBe(true);
        }
      }),
    );
  });

  it('scatter skips free and unknown models', () => {
    const { points, free, unknown } = scatterPoints(liveSnapshot().catalog!.models);
    expect(points).toHaveLength(14);
    expect(free).toBe(0);
    expect(unknown).toBe(5);
    const freeWithIndex = { ...catalogModel('inclusionai/ling-3.0-flash:free'), codingIndex: 30 };
    expect(scatterPoints([freeWithIndex]).free).toBe(1);
  });

  it('sorting keeps unknown values last in both directions', () => {
    const models = liveSnapshot().catalog!.models;
    const ranks = rankIndex(null);
    for (const descending of [true, false]) {
      const rows = filterAndSortCatalog(models, ranks, { ...DEFAULT_FILTERS, sort: 'coding', descending });
      const firstNull = rows.findIndex((r) => r.model.codingIndex === null);
      expect(rows.slice(firstNull).every((r) => r.model.codingIndex === null)).toBe(true);
    }
  });

  it('sums token strings exactly beyond 2^53', () => {
    expect(sumTokens(['9007199254740993', '9007199254740993', 'junk', null])).toBe('18014398509481986');
  });
});

describe('banners', () => {
  const now = Date.parse('2026-07-29T09:30:00Z');
  it('forbidden on management-only resources points at the management key', () => {
    const s = liveSnapshot({ resources: resources({}, { credits: { error: errorInfo('forbidden') }, activity: { error: errorInfo('forbidden') } }) });
    const [b] = banners(s, now);
    expect(b!.title).toBe('Your key may not read balance and activity.');
    expect(b!.actions.map((a) => a.command)).toEqual(['setManagementKey', 'showLog']);
  });

  it('does not read error messages to decide', () => {
    const s = liveSnapshot({ resources: resources({}, { models: { error: { kind: 'offline', message: 'unauthorized 401 rate limited' } } }) });
    expect(banners(s, now).map((b) => b.id)).toEqual(['offline']);
  });

  it('timeout and offline share one notice', () => {
    const s = liveSnapshot({ resources: resources({}, { models: { error: errorInfo('timeout') }, rankings: { error: errorInfo('offline') } }) });
    expect(banners(s, now).map((b) => b.id)).toEqual(['offline']);
  });
});

describe('UI state', () => {
  it('falls back field by field from corrupted state', () => {
    const s = parseUiState({ collapsed: { spend: true, leaders: 'yes', bogus: true }, catalog: { region: 'MARS', sort: 'coding', page: -1, query: 7 }, compareModel: 5, customMix: { input: 1, output: -2, cacheRead: 0 } });
    expect(s.collapsed).toEqual({ spend: true });
    expect(s.catalog).toEqual({ ...DEFAULT_FILTERS, sort: 'coding' });
    expect(s.compareModel).toBeNull();
    expect(s.customMix).toBeNull();
    expect(parseUiState(undefined)).toEqual(parseUiState({}));
  });

  it('persists every update and notifies subscribers', () => {
    let saved: unknown;
    const store = createUiStateStore({ getState: () => ({ compareModel: 'qwen/qwen3-coder' }), setState: (s) => (saved = s) });
    expect(store.get().compareModel).toBe('qwen/qwen3-coder');
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.update((s) => ({ ...s, collapsed: { leaders: true } }));
    expect(saved).toMatchObject({ collapsed: { leaders: true }, compareModel: 'qwen/qwen3-coder' });
    expect(calls).toBe(1);
    store.update((s) => s);
    expect(calls).toBe(1);
    off();
    store.update((s) => ({ ...s, compareModel: null }));
    expect(calls).toBe(1);
  });

  it('holds no resource data', () => {
    let saved: unknown;
    const store = createUiStateStore({ getState: () => undefined, setState: (s) => (saved = s) });
    store.update((s) => ({ ...s, customMix: { input: 1, output: 2, cacheRead: 3 } }));
    expect(Object.keys(saved as object).sort()).toEqual(['catalog', 'collapsed', 'compareModel', 'customMix']);
  });
});
