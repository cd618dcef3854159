// The fake demo's first screen, as `npm run demo -- --fake` opens it: no key to set (the fake's test keys are
// in the demo profile's own SecretStorage), the status bar live, the sidebar full, a config file open with its
// CodeLens, and one line saying the data is fake. The screenshot is the README's first picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVsCode, type VsCode } from '../harness';

let vs: VsCode;

beforeAll(async () => {
  vs = await startVsCode({ theme: 'dark', viewport: { width: 1400, height: 900 }, demo: { openFile: '.continue/config.yaml' } });
});
afterAll(async () => {
  await vs?.stop();
});

describe('the fake demo opens ready', () => {
  it('shows spend in the status bar, a full sidebar, the config file with its CodeLens and a one-line welcome', async () => {
    // Status bar: figures from the fake's key, never "set key".
    await expect.poll(async () => vs.statusItem().innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/\$\d+(\.\d+)? today/);
    expect((await vs.statusItem().innerText()).toLowerCase()).not.toContain('set key');

    // The sidebar is open without a command, with spend (management key) and leaders.
    const frame = await vs.webview('sidebar', 60_000);
    await expect.poll(async () => frame.locator('body').innerText(), { timeout: 60_000 }).toMatch(/Whole account, last 30 days: \$[\d,.]+/);
    const sidebar = await frame.locator('body').innerText();
    expect(sidebar).not.toMatch(/Add your OpenRouter API key|Set management key/);

    // The config file is open in the editor, with the price CodeLens above its model id.
    await expect.poll(async () => vs.page.locator('.tab.active').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/config\.yaml/);
    await expect.poll(async () => vs.page.locator('.codelens-decoration', { hasText: /per 1M/ }).count(), { timeout: 60_000 }).toBeGreaterThan(0);

    // One line says it is fake data.
    await expect.poll(async () => vs.notification(/Model Radar demo: every figure here is fake data\./).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const toast = await vs.notification(/Model Radar demo/).first().innerText();
    expect(toast).not.toContain('…');

    await vs.page.waitForTimeout(1500);
    await vs.screenshot('demo-first-screen', undefined, { keepNotifications: true });
  });

  it('stored the keys in the demo profile, never in a settings file', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const settings = readFileSync(join(vs.userDataDir, 'User', 'settings.json'), 'utf8');
    expect(settings).not.toMatch(/sk-or-v1/);
    await expect.poll(() => vs.logText(), { timeout: 15_000 }).toMatch(/demo: fake data from http:\/\/127\.0\.0\.1:\d+\/api\/v1; its test keys are stored in this profile/);
    expect(vs.logText()).not.toMatch(/sk-or-v1-test/);
  });
});
