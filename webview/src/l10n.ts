// The webview's one way to write a user-visible string: `t('Spent {0} today', amount)`. The host sends the
// bundle for `vscode.env.language`; until one is loaded (and in English) the message itself is shown, with
// `{0}`, `{1}`… replaced by the arguments in order.
export type L10nArg = string | number | boolean;

export function t(message: string, ...args: L10nArg[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? whole : String(arg);
  });
}
