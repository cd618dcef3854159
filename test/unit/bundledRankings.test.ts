// The rankings snapshot shipped with the extension: what it holds (the capture's last complete Monday..Sunday
// week, as_of, the CC BY citation), and that the leaders show it, labelled, until live data arrives.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundledRankingRows, bundledRankingsView, parseBundledRankings } from '../../src/core/data/bundledRankings';
import { Radar } from '../../src/core/service/radar';
import { defaultSettings, type Settings } from '../../src/core/service/settings';
import { rankingsAgeLabel } from '../../src/shared/dataLabels';
import type { KeysState } from '../../src/shared/types';
import { INFERENCE_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';

const raw: unknown = JSON.parse(readFileSync(new URL('../../src/core/data/rankingsSnapshot.json', import.meta.url), 'utf8'));
const capture = JSON.parse(readFileSync(new URL('../fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json', import.meta.url), 'utf8')) as {
  data: { date: string; model_permaslug: string; total_tokens: string }[];
  meta: { as_of: string };
};

describe('bundled rankings snapshot', () => {
  const snap = parseBundledRankings(raw);

  it('is the capture’s last complete Monday..Sunday week, with its as_of and the CC BY citation', () => {
    expect(snap).not.toBeNull();
    expect(snap?.window).toEqual({ start: '2026-07-20', end: '2026-07-26' });
    expect(new Date('2026-07-20T00:00:00Z').getUTCDay()).toBe(1);
    expect(snap?.asOf).toBe(capture.meta.as_of);
    expect(snap?.citation).toBe('Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0');
  });

  it('holds every row of that week, unchanged', () => {
    const week = capture.data.filter((r) => r.date >= '2026-07-20' && r.date <= '2026-07-26');
    const key = (r: { date: string; model_permaslug: string; total_tokens: string }): string => `${r.date} ${r.model_permaslug} ${r.total_tokens}`;
    expect(bundledRankingRows(snap ?? (null as never)).map(key).sort()).toEqual(week.map(key).sort());
  });

  it('becomes a view labelled bundled, with figures, coverage and the citation', () => {
    const view = bundledRankingsView(snap ?? (null as never));
    expect(view.source).toBe('bundled');
    expect(view.mode).toBe('tokens');
    expect(view.coverage).toMatchObject({ requestedDays: 7, daysWithData: 7 });
    expect(view.models.some((m) => m.region === 'CN') && view.models.some((m) => m.region === 'US')).toBe(true);
    expect(view.citation).toBe('Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0, as of Jul 26, 2026.');
    expect(rankingsAgeLabel(view.source, view.asOf, Date.parse('2026-11-30T00:00:00Z'))).toBe('rankings as of Jul 26, bundled');
    // No previous week in the snapshot: no change is invented.
    expect(view.models.every((m) => m.change === null)).toBe(true);
  });

  it('refuses a broken file rather than showing half of it', () => {
    expect(parseBundledRankings(null)).toBeNull();
    expect(parseBundledRankings({ ...(raw as object), days: ['2026-07-20'] })).toBeNull();
    expect(parseBundledRankings({ ...(raw as object), models: { 'a/b': ['1', '2', '3', '4', '5', '6', '-7'] } })).toBeNull();
    expect(parseBundledRankings({ ...(raw as object), window: { start: '2026-02-30', end: '2026-03-01' } })).toBeNull();
  });
});

const NOW = Date.parse('2026-07-27T12:00:00Z');
let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => new Date(NOW) });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

function makeRadar(baseUrl: string, inference?: string, storage = new Map<string, unknown>()): Radar {
  const settings: Settings = { ...defaultSettings(), apiBaseUrl: baseUrl };
  const state = (): KeysState => ({ inference: inference ? 'stored' : 'none', management: false });
  return new Radar({
    keys: { inference: async () => inference, management: async () => undefined, state: async () => state() },
    storage: { get: (k) => storage.get(k), set: async (k, v) => void storage.set(k, v) },
    settings: () => settings,
    bundledRankings: async () => raw,
    now: () => NOW,
    clientOptions: { timeoutMs: 10_000, maxRetries: 0 },
  });
}

describe('leaders before live data', () => {
  it('offline without a key: the bundled week fills the leaders, labelled bundled, and is not saved as last good', async () => {
    const closed = await startFakeOpenRouter();
    const url = closed.baseUrl;
    await closed.close();
    const storage = new Map<string, unknown>();
    const radar = makeRadar(url, undefined, storage);
    radar.start();
    await radar.onKeysChanged();
    await radar.refreshNow();
    const s = radar.snapshot();
    expect(s.rankings?.source).toBe('bundled');
    expect(s.rankings?.models.length).toBeGreaterThan(10);
    expect(s.rankings?.window).toEqual({ start: '2026-07-20', end: '2026-07-26' });
    expect([...storage.keys()].some((k) => k.endsWith('.rankings') && storage.get(k) !== undefined)).toBe(false);
    radar.dispose();
  });

  it('live data replaces it when it arrives', async () => {
    const radar = makeRadar(fake.baseUrl, INFERENCE_KEY);
    radar.start();
    await radar.onKeysChanged();
    await radar.refreshNow();
    expect(radar.snapshot().rankings?.source).toBe('live');
    expect(radar.snapshot().rankings?.citation).toMatch(/as of Jul 26, 2026\./);
    radar.dispose();
  });
});
