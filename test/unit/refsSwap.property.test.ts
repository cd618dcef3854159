// Property tests for #9: over generated configs in every format (variants, the openrouter/ prefix, aliases, dated
// slugs, CRLF, BOM, tabs, comments), (a) A -> B -> A restores the file byte for byte, (b) swap-all never yields a
// duplicate key, as a real parser (jsonc-parser, yaml, smol-toml) reads the result, and it refuses only batches
// that really would, (c) only the id's bytes change.
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findRefs } from '../../src/core/refs/recognize';
import { applyEdits, computeSwapMany, isRoutableTarget, type SwapResult, type TextEdit } from '../../src/core/refs/swap';
import { computeSwapAll } from '../support/swapAll';
import type { FileKind, ModelRef } from '../../src/core/refs/types';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();

/** Ids that meet in one object when swapped together: a model, its :free variant, its dated slug, a routing variant, aliases. */
const IDS = [
  'openai/gpt-oss-20b', 'openai/gpt-oss-20b:free', 'openai/gpt-oss-20b:nitro',
  'anthropic/claude-opus-5', 'anthropic/claude-opus-5-20260723',
  'google/gemma-4-31b-it', 'google/gemma-4-31b-it:free',
  'poolside/laguna-s-2.1', 'poolside/laguna-s-2.1:free',
  '~anthropic/claude-sonnet-latest', '~openai/gpt-latest',
];
const TARGETS = [
  'qwen/qwen3-coder', 'openai/gpt-oss-20b', 'openai/gpt-oss-20b:free', 'google/gemma-4-31b-it:free', 'poolside/laguna-s-2.1',
  'anthropic/claude-opus-5', '~openai/gpt-latest', 'deepseek/deepseek-v3.2:nitro',
];

type Format = 'opencode' | 'continue-json' | 'continue-yaml' | 'aider' | 'codex' | 'dotenv' | 'ts' | 'yaml-keys' | 'toml-keys' | 'json-keys';
const FORMATS: Format[] = ['opencode', 'continue-json', 'continue-yaml', 'aider', 'codex', 'dotenv', 'ts', 'yaml-keys', 'toml-keys', 'json-keys'];
type Syntax = 'json' | 'yaml' | 'toml' | null;

interface Gen {
  format: Format;
  ids: string[];
  keyIds: string[];
  crlf: boolean;
  bom: boolean;
  tabs: boolean;
  comments: boolean;
  prefixed: boolean;
  quote: number;
}

interface Config {
  file: string;
  kind: FileKind | undefined;
  syntax: Syntax;
  /** As stored on disk (BOM included); the editor and the CLI hand the swap the text after it. */
  bytes: string;
}

function build(g: Gen): Config {
  const ind = g.tabs ? '\t' : '  ';
  const c = (lead: string, n: number): string => (g.comments ? ` ${lead} note ${n}` : '');
  const q = ['"', "'", ''][g.quote % 3];
  const pre = (id: string): string => (g.prefixed ? `openrouter/${id}` : id);
  let file: string;
  let kind: FileKind | undefined;
  let syntax: Syntax;
  let lines: string[];
  switch (g.format) {
    case 'opencode':
      file = 'opencode.jsonc';
      syntax = 'json';
      lines = ['{', `${ind}"model": "openrouter/${g.ids[0]}",${c('//', 1)}`, `${ind}"provider": { "openrouter": { "models": {`];
      lines.push(g.keyIds.map((id, i) => `${ind}${ind}"${id}": { "options": { "n": ${i} } }`).join(`,${c('//', 2)}\n`));
      lines.push(`${ind}} } }`, '}');
      break;
    case 'continue-json':
      file = '.continue/config.json';
      syntax = 'json';
      lines = ['{', `${ind}"models": [`, g.ids.map((id, i) => `${ind}${ind}{ "title": "m${i}", "provider": "openrouter", "model": "${id}" }`).join(',\n'), `${ind}]`, '}'];
      break;
    case 'continue-yaml':
      file = '.continue/config.yaml';
      syntax = 'yaml';
      lines = [`name: gen${c('#', 1)}`, 'models:'];
      g.ids.forEach((id, i) => lines.push(`  - name: m${i}`, '    provider: openrouter', `    model: ${q}${id}${q}${c('#', i + 2)}`));
      break;
    case 'aider':
      file = '.aider.conf.yml';
      syntax = 'yaml';
      lines = [`# aider${c('#', 1)}`];
      g.ids.slice(0, 3).forEach((id, i) => lines.push(`${['model', 'editor-model', 'weak-model'][i]}: ${q}openrouter/${id}${q}${c('#', i + 2)}`));
      break;
    case 'codex': {
      file = '.codex/config.toml';
      syntax = 'toml';
      const tq = q === '' ? '"' : q;
      lines = [`model = ${tq}${g.ids[0]}${tq}${c('#', 1)}`, 'model_provider = "openrouter"'];
      g.ids.slice(1).forEach((id, i) => lines.push('', `[profiles.p${i}]${c('#', i + 2)}`, `model${g.tabs ? '\t' : ' '}= ${tq}${id}${tq}`));
      break;
    }
    case 'dotenv':
      file = '.env';
      syntax = null;
      lines = [`#${c('', 1)}`, ...g.ids.map((id, i) => `M${i}_MODEL=${q}${pre(id)}${q}`)];
      break;
    case 'ts':
      file = 'src/models.ts';
      syntax = null;
      lines = g.ids.map((id, i) => `export const m${i} = ${q === '' ? '`' : q}${pre(id)}${q === '' ? '`' : q};${c('//', i)}`);
      break;
    case 'yaml-keys':
      // A user include glob brings any file in as free text: ids in map keys are references too.
      file = 'prices.yml';
      kind = 'text';
      syntax = 'yaml';
      lines = [`prices:${c('#', 1)}`, ...g.keyIds.map((id, i) => `  ${id}: ${i}${g.tabs ? '\t' : ' '}${c('#', i + 2)}`), 'default: 0'];
      break;
    case 'toml-keys':
      file = 'prices.toml';
      kind = 'text';
      syntax = 'toml';
      lines = [`[prices]${c('#', 1)}`, ...g.keyIds.map((id, i) => `${i % 2 ? `'${id}'` : `"${id}"`}${g.tabs ? '\t' : ' '}= ${i}${c('#', i + 2)}`)];
      if (g.keyIds.length > 1) lines.push('', `[tables."${g.keyIds[1]}"]`, 'x = 1');
      break;
    case 'json-keys':
      file = 'prices.json';
      kind = 'text';
      syntax = 'json';
      lines = ['{', `${ind}"prices": {`, g.keyIds.map((id, i) => `${ind}${ind}"${id}": ${i}`).join(',\n'), `${ind}},`, `${ind}"other": { "${g.keyIds[0]}": 1 }`, '}'];
      break;
  }
  let text = `${lines.join('\n')}\n`;
  if (g.crlf) text = text.replace(/\n/g, '\r\n');
  return { file, kind, syntax, bytes: (g.bom ? '\uFEFF' : '') + text };
}

/** What the editor and the CLI do: the swap sees the text after a BOM, which is written back in front of it. */
const bomOf = (bytes: string): string => (bytes.charCodeAt(0) === 0xfeff ? '\uFEFF' : '');
const body = (bytes: string): string => bytes.slice(bomOf(bytes).length);

/** Repeated keys in one object/map/table, as a real parser reads the text; null when the text is not valid at all. */
function realDuplicates(text: string, syntax: Exclude<Syntax, null>): boolean {
  if (syntax === 'json') {
    const root = parseTree(text, [], { allowTrailingComma: true });
    let dup = false;
    const visit = (n: Node | undefined): void => {
      if (n === undefined) return;
      if (n.type === 'object') {
        const seen = new Set<string>();
        for (const p of n.children ?? []) {
          const k = p.children?.[0]?.value as string;
          if (seen.has(k)) dup = true;
          seen.add(k);
          visit(p.children?.[1]);
        }
      } else for (const ch of n.children ?? []) visit(ch);
    };
    visit(root);
    return dup;
  }
  if (syntax === 'yaml') {
    const doc = parseDocument(text, { uniqueKeys: true });
    return doc.errors.some((e) => e.code === 'DUPLICATE_KEY');
  }
  try {
    parseToml(text);
    return false;
  } catch (err) {
    if (/already|duplicate|overrid|redefin|defined/i.test(String(err))) return true;
    throw err;
  }
}

function validIn(text: string, syntax: Syntax): void {
  if (syntax === 'yaml') expect(parseDocument(text).errors, text).toEqual([]);
  if (syntax === 'toml') expect(() => parseToml(text), text).not.toThrow();
  if (syntax === 'json') {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: true });
    expect(errors, text).toEqual([]);
  }
}

/** Only the ids' bytes change: every edit replaces exactly one selected reference's text with prefix + target. */
function onlyIds(before: string, edits: readonly TextEdit[], group: readonly ModelRef[], target: string): void {
  const byOffset = new Map(group.map((r) => [r.offset, r]));
  for (const e of edits) {
    const r = byOffset.get(e.offset);
    expect(r, `edit at ${e.offset} is not a selected reference`).toBeDefined();
    expect(e.length).toBe(r?.length);
    expect(before.slice(e.offset, e.offset + e.length)).toBe(r?.raw);
    expect(e.newText).toBe(`${r?.prefix}${target}`);
  }
  // Between the edits, nothing moved.
  const after = applyEdits(before, edits);
  let shift = 0;
  let last = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    expect(after.slice(last + shift, e.offset + shift)).toBe(before.slice(last, e.offset));
    shift += e.newText.length - e.length;
    last = e.offset + e.length;
  }
  expect(after.slice(last + shift)).toBe(before.slice(last));
}

const genArb = fc.record({
  format: fc.constantFrom(...FORMATS),
  ids: fc.array(fc.constantFrom(...IDS), { minLength: 1, maxLength: 4 }),
  keyIds: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 4 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  tabs: fc.boolean(),
  comments: fc.boolean(),
  prefixed: fc.boolean(),
  quote: fc.nat(5),
});

function ok(r: SwapResult): TextEdit[] {
  if (!r.ok) throw new Error(`refused: ${r.refusal.message}`);
  return r.edits;
}

describe('swap properties over generated configs', () => {
  it('(a) A -> B -> A is byte-identical, one reference or every reference spelled A', () => {
    let swapped = 0;
    fc.assert(
      fc.property(genArb, fc.nat(), fc.constantFrom(...TARGETS), fc.boolean(), (g, pick, target, all) => {
        const cfg = build(g);
        validIn(body(cfg.bytes), cfg.syntax);
        const text = body(cfg.bytes);
        const refs = findRefs(cfg.file, text, catalog, cfg.kind);
        if (refs.length === 0) return;
        const a = refs[pick % refs.length]!; // refs is not empty
        if (a.id === target || !isRoutableTarget(a.id, catalog)) return;
        const group = all ? refs.filter((r) => r.id === a.id) : [a];
        const fwd = computeSwapMany(text, group, target, catalog);
        if (!fwd.ok) {
          expect(fwd.refusal.kind).toBe('duplicateKey');
          return;
        }
        const mid = applyEdits(text, fwd.edits);
        const moved = findRefs(cfg.file, mid, catalog, cfg.kind);
        const shifted = fwd.edits.map((_, i) => fwd.edits.slice(0, i).reduce((s, e) => s + e.newText.length - e.length, 0));
        const back = moved.filter((r) => fwd.edits.some((e, i) => e.offset + shifted[i]! === r.offset));
        expect(back.map((r) => r.id)).toEqual(group.map(() => target));
        const restored = bomOf(cfg.bytes) + applyEdits(mid, ok(computeSwapMany(mid, back, a.id, catalog)));
        expect(restored).toBe(cfg.bytes);
        swapped++;
      }),
      { numRuns: 400 },
    );
    expect(swapped).toBeGreaterThan(150);
  });

  it('(b) swap-all never yields a duplicate key, and refuses only what would; (c) only the ids change', () => {
    let refusedDup = 0;
    let applied = 0;
    fc.assert(
      fc.property(genArb, fc.nat(), fc.constantFrom(...TARGETS), (g, pick, target) => {
        const cfg = build(g);
        const text = body(cfg.bytes);
        const refs = findRefs(cfg.file, text, catalog, cfg.kind);
        if (refs.length === 0) return;
        const ref = refs[pick % refs.length];
        const r = computeSwapAll(text, refs, ref!, target, catalog);
        const group = refs.filter((x) => x.file === ref!.file && (x.modelId ?? x.id).split(':')[0] === (ref!.modelId ?? ref!.id).split(':')[0]);
        if (!r.ok) {
          expect(r.refusal.kind).toBe('duplicateKey');
          expect(r.refusal.file).toBe(cfg.file);
          expect(r.refusal.message).toContain(`${cfg.file}:${r.refusal.line}`);
          // The batch it refused really would have written a duplicate key.
          const unchecked = applyEdits(text, group.map((x) => ({ offset: x.offset, length: x.length, newText: x.prefix + target })));
          expect(cfg.syntax).not.toBeNull();
          expect(realDuplicates(unchecked, cfg.syntax as Exclude<Syntax, null>), unchecked).toBe(true);
          refusedDup++;
          return;
        }
        const out = applyEdits(text, r.edits);
        if (cfg.syntax !== null) {
          validIn(out, cfg.syntax);
          expect(realDuplicates(out, cfg.syntax), out).toBe(realDuplicates(text, cfg.syntax));
        }
        onlyIds(text, r.edits, group, target);
        expect(out.split(/\r\n|\n/).length).toBe(text.split(/\r\n|\n/).length);
        applied++;
      }),
      { numRuns: 500 },
    );
    expect(refusedDup).toBeGreaterThan(20);
    expect(applied).toBeGreaterThan(200);
  });
});
