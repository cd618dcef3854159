// YAML's explicit keys ("? key" then ": value"): the reader does not read them, so it must say the document is
// damaged, and the duplicate-key check must still see a repeat that a swap creates among them.
import { describe, expect, it } from 'vitest';
import { createdDuplicateKey, keyFormatOf } from '../../src/core/refs/dupKeys';
import { readYaml } from '../../src/core/refs/yamlLite';

function swapAt(before: string, from: string, to: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = before.indexOf(from, offset + 1);
  expect(offset).toBeGreaterThanOrEqual(0);
  const after = before.slice(0, offset) + to + before.slice(offset + from.length);
  return createdDuplicateKey(before, after, [{ offset, length: from.length, newText: to }], 'yaml');
}

describe('YAML explicit keys', () => {
  it('the reader marks a document with an explicit key damaged instead of dropping the map silently', () => {
    expect(readYaml('models:\n  ? deepseek/deepseek-v3\n  : {}\n').every((d) => d.damaged)).toBe(true);
    expect(readYaml('? a\n: 1\nb: 2\n')[0]?.damaged).toBe(true);
    expect(readYaml('models:\n  a: 1\n')[0]?.damaged).toBe(false);
  });

  it('an explicit key renamed onto a plain sibling key is refused with both lines', () => {
    const before = 'models:\n  ? deepseek/deepseek-v3\n  : {}\n  qwen/qwen3:\n    x: 1\n';
    expect(swapAt(before, 'deepseek/deepseek-v3', 'qwen/qwen3')).toEqual({ key: 'qwen/qwen3', firstLine: 2, line: 4 });
  });

  it('a plain key renamed onto an explicit sibling key is refused', () => {
    const before = 'models:\n  ? "qwen/qwen3"\n  : {}\n  deepseek/deepseek-v3: {}\n';
    expect(swapAt(before, 'deepseek/deepseek-v3', 'qwen/qwen3')).toEqual({ key: 'qwen/qwen3', firstLine: 2, line: 4 });
  });

  it('two explicit keys made equal at the top level are refused', () => {
    const before = '? a/one\n: 1\n? b/two\n: 2\n';
    expect(swapAt(before, 'b/two', 'a/one')).toEqual({ key: 'a/one', firstLine: 1, line: 3 });
  });

  it('the same key in two maps, or in sequence items, is not a duplicate', () => {
    const nested = 'a:\n  ? x/m\n  : 1\nb:\n  ? y/m\n  : 1\n';
    expect(swapAt(nested, 'y/m', 'x/m')).toBeNull();
    const items = '- ? x/m\n  : 1\n- ? y/m\n  : 1\n';
    expect(swapAt(items, 'y/m', 'x/m')).toBeNull();
  });

  it('a value swap in a file with explicit keys is not refused, and block scalar text is not keys', () => {
    const before = '? chat\n: deepseek/deepseek-v3\nnotes: |\n  ? qwen/qwen3\n  qwen/qwen3: x\nqwen/qwen3: 1\n';
    expect(swapAt(before, 'deepseek/deepseek-v3', 'qwen/qwen3')).toBeNull();
  });

  it('quoted keys are read without their quotes, however the colon after them is spaced', () => {
    const head = '? chat\n: 1\n';
    // Each spelling of the sibling key, then a plain key renamed onto it.
    for (const sibling of ['"qwen/qwen3": 1', '"qwen/qwen3" : 1', '"qwen/qwen3"\t: 1', "'qwen/qwen3': 1", '"qwen/qwen3":', '"qwen/qwen3":\t1']) {
      const before = `${head}${sibling}\ndeepseek/deepseek-v3: 2\n`;
      expect(swapAt(before, 'deepseek/deepseek-v3', 'qwen/qwen3'), sibling).toEqual({ key: 'qwen/qwen3', firstLine: 3, line: 4 });
    }
  });

  it('a quoted scalar followed by anything but a colon is not a key', () => {
    for (const line of ['"qwen/qwen3"x: 1', '"qwen/qwen3" # note', "'qwen/qwen3'", '"qwen/qwen3":x']) {
      const before = `? chat\n: 1\n${line}\ndeepseek/deepseek-v3: 2\n`;
      expect(swapAt(before, 'deepseek/deepseek-v3', 'qwen/qwen3'), line).toBeNull();
    }
  });

  it('each document ("---", "...") is its own map: the same key in two documents is not a duplicate', () => {
    expect(swapAt('? a/one\n: 1\n---\n? b/two\n: 2\n', 'b/two', 'a/one')).toBeNull();
    expect(swapAt('? a/one\n: 1\n...\n---\nb/two: 2\n', 'b/two', 'a/one')).toBeNull();
    expect(swapAt('x: 1\n---\n? a/one\n: 1\nb/two: 2\n', 'b/two', 'a/one')).toEqual({ key: 'a/one', firstLine: 3, line: 5 });
    // "---" that is not at the start of a line, or is followed by text, separates nothing.
    expect(swapAt('? a/one\n: 1\nnote: ---\nb/two: 2\n', 'b/two', 'a/one')).toEqual({ key: 'a/one', firstLine: 1, line: 4 });
  });
});

describe('keyFormatOf', () => {
  it.each<[string, ReturnType<typeof keyFormatOf>]>([
    ['.continue/config.yaml', 'yaml'],
    ['opencode.json', 'json'],
    ['.codex/config.toml', 'toml'],
    ['deploy/values.yml', 'yaml'],
    ['deploy/values.YAML', 'yaml'],
    ['conf/app.json', 'json'],
    ['conf/app.jsonc', 'json'],
    ['conf/app.json5', 'json'],
    ['tools/pyproject.toml', 'toml'],
    ['.env', null],
    ['src/a.ts', null],
    ['README.md', null],
    ['conf/app.json.bak', null],
    ['conf/yaml', null],
    // An opencode agent is Markdown whose front matter is YAML.
    ['.opencode/agent/review.md', 'yaml'],
    ['notes/review.md', null],
    ['deploy/values.yaml.bak', null],
    ['conf/app.toml.orig', null],
  ])('%s: %s', (path, format) => {
    expect(keyFormatOf(path)).toBe(format);
  });
});
