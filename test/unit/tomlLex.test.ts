// The TOML lexer (src/core/refs/tomlLex.ts) that both TOML readers share: the recogniser's (parseToml.ts) and the
// swap's duplicate-key guard (dupKeys.ts). Each tricky value below hides brackets, braces, quotes, "#" and a bait
// `model = …` line where a lexer that ends a string, a comment or an array in the wrong place would read it as a key.
// Every value is checked against smol-toml, then through BOTH readers, so a bug in the shared routine fails here for
// each of them; the lexer's own positions are pinned after that.
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { createdDuplicateKey } from '../../src/core/refs/dupKeys';
import { createMeter } from '../../src/core/refs/meter';
import { readToml } from '../../src/core/refs/parseToml';
import { lineEnd, skipBracketed, skipMultiline, skipString } from '../../src/core/refs/tomlLex';

/**
 * The last element of each array below: an inline table over three lines (TOML 1.1) whose later lines read like root
 * keys. An array that a lexer ends too early leaves them to be read at the root: a second `model` for the
 * duplicate-key guard, a `bait` key for the recogniser (whose tree keeps the last of two `model`s).
 */
const BAIT = '{ a = 1,\nmodel = "openai/gpt-4",\nbait = 1 }';
const BAITED = { a: 1, model: 'openai/gpt-4', bait: 1 };

/** [what it is, a TOML value, what smol-toml reads it as, the raw text the recogniser keeps (one-line strings only)] */
const VALUES: [string, string, unknown, string?][] = [
  ['a multi-line basic string with brackets, quotes and "#"', '"""\n] } [ # \'\nmodel = "openai/gpt-4"\n"""', '] } [ # \'\nmodel = "openai/gpt-4"\n'],
  ['a multi-line literal string with brackets, quotes and "#"', "'''\n] \" # [\nmodel = 'openai/gpt-4'\n'''", "] \" # [\nmodel = 'openai/gpt-4'\n"],
  ['a multi-line basic string with an escaped delimiter', '"""a \\""" ]\nmodel = "openai/gpt-4"\n"""', 'a """ ]\nmodel = "openai/gpt-4"\n'],
  ['a multi-line basic string ending in an escaped backslash', '"""a\\\\"""', 'a\\'],
  ['a multi-line literal string holding the other delimiter', "'''a \"\"\" ]\nmodel = 1'''", 'a """ ]\nmodel = 1'],
  ['a basic string with escaped quotes and backslashes', '"a\\"]\\\\" ', 'a"]\\', 'a\\"]\\\\'],
  ['an array of strings with escaped quotes, brackets and "#"', `[ "a\\"]", "\\\\", ']', "#", '#', ${BAIT} ]`, ['a"]', '\\', ']', '#', '#', BAITED]],
  ['an array with an escaped quote before a multi-line string', `[ "a\\"", """\n]\nmodel = 1\n""", ${BAIT} ]`, ['a"', ']\nmodel = 1\n', BAITED]],
  ['an array holding a literal string that ends in a backslash', `[ 'a\\', ']', ${BAIT} ]`, ['a\\', ']', BAITED]],
  ['an array over lines with comments holding brackets and quotes', `[ # ] [ "\n  1, # ]]\n  2 # '\n  , ${BAIT} ]`, [1, 2, BAITED]],
  ['an array holding multi-line strings', `[ """\n]""", '''\n[[''', "x", ${BAIT} ]`, [']', '[[', 'x', BAITED]],
  ['an array holding a multi-line string with an escaped delimiter', `[ """\\"""\n]\nmodel = 1\n""", ${BAIT} ]`, ['"""\n]\nmodel = 1\n', BAITED]],
  ['an array holding a multi-line string closed by four quotes', `[ """x"""", '''\n]\nmodel = 1\n''', ${BAIT} ]`, ['x"', ']\nmodel = 1\n', BAITED]],
  [
    'nested arrays and inline tables over lines',
    `[\n  [ 1, [ 2 ] ],\n  { a = [ "]" ], b = { c = "}" } },\n  { d = 1,\n    e = 2 },\n  ${BAIT},\n]`,
    [[1, [2]], { a: [']'], b: { c: '}' } }, { d: 1, e: 2 }, BAITED],
  ],
];

/** `x = value`, then the one key that counts; the line that key is on. */
function documentWith(value: string): { text: string; modelLine: number } {
  const head = `x = ${value}\n`;
  return { text: `${head}model = "openai/gpt-5"\n`, modelLine: head.split('\n').length };
}

/** What the recogniser's reader keeps at the root: each key, with a kept string's text and offset; whether it was damaged. */
function recognised(text: string): { keys: [string, string | null, number | null][]; damaged: boolean } {
  const { root, damaged } = readToml(text, createMeter());
  return { keys: [...root.entries].map(([k, v]) => (v.t === 'string' ? [k, v.value, v.offset] : [k, null, null])), damaged };
}

describe('tricky values, through both TOML readers', () => {
  it.each(VALUES)('smol-toml reads %s', (_what, value, expected) => {
    expect(parseToml(documentWith(value).text)).toEqual({ x: expected, model: 'openai/gpt-5' });
  });

  it.each(VALUES)('the recogniser reads past %s', (_what, value, _expected, kept) => {
    // The value is read past whole: no bait key, and the model after it is the one string kept.
    const { text } = documentWith(value);
    const x = kept === undefined ? ['x', null, null] : ['x', kept, text.indexOf(kept)];
    expect(recognised(text)).toEqual({ keys: [x, ['model', 'openai/gpt-5', text.lastIndexOf('openai/gpt-5')]], damaged: false });
  });

  it.each(VALUES)('the duplicate-key guard reads past %s', (_what, value) => {
    // No key inside the value counts, and a real repeat after it is found on its own lines.
    const { text, modelLine } = documentWith(value);
    expect(createdDuplicateKey('', text, [], 'toml')).toBeNull();
    expect(createdDuplicateKey('', `${text}model = "z"\n`, [], 'toml')).toEqual({ key: 'model', firstLine: modelLine, line: modelLine + 1 });
  });

  it('an unclosed string or array marks the recogniser\'s tree damaged, and the guard reads nothing after it', () => {
    for (const value of ['[ "a\n', '[ 1, 2\n', '"""a\n', "[ '''a\n", '"a\n']) {
      const { text } = documentWith(value);
      expect(recognised(text).damaged, value).toBe(true);
    }
    for (const value of ['[ 1, 2\n', '"""a\n', "[ '''a\n"]) {
      expect(createdDuplicateKey('', `${documentWith(value).text}model = "z"\n`, [], 'toml'), value).toBeNull();
    }
  });

  it('the guard reads the keys of inline tables inside arrays, however deep; the recogniser reads past them', () => {
    const text = 'x = [ [ { a = 1 } ], { b = { c = 1, c = 2 } } ]\nmodel = "openai/gpt-5"\n';
    expect(createdDuplicateKey('', text, [], 'toml')).toEqual({ key: 'c', firstLine: 1, line: 1 });
    expect(recognised(text)).toEqual({ keys: [['x', null, null], ['model', 'openai/gpt-5', text.indexOf('openai/gpt-5')]], damaged: false });
  });
});

describe('the lexer', () => {
  it('a one-line string ends past its quote, or unclosed at the line end or the text end', () => {
    expect(skipString('"a\\"b" x', 0)).toEqual({ end: 6, closed: true });
    expect(skipString("'a\\' x", 0)).toEqual({ end: 4, closed: true });
    expect(skipString('"a\\\\" x', 0)).toEqual({ end: 5, closed: true });
    expect(skipString('"ab\ncd"', 0)).toEqual({ end: 3, closed: false });
    expect(skipString('"ab', 0)).toEqual({ end: 3, closed: false });
    expect(skipString('"ab\\', 0)).toEqual({ end: 4, closed: false });
    expect(skipString('x = "a"', 4)).toEqual({ end: 7, closed: true });
  });

  it('a multi-line string ends past its delimiter and the quotes after it, or at the text end', () => {
    expect(skipMultiline('"""a\n"b"""" x', 0)).toEqual({ end: 11, closed: true });
    expect(skipMultiline("'''a\"\"\"'''", 0)).toEqual({ end: 10, closed: true });
    expect(skipMultiline('"""a\n', 0)).toEqual({ end: 5, closed: false });
    expect(skipMultiline('""""""', 0)).toEqual({ end: 6, closed: true });
    // In a basic one a backslash escapes the next character, a quote of the delimiter or itself; not in a literal one.
    expect(skipMultiline('"""a\\"""b""" x', 0)).toEqual({ end: 12, closed: true });
    expect(skipMultiline('"""a\\\\""" x', 0)).toEqual({ end: 9, closed: true });
    expect(skipMultiline("'''a\\''' x", 0)).toEqual({ end: 8, closed: true });
    expect(skipMultiline('"""a\\"""', 0)).toEqual({ end: 8, closed: false });
  });

  it('a comment runs to the line end', () => {
    expect(lineEnd('# a ]\nb', 0)).toBe(5);
    expect(lineEnd('# a ]', 2)).toBe(5);
  });

  it('a bracketed value ends past its own "]", whatever its strings, comments and nesting hold', () => {
    const text = '[ [ "]" ], \'[\', # ]\n """\n]""", { a = "}" } ] tail';
    expect(skipBracketed(text, 0)).toEqual({ end: text.indexOf(' tail'), closed: true });
    expect(skipBracketed('x = [ 1 ] ]', 4)).toEqual({ end: 9, closed: true });
    // Without an inline-table reader, braces nest like brackets, so this "}" closes the "[".
    expect(skipBracketed('[ { ] } ] x', 0)).toEqual({ end: 7, closed: true });
    expect(skipBracketed('[ 1, [ 2 ]', 0)).toEqual({ end: 10, closed: false });
    expect(skipBracketed('[ "a\n ]', 0)).toEqual({ end: 7, closed: false });
    expect(skipBracketed('[ """a ]', 0)).toEqual({ end: 8, closed: false });
  });

  it('with an inline-table reader, each "{" is handed to it and the scan goes on where it says', () => {
    const seen: number[] = [];
    // The reader skips to the next "}" and leaves it to the scan, as a reader that gave up on a table does.
    const reader = (from: number): number => {
      seen.push(from);
      return text.indexOf('}', from);
    };
    const text = '[ { ] }, [ { a } ] ] tail';
    expect(skipBracketed(text, 0, undefined, reader)).toEqual({ end: text.indexOf(' tail'), closed: true });
    expect(seen).toEqual([3, 12]);
  });

  it('counts on the meter what each loop looked at', () => {
    const units = (run: (meter: ReturnType<typeof createMeter>) => unknown): number => {
      const meter = createMeter();
      run(meter);
      return meter.units;
    };
    expect(units((m) => lineEnd('ab# c\nd', 2, m))).toBe(4);
    expect(units((m) => skipString('x "ab" y', 2, m))).toBe(4);
    expect(units((m) => skipString('"ab', 0, m))).toBe(4);
    expect(units((m) => skipMultiline('x """a""" y', 2, m))).toBe(8);
    // One a character of the scan, plus what the string (3) and the comment (4) looked at.
    expect(units((m) => skipBracketed('[ "a", # b\n ]', 0, m))).toBe(16);
    expect(units((m) => skipBracketed('[ 1', 0, m))).toBe(3);
  });

  it('counts its work on the meter: at least a unit a character it steps over', () => {
    const text = `[ ${'"a", '.repeat(100)}# ]\n ]`;
    const meter = createMeter();
    skipBracketed(text, 0, meter);
    expect(meter.units).toBeGreaterThanOrEqual(text.length);
    expect(meter.units).toBeLessThanOrEqual(3 * text.length);
  });
});
