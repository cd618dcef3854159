// zh-cn Markdown that renders: the status bar tooltip (a MarkdownString) in the zh-cn e2e showed "**密钥：**sk-or…"
// with its asterisks, because CommonMark only closes `**` that is right-flanking, and a `**` after a full-width
// "：" and before a letter is not (punctuation before, no space or punctuation after). English has "**Key:** x",
// which closes thanks to the space. Every bold run of a zh-cn message has to open and close as CommonMark (and
// the marked renderer VS Code uses for hovers) reads it. Also: the key's reset period reads in Chinese.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, type L10n } from '../../src/core/l10n';
import { defaultSettings } from '../../src/core/service/settings';
import { presentStatus } from '../../src/core/status/presenter';
import { keyUsage, liveSnapshot, managementSnapshot, noKeySnapshot, usageView } from '../support/snapshotBuilders';

type Bundle = Record<string, string>;
const ZH = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Bundle;
const NOW = Date.parse('2026-07-29T09:00:00Z');

// CommonMark 0.31, "left-flanking" / "right-flanking delimiter run" (Unicode whitespace and punctuation).
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined): boolean => c !== undefined && /[\p{P}\p{S}]/u.test(c);
const leftFlanking = (before: string | undefined, after: string | undefined): boolean => !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
const rightFlanking = (before: string | undefined, after: string | undefined): boolean => !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));

/** The `**` runs of a text that do not pair up into bold as CommonMark reads them (opener left-, closer right-flanking). */
function unclosedBold(text: string): string[] {
  const problems: string[] = [];
  const runs = [...text.matchAll(/(?<!\*)\*\*(?!\*)/g)].map((m) => m.index ?? 0);
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const open = runs[i] ?? 0;
    const close = runs[i + 1] ?? 0;
    const beforeOpen = open > 0 ? text[open - 1] : undefined;
    const afterOpen = text[open + 2];
    const beforeClose = text[close - 1];
    const afterClose = close + 2 < text.length ? text[close + 2] : undefined;
    if (!leftFlanking(beforeOpen, afterOpen)) problems.push(`opener at ${open}: ${text.slice(Math.max(0, open - 4), open + 8)}`);
    if (!rightFlanking(beforeClose, afterClose)) problems.push(`closer at ${close}: ${text.slice(Math.max(0, close - 6), close + 6)}`);
  }
  if (runs.length % 2 === 1) problems.push(`a lone ** in ${text}`);
  return problems;
}

describe('zh-cn bold text closes as CommonMark reads it', () => {
  it('the rule itself: English "**Key:** x" closes, "**密钥：**x" does not, "**密钥**：x" does', () => {
    expect(unclosedBold('**Key:** sk-or-v1')).toEqual([]);
    expect(unclosedBold('**密钥：**sk-or-v1')).toHaveLength(1);
    expect(unclosedBold('**密钥：**密钥')).toHaveLength(1);
    expect(unclosedBold('**密钥**：sk-or-v1')).toEqual([]);
    expect(unclosedBold('**账户余额：** $1')).toEqual([]);
    expect(unclosedBold('a **b** c **d')).toEqual(['a lone ** in a **b** c **d']);
  });

  it('every zh-cn message, its placeholders filled with a figure as the tooltip fills them', () => {
    const bad = Object.entries(ZH)
      .filter(([, zh]) => zh.includes('**'))
      .flatMap(([en, zh]) => unclosedBold(fillPlaceholders(zh, ['$1.00', '$2.00', '$3.00', '$4.00'])).map((p) => `${en} => ${zh}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('the tooltips the status bar shows in zh-cn have no stray asterisks', () => {
    const zh: L10n = { t: (message, ...args) => fillPlaceholders(ZH[message] ?? message, args) };
    for (const snapshot of [liveSnapshot(), managementSnapshot(), noKeySnapshot()]) {
      const md = presentStatus(snapshot, defaultSettings(), NOW, zh).tooltipMarkdown;
      for (const line of md.split('\n')) expect(unclosedBold(line), line).toEqual([]);
    }
  });
});

describe("the key's reset period in zh-cn", () => {
  const zh: L10n = { t: (message, ...args) => fillPlaceholders(ZH[message] ?? message, args) };
  const tooltip = (limitReset: string | null): string => presentStatus(liveSnapshot({ usage: usageView({ key: keyUsage({ limitReset }) }) }), defaultSettings(), NOW, zh).tooltipMarkdown;

  it('names daily, weekly and monthly in Chinese, never the API word', () => {
    expect(tooltip('monthly')).toContain('每月重置（UTC 午夜）');
    expect(tooltip('monthly')).not.toMatch(/monthly/);
    expect(tooltip('weekly')).toContain('每周重置（UTC 午夜）');
    expect(tooltip('daily')).toContain('每日重置（UTC 午夜）');
    expect(tooltip(null)).toContain('永不重置');
  });

  it('shows a period it does not know as OpenRouter sent it', () => {
    expect(tooltip('quarterly')).toContain('quarterly');
  });
});
