// Client figures: what validation adds on top of JSON.parse for the 367-model capture (the schemas' share of
// catalogParseRatio), and a full listModels()/rankingsDaily() round trip over loopback against the fake server.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createOpenRouterClient } from '../src/core/openrouter/client';
import { parseModelsResponse } from '../src/core/openrouter/schemas';
import { INFERENCE_KEY, startFakeOpenRouter } from '../test/fake-openrouter/server';

const FIXTURES = resolve('test/fixtures/openrouter');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeIt(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function run(): Promise<Record<string, number>> {
  const text = readFileSync(`${FIXTURES}/models-2026-07-29.json`, 'utf8');
  // Warm up both paths so the JIT has seen them.
  timeIt(5, () => parseModelsResponse(JSON.parse(text)));
  const parseMs = timeIt(30, () => JSON.parse(text));
  const validateMs = timeIt(30, () => {
    const result = parseModelsResponse(JSON.parse(text));
    if (!result.ok || result.value.models.length !== 367) throw new Error('capture did not validate');
  });

  const fake = await startFakeOpenRouter({ fixturesDir: FIXTURES });
  try {
    const client = createOpenRouterClient({ baseUrl: fake.baseUrl, key: INFERENCE_KEY });
    await client.listModels();
    const listModelsMs = await timeAsync(20, () => client.listModels());
    const rankingsMs = await timeAsync(20, () => client.rankingsDaily({ startDate: '2026-07-13', endDate: '2026-07-26' }));
    return {
      clientModelsParseMs: round(parseMs),
      clientModelsValidateMs: round(validateMs),
      clientModelsValidateRatio: round(validateMs / parseMs),
      clientListModelsLoopbackMs: round(listModelsMs),
      clientRankings14dLoopbackMs: round(rankingsMs),
    };
  } finally {
    await fake.close();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
