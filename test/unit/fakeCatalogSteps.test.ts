// The fake OpenRouter's catalog over time, read the way the extension reads it (client → catalog → watch history):
// a price drop, a retirement date added, a model removed, one step at a time; faults still apply on the way.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import { CATALOG_STEPS, EXPIRING, PRICE_DROP, REMOVED_ID } from '../fake-openrouter/scenarios';
import { createOpenRouterClient } from '../../src/core/openrouter/client';
import { buildCatalog } from '../../src/core/market/catalog';
import { emptyHistory, recordCatalog, type CatalogHistory } from '../../src/core/watch/history';

const NOW = new Date('2026-07-29T08:30:00Z');
let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => NOW });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

async function catalog(): Promise<ReturnType<typeof buildCatalog>> {
  const client = createOpenRouterClient({ baseUrl: fake.baseUrl, maxRetries: 2, sleep: async () => undefined });
  return buildCatalog((await client.listModels()).data);
}

async function control(body: unknown): Promise<number> {
  const res = await fetch(`${fake.url}/__fake/catalog`, { method: 'POST', body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

describe('fake OpenRouter: catalog steps', () => {
  it('each step adds one change the watch records; the same step again adds none', async () => {
    let h: CatalogHistory = recordCatalog(emptyHistory(), await catalog(), NOW.getTime()).history;
    const seen: string[] = [];
    for (let step = 1; step <= CATALOG_STEPS.length; step++) {
      expect(await control({ step })).toBe(200);
      const r = recordCatalog(h, await catalog(), NOW.getTime() + step * 60_000);
      h = r.history;
      seen.push(...r.added.map((c) => `${step} ${c.kind} ${c.modelId}`));
      expect(recordCatalog(h, await catalog(), NOW.getTime() + step * 60_000 + 1).added).toEqual([]);
    }
    expect(seen).toEqual([`1 price ${PRICE_DROP.id}`, `2 expiration ${EXPIRING.id}`, `2 expiration ${EXPIRING.id}:batch`, `3 removed ${REMOVED_ID}`]);
    const price = h.changes.find((c) => c.kind === 'price');
    expect(price?.to).toEqual({ input: 0.3, output: 0.6 });
    expect(h.changes.find((c) => c.kind === 'expiration')?.to).toBe('2026-08-12');
  });

  it('the in-process control moves the catalog too, and reset returns to the capture', async () => {
    const before = await catalog();
    fake.setCatalogStep(3);
    expect((await catalog()).some((m) => m.id === REMOVED_ID)).toBe(false);
    fake.reset();
    expect((await catalog()).length).toBe(before.length);
    expect(() => fake.setCatalogStep(9)).toThrow();
  });

  it('refuses a step that is not one', async () => {
    for (const step of [-1, 4, 1.5, '2', null]) expect(await control({ step })).toBe(400);
  });

  it('faults still apply on a moved catalog: a 503 then the changed answer', async () => {
    fake.setCatalogStep(1);
    fake.setFault({ endpoint: 'models', fault: 503, times: 1 });
    const models = await catalog();
    expect(models.find((m) => m.id === PRICE_DROP.id)?.price.input).toBeCloseTo(0.3, 9);
    expect(fake.requests.filter((r) => r.endpoint === 'models').map((r) => r.status)).toEqual([503, 200]);
  });
});
