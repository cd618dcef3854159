// Loads the real captures the fake server serves. Read at runtime (not imported as JSON) so the type checker
// does not infer a type for 640 KB of data; the esbuild bundle gets a copy next to it (scripts/build-fake.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseModelsResponse, parseRankingsDaily } from '../../src/core/openrouter/schemas';
import type { ApiModel, ApiRankingsDailyResponse } from '../../src/core/openrouter/apiTypes';

export const MODELS_FIXTURE = 'models-2026-07-29.json';
export const RANKINGS_FIXTURE = 'rankings-daily-2026-07-06_2026-07-26.json';

export interface FakeFixtures {
  /** The /models capture exactly as captured (served as is). */
  modelsRaw: { data: unknown[] } & Record<string, unknown>;
  /** The same, validated; used to derive orderings and activity rows. */
  models: ApiModel[];
  rankings: ApiRankingsDailyResponse;
}

/** Source layout (test/fake-openrouter → test/fixtures) first, then the bundle layout (dist-test/fixtures). */
export function defaultFixturesDir(): string {
  const candidates = [new URL('../fixtures/openrouter/', import.meta.url), new URL('./fixtures/openrouter/', import.meta.url)];
  for (const candidate of candidates) {
    const dir = fileURLToPath(candidate);
    if (existsSync(`${dir}${MODELS_FIXTURE}`)) return dir;
  }
  throw new Error(`OpenRouter fixtures not found next to the fake server (looked in ${candidates.map((c) => fileURLToPath(c)).join(', ')})`);
}

const cache = new Map<string, FakeFixtures>();

export function loadFixtures(dir: string = defaultFixturesDir()): FakeFixtures {
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  const cached = cache.get(base);
  if (cached) return cached;
  const modelsRaw = JSON.parse(readFileSync(`${base}${MODELS_FIXTURE}`, 'utf8')) as FakeFixtures['modelsRaw'];
  const models = parseModelsResponse(modelsRaw);
  if (!models.ok) throw new Error(`${MODELS_FIXTURE} does not validate at ${models.path}: ${models.message}`);
  const rankings = parseRankingsDaily(JSON.parse(readFileSync(`${base}${RANKINGS_FIXTURE}`, 'utf8')));
  if (!rankings.ok) throw new Error(`${RANKINGS_FIXTURE} does not validate at ${rankings.path}: ${rankings.message}`);
  const fixtures: FakeFixtures = { modelsRaw, models: models.value.models, rankings: rankings.value.response };
  cache.set(base, fixtures);
  return fixtures;
}
