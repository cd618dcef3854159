// The CLI speaks the language asked for (--lang), else the POSIX locale's (LC_ALL > LC_MESSAGES > LANG), through
// @vscode/l10n and the same bundle VS Code reads; English otherwise, byte for byte as before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { languageFromEnv, normaliseLanguage, takeLanguage, useCliLanguage } from '../../src/cli/l10n';
import { t as sharedT, uiLanguage } from '../../src/shared/l10n';
import { runWatch } from '../../src/cli/watch';
import { runRefs, type RefsIo } from '../../src/cli/refs';
import { runSwapCli } from '../../src/cli/swap';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-l10n-'));
  writeFileSync(join(dir, '.env'), 'OPENROUTER_MODEL=openai/gpt-5\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => useCliLanguage('en'));

function io(): RefsIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, out: () => out, err: () => err };
}

describe('the CLI language', () => {
  it('reads POSIX locale names and BCP 47 tags', () => {
    expect(normaliseLanguage('zh_CN.UTF-8')).toBe('zh-cn');
    expect(normaliseLanguage('zh-CN')).toBe('zh-cn');
    expect(normaliseLanguage('zh_SG.GB18030')).toBe('zh-cn');
    expect(normaliseLanguage('zh-Hans')).toBe('zh-cn');
    expect(normaliseLanguage('zh')).toBe('zh-cn');
    expect(normaliseLanguage('en_US.UTF-8')).toBe('en');
    expect(normaliseLanguage('C')).toBe('en');
    expect(normaliseLanguage('POSIX')).toBe('en');
    // Traditional Chinese is not Simplified: no bundle for it, so it is not claimed.
    expect(normaliseLanguage('zh_TW.UTF-8')).toBeNull();
    expect(normaliseLanguage('fr_FR')).toBeNull();
    expect(normaliseLanguage('')).toBeNull();
  });

  it('takes LC_ALL over LC_MESSAGES over LANG; an empty variable is unset; anything unknown is English', () => {
    expect(languageFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-cn');
    expect(languageFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh-cn');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: '' , LC_MESSAGES: 'zh_CN' })).toBe('zh-cn');
    expect(languageFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(languageFromEnv({})).toBe('en');
  });

  it('--lang wins over the environment, in either spelling, and is taken out of the arguments', () => {
    expect(takeLanguage(['refs', '--lang', 'zh-cn', '.'], { LANG: 'en_US' })).toEqual({ ok: true, language: 'zh-cn', argv: ['refs', '.'] });
    expect(takeLanguage(['--lang=en', 'refs', '.'], { LANG: 'zh_CN.UTF-8' })).toEqual({ ok: true, language: 'en', argv: ['refs', '.'] });
    expect(takeLanguage(['refs', '.'], { LC_ALL: 'zh_CN.UTF-8' })).toEqual({ ok: true, language: 'zh-cn', argv: ['refs', '.'] });
    // After `--`, where paths begin, "--lang" is a file name.
    expect(takeLanguage(['refs', '--', '--lang'], {})).toEqual({ ok: true, language: 'en', argv: ['refs', '--', '--lang'] });
  });

  it('refuses an unknown or missing language with a clear message', () => {
    const unknown = takeLanguage(['--lang', 'klingon', 'refs'], {});
    expect(unknown).toEqual({ ok: false, message: 'unknown language "klingon" (available: en, zh-cn)' });
    expect(takeLanguage(['refs', '--lang'], {})).toMatchObject({ ok: false, message: expect.stringMatching(/--lang needs a language/) });
    expect(takeLanguage(['refs', '--lang', '--json'], {})).toMatchObject({ ok: false });
  });
});

describe('the CLI in zh-cn', () => {
  it('prints the refs summary and the not-in-catalog marker in Chinese; English stays as it was', async () => {
    const en = io();
    expect(await runRefs(['--offline', dir], en)).toBe(0);
    expect(en.out()).toContain('1 reference in 1 file scanned');
    useCliLanguage('zh-cn');
    const zh = io();
    expect(await runRefs(['--offline', dir], zh)).toBe(0);
    expect(zh.out()).toContain('已扫描 1 个文件，共 1 处引用');
    expect(zh.out()).toContain('openai/gpt-5');
  });

  it('prints swap refusals and usage errors in Chinese, model ids untouched', async () => {
    useCliLanguage('zh-cn');
    const t = io();
    expect(await runSwapCli(['--from', 'openai/gpt-5', '--to', 'acme/none-such-9', '--offline', dir], t)).toBe(1);
    expect(t.err()).toContain('“acme/none-such-9”不是 OpenRouter 模型目录中的模型');
    const u = io();
    expect(await runSwapCli(['--offline', dir], u)).toBe(2);
    expect(u.err()).toContain('缺少 --from');
  });

  it('--lang reaches shared code too (words and dates the formatter renders), and English puts it back', () => {
    useCliLanguage('zh-cn');
    expect(uiLanguage()).toBe('zh-cn');
    expect(sharedT('free')).toBe('免费');
    useCliLanguage('en');
    expect(uiLanguage()).toBe('en');
    expect(sharedT('free')).toBe('free');
  });

  it('prints watch usage errors and the missing history in Chinese', () => {
    useCliLanguage('zh-cn');
    const u = io();
    expect(runWatch(['--since', 'soon'], { ...u, env: {} })).toBe(2);
    expect(u.err()).toContain('--since：“soon”不是日期');
    const m = io();
    expect(runWatch(['--file', join(dir, 'no-such-history.json')], { ...m, env: {} })).toBe(1);
    expect(m.err()).toContain('no-such-history.json 不存在');
  });

  it('falls back to English when the bundle is missing', async () => {
    useCliLanguage('zh-cn', join(dir, 'no-such-folder'));
    const t = io();
    expect(await runRefs(['--offline', dir], t)).toBe(0);
    expect(t.out()).toContain('1 reference in 1 file scanned');
  });
});
