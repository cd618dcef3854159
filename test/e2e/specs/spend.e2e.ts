// The dashboard's Spend section in a real VS Code with both keys against the fake OpenRouter: the account's
// per-model history from POST /analytics/query (30 days, then 90), labelled apart from the key's own month, a
// table per model; then analytics refused and the /activity fallback said so. Screenshot: dashboard-spend.
import { afterEach, describe, expect, it } from 'vitest';
import { INFERENCE_KEY, MANAGEMENT_KEY, startVsCode, type VsCode } from '../harness';

let vs: VsCode | undefined;
afterEach(async () => {
  await vs?.stop();
  vs = undefined;
});

async function scenario(v: VsCode, name: string): Promise<void> {
  const r = await fetch(`${new URL(v.fake.baseUrl).origin}/__fake/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  if (!r.ok) throw new Error(`fake scenario ${name}: ${r.status}`);
}

describe('dashboard Spend section in a real VS Code', () => {
  it('shows the whole account’s spend by model beside this key’s month, switches to 90 days, and falls back to /activity when analytics is refused', async () => {
    vs = await startVsCode({ theme: 'dark', viewport: { width: 1400, height: 1700 } });
    await vs.runCommand('Model Radar: Set API Key');
    await vs.inputBox(INFERENCE_KEY);
    await expect.poll(async () => vs!.notification(/API key saved/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await vs.runCommand('Model Radar: Set Management Key');
    await vs.inputBox(MANAGEMENT_KEY);
    // The toast can be gone by the time a loaded machine looks; the log line stays.
    await expect
      .poll(async () => (await vs!.notification(/[Mm]anagement key saved/).count()) > 0 || /management key saved/.test(vs!.logText()), { timeout: 60_000 })
      .toBe(true);

    await vs.runCommand('Model Radar: Open Dashboard');
    const frame = await vs.webview('dashboard');
    const spend = frame.locator('section[data-section="spend"]');
    await expect.poll(async () => spend.innerText(), { timeout: 45_000 }).toMatch(/Whole account, last 30 days: \$[\d,]+\.\d\d/);
    const text = await spend.innerText();
    expect(text).toContain('This key, this month');
    expect(text).toMatch(/From OpenRouter’s analytics for the whole account \(every key\)/);
    const rows = spend.locator('table.mr-spend-table tbody tr');
    await expect.poll(async () => rows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await rows.first().innerText()).toMatch(/\$[\d,.]+[\s\S]*%[\s\S]*\/1M/);
    expect(await spend.locator('svg[aria-label^="Spend per day over the last 30 days"]').count()).toBe(1);

    await spend.getByRole('button', { name: 'Last 90 days' }).click();
    await expect.poll(async () => spend.innerText(), { timeout: 30_000 }).toMatch(/Whole account, last 90 days: \$/);
    await spend.scrollIntoViewIfNeeded();
    await vs.screenshot('dashboard-spend', spend);

    // The control route answers { requests: [...] }.
    const log = (await vs.fake.requests()) as unknown as { requests: { endpoint: string | null; status: number | null; method: string }[] };
    const analytics = log.requests.filter((r) => r.endpoint === 'analytics/query');
    expect(analytics.length).toBe(2);
    expect(analytics.every((r) => r.status === 200 && r.method === 'POST')).toBe(true);

    await scenario(vs, 'analyticsRefused');
    await spend.getByRole('button', { name: 'Refresh spend history' }).click();
    await expect.poll(async () => spend.innerText(), { timeout: 30_000 }).toMatch(/analytics was not available .* so this is \/activity: the last 30 days only/);
    expect(await spend.innerText()).toContain('You asked for 90 days.');
    await vs.screenshot('dashboard-spend-fallback', spend);
  });
});
