// Localisation in pure code. Core never imports vscode, so whoever asks core for user-visible text passes the
// translator in: the host passes `vscode.l10n` (it reads the bundle for `vscode.env.language`), the CLI passes
// `@vscode/l10n` configured with the same bundle file, and tests may pass nothing to get English.
// Every sentence core writes is one `l10n.t('… {0} …', arg)` call with the English text as the key, so
// `npm run l10n:export` (scripts/l10n-export.mjs, @vscode/l10n-dev) finds it; fragments are never concatenated
// into a sentence.

export type L10nArg = string | number | boolean;

/** The one thing core needs from a translator: VS Code's `l10n.t` and `@vscode/l10n`'s `t` both fit. */
export interface L10n {
  t(message: string, ...args: L10nArg[]): string;
}

/** Fills `{0}`-style placeholders; a placeholder without an argument stays as written (as VS Code does). */
export function fillPlaceholders(message: string, args: readonly L10nArg[]): string {
  return message.replace(/\{(\d+)\}/g, (whole: string, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? whole : String(arg);
  });
}

/** No bundle: the English message itself, as VS Code shows it with the English UI. */
export const ENGLISH: L10n = { t: (message, ...args) => fillPlaceholders(message, args) };
