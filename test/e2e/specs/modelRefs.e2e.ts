// Model references in a real VS Code: the CodeLens shows the price, the palette swap changes the file on
// disk after save with comments intact, Undo restores it, and an unknown id's quick fix replaces it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVsCode, type VsCode } from '../harness';

let vs: VsCode;
let aiderPath: string;
let original: string;

const openFile = (name: string): Promise<void> => vs.openFile(name);

beforeAll(async () => {
  vs = await startVsCode({ theme: 'dark', viewport: { width: 1400, height: 800 } });
  aiderPath = join(vs.workspace, '.aider.conf.yml');
  original = readFileSync(aiderPath, 'utf8');
  // The index starts after activation and needs the catalog: wait for it in the log.
  const until = Date.now() + 60_000;
  while (!/model references: \d+ in \d+ files/.test(vs.logText()) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
});
afterAll(async () => {
  await vs?.stop();
});

describe('model references in a real VS Code', () => {
  it('shows price, rank and region in a CodeLens above a config entry', async () => {
    await openFile('config.yaml');
    const lens = vs.page.locator('.codelens-decoration', { hasText: /per 1M/ }).first();
    await expect.poll(async () => lens.innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/\$2 \/ \$10 per 1M/);
    expect(await vs.page.locator('.codelens-decoration').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/US/)]));
    await vs.screenshot('codelens', vs.page.locator('.part.editor'));
  });

  it('swaps a model from the palette; after save the file on disk changed and its comments survived', async () => {
    await openFile('.aider.conf.yml');
    await vs.runCommand('Model Radar: Swap Model…');
    await vs.quickPick(/deepseek-v4-pro/);
    const input = vs.page.locator('.quick-input-widget input');
    await input.fill('qwen/qwen3-coder-next');
    await vs.quickPick(/qwen\/qwen3-coder-next/);
    await vs.quickPick(/Swap this reference/);
    await expect.poll(async () => vs.notification(/Swapped/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await vs.runCommand('File: Save All Files');
    await expect.poll(() => readFileSync(aiderPath, 'utf8'), { timeout: 15_000 }).toContain('model: openrouter/qwen/qwen3-coder-next');
    const after = readFileSync(aiderPath, 'utf8');
    expect(after).toBe(original.replace('openrouter/deepseek/deepseek-v4-pro', 'openrouter/qwen/qwen3-coder-next'));
    expect(after).toContain('## Aider settings for this project');
  });

  it('undoes the swap in one step', async () => {
    await vs.page.locator('.monaco-editor .view-lines').first().click();
    await vs.page.keyboard.press('Control+Z');
    await vs.runCommand('File: Save All Files');
    await expect.poll(() => readFileSync(aiderPath, 'utf8'), { timeout: 15_000 }).toBe(original);
  });

  /** Swap Model… on .aider.conf.yml's main model, ending at the confirmation choice `choice`. */
  async function swapMainModel(choice: RegExp): Promise<void> {
    await openFile('.aider.conf.yml');
    // Line 1 is a comment, so the command asks which reference instead of taking the one under the cursor.
    await vs.page.keyboard.press('Control+Home');
    await vs.runCommand('Model Radar: Swap Model…');
    await vs.quickPick(/deepseek-v4-pro/);
    const input = vs.page.locator('.quick-input-widget input');
    await input.fill('qwen/qwen3-coder-next');
    await vs.quickPick(/qwen\/qwen3-coder-next/);
    await vs.quickPick(choice);
  }

  it('"with preview" opens the Refactor Preview with the edit ticked; Apply writes it and one undo reverts it', async () => {
    await swapMainModel(/Swap this reference, with preview/);
    const panel = vs.page.locator('.bulk-edit-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(async () => panel.innerText().catch(() => ''), { timeout: 15_000 }).toContain('.aider.conf.yml');
    await vs.screenshot('refactor-preview', panel);
    await panel.locator('.monaco-button', { hasText: /^Apply$/ }).first().click();
    await expect.poll(async () => vs.notification(/Swapped deepseek\/deepseek-v4-pro → qwen\/qwen3-coder-next/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await vs.runCommand('File: Save All Files');
    const swapped = original.replace('openrouter/deepseek/deepseek-v4-pro', 'openrouter/qwen/qwen3-coder-next');
    await expect.poll(() => readFileSync(aiderPath, 'utf8'), { timeout: 15_000 }).toBe(swapped);

    await openFile('.aider.conf.yml');
    // The Refactor Preview panel may still hold the focus: put it in the file's editor, as a user clicks into it.
    await vs.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await vs.page.keyboard.press('Control+Z');
    await vs.runCommand('File: Save All Files');
    await expect.poll(() => readFileSync(aiderPath, 'utf8'), { timeout: 15_000 }).toBe(original);
  });

  it('Discard in the Refactor Preview writes nothing', async () => {
    await swapMainModel(/Swap this reference, with preview/);
    const panel = vs.page.locator('.bulk-edit-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    await panel.locator('.monaco-button', { hasText: /^Discard$/ }).first().click();
    await panel.waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
    await vs.runCommand('File: Save All Files');
    // Give a wrongly applied edit time to reach the disk before checking it did not.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(readFileSync(aiderPath, 'utf8')).toBe(original);
  });

  it('flags an unknown id and its quick fix replaces it', async () => {
    await openFile('.env');
    const envPath = join(vs.workspace, '.env');
    await expect.poll(async () => vs.page.locator('.squiggly-warning').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await vs.page.locator('.monaco-editor .view-lines').first().click();
    await vs.runCommand('Go to Next Problem in Files (Error, Warning, Info)');
    await vs.page.keyboard.press('Escape');
    await vs.page.keyboard.press('Control+.');
    const widget = vs.page.locator('.action-widget');
    await expect.poll(async () => widget.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/Replace with deepseek\//);
    await vs.screenshot('quickfix');
    // The preferred fix (closest catalog id) is focused first.
    await vs.page.keyboard.press('Enter');
    await vs.runCommand('File: Save All Files');
    // Read until the saved file holds the new id: a read while VS Code writes the file can see it empty.
    let saved = '';
    const replaced = (text: string): boolean => !text.includes('deepseek/deepseek-v9-ultra') && /SUMMARY_MODEL=deepseek\/[a-z0-9.-]+\n/.test(text);
    await expect.poll(() => replaced((saved = readFileSync(envPath, 'utf8'))), { timeout: 15_000 }).toBe(true);
    expect(saved).toMatch(/^# Local development settings \(not secrets\)\n/);
  });
});
