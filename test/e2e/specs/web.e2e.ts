// Issue #16: Model Radar in the browser's web worker extension host. code-server is told to run the extension
// there (`remote.extensionKind: web`, which VS Code's pickRunningLocation honours for an installed extension), so
// it loads the manifest's `browser` entry (dist/web/extension.js); the log, read from the Output panel (a web
// worker's log is not a file on the server), names the web host. Every request to the fake OpenRouter is then a
// real cross-origin request from Chromium: the fake answers CORS the way OpenRouter does, so a header it does not
// allow would fail the preflight and this spec. Covered: the status bar, the sidebar's leaders, a hover on a model
// id and a swap (an ordinary WorkspaceEdit, saved to disk).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INFERENCE_KEY, startVsCode, type VsCode } from '../harness';

let vs: VsCode;
const statusText = async (): Promise<string> => (await vs.statusItem().innerText().catch(() => '')).replace(/\s+/g, ' ');

const openFile = (name: string): Promise<void> => vs.openFile(name);

/** The "Model Radar" log as the Output panel shows it. */
async function outputLog(): Promise<string> {
  await vs.runCommand('Model Radar: Show Log');
  const lines = vs.page.locator('.part.panel .monaco-editor .view-lines').first();
  await lines.waitFor({ state: 'visible', timeout: 15_000 });
  // The editor draws spaces as no-break spaces and wraps long lines.
  return (await lines.innerText()).replace(/\s+/g, ' ');
}

beforeAll(async () => {
  vs = await startVsCode({
    theme: 'dark',
    viewport: { width: 1400, height: 1100 },
    settings: { 'remote.extensionKind': { 'model-radar.model-radar': ['web'] }, 'extensions.webWorker': true },
  });
});
afterAll(async () => {
  await vs?.stop();
});

describe('Model Radar in the web worker extension host', () => {
  it('runs the browser entry: the log names the web host, and nothing is logged to the Node host', async () => {
    await expect.poll(outputLog, { timeout: 60_000 }).toMatch(/Model Radar activated in \d+(\.\d+)? ms on the web host/);
    expect(await outputLog()).toMatch(/Model Radar start\(\) \d+(\.\d+)? ms on the web host/);
    // The Node extension host (its log files on the server) never loaded Model Radar.
    expect(vs.logText()).not.toMatch(/on the node host/);
    await vs.page.keyboard.press('Escape');
  });

  it('sets the key (SecretStorage) and shows the fake server\'s today / left in the status bar, through CORS', async () => {
    await expect.poll(statusText, { timeout: 30_000 }).toMatch(/set key/i);
    await vs.runCommand('Model Radar: Set API Key');
    await vs.inputBox(INFERENCE_KEY);
    await expect.poll(async () => vs.notification(/API key saved/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(statusText, { timeout: 30_000 }).toMatch(/\$0\.87 today · \$74\.50 left/);
    const { requests, preflights } = (await vs.fake.requests()) as unknown as {
      requests: { endpoint: string | null; status: number | null; auth: boolean; referer: string | null; title: string | null }[];
      preflights: { path: string; origin: string | null; headers: string[]; allowed: boolean }[];
    };
    // Cross-origin from the browser: GET /key with the key went through a preflight the fake allowed, asking for
    // Authorization only; no attribution header reached the server.
    expect(requests.filter((r) => r.endpoint === 'key' && r.status === 200 && r.auth).length).toBeGreaterThan(0);
    expect(requests.every((r) => r.referer === null && r.title === null)).toBe(true);
    const keyPreflights = preflights.filter((p) => p.path.startsWith('/api/v1/key'));
    expect(keyPreflights.length).toBeGreaterThan(0);
    expect(keyPreflights.every((p) => p.allowed && p.origin !== null && p.headers.join(',') === 'authorization')).toBe(true);
    expect(preflights.filter((p) => !p.allowed)).toEqual([]);
    await vs.screenshot('web-statusbar');
  });

  it('shows the Chinese and US leaders in the sidebar', async () => {
    const frame = await vs.openSidebar();
    await expect.poll(async () => frame.locator('body').innerText(), { timeout: 30_000 }).toMatch(/Source: OpenRouter \(openrouter\.ai\/rankings\)/);
    const leaders = (await frame.getByRole('region', { name: 'Leaders' }).innerText()).replace(/\s+/g, ' ');
    // The fixture week, re-dated to end yesterday, fetched live from the Data API (a keyed, preflighted request).
    // Each region's leaders, ranked overall (the US one is not #1 in this week): name, then weekly tokens.
    expect(leaders).toMatch(/Chinese labs \d+(\.\d+)?T tokens · \d+% share #1 .+? \d+(\.\d+)?T/);
    expect(leaders).toMatch(/US labs \d+(\.\d+)?T tokens · \d+% share #\d+ .+? \d+(\.\d+)?[TB]/);
    expect(leaders).not.toMatch(/bundled|blocked/i);
    const { requests } = (await vs.fake.requests()) as unknown as { requests: { endpoint: string | null; status: number | null }[] };
    expect(requests.some((r) => r.endpoint === 'datasets/rankings-daily' && r.status === 200)).toBe(true);
    await vs.screenshot('web-sidebar', { x: 0, y: 0, width: 480, height: 1100 });
  });

  it('hovers a model id in a config file with its price', async () => {
    await expect.poll(outputLog, { timeout: 60_000 }).toMatch(/model references: \d+ in \d+ files/);
    await openFile('.aider.conf.yml');
    const id = vs.page.locator('.monaco-editor .view-lines .view-line span span', { hasText: 'deepseek-v4-pro' }).last();
    await id.waitFor({ state: 'visible', timeout: 15_000 });
    const hover = vs.page.locator('.monaco-hover').filter({ hasText: /Per 1M tokens/ }).first();
    await expect
      .poll(
        async () => {
          await id.hover();
          return hover.innerText().catch(() => '');
        },
        { timeout: 30_000 },
      )
      .toMatch(/Per 1M tokens: in \$[\d.]+ · out \$[\d.]+/);
    await vs.screenshot('web-hover');
    await vs.page.keyboard.press('Escape');
  });

  it('swaps the model through a WorkspaceEdit; saved, the file on disk changed with its comments intact', async () => {
    const aiderPath = join(vs.workspace, '.aider.conf.yml');
    const original = readFileSync(aiderPath, 'utf8');
    await openFile('.aider.conf.yml');
    await vs.runCommand('Model Radar: Swap Model…');
    await vs.quickPick(/deepseek-v4-pro/);
    await vs.page.locator('.quick-input-widget input').fill('qwen/qwen3-coder-next');
    await vs.quickPick(/qwen\/qwen3-coder-next/);
    await vs.quickPick(/Swap this reference/);
    await expect.poll(async () => vs.notification(/Swapped/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await vs.runCommand('File: Save All Files');
    await expect.poll(() => readFileSync(aiderPath, 'utf8'), { timeout: 15_000 }).toBe(original.replace('openrouter/deepseek/deepseek-v4-pro', 'openrouter/qwen/qwen3-coder-next'));
  });
});
