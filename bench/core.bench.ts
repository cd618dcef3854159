// Core figures: catalogParseRatio — validating (valibot schemas) and normalising the 367-model capture,
// relative to a bare JSON.parse of the same bytes — and rankingsAggregateMs — 14 days × 51 rows of
// rankings-daily into every rankings view (models, regions, authors, daily series, leaders).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCatalog, createCatalogIndex } from '../src/core/market/catalog';
import { parseModelsResponse } from '../src/core/openrouter/schemas';
import type { ApiRankingsDailyResponse } from '../src/core/openrouter/apiTypes';
import { buildRankingsView, leadersByRegion } from '../src/core/market/rankings';

const FIXTURES = resolve('test/fixtures/openrouter');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/** Samples of a timed figure and how they were taken (npm run bench reports min/median/max). */
interface Timed {
  samples: number[];
  method: string;
}

export async function run(): Promise<Record<string, number | Timed>> {
  const modelsText = readFileSync(resolve(FIXTURES, 'models-2026-07-29.json'), 'utf8');
  const rankings = JSON.parse(readFileSync(resolve(FIXTURES, 'rankings-daily-2026-07-06_2026-07-26.json'), 'utf8')) as ApiRankingsDailyResponse;

  // Catalog: interleave the three measurements run by run so drift in CPU speed hits them alike.
  const RUNS = 41;
  const parseMs: number[] = [];
  const validateMs: number[] = [];
  const normaliseMs: number[] = [];
  let sink = 0;
  for (let i = 0; i < RUNS + 5; i++) {
    let t = performance.now();
    const json = JSON.parse(modelsText) as unknown;
    const p = performance.now() - t;
    t = performance.now();
    const parsed = parseModelsResponse(json);
    const v = performance.now() - t;
    if (!parsed.ok) throw new Error(`the capture does not validate at ${parsed.path}`);
    t = performance.now();
    const catalog = buildCatalog(parsed.value.models);
    const n = performance.now() - t;
    sink += catalog.length;
    if (i >= 5) {
      parseMs.push(p);
      validateMs.push(v);
      normaliseMs.push(n);
    }
  }
  const parse = median(parseMs);
  const validate = median(validateMs);
  const normalise = median(normaliseMs);
  const perRun = parseMs.map((p, i) => (validateMs[i] + normaliseMs[i]) / p);

  // Rankings: the 14 days a caller fetches (7 ranked + 7 for week-over-week), joined to the catalog.
  const index = createCatalogIndex(buildCatalog(JSON.parse(modelsText).data));
  const rows = rankings.data.filter((r) => r.date >= '2026-07-13' && r.date <= '2026-07-26');
  const aggMs: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    const view = buildRankingsView(rows, { window: { start: '2026-07-20', end: '2026-07-26' }, asOf: rankings.meta.as_of, index });
    const leaders = leadersByRegion(view, 5);
    const ms = performance.now() - t;
    sink += view.models.length + leaders.CN.length;
    if (i >= 20) aggMs.push(ms);
  }
  if (sink === 0) throw new Error('nothing was computed');

  return {
    catalogParseRatio: { samples: perRun.map((r) => round(r, 2)), method: `(valibot validation + normalising) ÷ JSON.parse of the 367-model capture, per run, ${RUNS} runs after 5 warm-ups` },
    catalogParseRatioPerRunMedian: round(median(perRun), 2),
    catalogJsonParseMs: round(parse),
    catalogValidateMs: round(validate),
    catalogNormaliseMs: round(normalise),
    catalogRuns: RUNS,
    rankingsRows: rows.length,
    rankingsAggregateMs: { samples: aggMs.map((x) => round(x)), method: `14 days × ${rows.length} rankings-daily rows into every rankings view + leaders, 200 runs after 20 warm-ups` },
  };
}
