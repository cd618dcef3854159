// Keys and the status-bar cost indicator, against the fake OpenRouter: set the key through the palette,
// see the fake's figures, go stale on a fault and live again, clear the key, and never log the key.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INFERENCE_KEY, startVsCode, type VsCode } from '../harness';

let vs: VsCode;
const statusText = async (): Promise<string> => (await vs.statusItem().innerText().catch(() => '')).replace(/\s+/g, ' ');

function allFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    const st = statSync(p);
    if (st.isDirectory()) allFiles(p, out);
    else if (st.size < 20_000_000) out.push(p);
  }
  return out;
}

beforeAll(async () => {
  vs = await startVsCode({ theme: 'dark' });
});
afterAll(async () => {
  await vs?.stop();
});

describe('status bar and keys in a real VS Code', () => {
  it('starts in the no-key state, inviting to set one', async () => {
    await expect.poll(statusText, { timeout: 30_000 }).toMatch(/set key/i);
    expect(await statusText()).not.toContain('$0.00');
  });

  it('sets the key through the palette input box and shows the fake server\'s today / left', async () => {
    await vs.runCommand('Model Radar: Set API Key');
    await vs.inputBox(INFERENCE_KEY);
    await expect.poll(async () => vs.notification(/API key saved/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(statusText, { timeout: 30_000 }).toMatch(/\$0\.87 today · \$74\.50 left/);
  });

  it('has week and month spend in the tooltip', async () => {
    await vs.statusItem().hover();
    const hover = vs.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /week/i }).first();
    await expect.poll(async () => hover.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/\$6\.42/);
    const text = await hover.innerText();
    expect(text).toMatch(/month/i);
    expect(text).toMatch(/\$25\.50/);
    await vs.screenshot('statusbar-tooltip');
    // The README's picture: the item and its tooltip, bottom right of the window.
    const viewport = vs.page.viewportSize() ?? { width: 1400, height: 900 };
    await vs.screenshot('statusbar', { x: viewport.width - 560, y: viewport.height - 360, width: 560, height: 360 });
    await vs.page.keyboard.press('Escape');
  });

  it('turns stale when OpenRouter fails, and live again after recovery', async () => {
    await vs.fake.fault({ endpoint: 'key', fault: 500 });
    await vs.runCommand('Model Radar: Refresh Now');
    await expect.poll(statusText, { timeout: 60_000 }).toMatch(/old|stale/i);
    expect(await statusText()).toMatch(/\$0\.87 today/);
    await vs.fake.clear();
    await vs.fake.key('inference', { usage_daily: 1.25, limit_remaining: 73.1 });
    await vs.runCommand('Model Radar: Refresh Now');
    await expect.poll(statusText, { timeout: 60_000 }).toMatch(/\$1\.25 today · \$73\.10 left$/);
  });

  it('clears the keys after confirmation and returns to the no-key state', async () => {
    await vs.runCommand('Model Radar: Clear Keys');
    const button = vs.page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Clear keys' });
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    await button.click();
    await expect.poll(statusText, { timeout: 30_000 }).toMatch(/set key/i);
  });

  it('never wrote the key to a log, setting or state file', () => {
    const hits = allFiles(vs.userDataDir).filter((f) => {
      try {
        return readFileSync(f).includes(INFERENCE_KEY);
      } catch {
        return false;
      }
    });
    // SecretStorage in code-server is encrypted at rest; the key must appear nowhere in clear text.
    expect(hits).toEqual([]);
    expect(vs.logText()).not.toContain(INFERENCE_KEY);
    expect(vs.logText()).toMatch(/API key saved/);
  });
});
