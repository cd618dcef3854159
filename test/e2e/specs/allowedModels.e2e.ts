// What the key may use, in a real VS Code against the fake OpenRouter: with guardrails on the API key (the fake's
// `guardrails` scenario: only some labs, no :free variants), a config line naming an excluded model says so in its
// CodeLens, and Swap Model… keeps excluded targets out of the list until "Show models this key cannot use".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INFERENCE_KEY, startVsCode, type VsCode } from '../harness';

let vs: VsCode;

const openFile = (name: string): Promise<void> => vs.openFile(name);

beforeAll(async () => {
  vs = await startVsCode({ theme: 'dark', viewport: { width: 1400, height: 800 } });
  const r = await fetch(`${new URL(vs.fake.baseUrl).origin}/__fake/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'guardrails' }) });
  if (!r.ok) throw new Error(`fake scenario guardrails: ${r.status}`);
  await vs.runCommand('Model Radar: Set API Key');
  await vs.inputBox(INFERENCE_KEY);
  await waitUntil('the API key saved', async () => (await vs.notification(/API key saved/).count()) > 0 || /API key saved/i.test(vs.logText()));
  // The list is read with the key, once it is saved.
  await waitUntil('GET /models/user with the key', async () =>
    ((await vs.fake.requests()) as unknown as { requests: { endpoint: string | null; status: number | null }[] }).requests.some((q) => q.endpoint === 'models/user' && q.status === 200),
  );
  await waitUntil('the workspace scan', async () => /model references: \d+ in \d+ files/.test(vs.logText()));
});

/** expect.poll is for tests only: set-up waits with this. */
async function waitUntil(what: string, fn: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fn().catch(() => false)) return;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}
afterAll(async () => {
  await vs?.stop();
});

describe('what the key may use, in a real VS Code', () => {
  it('the CodeLens of a line naming a model the key may not use says so', async () => {
    await openFile('.aider.conf.yml');
    await expect
      .poll(async () => (await vs.page.locator('.codelens-decoration').allInnerTexts()).join('\n'), { timeout: 30_000 })
      .toMatch(/not allowed by this key’s settings/);
  });

  it('Swap Model… hides excluded targets until asked, then shows them marked after a separator', async () => {
    await openFile('.aider.conf.yml');
    await vs.runCommand('Model Radar: Swap Model…');
    await vs.quickPick(/deepseek-v4-pro/);
    const input = vs.page.locator('.quick-input-widget input');
    const rows = vs.page.locator('.quick-input-widget .monaco-list-row');
    await input.fill('qwen/qwen3-coder-next');
    // Nothing matches while hidden: the excluded model is not in the list.
    await expect.poll(async () => rows.filter({ hasText: 'qwen/qwen3-coder-next' }).count(), { timeout: 10_000 }).toBe(0);
    await input.fill('models this key cannot use');
    await vs.quickPick(/Show \d+ models this key cannot use/);
    await input.fill('qwen/qwen3-coder-next');
    const row = rows.filter({ hasText: 'qwen/qwen3-coder-next' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await row.innerText()).toMatch(/not allowed by this key’s settings/);
    await vs.page.keyboard.press('Escape');
  });
});
