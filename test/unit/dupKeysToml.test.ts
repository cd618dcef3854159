// The duplicate-key guard's TOML reader (src/core/refs/dupKeys.ts) against smol-toml, the parser the swap's
// property test trusts: for each document, the guard sees a repeated key exactly when smol-toml refuses it, and
// names the key and both lines. The documents reach the parts of TOML where a key hides: escapes in quoted keys,
// multi-line strings, inline tables, arrays holding strings, comments, nested arrays and inline tables, dotted
// headers and arrays of tables.
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { createdDuplicateKey } from '../../src/core/refs/dupKeys';

/** The repeat the guard reports when the whole document is new (nothing existed before, nothing was touched). */
const repeat = (text: string): ReturnType<typeof createdDuplicateKey> => createdDuplicateKey('', text, [], 'toml');
const refused = (text: string): boolean => {
  try {
    parseToml(text);
    return false;
  } catch {
    return true;
  }
};

/** [document, the repeated key and its two lines, or null when every key is distinct] */
const CASES: [string, { key: string; firstLine: number; line: number } | null][] = [
  // Escapes in basic-string keys read as the character they stand for.
  ['"a\\u0062" = 1\nab = 2\n', { key: 'ab', firstLine: 1, line: 2 }],
  ['"\\U00000061" = 1\na = 2\n', { key: 'a', firstLine: 1, line: 2 }],
  ['"a\\tb" = 1\n"a\\u0009b" = 2\n', { key: 'a\tb', firstLine: 1, line: 2 }],
  ['"a\\nb" = 1\n"a\\u000Ab" = 2\n', { key: 'a\nb', firstLine: 1, line: 2 }],
  ['"a\\rb" = 1\n"a\\u000Db" = 2\n', { key: 'a\rb', firstLine: 1, line: 2 }],
  ['"a\\bb" = 1\n"a\\u0008b" = 2\n', { key: 'a\bb', firstLine: 1, line: 2 }],
  ['"a\\fb" = 1\n"a\\u000Cb" = 2\n', { key: 'a\fb', firstLine: 1, line: 2 }],
  ['"a\\"b" = 1\n\'a"b\' = 2\n', { key: 'a"b', firstLine: 1, line: 2 }],
  ['"a\\\\b" = 1\n\'a\\b\' = 2\n', { key: 'a\\b', firstLine: 1, line: 2 }],
  ['"a\\u0062" = 1\n"a\\u0063" = 2\n', null],
  ['"\\U0010FFFF" = 1\n"\\U0010ffff" = 2\n', { key: '\u{10FFFF}', firstLine: 1, line: 2 }],
  ['"a\\nb" = 1\n"a\\tb" = 2\n"a\\\\nb" = 3\n', null],
  // A backslash is plain text in a literal key, and a literal key ends at its own quote.
  ["'a\\nb' = 1\n\"a\\\\nb\" = 2\n", { key: 'a\\nb', firstLine: 1, line: 2 }],
  // Keys inside a multi-line string are text, not keys; so are the quotes that close it.
  ['s = """\nb = 1\n"""\nb = 2\n', null],
  ["s = '''\nb = 1\n'''\nb = 2\n", null],
  ['s = """x""""\nb = 1\nc = 2\n', null],
  ['s = """x"""\nb = 1\nb = 2\n', { key: 'b', firstLine: 2, line: 3 }],
  // Inline tables are tables of their own.
  ['a = { b = 1, b = 2 }\n', { key: 'b', firstLine: 1, line: 1 }],
  ['a = { b = 1 }\nb = 2\n', null],
  ['x = { b = 1 }\ny = { b = 1 }\n', null],
  ['a = { b = { c = 1 }, d = 2 }\nd = 3\n', null],
  ['a = { b = { c = 1, c = 2 } }\n', { key: 'c', firstLine: 1, line: 1 }],
  ['a = { b = { c = 1 }, d = 2, d = 3 }\n', { key: 'd', firstLine: 1, line: 1 }],
  ['a = { s = "x, t = 1", t = 2 }\n', null],
  ["a = { s = 'x, t = 1', t = 2 }\n", null],
  ['x = { a = 1 # , a = 2\n, b = 3 }\n', null],
  // TOML 1.1: an inline table over several lines, with comments between its pairs, still holds every pair.
  ['x = {\n  a = 1, # the first\n  a = 2\n}\n', { key: 'a', firstLine: 2, line: 3 }],
  ['x = { # a = 0\n  a = 1, b = 2, b = 3 }\n', { key: 'b', firstLine: 2, line: 2 }],
  ['x = { a = 1 # , b = 2\n, b = 3, c = { d = 1, # d = 2\n d = 4 } }\n', { key: 'd', firstLine: 2, line: 3 }],
  ['x = {\n  a = 1, # a = 2\n  b = 2, # b = 1\n}\n', null],
  ['a = { "b" = 1, \'b\' = 2 }\n', { key: 'b', firstLine: 1, line: 1 }],
  ['a = {}\nb = 1\nb = 2\n', { key: 'b', firstLine: 2, line: 3 }],
  // Arrays: brackets, braces and "#" inside strings and comments do not end or open anything.
  ['a = [ "]", { x = 1, x = 2 } ]\n', { key: 'x', firstLine: 1, line: 1 }],
  ["a = [ ']', { x = 1, x = 2 } ]\n", { key: 'x', firstLine: 1, line: 1 }],
  ['a = [ # ]\n  { x = 1, x = 2 } ]\n', { key: 'x', firstLine: 2, line: 2 }],
  ['a = [ """\n]""", { x = 1, x = 2 } ]\n', { key: 'x', firstLine: 2, line: 2 }],
  ["a = [ '''\n]''', { x = 1, x = 2 } ]\n", { key: 'x', firstLine: 2, line: 2 }],
  ['a = [ [ 1 ], { x = 1, x = 2 } ]\n', { key: 'x', firstLine: 1, line: 1 }],
  ['a = [ [ 1, 2 ], [ 3 ] ]\nb = 1\nb = 2\n', { key: 'b', firstLine: 2, line: 3 }],
  ['a = [ { x = 1 }, { x = 2 } ]\n', null],
  ['a = [ "#", { x = 1 } ]\nx = 2\n', null],
  ['a = [\n  1,\n  2,\n]\na = 3\n', { key: 'a', firstLine: 1, line: 5 }],
  ['a = [ 1, 2 ] # ]\nb = 1\nb = 2\n', { key: 'b', firstLine: 2, line: 3 }],
  // Plain values end at the line, a comment, or (inside an inline table) a comma or brace.
  ['a = 1 # b = 2\nb = 3\n', null],
  ['a = 1 # a = 2\n', null],
  ['a = "x # y"\na = 2\n', { key: 'a', firstLine: 1, line: 2 }],
  // Dotted keys and headers place a key by its full path.
  ['a.b = 1\n[a]\nc = 2\n', { key: 'a', firstLine: 1, line: 2 }],
  ['[a]\nb.c = 1\n[a.b]\nd = 2\n', { key: 'b', firstLine: 2, line: 3 }],
  ['[a.b]\nx = 1\n[a]\ny = 2\n', null],
  ['[a.b]\nx = 1\n[a]\nb = 2\n', { key: 'b', firstLine: 1, line: 4 }],
  ['[a]\nx = 1\n[a]\ny = 2\n', { key: 'a', firstLine: 1, line: 3 }],
  ['  [a]\nx = 1\n\t[a]\ny = 2\n', { key: 'a', firstLine: 1, line: 3 }],
  ['a.b = 1\n[a.c]\n[a]\n', { key: 'a', firstLine: 1, line: 3 }],
  ['[ a . "b" ]\nx = 1\n[a.b]\ny = 2\n', { key: 'b', firstLine: 1, line: 3 }],
  ['[x.a]\n[x.b]\n[y.a]\n', null],
  ['a.b.c = 1\na.b.d = 2\n', null],
  ['a.b.c = 1\na.b.c = 2\n', { key: 'c', firstLine: 1, line: 2 }],
  // Arrays of tables: each element is a table of its own; the array is never also a table or a value.
  ['[[t]]\nx = 1\n[[t]]\nx = 2\n', null],
  ['[[t]]\nx = 1\nx = 2\n', { key: 'x', firstLine: 2, line: 3 }],
  ['[[t]]\n[t]\n', { key: 't', firstLine: 1, line: 2 }],
  ['[[t]]\nx = 1\n[t.u]\ny = 1\n[[t]]\n[t.u]\ny = 2\n', null],
  ['[[t]]\n[t.u]\n[t.u]\n', { key: 'u', firstLine: 2, line: 3 }],
  ['t = 1\n[[t]]\n', { key: 't', firstLine: 1, line: 2 }],
  // Windows line ends and a header that cannot be read.
  ['a = 1\r\nb = 2\r\na = 3\r\n', { key: 'a', firstLine: 1, line: 3 }],
  ['a = 1\r\nb = 2\r\n', null],
];

describe('TOML duplicate keys, as smol-toml reads them', () => {
  it.each(CASES)('%j', (text, expected) => {
    expect(refused(text), 'smol-toml').toBe(expected !== null);
    if (expected === null) expect(repeat(text)).toBeNull();
    else expect(repeat(text)).toEqual(expected);
  });

  it('a key after an unterminated quoted key or header is still read, and the broken line adds no key', () => {
    // Not TOML (smol-toml refuses each for the broken line); the guard reads on and finds the real repeat.
    expect(repeat('"a = 1\nb = 1\nb = 2\n')).toEqual({ key: 'b', firstLine: 2, line: 3 });
    expect(repeat('["a\nb = 1\nb = 2\n')).toEqual({ key: 'b', firstLine: 2, line: 3 });
    expect(repeat('[]\nb = 1\nb = 2\n')).toEqual({ key: 'b', firstLine: 2, line: 3 });
    expect(repeat('"a = 1\n"a = 2\n')).toBeNull();
    // Keys under a header that cannot be read belong to no table a valid header names, the root included.
    expect(repeat('[a]\nx = 1\n["b\nx = 2\n')).toBeNull();
    expect(repeat('[a]\nx = 1\n["ab\nx = 2\n')).toBeNull();
    expect(repeat('x = 1\n["b\nx = 2\n')).toBeNull();
    // They share one table of their own: a repeat there refuses a swap, the safe side for a file that is no TOML.
    expect(repeat('["a\nx = 1\n["b\nx = 2\n')).toEqual({ key: 'x', firstLine: 2, line: 4 });
    expect(repeat('["a\n["b\n')).toBeNull();
    // A line with no "=" after its key, or no key before its "=", defines nothing.
    expect(repeat('a\na = 1\n')).toBeNull();
    expect(repeat('= 1\n= 2\n')).toBeNull();
    // After an inline table that cannot be read, an array's next tables are still read.
    expect(repeat('x = [ { a ] },\n  { b = 1, b = 2 } ]\n')).toEqual({ key: 'b', firstLine: 2, line: 2 });
  });

  it('a quoted key ends at its quote, whatever its escapes; one that names no character never throws', () => {
    // Not TOML (smol-toml refuses each). An escape that is not hex reads as U+0000, one past U+10FFFF (or negative)
    // as U+FFFD, where String.fromCodePoint would throw and take the swap down with it.
    expect(repeat('"\\u" = 1\n"\\u" = 2\n')).toEqual({ key: '\u0000', firstLine: 1, line: 2 });
    expect(repeat('"\\UFFFFFFFF" = 1\n"\\U00110000" = 2\n')).toEqual({ key: '\ufffd', firstLine: 1, line: 2 });
    expect(repeat('"\\u-001" = 1\n"\\ufffd" = 2\n')).toEqual({ key: '\ufffd', firstLine: 1, line: 2 });
    expect(repeat('"a\\q" = 1\n"aq" = 2\n')).toEqual({ key: 'aq', firstLine: 1, line: 2 });
    for (const text of ['"\\u" = 1\n"\\u" = 2\n', '"\\UFFFFFFFF" = 1\n', '"a\\q" = 1\n']) expect(refused(text), text).toBe(true);
  });

  it('an unterminated inline table or array ends the document without inventing keys', () => {
    expect(repeat('a = { b = 1, b')).toBeNull();
    expect(repeat('a = { b = 1, = 2 }\nb = 3\n')).toBeNull();
    expect(repeat('a = [ 1, 2\nb = 1\nb = 2\n')).toBeNull();
    expect(repeat('a = { b = 1, c = 2')).toBeNull();
  });
});
