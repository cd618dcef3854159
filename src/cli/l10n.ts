// The CLI's language: `--lang zh-cn`, else the POSIX locale (LC_ALL, then LC_MESSAGES, then LANG), else English.
// It reads the same bundle VS Code reads (l10n/bundle.l10n.<lang>.json, shipped beside dist/) through
// @vscode/l10n, and hands that translator to core, so a sentence reads the same in the editor and the terminal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { L10n } from '../core/l10n';
import { setSharedL10n } from '../shared/l10n';

/** The translator the CLI passes to core; configured once by useCliLanguage. */
export const cliL10n: L10n = l10n;

/** Languages with a bundle, besides English (which is the messages themselves). */
export const CLI_LANGUAGES = ['en', 'zh-cn'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

/** "zh_CN.UTF-8", "zh-Hans", "zh" → "zh-cn"; "en_US", "C", "POSIX" → "en"; anything else → null. */
export function normaliseLanguage(raw: string | undefined): CliLanguage | null {
  if (raw === undefined) return null;
  const tag = raw.trim().split(/[.@]/)[0]?.toLowerCase().replace(/_/g, '-') ?? '';
  if (tag === '') return null;
  if (tag === 'c' || tag === 'posix' || tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag === 'zh-hans' || tag.startsWith('zh-hans-')) return 'zh-cn';
  return null;
}

/** LC_ALL overrides LC_MESSAGES, which overrides LANG (POSIX); an empty variable counts as unset. */
export function languageFromEnv(env: Record<string, string | undefined>): CliLanguage {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return normaliseLanguage(value) ?? 'en';
  }
  return 'en';
}

export type LanguageArgs =
  | { ok: true; language: CliLanguage; argv: string[] }
  | { ok: false; message: string };

/** Takes `--lang X` / `--lang=X` out of the arguments (before `--`, where paths begin) and decides the language. */
export function takeLanguage(argv: readonly string[], env: Record<string, string | undefined>): LanguageArgs {
  const out: string[] = [];
  let flag: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return { ok: false, message: l10n.t('--lang needs a language ({0})', CLI_LANGUAGES.join(', ')) };
      flag = value;
      continue;
    }
    out.push(a);
  }
  if (flag !== null) {
    const language = normaliseLanguage(flag);
    if (language === null) return { ok: false, message: l10n.t('unknown language "{0}" (available: {1})', flag, CLI_LANGUAGES.join(', ')) };
    return { ok: true, language, argv: out };
  }
  return { ok: true, language: languageFromEnv(env), argv: out };
}

/** Where the bundles are: l10n/ beside dist/ in the package, or the repository's when run from source. */
export function bundleDir(): string {
  return typeof __dirname === 'string' && existsSync(join(__dirname, '..', 'l10n')) ? join(__dirname, '..', 'l10n') : 'l10n';
}

/**
 * Loads the bundle for `language` (English: none). A missing bundle leaves English, the messages themselves.
 * Shared code (words and dates from src/shared/format.ts) follows the same language through setSharedL10n.
 */
export function useCliLanguage(language: CliLanguage, dir = bundleDir()): void {
  const file = join(dir, `bundle.l10n.${language}.json`);
  if (language === 'en' || !existsSync(file)) {
    l10n.config({ contents: {} });
    setSharedL10n('en', (message, ...args) => l10n.t(message, ...args));
    return;
  }
  l10n.config({ fsPath: file });
  setSharedL10n(language, (message, ...args) => l10n.t(message, ...args));
}
