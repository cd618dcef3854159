// The duplicate-key guard reads JSON/JSONC keys with its own one-pass reader (src/core/refs/dupKeys.ts) instead of
// bundling jsonc-parser; here jsonc-parser's tolerant parseTree, as the guard used it before, is the oracle:
// the same keys, at the same offsets, in the same objects, for generated JSONC documents.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { jsonKeys } from '../../src/core/refs/dupKeys';

/** What the guard read before: parseTree with comments and trailing commas, objects numbered in document order. */
function oracle(text: string): { container: string; key: string; offset: number }[] {
  const out: { container: string; key: string; offset: number }[] = [];
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (root === undefined) return out;
  let next = 0;
  const visit = (node: Node): void => {
    if (node.type === 'object') {
      const container = String(next++);
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k !== undefined && typeof k.value === 'string') out.push({ container, key: k.value, offset: k.offset });
        if (v !== undefined) visit(v);
      }
    } else if (node.type === 'array') {
      for (const c of node.children ?? []) visit(c);
    }
  };
  visit(root);
  return out;
}

const ws = fc.constantFrom('', ' ', '\n  ', '\t', ' // note, with "quotes" and { braces\n', ' /* a, "b": { */ ', '\r\n');
const key = fc.constantFrom('model', 'provider', 'a', 'a\\u0062', 'ab', 'qwen/qwen3-coder', 'x\\"y', 'x\\\\', 'é', '', 'k\\n');
const scalar = fc.constantFrom('1', '-2.5e3', 'true', 'false', 'null', '"v"', '"with // slashes"', '"a, \\"b\\": c"', '"}"');
const value: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
  object: fc
    .tuple(fc.array(fc.tuple(ws, key, ws, ws, tie('value'), ws), { maxLength: 5 }), fc.boolean(), ws)
    .map(([props, trailing, end]) => `{${props.map(([a, k, b, c, v, d]) => `${a}"${k}"${b}:${c}${v}${d}`).join(',')}${trailing && props.length ? ',' : ''}${end}}`),
  array: fc.tuple(fc.array(fc.tuple(ws, tie('value')), { maxLength: 4 }), ws).map(([items, end]) => `[${items.map(([a, v]) => `${a}${v}`).join(',')}${end}]`),
})).value;

describe('JSONC keys for the duplicate-key guard', () => {
  it('reads the keys parseTree reads, at the same offsets and in the same objects', () => {
    fc.assert(fc.property(ws, value, ws, (a, v, b) => {
      const text = `${a}${v}${b}`;
      expect(jsonKeys(text), text).toEqual(oracle(text));
    }), { numRuns: 3000 });
  });

  // On text that is not JSONC the two differ by design: parseTree skips ahead after an error (nested keys and all),
  // this reader reads the keys as written. The guard compares the text before and after a swap with the same
  // reader, so only its own consistency matters there.
  it('reads cut and damaged documents without failing, every key at its opening quote', () => {
    const damage = fc.constantFrom('', '}', ']', ',', ':', '"', '{', '[', 'x', '/*', '//', '\n');
    fc.assert(fc.property(value, fc.nat(), damage, (v, at, junk) => {
      const cut = at % (v.length + 1);
      for (const text of [v.slice(0, cut), `${v.slice(0, cut)}${junk}${v.slice(cut)}`]) {
        for (const k of jsonKeys(text)) expect(text[k.offset], text).toBe('"');
      }
    }), { numRuns: 2000 });
  });

  it('steps over a byte-order mark at the start, as VS Code and jsonc-parser do', () => {
    const text = '\ufeff{"a/b":1,"c/d":{"a/b":2}}';
    expect(jsonKeys(text)).toEqual([
      { container: '0', key: 'a/b', offset: 2 },
      { container: '0', key: 'c/d', offset: 10 },
      { container: '1', key: 'a/b', offset: 17 },
    ]);
  });

  it('reads only the first value, and no key from a key position holding no string', () => {
    for (const text of ['{"a":1}{"a":2}', '{a:1,"b":2}', '{"a" "b":1}', '[{"a":1},{"a":2}]', '{"a":{"a":1},"a":2}', '{"a":1,/* "a": */"b":2}']) {
      expect(jsonKeys(text), text).toEqual(oracle(text));
    }
  });
});
