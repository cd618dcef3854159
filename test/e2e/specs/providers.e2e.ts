// The dashboard's Providers section in a real VS Code against the fake OpenRouter: the models the workspace names
// are listed, nothing is fetched until one is opened, then GET /models/{author}/{slug}/endpoints answers (once,
// cached) and the table marks the cheapest on the mix and the fastest by throughput. (The routing suffixes in Swap
// Model… are tested on the real swap flow in test/unit/routingSwap.test.ts.)
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
});
