// The dashboard's Providers section in a real VS Code against the fake OpenRouter: the models the workspace names
// are listed, nothing is fetched until one is opened, then GET /models/{author}/{slug}/endpoints answers (once,
// cached) and the table marks the cheapest on the mix and the fastest by throughput; Swap Model… offers the
// reference's model with :floor, :nitro and :exacto, each explained (their order and exact writing:
// test/unit/routingSwap.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INFERENCE_KEY, startVsCode, type VsCode } from '../harness';

let vs: VsCode;
beforeAll(async () => {
  vs = await startVsCode({ theme: 'dark', viewport: { width: 1400, height: 1500 } });
});
afterAll(async () => {
  await vs?.stop();
});

const endpointCalls = async (): Promise<{ path: string; status: number | null }[]> => {
  const log = (await vs.fake.requests()) as unknown as { requests: { endpoint: string | null; path?: string; status: number | null }[] };
  return log.requests.filter((r) => r.endpoint === 'models/endpoints').map((r) => ({ path: r.path ?? '', status: r.status }));
};

describe('dashboard Providers section in a real VS Code', () => {
  it('lists the workspace’s models, fetches a model’s providers only when opened, and marks the cheapest and the fastest', async () => {
    // With a key: OpenRouter fills in latency and throughput only then.
    await vs.runCommand('Model Radar: Set API Key');
    await vs.inputBox(INFERENCE_KEY);
    await expect.poll(async () => (await vs.notification(/API key saved/).count()) > 0 || /API key saved/.test(vs.logText()), { timeout: 60_000 }).toBe(true);
    await vs.runCommand('Model Radar: Open Dashboard');
    const frame = await vs.webview('dashboard');
    const section = frame.locator('section[data-section="providers"]');
    await expect.poll(async () => section.locator('li[data-model]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const ids = await section.locator('li[data-model]').evaluateAll((els) => els.map((e) => e.getAttribute('data-model')));
    expect(ids).toEqual(expect.arrayContaining(['qwen/qwen3-coder']));
    expect(await endpointCalls()).toEqual([]);

    const qwen = section.locator('li[data-model="qwen/qwen3-coder"]');
    await qwen.locator('summary').first().click();
    const table = qwen.locator('table');
    await expect.poll(async () => table.count(), { timeout: 30_000 }).toBe(1);
    const text = await table.innerText();
    // The marks are tags (upper-cased by the stylesheet).
    expect(text).toMatch(/cheapest/i);
    expect(text).toMatch(/fastest/i);
    expect(text).toMatch(/\$\d/);
    const calls = await endpointCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.status).toBe(200);
    await qwen.scrollIntoViewIfNeeded();
    await vs.screenshot('dashboard-providers', section);
  });

  it('offers :floor, :nitro and :exacto of the reference’s model in Swap Model…, each explained', async () => {
    await vs.runCommand('Model Radar: Swap Model…');
    const input = vs.page.locator('.quick-input-widget');
    await expect.poll(async () => input.isVisible(), { timeout: 30_000 }).toBe(true);
    const rows = input.locator('.monaco-list-row');
    const labels = async (): Promise<string[]> => rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
    const isRefList = async (): Promise<boolean> => (await labels()).some((l) => /\.(ya?ml|env|json|toml)\b.*\d/.test(l));
    await expect.poll(async () => (await labels()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    // From the palette: a list of references first when there are several (take the first), then the targets.
    if (await isRefList()) {
      await vs.page.keyboard.press('Enter');
      await expect.poll(isRefList, { timeout: 30_000 }).toBe(false);
    }
    // The list is virtual (only visible rows are in the page): filter it to the routing targets.
    await vs.page.keyboard.type(':floor');
    await expect.poll(async () => (await labels()).join('\n'), { timeout: 30_000 }).toMatch(/:floor/);
    const floor = (await labels()).find((l) => /:floor/.test(l)) ?? '';
    expect(floor).toMatch(/cheapest provider first/);
    const base = /([a-z0-9._-]+\/[a-z0-9._-]+):floor/.exec(floor)?.[1];
    expect(base).toBeTruthy();
    for (const suffix of ['nitro', 'exacto']) {
      await vs.page.keyboard.press('Control+A');
      await vs.page.keyboard.type(`:${suffix}`);
      await expect.poll(async () => (await labels()).join('\n'), { timeout: 30_000 }).toContain(`${base}:${suffix}`);
    }
    await vs.page.keyboard.press('Escape');
  });
});
