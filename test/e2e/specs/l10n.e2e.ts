// 简体中文 in a real VS Code: code-server started with `--locale zh-cn`, with the UI language resolved to zh-cn.
//
// How VS Code resolves the locale (code-server 4.100.3 = VS Code 1.100.3, read in its server sources):
//  - The server reads languagepacks.json in the user data folder (base/node/nls.ts resolveNLSConfiguration). With
//    no entry for the locale it falls back to English: vscode.env.language is 'en' (the first run of this spec
//    showed "Model Radar: set key"). With an entry whose `translations.vscode` file exists, it merges that file
//    ({ "version", "contents": { <module id>: { <key>: <message> } } }) over nls.messages.json into
//    clp/<hash>.zh-cn/<commit>/, serves it to the browser as nls.messages.js (_VSCODE_NLS_LANGUAGE = 'zh-cn') and
//    hands the extension host VSCODE_NLS_CONFIG with resolvedLanguage 'zh-cn' (= vscode.env.language), so
//    extensions load l10n/bundle.l10n.zh-cn.json and package.nls.zh-cn.json.
//  - Offline there is no Microsoft language pack, so the harness installs test/e2e/zh-cn-pack: a valid pack
//    (contributes.localizations, languageId zh-cn, translations for id `vscode`) whose translation file has no
//    messages. VS Code's own workbench strings therefore stay English; Model Radar's strings are Chinese.
//  - A pack installed with `--install-extension` does not write languagepacks.json (the CLI never instantiates
//    the language pack service whose post-install hook does), so the harness writes it as VS Code's
//    LanguagePacksCache would. The earlier, hand-written entry had `extensions: []`: the workbench's
//    getExtensionIdProvidingCurrentLocale → getInstalledLanguages then threw ("Cannot read properties of
//    undefined (reading 'extensionIdentifier')", in the browser console), the remote extension scan returned no
//    extension at all, and Model Radar never started (no status item). See writeLanguagePacks in ../harness.ts.
//
// Proven here with that UI language: status bar text and tooltip, command titles in the palette, a notification,
// the sidebar and the dashboard read in Chinese, and the webviews were given the zh-cn language and bundle.
// Screenshots of the status bar with its tooltip, the sidebar and the dashboard go to media/screenshots
// (*-zh-cn.png) with --update-screenshots; README.zh-CN.md shows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INFERENCE_KEY, startVsCode, zhCnStubVsix, type VsCode } from '../harness';

let vs: VsCode;
const statusText = async (): Promise<string> => (await vs.statusItem().innerText().catch(() => '')).replace(/\s+/g, ' ');

beforeAll(async () => {
  vs = await startVsCode({ theme: 'dark', locale: 'zh-cn', extensions: [zhCnStubVsix()], viewport: { width: 1400, height: 1200 } });
});
afterAll(async () => {
  await vs?.stop();
});

describe('Model Radar with the UI language set to zh-cn', () => {
  it('starts with VS Code resolving the locale to zh-cn (no language pack error) and shows the no-key status bar text in Chinese', async () => {
    await expect.poll(statusText, { timeout: 60_000 }).toMatch(/Model Radar：设置密钥/);
    expect(await vs.page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE)).toBe('zh-cn');
    expect(vs.browserConsole.join('\n')).not.toMatch(/extensionIdentifier/);
    expect(await statusText()).not.toMatch(/set key/);
  });

  it('lists its commands with Chinese titles and runs one: the key is saved with a Chinese notification', async () => {
    await vs.page.keyboard.press('F1');
    const palette = vs.page.locator('.quick-input-widget');
    await palette.locator('input').fill('>Model Radar');
    const rows = palette.locator('.monaco-list-row');
    await expect.poll(async () => (await rows.allInnerTexts()).join('\n'), { timeout: 15_000 }).toMatch(/Model Radar: 打开仪表板/);
    // Outside English VS Code shows each command's English title as a second line (so both can be searched):
    // the first line of every Model Radar row, its title, is the Chinese one from package.nls.zh-cn.json.
    const firstLines = (await rows.allInnerTexts()).map((row) => row.split('\n')[0].trim()).filter((line) => line.startsWith('Model Radar:'));
    expect(firstLines).toContain('Model Radar: 设置 API 密钥');
    expect(firstLines.length).toBeGreaterThan(3);
    for (const title of firstLines) expect(title).toMatch(/^Model Radar: .*[\u4e00-\u9fff]/);
    await vs.page.keyboard.press('Escape');

    await vs.runCommand('Model Radar: 设置 API 密钥');
    await vs.inputBox(INFERENCE_KEY);
    await expect.poll(async () => vs.notification(/Model Radar：API 密钥已保存/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('shows today / left and the tooltip in Chinese, money as $0.87', async () => {
    await expect.poll(statusText, { timeout: 30_000 }).toMatch(/今日 \$0\.87 · 剩余 \$74\.50/);
    await vs.statusItem().hover();
    const hover = vs.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /本周/ }).first();
    await expect.poll(async () => hover.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/\$6\.42/);
    const text = await hover.innerText();
    expect(text).toMatch(/本月/);
    expect(text).toMatch(/打开仪表板/);
    expect(text).not.toMatch(/This week|This month|Open dashboard/);
    // Bold labels render as bold (no stray **), and the key's reset period is named in Chinese.
    expect(text).not.toContain('**');
    expect(text).toMatch(/每月重置/);
    const viewport = vs.page.viewportSize() ?? { width: 1400, height: 1200 };
    await vs.screenshot('statusbar-zh-cn', { x: viewport.width - 560, y: viewport.height - 360, width: 560, height: 360 });
    await vs.page.keyboard.press('Escape');
  });

  it('renders the sidebar in Chinese with the zh-cn bundle (screenshot)', async () => {
    await vs.runCommand('Model Radar: 聚焦到侧边栏');
    const frame = await vs.webview('sidebar');
    await expect.poll(async () => frame.locator('body').innerText(), { timeout: 30_000 }).toMatch(/中国厂商/);
    await expect.poll(async () => frame.locator('body').innerText(), { timeout: 30_000 }).toMatch(/DeepSeek|Qwen|Kimi|GLM|MiniMax/);
    // The host wrote vscode.env.language into the page and sent the zh-cn bundle with init.
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('zh-cn');
    const text = await frame.locator('body').innerText();
    expect(text).toMatch(/美国厂商/);
    expect(text).not.toMatch(/Chinese labs|US labs|Weekly tokens/);
    await vs.page.waitForTimeout(1500);
    await vs.screenshot('sidebar-zh-cn', { x: 0, y: 0, width: 480, height: 1200 });
  });

  it('renders the dashboard in Chinese (screenshot)', async () => {
    await vs.runCommand('Model Radar: 打开仪表板');
    const dashboard = await vs.webview('dashboard');
    await expect.poll(async () => dashboard.locator('table tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await dashboard.evaluate(() => document.documentElement.lang)).toBe('zh-cn');
    expect(await dashboard.locator('th', { hasText: '每周 token' }).count()).toBeGreaterThan(0);
    expect(await dashboard.locator('svg[aria-label="价格与编程指数散点图"]').count()).toBeGreaterThan(0);
    const text = await dashboard.locator('body').innerText();
    expect(text).not.toMatch(/Weekly tokens|Chinese labs/);
    await vs.page.waitForTimeout(1500);
    await vs.screenshot('dashboard-zh-cn');
  });
});
