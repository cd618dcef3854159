// Cases for the mutants `npm run mutation` found surviving in src/core/refs/swap.ts: target spelling, the
// "keep :variant" choice against any catalog, stale ranges at the text's edges, edit order, empty batches,
// other files' references, and the refusal messages a user reads.
import { describe, expect, it } from 'vitest';
import { findRefs } from '../../src/core/refs/recognize';
import { createdDuplicateKey } from '../../src/core/refs/dupKeys';
import { applyEdits, computeSwap, computeSwapMany, keepVariantOption, normaliseTarget } from '../../src/core/refs/swap';
import { computeSwapAll } from '../support/swapAll';
import type { ModelRef } from '../../src/core/refs/types';
import { fixtureCatalog } from './refsFixtureCatalog';
import { at } from '../support/at';

const catalog = fixtureCatalog();
/** A catalog that routes every id: isolates keepVariantOption's own rules from what the fixture lists. */
const routesEverything = { has: (_id: string): boolean => true };

const envRef = (text: string): ModelRef => at(findRefs('.env', text, catalog), 0);

describe('normaliseTarget', () => {
  it('trims the target and drops the LiteLLM prefix only before an author/slug', () => {
    expect(normaliseTarget('  qwen/qwen3-coder \n')).toBe('qwen/qwen3-coder');
    expect(normaliseTarget(' openrouter/qwen/qwen3-coder ')).toBe('qwen/qwen3-coder');
    expect(normaliseTarget('openrouter/auto')).toBe('openrouter/auto');
  });

  it('writes a padded target without its padding', () => {
    const text = 'OPENROUTER_MODEL=openai/gpt-5\n';
    const r = computeSwap(text, envRef(text), '  qwen/qwen3-coder  ', catalog);
    expect(r.ok && applyEdits(text, r.edits)).toBe('OPENROUTER_MODEL=qwen/qwen3-coder\n');
  });
});

describe('keepVariantOption', () => {
  it('offers nothing when the current id has no variant, whatever the catalog routes', () => {
    expect(keepVariantOption('a/x', 'b/y', routesEverything)).toBeNull();
  });
  it('offers nothing when the picked target already has a variant', () => {
    expect(keepVariantOption('a/x:free', 'b/y:nitro', routesEverything)).toBeNull();
  });
  it('offers the target with the current variant when it is routable', () => {
    expect(keepVariantOption('a/x:free', 'openrouter/b/y', routesEverything)).toBe('b/y:free');
  });
});

describe('refusals and their messages', () => {
  const text = 'OPENROUTER_MODEL=openai/gpt-5\n';

  it('names an unknown target', () => {
    expect(computeSwap(text, envRef(text), 'nobody/no-such-model', catalog)).toEqual({
      ok: false,
      refusal: { kind: 'targetUnknown', message: '"nobody/no-such-model" is not a model in the OpenRouter catalog.' },
    });
  });

  it('never writes a target outside the id grammar, even when unknown targets are allowed', () => {
    expect(computeSwap(text, envRef(text), 'Not An Id!', catalog, { allowUnknown: true })).toMatchObject({ ok: false, refusal: { kind: 'targetUnknown' } });
    expect(computeSwap(text, envRef(text), 'Not An Id!', routesEverything as never)).toEqual({
      ok: false,
      refusal: { kind: 'targetInvalid', message: '"Not An Id!" cannot be written as a model id.' },
    });
  });

  it('says which file and line went stale', () => {
    const ref = envRef(text);
    expect(computeSwap('OPENROUTER_MODEL=openai/gpt-4o\n', ref, 'qwen/qwen3-coder', catalog)).toEqual({
      ok: false,
      refusal: { kind: 'stale', message: '.env changed since it was scanned (line 1 no longer reads "openai/gpt-5"). Rescan and try again.' },
    });
  });

  it('treats a range before the start or past the end of the text as stale', () => {
    const ref = envRef(text);
    expect(computeSwap(text, { ...ref, offset: -1, length: 0, raw: '' }, 'qwen/qwen3-coder', catalog)).toMatchObject({ ok: false, refusal: { kind: 'stale' } });
    // slice() would clamp this range to "openai/gpt-5" and hide that the file got shorter.
    expect(computeSwap(text.trimEnd(), { ...ref, length: ref.length + 5 }, 'qwen/qwen3-coder', catalog)).toMatchObject({ ok: false, refusal: { kind: 'stale' } });
  });

  it('accepts a reference at the very start and at the very end of the text', () => {
    const start = 'openai/gpt-5';
    const atStart: ModelRef = { ...envRef(text), offset: 0, length: start.length, raw: start };
    expect(computeSwap(start, atStart, 'qwen/qwen3-coder', catalog)).toEqual({ ok: true, edits: [{ offset: 0, length: 12, newText: 'qwen/qwen3-coder' }], notes: [] });
    const end = 'OPENROUTER_MODEL=openai/gpt-5';
    const r = computeSwap(end, envRef(end), 'qwen/qwen3-coder', catalog);
    expect(r.ok && applyEdits(end, r.edits)).toBe('OPENROUTER_MODEL=qwen/qwen3-coder');
  });
});

describe('batches', () => {
  const text = 'A_MODEL=openai/gpt-5\nB_MODEL=openai/gpt-5\nC_MODEL=openai/gpt-5\n';
  const refs = findRefs('.env', text, catalog);

  it('returns the edits in text order whatever order the references come in', () => {
    expect(refs).toHaveLength(3);
    const r = computeSwapMany(text, [at(refs, 2), at(refs, 0), at(refs, 1)], 'qwen/qwen3-coder', catalog);
    expect(r.ok && r.edits.map((e) => e.offset)).toEqual(refs.map((x) => x.offset));
  });

  it('an empty batch is an empty edit list', () => {
    expect(computeSwapMany(text, [], 'qwen/qwen3-coder', catalog)).toEqual({ ok: true, edits: [], notes: [] });
  });

  it('"swap everywhere" leaves other files\' references alone', () => {
    const elsewhere: ModelRef = { ...at(refs, 1), file: 'other/.env' };
    const r = computeSwapAll(text, [at(refs, 0), elsewhere, at(refs, 2)], at(refs, 0), 'qwen/qwen3-coder', catalog);
    expect(r.ok && applyEdits(text, r.edits)).toBe('A_MODEL=qwen/qwen3-coder\nB_MODEL=openai/gpt-5\nC_MODEL=qwen/qwen3-coder\n');
  });

  it('checks duplicate keys only in files with keys: a string in code that looks like a TOML key is swapped', () => {
    const code = '"openai/gpt-5" = 1\n"qwen/qwen3-coder" = 2\n';
    const found = findRefs('tools/models.py', code, catalog);
    const first = found.find((x) => x.raw === 'openai/gpt-5');
    expect(first).toBeDefined();
    const r = computeSwap(code, first as ModelRef, 'qwen/qwen3-coder', catalog);
    expect(r.ok && applyEdits(code, r.edits)).toBe('"qwen/qwen3-coder" = 1\n"qwen/qwen3-coder" = 2\n');
    // Read as TOML, the same edit would be a duplicate key: only the file's kind keeps it from being refused.
    if (r.ok) expect(createdDuplicateKey(code, applyEdits(code, r.edits), r.edits, 'toml')).toMatchObject({ key: 'qwen/qwen3-coder' });
  });
});
