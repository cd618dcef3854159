// The catalog watch in a real VS Code, against the fake OpenRouter moved along its catalog timeline: a price drop of
// a model the workspace names is notified and listed under Changes in the sidebar; a retirement date added to another
// puts a diagnostic on its config line whose quick fix swaps it to its successor, on disk after save.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, startVsCode, type VsCode } from '../harness';

let vs: VsCode;
let configPath: string;
let original: string;

async function catalogStep(step: number): Promise<void> {
  const origin = new URL(vs.fake.baseUrl).origin;
  const res = await fetch(`${origin}/__fake/catalog`, { method: 'POST', body: JSON.stringify({ step }) });
  expect(res.status).toBe(200);
  await res.text();
}

const openFile = (name: string): Promise<void> => vs.openFile(name);

async function waitForLog(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!pattern.test(vs.logText()) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
  expect(vs.logText()).toMatch(pattern);
}

beforeAll(async () => {
  vs = await startVsCode({ theme: 'dark', viewport: { width: 1400, height: 800 }, workspace: join(E2E, 'workspace-watch') });
  configPath = join(vs.workspace, '.continue', 'config.yaml');
  original = readFileSync(configPath, 'utf8');
  // The first live catalog is the baseline; the workspace scan decides what is watched.
  await waitForLog(/catalog watch: baseline of \d+ models recorded/);
  await waitForLog(/model references: \d+ in \d+ files/);
});
afterAll(async () => {
  await vs?.stop();
});

describe('catalog watch in a real VS Code', () => {
  it('a price drop of a watched model: one notification, and a row under Changes in the sidebar', async () => {
    await catalogStep(1);
    await vs.runCommand('Model Radar: Refresh Now');
    const toast = vs.notification(/deepseek\/deepseek-v4-pro changed price/);
    await expect.poll(async () => toast.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await toast.first().innerText()).toContain('$0.30 / $0.60 per 1M');
    await vs.screenshot('watch-notification', undefined, { keepNotifications: true });

    const frame = await vs.openSidebar();
    const row = frame.locator('section[data-section="changes"] li[aria-label="deepseek/deepseek-v4-pro"]');
    await expect.poll(async () => row.innerText().catch(() => ''), { timeout: 30_000 }).toContain('Price: $0.435 / $0.87 per 1M → $0.30 / $0.60 per 1M');

    // The next poll with the same catalog says nothing again.
    await vs.page.locator('.notifications-toasts .notification-toast .codicon-notifications-clear').first().click().catch(() => undefined);
    await vs.runCommand('Model Radar: Refresh Now');
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await vs.notification(/changed price/).count()).toBe(0);
    expect(vs.logText().match(/catalog watch: \d+ change\(s\) recorded/g)?.length).toBe(1);
  });

  it('a retirement date: a diagnostic on the config line, and its quick fix swaps to the successor on disk', async () => {
    await catalogStep(2);
    await vs.runCommand('Model Radar: Refresh Now');
    await expect.poll(async () => vs.notification(/anthropic\/claude-sonnet-4\.5 retires on/).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    await openFile('config.yaml');
    await expect.poll(async () => vs.page.locator('.squiggly-warning').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await vs.page.locator('.monaco-editor .view-lines').first().click();
    await vs.runCommand('Go to Next Problem in Files (Error, Warning, Info)');
    await expect.poll(async () => vs.page.locator('.marker-widget').innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/anthropic\/claude-sonnet-4\.5 retires on/);
    await vs.page.keyboard.press('Escape');
    await vs.page.keyboard.press('Control+.');
    const widget = vs.page.locator('.action-widget');
    await expect.poll(async () => widget.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/Swap to anthropic\/claude-sonnet-5/);
    expect(await widget.innerText()).toMatch(/Swap to ~anthropic\/claude-sonnet-latest/);
    await vs.screenshot('watch-quickfix');
    // The preferred fix (the family's newest model) is focused first.
    await vs.page.keyboard.press('Enter');
    await expect.poll(async () => vs.notification(/Swapped|claude-sonnet-5/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await vs.runCommand('File: Save All Files');
    await expect.poll(() => readFileSync(configPath, 'utf8'), { timeout: 15_000 }).toContain('model: anthropic/claude-sonnet-5\n');
    expect(readFileSync(configPath, 'utf8')).toBe(original.replace('model: anthropic/claude-sonnet-4.5', 'model: anthropic/claude-sonnet-5'));
  });
});
