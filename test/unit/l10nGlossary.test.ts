// One term, one translation (issue #14): the "Checked terms" table of l10n/glossary.zh-cn.md drives a check over
// both zh-cn bundles (l10n/bundle.l10n.zh-cn.json and package.nls.zh-cn.json). Where an English message uses a
// term, its translation uses the term's fixed Chinese; a rejected variant (支出 for spend, 对比 for compare, …)
// appears in no translation at all. Each rule has a probe that proves it fires.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Bundle = Record<string, string>;
const readJson = (path: string): Bundle => JSON.parse(readFileSync(path, 'utf8')) as Bundle;
const GLOSSARY = readFileSync('l10n/glossary.zh-cn.md', 'utf8');

interface CheckedTerm {
  /** English forms, matched as whole words, case-insensitive. */
  forms: string[];
  /** The fixed translation: every message using a form has it. */
  zh: string;
  /** Translations of the term that must not appear anywhere. */
  never: string[];
  /** English fragments: a message containing one is another sense of the word (JSON "key", the CLI's "usage:"). */
  exceptions: string[];
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
const codeSpans = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

/** The rows of the table under "## Checked terms": | English | 简体中文 | never | exceptions |. */
function parseCheckedTerms(markdown: string): CheckedTerm[] {
  const start = markdown.search(/^## Checked terms/m);
  if (start < 0) throw new Error('glossary: no "## Checked terms" section');
  const rest = markdown.slice(start);
  const end = rest.indexOf('\n## ', 1);
  const section = end < 0 ? rest : rest.slice(0, end);
  const rows = section.split('\n').filter((l) => l.trim().startsWith('|'));
  const [header, rule, ...body] = rows;
  if (!header || !rule || !/^\|?\s*-/.test(rule.trim())) throw new Error('glossary: the checked terms table has no header');
  return body.map((line) => {
    const [en = '', zh = '', never = '', exceptions = ''] = cells(line);
    const forms = en.split('/').map((f) => f.trim()).filter(Boolean);
    if (forms.length === 0 || !zh) throw new Error(`glossary: incomplete row ${line}`);
    return { forms, zh, never: never.split('/').map((n) => n.trim()).filter(Boolean), exceptions: codeSpans(exceptions) };
  });
}

/** What a message says in words: code spans, placeholders, command-line flags and URL-like paths removed. */
function words(english: string): string {
  return english
    .replace(/`[^`]*`/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/(^|\s)--?[a-z][\w-]*/gi, ' ')
    .replace(/[\w.-]*\/[\w./-]+/g, ' ')
    .replace(/[\w-]+(?:\.[a-z]{2,})+\b/gi, ' ');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRe = (form: string): RegExp => new RegExp(`(?<![\\w-])${escape(form)}(?![\\w-])`, 'gi');

interface GlossaryViolation {
  term: string;
  english: string;
  zh: string;
  problem: string;
}

/** Every message pair that breaks a checked term. Longer listed terms ("API key", "Model Radar") are masked before a shorter one they contain is checked. */
function glossaryViolations(pairs: [string, string][], terms: CheckedTerm[]): GlossaryViolation[] {
  const out: GlossaryViolation[] = [];
  const allForms = terms.flatMap((t) => t.forms);
  for (const term of terms) {
    const longer = allForms.filter((f) => f.length > Math.min(...term.forms.map((x) => x.length)) && term.forms.some((x) => f.toLowerCase().includes(x.toLowerCase()) && f.toLowerCase() !== x.toLowerCase()));
    for (const [english, zh] of pairs) {
      for (const bad of term.never) if (zh.includes(bad)) out.push({ term: term.forms[0] ?? '', english, zh, problem: `uses ${bad}` });
      if (term.exceptions.some((e) => english.includes(e))) continue;
      let text = words(english);
      for (const l of longer) text = text.replace(wordRe(l), ' ');
      if (!term.forms.some((f) => wordRe(f).test(text))) continue;
      if (!zh.includes(term.zh)) out.push({ term: term.forms[0] ?? '', english, zh, problem: `lacks ${term.zh}` });
    }
  }
  return out;
}

function bundlePairs(): [string, string][] {
  const zh = readJson('l10n/bundle.l10n.zh-cn.json');
  const nls = readJson('package.nls.json');
  const nlsZh = readJson('package.nls.zh-cn.json');
  return [...Object.entries(zh), ...Object.keys(nls).filter((k) => k in nlsZh).map((k): [string, string] => [nls[k] ?? '', nlsZh[k] ?? ''])];
}

describe('glossary: one term, one translation', () => {
  const terms = parseCheckedTerms(GLOSSARY);

  it('checks the terms that were translated two ways, with the chosen translation', () => {
    const byForm = (form: string): CheckedTerm | undefined => terms.find((t) => t.forms.includes(form));
    expect(byForm('spend')).toMatchObject({ zh: '花费', never: expect.arrayContaining(['支出']) });
    expect(byForm('compare')).toMatchObject({ zh: '比较', never: expect.arrayContaining(['对比']) });
    for (const form of ['key', 'balance', 'workspace', 'provider', 'model', 'lab', 'mix', 'usage', 'token']) expect(byForm(form), form).toBeDefined();
  });

  it('holds in both zh-cn bundles', () => {
    const violations = glossaryViolations(bundlePairs(), terms);
    expect(violations.map((v) => `${v.term}: ${v.problem} in ${JSON.stringify(v.english)} => ${JSON.stringify(v.zh)}`)).toEqual([]);
  });

  it('fires on a message that translates a term another way, or uses a rejected variant anywhere', () => {
    const probe = (pairs: [string, string][]): string[] => glossaryViolations(pairs, terms).map((v) => `${v.term}: ${v.problem}`);
    expect(probe([['Spend by model', '按模型的支出']])).toEqual(expect.arrayContaining(['spend: lacks 花费', 'spend: uses 支出']));
    expect(probe([['Compare', '对比']])).toEqual(expect.arrayContaining(['compare: lacks 比较']));
    expect(probe([['Could not compare: {0}', '无法比较：{0}']])).toEqual([]);
    expect(probe([['Reset mix', '重置组合']])).toEqual(['mix: lacks 配比']);
    expect(probe([['Region · lab', '地区 · 实验室']])).toEqual(expect.arrayContaining(['lab: lacks 厂商']));
    expect(probe([['{0} today', '今天 {0}']])).toEqual(expect.arrayContaining(['today: lacks 今日', 'today: uses 今天']));
    expect(probe([['{0} tokens · {1} share', '{0} token · 份额 {1}']])).toEqual(expect.arrayContaining(['share: lacks 占比', 'share: uses 份额']));
    // A rejected variant is caught even where the English does not use the term.
    expect(probe([['Today', '今日支出']])).toEqual(['spend: uses 支出']);
  });

  it('masks longer terms and ignores code, placeholders, flags and paths', () => {
    const probe = (pairs: [string, string][]): string[] => glossaryViolations(pairs, terms).map((v) => `${v.term}: ${v.problem}`);
    // "Model Radar" is a name, not the word model; "API key" is checked as itself.
    expect(probe([['$(graph) Model Radar: set key', '$(graph) Model Radar：设置密钥']])).toEqual([]);
    expect(probe([['Set API Key', '设置 API 密钥']])).toEqual([]);
    expect(probe([['Set API Key', '设置 API 秘钥']])).toEqual(expect.arrayContaining(['API key: lacks API 密钥']));
    expect(probe([['`{balance}` from `/credits` (--key)', '来自接口']])).toEqual([]);
    expect(probe([['Source: OpenRouter (openrouter.ai/rankings)', '来源：OpenRouter (openrouter.ai/rankings)']])).toEqual([]);
  });

  it('reads the table strictly: a section without a table, or a row without a translation, is an error', () => {
    expect(() => parseCheckedTerms('# x\n## Model Radar terms\n| a | b |\n')).toThrow(/Checked terms/);
    expect(() => parseCheckedTerms('## Checked terms\n| English | 简体中文 | never | exceptions |\n| --- | --- | --- | --- |\n| spend |  | | |\n')).toThrow(/incomplete row/);
    expect(parseCheckedTerms('## Checked terms\n| English | 简体中文 | never | exceptions |\n| --- | --- | --- | --- |\n| usage | 用量 | 使用量 | `usage: model-radar` |\n')).toEqual([
      { forms: ['usage'], zh: '用量', never: ['使用量'], exceptions: ['usage: model-radar'] },
    ]);
  });
});
