// The status bar's own text helpers: its format placeholders and Markdown escaping. Figures (money, percentages,
// ages, dates) are rendered by src/shared/format.ts, like on every other surface.

/** Placeholders `modelRadar.statusBar.format` understands. */
export const STATUS_PLACEHOLDERS = ['today', 'week', 'month', 'left', 'balance', 'limit'] as const;
export type StatusPlaceholder = (typeof STATUS_PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function isStatusPlaceholder(name: string): name is StatusPlaceholder {
  return (STATUS_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Makes text from the API (key labels, error messages) inert in a Markdown tooltip: every ASCII
 * punctuation mark is backslash-escaped (CommonMark allows that for all of them), which also
 * defuses `$(icon)` syntax, links, HTML and tables; line breaks become spaces so a label cannot
 * start a new block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);
}

/** Placeholders in a format that are not ours, each once, in order of appearance. */
export function unknownPlaceholders(format: string): string[] {
  const found: string[] = [];
  for (const match of format.matchAll(PLACEHOLDER_PATTERN)) {
    const [, name] = match;
    if (name === undefined) continue;
    if (!isStatusPlaceholder(name) && !found.includes(name)) found.push(name);
  }
  return found;
}

/** Fills the known placeholders; unknown ones stay as typed so the user sees what did not match. */
export function renderStatusFormat(format: string, values: Record<StatusPlaceholder, string>): string {
  return format.replace(PLACEHOLDER_PATTERN, (whole: string, name: string) =>
    isStatusPlaceholder(name) ? values[name] : whole,
  );
}
