// The sidebar and the dashboard in a real VS Code with the fake OpenRouter: Chinese and US leaders whose
// names and weekly tokens match an independent computation over the fixture window, Copy id reaching the
// host, the dashboard's region filter and scatter, and screenshots in a dark and a light theme.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INFERENCE_KEY, ROOT, startVsCode, type VsCode } from '../harness';

// Independent of src/core: the last 7 days of the capture (the fake server re-dates them to end yesterday),
// variants merged into their model, authors mapped with the API doc's lab tables.
const CN = new Set(['deepseek', 'qwen', 'moonshotai', 'z-ai', 'minimax', 'xiaomi', 'tencent', 'stepfun', 'baidu', 'bytedance-seed', 'inclusionai', 'meituan', 'kwaipilot']);
const US = new Set(['openai', 'anthropic', 'google', 'meta-llama', 'meta', 'x-ai', 'nvidia', 'amazon', 'microsoft', 'perplexity', 'poolside']);
const rankings = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json'), 'utf8')) as { data: { date: string; model_permaslug: string; total_tokens: string }[] };
const models = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/openrouter/models-2026-07-29.json'), 'utf8')).data as { id: string; canonical_slug: string; name: string }[];

function leaders(region: Set<string>, n: number): { name: string; tokens: string }[] {
  const sums = new Map<string, bigint>();
  for (const r of rankings.data) {
    if (r.date < '2026-07-20' || r.model_permaslug === 'other') continue;
    const base = r.model_permaslug.toLowerCase().split(':')[0];
    if (!region.has(base.split('/')[0])) continue;
    sums.set(base, (sums.get(base) ?? 0n) + BigInt(r.total_tokens));
  }
  return [...sums.entries()]
    .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0))
    .slice(0, n)
    .map(([slug, t]) => {
      const model = models.find((m) => m.canonical_slug.toLowerCase() === slug && !m.id.includes(':'));
      let text = (Number(t) / 1e12).toPrecision(3);
      if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
      return { name: model?.name ?? slug, tokens: `${text}T` };
    });
}

let vs: VsCode | undefined;
afterEach(async () => {
  await vs?.stop();
  vs = undefined;
});

async function withKey(theme: 'dark' | 'light'): Promise<VsCode> {
  const started = await startVsCode({ theme, viewport: { width: 1400, height: 1500 } });
  await started.runCommand('Model Radar: Set API Key');
  await started.inputBox(INFERENCE_KEY);
  await expect.poll(async () => started.notification(/API key saved/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  return started;
}

describe('sidebar and dashboard in a real VS Code', () => {
  it('shows the Chinese and US leaders of the fixture window with their weekly tokens; Copy id reaches the host (dark)', async () => {
    vs = await withKey('dark');
    const frame = await vs.openSidebar();
    await expect.poll(async () => frame.locator('body').innerText(), { timeout: 30_000 }).toMatch(/Source: OpenRouter \(openrouter\.ai\/rankings\)/);
    const text = await frame.locator('body').innerText();
    for (const leader of [...leaders(CN, 3), ...leaders(US, 3)]) {
      expect(text, leader.name).toContain(leader.name.replace(/^[^:]+:\s*/, ''));
    }
    const [cnTop] = leaders(CN, 1);
    const [usTop] = leaders(US, 1);
    expect(text).toContain(cnTop.tokens);
    expect(text).toContain(usTop.tokens);
    await vs.screenshot('sidebar-dark', { x: 0, y: 0, width: 480, height: 1500 });

    const copy = frame.getByRole('button', { name: /^Copy id / }).first();
    await copy.click();
    await expect.poll(async () => vs!.page.locator('#workbench\\.parts\\.statusbar').innerText(), { timeout: 15_000 }).toMatch(/Copied [a-z0-9~-]+\//);
  });

  it('opens the dashboard from the palette, filters the catalog by region and renders the scatter (light)', async () => {
    vs = await withKey('light');
    await vs.runCommand('Model Radar: Open Dashboard');
    const frame = await vs.webview('dashboard');
    await expect.poll(async () => frame.locator('table:has(th:has-text("Weekly tokens")) tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    const scatter = frame.locator('svg[aria-label="Price versus coding index scatter plot"]');
    await expect.poll(async () => scatter.locator('circle, path, rect, polygon').count(), { timeout: 15_000 }).toBeGreaterThan(20);

    const region = frame.locator('[aria-label="Region"]').first();
    const tag = await region.evaluate((el) => el.tagName.toLowerCase());
    if (tag === 'select') await region.selectOption('CN');
    else {
      // The toolkit's dropdown: collapsed, the arrow keys change the selection and fire "change".
      await region.scrollIntoViewIfNeeded();
      await region.focus();
      await vs.page.keyboard.press('ArrowDown');
    }
    await expect.poll(async () => region.evaluate((el) => (el as HTMLSelectElement).value), { timeout: 5_000 }).toBe('CN');
    await expect
      .poll(async () => {
        const cells = await frame.locator('table:has(th:has-text("Weekly tokens")) tbody tr').allInnerTexts();
        return cells.length > 0 && cells.every((row) => /\bCN\b|China/.test(row));
      }, { timeout: 15_000 })
      .toBe(true);
    await vs.screenshot('dashboard-light');
  });

  it('shows the sidebar in a light theme and the dashboard in a dark theme', async () => {
    vs = await withKey('light');
    await vs.openSidebar();
    await vs.page.waitForTimeout(1500);
    await vs.screenshot('sidebar-light', { x: 0, y: 0, width: 480, height: 1500 });
    await vs.stop();
    vs = await withKey('dark');
    await vs.runCommand('Model Radar: Open Dashboard');
    const frame = await vs.webview('dashboard');
    await expect.poll(async () => frame.locator('table:has(th:has-text("Weekly tokens")) tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await vs.screenshot('dashboard-dark');
  });
});
