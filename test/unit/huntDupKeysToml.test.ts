// Adversarial cases of #9 item 2 in TOML: a table defined once by dotted keys and once by a [header] is a
// duplicate definition for every TOML parser, whatever spelling the two use. Each case is checked with a real
// parser (smol-toml), so the refusal is about what the file would really be.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseToml } from 'smol-toml';
import { findRefs } from '../../src/core/refs/recognize';
import { applyEdits } from '../../src/core/refs/swap';
import { computeSwapAll } from '../support/swapAll';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();
const TARGET = 'qwen/qwen3-coder';

function swap(text: string): ReturnType<typeof computeSwapAll> {
  const refs = findRefs('models.toml', text, catalog, 'text');
  const pick = refs.find((r) => r.id === 'openai/gpt-oss-20b');
  expect(pick).toBeDefined();
  return computeSwapAll(text, refs, pick!, TARGET, catalog);
}

/** What the batch would write without the guard: a real parser must reject it (else the case proves nothing). */
function uncheckedIsInvalid(text: string): void {
  const refs = findRefs('models.toml', text, catalog, 'text').filter((r) => r.id.startsWith('openai/gpt-oss-20b'));
  const after = applyEdits(text, refs.map((r) => ({ offset: r.offset, length: r.length, newText: r.prefix + TARGET })));
  expect(() => parseToml(text)).not.toThrow();
  expect(() => parseToml(after)).toThrow();
}

describe('TOML: duplicates between dotted keys and tables', () => {
  it('a root dotted key and a root [table] header', () => {
    const text = '"openai/gpt-oss-20b".effort = "high"\n\n["openai/gpt-oss-20b:free"]\neffort = "low"\n';
    uncheckedIsInvalid(text);
    const r = swap(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal).toMatchObject({ kind: 'duplicateKey', key: TARGET, line: 3 });
  });

  it('a table made by dotted keys and a [header] for the same table', () => {
    const text = '[models]\n"openai/gpt-oss-20b".effort = "high"\n\n[models."openai/gpt-oss-20b:free"]\neffort = "low"\n';
    uncheckedIsInvalid(text);
    const r = swap(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal).toMatchObject({ kind: 'duplicateKey', key: TARGET, line: 4 });
  });

  it('a value and a table under the same key', () => {
    const text = '[models]\n"openai/gpt-oss-20b" = "x"\n"openai/gpt-oss-20b:free".effort = "low"\n';
    uncheckedIsInvalid(text);
    expect(swap(text).ok).toBe(false);
  });

  it('what TOML allows stays allowed: dotted keys extending one table, sub-tables of a dotted table, separate array items', () => {
    for (const text of [
      '[models]\n"openai/gpt-oss-20b".a = 1\n"openai/gpt-oss-20b".b = 2\n',
      'prices.x = 1\nprices."openai/gpt-oss-20b" = 1\n[other]\n"openai/gpt-oss-20b:free" = 0\n',
      '[models]\n"openai/gpt-oss-20b".a = 1\n\n[models."openai/gpt-oss-20b".sub]\nb = 2\n',
      '[[p]]\n"openai/gpt-oss-20b" = 1\n[[p]]\n"openai/gpt-oss-20b:free" = 0\n',
      '[[p]]\nname = "a"\n[p.opts]\n"openai/gpt-oss-20b" = 1\n[[p]]\n[p.opts]\n"openai/gpt-oss-20b:free" = 0\n',
      '[a.b]\nx = 1\n[a]\n"openai/gpt-oss-20b" = 1\n',
    ]) {
      const r = swap(text);
      expect(r.ok, text).toBe(true);
      if (r.ok) expect(() => parseToml(applyEdits(text, r.edits)), text).not.toThrow();
    }
  });
});

describe('TOML: arrays of tables', () => {
  it('an array of tables and a table (or a table implied by a deeper header) under one name are refused', () => {
    for (const text of [
      '[["openai/gpt-oss-20b"]]\nx = 1\n["openai/gpt-oss-20b:free"]\ny = 2\n',
      '[["openai/gpt-oss-20b:free".sub]]\nx = 1\n[["openai/gpt-oss-20b"]]\ny = 2\n',
      '"openai/gpt-oss-20b".x = 1\n[["openai/gpt-oss-20b:free"]]\n',
    ]) {
      uncheckedIsInvalid(text);
      expect(swap(text).ok, text).toBe(false);
    }
  });

  it('an element of an array and a key inside it with the same name are fine', () => {
    const text = '[["qwen/qwen3-coder"]]\n"openai/gpt-oss-20b" = 1\n[["openai/gpt-oss-20b".y]]\n';
    const r = swap(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(() => parseToml(applyEdits(text, r.edits))).not.toThrow();
  });
});

describe('TOML: a swap the guard accepts always parses (property, real parser)', () => {
  const key = fc.constantFrom('"openai/gpt-oss-20b"', '"openai/gpt-oss-20b:free"', '"qwen/qwen3-coder"', 'x', 'y');
  const dotted = fc.array(key, { minLength: 1, maxLength: 3 }).map((k) => k.join('.'));
  const line = fc.oneof(
    dotted.map((k) => `${k} = 1`),
    dotted.map((k) => `[${k}]`),
    dotted.map((k) => `[[${k}]]`),
    fc.tuple(dotted, key).map(([k, k2]) => `${k} = { ${k2} = 1 }`),
  );
  it('generated documents of tables, dotted keys, inline tables and arrays of tables', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        try {
          parseToml(text);
        } catch {
          return; // only valid documents say anything
        }
        const refs = findRefs('models.toml', text, catalog, 'text');
        const pick = refs.find((r) => r.id.startsWith('openai/gpt-oss-20b'));
        if (pick === undefined) return;
        const r = computeSwapAll(text, refs, pick, TARGET, catalog);
        if (r.ok) expect(() => parseToml(applyEdits(text, r.edits)), text).not.toThrow();
      }),
      { numRuns: 1500, seed: 20261130 },
    );
  });
});
