// #9 item 2: a swap-all batch that would leave one object holding the same key twice is refused, with the file,
// line and key named, and nothing is written. The check runs on the edited text of the whole batch.
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { findRefs } from '../../src/core/refs/recognize';
import { applyEdits, computeSwapMany, sameModelKey } from '../../src/core/refs/swap';
import { computeSwapAll } from '../support/swapAll';
import type { FileKind, ModelRef } from '../../src/core/refs/types';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();

function swapAll(file: string, text: string, target: string, kind?: FileKind, pick = 0): ReturnType<typeof computeSwapAll> {
  const refs = findRefs(file, text, catalog, kind);
  expect(refs.length).toBeGreaterThan(pick);
  return computeSwapAll(text, refs, refs[pick]!, target, catalog);
}

function refusedDuplicate(r: ReturnType<typeof computeSwapAll>): { line?: number; key?: string; file?: string; message: string } {
  if (r.ok) throw new Error(`expected a duplicateKey refusal, got edits ${JSON.stringify(r.edits)}`);
  expect(r.refusal.kind).toBe('duplicateKey');
  return r.refusal;
}

describe('swap-all refuses a batch that would write a duplicate key', () => {
  it('opencode provider models: an id and its dated slug would both become the target', () => {
    const text = [
      '{',
      '  "model": "openrouter/anthropic/claude-opus-5",',
      '  "provider": { "openrouter": { "models": {',
      '    "anthropic/claude-opus-5": { "options": { "reasoningEffort": "high" } },',
      '    "anthropic/claude-opus-5-20260723": { "options": { "reasoningEffort": "low" } }',
      '  } } }',
      '}',
      '',
    ].join('\n');
    const refs = findRefs('opencode.json', text, catalog);
    expect(refs.filter((r) => r.role === 'key').map((r) => sameModelKey(r))).toEqual(["anthropic/claude-opus-5", "anthropic/claude-opus-5"]);
    const refusal = refusedDuplicate(swapAll('opencode.json', text, 'anthropic/claude-sonnet-4.5'));
    expect(refusal).toMatchObject({ file: 'opencode.json', line: 5, key: 'anthropic/claude-sonnet-4.5' });
    expect(refusal.message).toContain('opencode.json:5');
    expect(refusal.message).toContain('"anthropic/claude-sonnet-4.5"');
  });

  it('x beside x:free in one object, JSONC with comments and CRLF', () => {
    const text = '{\r\n  // models\r\n  "provider": { "openrouter": { "models": {\r\n    "openai/gpt-oss-20b:free": {},\r\n    /* paid */ "openai/gpt-oss-20b": { "name": "paid" }\r\n  } } }\r\n}\r\n';
    const refusal = refusedDuplicate(swapAll('opencode.jsonc', text, 'qwen/qwen3-coder'));
    expect(refusal).toMatchObject({ line: 5, key: 'qwen/qwen3-coder' });
  });

  it('renaming a key onto one already in the same object', () => {
    const text = '{ "provider": { "openrouter": { "models": { "openai/gpt-5": {}, "qwen/qwen3-coder": {} } } } }';
    expect(refusedDuplicate(swapAll('opencode.json', text, 'qwen/qwen3-coder'))).toMatchObject({ line: 1, key: 'qwen/qwen3-coder' });
  });

  it('the same key in two different objects is fine, and so is a key that was already repeated before', () => {
    const text = [
      '{',
      '  "provider": {',
      '    "openrouter": { "models": { "openai/gpt-5": {} } },',
      '    "other": { "models": { "openai/gpt-5:batch": {} } }',
      '  },',
      '  "x": 1, "x": 2',
      '}',
    ].join('\n');
    const refs = findRefs('opencode.json', text, catalog, 'text');
    const group = refs.filter((x) => sameModelKey(x) === 'openai/gpt-5');
    expect(group).toHaveLength(2);
    const r = computeSwapMany(text, group, 'qwen/qwen3-coder', catalog);
    expect(r.ok).toBe(true);
  });

  it('JSON values never collide: two values becoming the target are fine', () => {
    const text = '{ "models": [ { "provider": "openrouter", "model": "openai/gpt-5" }, { "provider": "openrouter", "model": "openai/gpt-5:flex" } ] }';
    const r = swapAll('.continue/config.json', text, 'qwen/qwen3-coder');
    expect(r.ok).toBe(true);
  });

  it('YAML maps: keys that become one key are refused; the result really is invalid YAML', () => {
    const text = 'prices:\n  openai/gpt-oss-20b: 1   # paid\n  openai/gpt-oss-20b:free: 0\nother: 1\n';
    const refs = findRefs('models.yml', text, catalog, 'text');
    expect(refs).toHaveLength(2);
    const r = computeSwapAll(text, refs, refs[0]!, 'qwen/qwen3-coder', catalog);
    // What the unchecked batch would have written: a real parser rejects it.
    const unchecked = applyEdits(text, refs.map((x) => ({ offset: x.offset, length: x.length, newText: 'qwen/qwen3-coder' })));
    expect(parseDocument(unchecked).errors.length).toBeGreaterThan(0);
    expect(refusedDuplicate(r)).toMatchObject({ file: 'models.yml', line: 3, key: 'qwen/qwen3-coder' });
  });

  it('YAML: the same key in two sibling maps is fine', () => {
    const text = 'a:\n  openai/gpt-oss-20b: 1\nb:\n  openai/gpt-oss-20b:free: 0\n';
    const refs = findRefs('models.yaml', text, catalog, 'text');
    const r = computeSwapAll(text, refs, refs[0]!, 'qwen/qwen3-coder', catalog);
    expect(r.ok).toBe(true);
    if (r.ok) expect(parseDocument(applyEdits(text, r.edits)).errors).toEqual([]);
  });

  it('TOML tables: quoted keys that become one key are refused; so are two table headers', () => {
    const text = '[prices]\n"openai/gpt-oss-20b" = 1\n\'openai/gpt-oss-20b:free\' = 0\n';
    const refs = findRefs('models.toml', text, catalog, 'text');
    expect(refs).toHaveLength(2);
    expect(refusedDuplicate(computeSwapAll(text, refs, refs[0]!, 'qwen/qwen3-coder', catalog))).toMatchObject({ line: 3, key: 'qwen/qwen3-coder' });
    const tables = '[models."openai/gpt-oss-20b"]\nx = 1\n\n[models."openai/gpt-oss-20b:free"]\nx = 2\n';
    const trefs = findRefs('models.toml', tables, catalog, 'text');
    const unchecked = applyEdits(tables, trefs.map((x) => ({ offset: x.offset, length: x.length, newText: 'qwen/qwen3-coder' })));
    expect(() => parseToml(unchecked)).toThrow();
    expect(refusedDuplicate(computeSwapAll(tables, trefs, trefs[0]!, 'qwen/qwen3-coder', catalog))).toMatchObject({ line: 4 });
  });

  it('TOML: values and keys in different tables do not collide', () => {
    const text = 'model = "openai/gpt-oss-20b"\n[a]\n"openai/gpt-oss-20b" = 1\n[b]\n"openai/gpt-oss-20b:free" = 0\n';
    const refs = findRefs('models.toml', text, catalog, 'text');
    const r = computeSwapAll(text, refs, refs[0]!, 'qwen/qwen3-coder', catalog);
    expect(r.ok).toBe(true);
    if (r.ok) expect(() => parseToml(applyEdits(text, r.edits))).not.toThrow();
  });

  it('a refused batch has no edits at all (nothing partial)', () => {
    const text = '{ "provider": { "openrouter": { "models": { "anthropic/claude-opus-5": {}, "anthropic/claude-opus-5-20260723": {} } } }, "model": "openrouter/anthropic/claude-opus-5" }';
    const refs: ModelRef[] = findRefs('opencode.json', text, catalog);
    const r = computeSwapAll(text, refs, refs[0]!, 'qwen/qwen3-coder', catalog);
    expect(r.ok).toBe(false);
    expect('edits' in r).toBe(false);
  });
});
