// The words around a swap: the confirmation (what changes where, code literals called out, preview offered) and
// the message after it (what is saved), plus the duplicate-key reader's TOML and YAML corners.
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { createdDuplicateKey } from '../../src/core/refs/dupKeys';
import { swapAppliedMessage, swapChoices } from '../../src/core/refs/present';
import { applyEdits } from '../../src/core/refs/swap';

const at = (file: string, line: number, tool: 'aider' | 'code' | 'dotenv' = 'aider') => ({ file, ref: { line, tool } as const });

describe('swap confirmation', () => {
  it('one config reference: this one, everywhere, each with a preview', () => {
    const choices = swapChoices([at('.aider.conf.yml', 3)], [at('.aider.conf.yml', 3), at('.env', 1, 'dotenv')]);
    expect(choices.map((c) => [c.label, c.scope, c.preview])).toEqual([
      ['Swap this reference', 'selected', false],
      ['Swap everywhere', 'everywhere', false],
      ['Swap this reference, with preview…', 'selected', true],
      ['Swap everywhere, with preview…', 'everywhere', true],
    ]);
    expect(choices[1]!.detail).toBe('2 references in 2 files: .aider.conf.yml (1), .env (1)');
  });

  it('calls out string literals in code and offers config files only', () => {
    const sel = [at('a.ts', 1, 'code'), at('a.ts', 9, 'code'), at('.env', 1, 'dotenv')];
    const choices = swapChoices(sel, sel);
    expect(choices[0]).toMatchObject({ label: 'Swap 3 references', description: 'includes 2 string literals in code', detail: '3 references in 2 files: a.ts (2 string literals in code), .env (1)' });
    expect(choices[1]).toMatchObject({ label: 'Swap in config files only (1 reference)', scope: 'configOnly' });
    expect(choices).toHaveLength(4);
  });

  it('a single code literal says so next to its place', () => {
    expect(swapChoices([at('src/x.py', 4, 'code')], [at('src/x.py', 4, 'code')])[0]!.description).toBe('src/x.py:4 · includes 1 string literal in code');
  });
});

describe('message after a swap', () => {
  const base = { from: 'a/b', to: 'c/d', references: 3, preview: false };
  it('tells saved from not saved, per file', () => {
    expect(swapAppliedMessage({ ...base, files: ['x.yml', 'y.json'], unsaved: [] })).toBe('Swapped a/b → c/d: 3 references in 2 files. All files are saved. One undo reverts it.');
    expect(swapAppliedMessage({ ...base, files: ['x.yml', 'y.json'], unsaved: ['x.yml', 'y.json'] })).toBe('Swapped a/b → c/d: 3 references in 2 files. None of the files is saved yet. One undo reverts it.');
    expect(swapAppliedMessage({ ...base, files: ['x.yml', 'y.json', 'z'], unsaved: ['x.yml', 'z'] })).toContain('x.yml, z are not saved yet.');
    expect(swapAppliedMessage({ ...base, references: 1, files: ['x.yml'], unsaved: ['x.yml'] })).toBe('Swapped a/b → c/d: 1 reference in 1 file. x.yml is not saved yet. One undo reverts it.');
  });
  it('after the Refactor Preview it counts the files that changed', () => {
    expect(swapAppliedMessage({ ...base, preview: true, files: ['x.yml'], unsaved: [] })).toBe('Swapped a/b → c/d: from the Refactor Preview in 1 file. x.yml is saved. One undo reverts it.');
  });
});

describe('duplicate keys on the edited text', () => {
  const rename = (text: string, from: string, to: string) => {
    const edits = [];
    for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + from.length)) edits.push({ offset: i, length: from.length, newText: to });
    return { after: applyEdits(text, edits), edits };
  };

  it('TOML: dotted keys, inline tables and a [table] header repeating a key', () => {
    const cases = [
      'p."a/b" = 1\np."a/c" = 2\n',
      'm = { "a/b" = 1, "a/c" = 2 }\n',
      '"a/b" = 1\n[a]\nx = 1\n["a/c"]\ny = 2\n',
    ];
    for (const text of cases) {
      const { after, edits } = rename(text, 'a/c', 'a/b');
      expect(() => parseToml(after), after).toThrow();
      expect(createdDuplicateKey(text, after, edits, 'toml'), after).not.toBeNull();
    }
  });

  it('TOML: each [[array table]] entry is its own table', () => {
    const text = '[[m]]\n"a/b" = 1\n[[m]]\n"a/c" = 2\n';
    const { after, edits } = rename(text, 'a/c', 'a/b');
    expect(() => parseToml(after)).not.toThrow();
    expect(createdDuplicateKey(text, after, edits, 'toml')).toBeNull();
  });

  it('YAML: flow maps and maps inside sequences', () => {
    for (const text of ['m: { a/b: 1, a/c: 2 }\n', 'l:\n  - a/b: 1\n    a/c: 2\n']) {
      const { after, edits } = rename(text, 'a/c', 'a/b');
      expect(createdDuplicateKey(text, after, edits, 'yaml'), after).toMatchObject({ key: 'a/b' });
    }
    const separate = 'l:\n  - a/b: 1\n  - a/c: 2\n';
    const { after, edits } = rename(separate, 'a/c', 'a/b');
    expect(createdDuplicateKey(separate, after, edits, 'yaml')).toBeNull();
  });
});
