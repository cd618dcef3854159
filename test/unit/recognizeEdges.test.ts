// recognize.ts at its edges (issue #12, mutation survivors): which characters make a token, where an id in free
// text starts and ends, the prefilter that lets code files without a catalog id skip tokenising, the aider alias's
// "name:model" split, a grammar that throws, the per-file look-up memo, and the work the meter is charged.
// A tiny catalog of made-up ids keeps each case to the character under test: no real id's neighbours resolve.
import { describe, expect, it } from 'vitest';
import { createMeter } from '../../src/core/refs/meter';
import { findRefs, mentionsCatalogId, recognizeFile } from '../../src/core/refs/recognize';
import type { RefCatalog, RefResolution } from '../../src/core/refs/types';
import type { CatalogModel } from '../../src/shared/types';

interface CountingCatalog extends RefCatalog {
  /** Every id passed to resolve, in order. */
  readonly asked: string[];
}

function tinyCatalog(ids: readonly string[], opts: { authors?: readonly string[]; throwOn?: string } = {}): CountingCatalog {
  const set = new Set(ids);
  const asked: string[] = [];
  return {
    asked,
    resolve(id: string): RefResolution | null {
      asked.push(id);
      if (id === opts.throwOn) throw new Error(`resolve refused ${id}`);
      if (!set.has(id)) return null;
      const colon = id.indexOf(':');
      return { model: { id: colon < 0 ? id : id.slice(0, colon) } as CatalogModel, variant: colon < 0 ? null : id.slice(colon + 1) };
    },
    has: (id: string) => set.has(id),
    isKnownAuthor: (author: string) => (opts.authors ?? []).includes(author),
  };
}

const textRaws = (text: string, catalog: RefCatalog): string[] => findRefs('notes.txt', text, catalog, 'text').map((r) => r.raw);

describe('mentionsCatalogId: whole tokens of id characters', () => {
  // Every id character, each in the one place where leaving it out of a token splits the id into parts that resolve
  // to nothing: the prefilter must see the whole token.
  it.each(['ab/c.d', 'ab/c_d', 'ab/c~d', 'ab/c:d', 'ab/c-d', 'ab/cad', 'ab/czd', 'ab/c0d', 'ab/c9d', 'ab/c/d'])('%s is one token', (id) => {
    const catalog = tinyCatalog([id]);
    expect(mentionsCatalogId(`const m = "${id}";`, catalog)).toBe(true);
  });

  it.each([
    ['upper case', 'ab/cXd'],
    ['"@"', 'ab/c@d'],
    ['a space', 'ab/c d'],
    ['"`"', 'ab/c`d'],
    ['"{"', 'ab/c{d'],
    ['"!"', 'ab/c!d'],
  ])('%s is not an id character: the catalog is asked for the parts only', (_what, text) => {
    const catalog = tinyCatalog([text]);
    expect(mentionsCatalogId(text, catalog)).toBe(false);
    expect(catalog.asked).not.toContain(text);
  });

  it('a token is bounded on both sides by what an id cannot hold', () => {
    const catalog = tinyCatalog(['ab/cd']);
    expect(mentionsCatalogId('("ab/cd")', catalog)).toBe(true);
    expect(catalog.asked).toEqual(['ab/cd']);
    expect(mentionsCatalogId('xab/cd', catalog)).toBe(false);
    expect(mentionsCatalogId('ab/cdx', catalog)).toBe(false);
  });

  it('a token without "/" is never looked up, even when the catalog would resolve it', () => {
    const catalog = tinyCatalog(['abcd']);
    expect(mentionsCatalogId('x = "abcd"', catalog)).toBe(false);
    expect(catalog.asked).toEqual([]);
  });

  it('three characters is the shortest token looked up ("a/b"), two is not', () => {
    expect(mentionsCatalogId('"a/b"', tinyCatalog(['a/b']))).toBe(true);
    const two = tinyCatalog(['a/']);
    expect(mentionsCatalogId('"a/"', two)).toBe(false);
    expect(two.asked).toEqual([]);
  });

  it('the longest token looked up is "openrouter/" plus 200 characters', () => {
    const id = `a/${'b'.repeat(198)}`;
    expect(mentionsCatalogId(`"openrouter/${id}"`, tinyCatalog([id]))).toBe(true);
    const longer = tinyCatalog([`${id}b`]);
    expect(mentionsCatalogId(`"openrouter/${id}b"`, longer)).toBe(false);
    expect(longer.asked).toEqual([]);
  });

  it('"openrouter/" is taken off only when the token starts with it', () => {
    const prefixed = tinyCatalog(['ab/cd']);
    expect(mentionsCatalogId('"openrouter/ab/cd"', prefixed)).toBe(true);
    expect(prefixed.asked).toEqual(['openrouter/ab/cd', 'ab/cd']);
    // Eleven characters before "ab/cd", as long as the prefix: nothing is cut from a token that does not start with it.
    const other = tinyCatalog(['ab/cd']);
    expect(mentionsCatalogId('"xxxxxxxxxxxab/cd"', other)).toBe(false);
    expect(other.asked).toEqual(['xxxxxxxxxxxab/cd']);
  });

  it('no id anywhere: false, after every token was looked at once', () => {
    const catalog = tinyCatalog(['ab/cd']);
    expect(mentionsCatalogId('import x from "./y/z";\nconst q = "zz/yy";', catalog)).toBe(false);
    expect(catalog.asked).toEqual(['./y/z', 'zz/yy']);
    expect(mentionsCatalogId('', catalog)).toBe(false);
  });

  it('charges each token its length plus one, then the whole text once', () => {
    const meter = createMeter();
    // Tokens "ab/cd" (5) and "xy" (2) in 10 characters: (5 + 1) + (2 + 1) + 10.
    mentionsCatalogId('"ab/cd" xy', tinyCatalog([]), meter);
    expect(meter.units).toBe(19);
  });

  it('code without a catalog id is not tokenised: its literal is never found', () => {
    const catalog = tinyCatalog(['ab/cd']);
    expect(findRefs('src/a.ts', 'const m = "ab/cd";\n', catalog).map((r) => r.raw)).toEqual(['ab/cd']);
    expect(findRefs('src/a.ts', 'const m = "ab/ce";\n', catalog)).toEqual([]);
  });
});

describe('ids in free text', () => {
  const ids = ['bc/de', 'ab/cd', 'zz/zz', '09/90', 'a.b_c-d/e.f_g-h', 'ab/cd:free', 'ab/cd:v-2', '~ab/cd'];
  const catalog = tinyCatalog(ids);

  it.each(ids)('%s alone in a sentence is found whole', (id) => {
    expect(textRaws(`use ${id} here`, catalog)).toEqual([id]);
    expect(textRaws(id, catalog)).toEqual([id]);
  });

  // A character a token can hold, put before an id, makes a longer token that is no id: nothing is found. Were the
  // character not counted, the id would be read out of the middle of a word.
  it.each(['a', 'z', 'A', 'Z', '0', '9', '_', '.', '/', ':', '@', '~', '-'])('"%s" before an id makes it part of a longer token', (c) => {
    expect(textRaws(`see ${c}bc/de now`, catalog)).toEqual([]);
  });

  it.each(['A', 'Z', '_', '/', '@', '~', '-', 'x', '0'])('"%s" right after an id makes it part of a longer token', (c) => {
    expect(textRaws(`see bc/de${c} now`, catalog)).toEqual([]);
  });

  it.each([' ', ',', ')', '"', '!', '\n', '`', '?', '#', '[', '{', '<', '=', '+'])('"%s" ends the token: the id is found', (c) => {
    expect(textRaws(`(bc/de${c}`, catalog)).toEqual(['bc/de']);
    expect(textRaws(`${c}bc/de`, catalog)).toEqual(['bc/de']);
  });

  it('a sentence may end right after an id, or a colon follow it; the mark is not part of the id', () => {
    expect(textRaws('We use bc/de.', catalog)).toEqual(['bc/de']);
    expect(textRaws('We use bc/de. Then', catalog)).toEqual(['bc/de']);
    expect(textRaws('models bc/de: fast', catalog)).toEqual(['bc/de']);
    expect(textRaws('models bc/de:', catalog)).toEqual(['bc/de']);
    expect(textRaws('path bc/de.txt', catalog)).toEqual([]);
  });

  it('a variant is a colon then letters, digits and "-"; anything else after the colon leaves the plain id', () => {
    expect(textRaws('ab/cd:free', catalog)).toEqual(['ab/cd:free']);
    expect(textRaws('x ab/cd:v-2 y', catalog)).toEqual(['ab/cd:v-2']);
    expect(textRaws('ab/cd:-x', catalog)).toEqual(['ab/cd']);
    expect(textRaws('ab/cd:v.2', tinyCatalog(['ab/cd:v']))).toEqual(['ab/cd:v']);
    expect(textRaws('ab/cd: free', catalog)).toEqual(['ab/cd']);
  });

  it('a segment starts with a letter or digit', () => {
    const loose = tinyCatalog(['.b/cd', 'ab/-cd', 'ab/cd']);
    expect(textRaws('x .b/cd y', loose)).toEqual([]);
    expect(textRaws('x ab/-cd y', loose)).toEqual([]);
    expect(textRaws('x ab/ y', loose)).toEqual([]);
    expect(textRaws('x ~/cd y', loose)).toEqual([]);
  });

  it('"openrouter/" before an id is kept when what follows is an id, and left out of nothing else', () => {
    expect(textRaws('use openrouter/bc/de now', catalog)).toEqual(['openrouter/bc/de']);
    const r = findRefs('notes.txt', 'use openrouter/bc/de now', catalog, 'text')[0]!;
    expect([r.id, r.prefix, r.column, r.length]).toEqual(['bc/de', 'openrouter/', 5, 16]);
    // "openrouter/" then no id: the token read from its start is "openrouter/x", which is not in the catalog.
    expect(textRaws('openrouter/x', tinyCatalog(['openrouter/x']))).toEqual(['openrouter/x']);
  });

  it('the quote is the same mark on both sides, else none', () => {
    const quotes = (text: string): string[] => findRefs('notes.txt', text, catalog, 'text').map((r) => r.quote);
    expect(quotes('"bc/de"')).toEqual(['"']);
    expect(quotes("'bc/de'")).toEqual(["'"]);
    expect(quotes('`bc/de`')).toEqual(['`']);
    expect(quotes('"bc/de\'')).toEqual(['none']);
    expect(quotes('(bc/de)')).toEqual(['none']);
    expect(quotes('|bc/de|')).toEqual(['none']);
    expect(quotes('bc/de')).toEqual(['none']);
  });

  it('references carry their line, column, offset and no key path', () => {
    const text = 'first line\n  then "bc/de" and ab/cd.\n';
    const found = findRefs('notes.txt', text, catalog, 'text');
    expect(found.map((r) => [r.raw, r.line, r.column, r.offset, r.keyPath, r.tool, r.role, r.known, r.modelId])).toEqual([
      ['bc/de', 2, 9, 19, null, 'code', 'value', true, 'bc/de'],
      ['ab/cd', 2, 20, 30, null, 'code', 'value', true, 'ab/cd'],
    ]);
    expect(found.every((r) => !('preset' in r))).toBe(true);
  });

  it('charges each run of token characters twice its length plus one, then the whole text once', () => {
    const meter = createMeter();
    // Runs "ab" (2) and "x/y." (4) in 8 characters: (2*2 + 1) + (2*4 + 1) + 8.
    recognizeFile('notes.txt', 'ab, x/y.', tinyCatalog([]), { kind: 'text', meter });
    expect(meter.units).toBe(22);
  });
});

describe('recognizeFile', () => {
  it('a file without "/" holds no id and is not read', () => {
    const catalog = tinyCatalog(['ab/cd']);
    expect(recognizeFile('notes.txt', 'ab cd ab:cd', catalog, { kind: 'text' })).toEqual({ kind: 'ok', refs: [] });
    expect(catalog.asked).toEqual([]);
  });

  it('the kind defaults to the path\'s grammar; null reads nothing', () => {
    const catalog = tinyCatalog(['ab/cd']);
    expect(recognizeFile('src/a.ts', 'x("ab/cd")', catalog)).toMatchObject({ kind: 'ok', refs: [{ raw: 'ab/cd', tool: 'code' }] });
    expect(recognizeFile('src/a.ts', 'x("ab/cd")', catalog, { kind: null })).toEqual({ kind: 'ok', refs: [] });
    expect(recognizeFile('src/a.ts', 'x ab/cd y', catalog, { kind: 'text' })).toMatchObject({ kind: 'ok', refs: [{ raw: 'ab/cd' }] });
  });

  it('a grammar that throws keeps what it found before and is not reported as over budget', () => {
    const catalog = tinyCatalog(['ab/cd'], { throwOn: 'zz/zz' });
    const result = recognizeFile('notes.txt', 'ab/cd then zz/zz then ab/cd', catalog, { kind: 'text' });
    expect(result).toEqual({ kind: 'ok', refs: [expect.objectContaining({ raw: 'ab/cd', offset: 0 })] });
  });

  it('past its budget a file is skipped, with the time it took', () => {
    let t = 0;
    const now = (): number => (t += 7);
    const text = 'x ab/cd '.repeat(5000);
    expect(recognizeFile('notes.txt', text, tinyCatalog(['ab/cd']), { kind: 'text', budgetMs: 5, now })).toEqual({ kind: 'skipped', reason: 'budget', elapsedMs: 7 });
  });

  it('references come out in text order whatever order the grammar finds them in', () => {
    // opencode's provider models are keys (found at the key) while "model" values are found at the value; a key
    // later in the file may be visited before an earlier value.
    const catalog = tinyCatalog(['ab/cd', 'bc/de'], { authors: ['ab', 'bc'] });
    const text = '{"provider":{"openrouter":{"models":{"ab/cd":{}}}},"model":"openrouter/bc/de"}';
    const offsets = findRefs('opencode.json', text, catalog).map((r) => r.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets.length).toBe(2);
  });

  it('each distinct id is looked up once per file, up to 4,096 of them', () => {
    const catalog = tinyCatalog(['ab/cd']);
    findRefs('notes.txt', 'ab/cd ab/cd zz/zz ab/cd zz/zz', catalog, 'text');
    expect(catalog.asked).toEqual(['ab/cd', 'zz/zz']);

    const many = tinyCatalog([]);
    const distinct = Array.from({ length: 4100 }, (_, i) => `a/m${i}`);
    findRefs('notes.txt', `${distinct.join(' ')} ${distinct.join(' ')}`, many, 'text');
    // The first 4,096 answers are remembered; the last 4 are asked again the second time round.
    expect(many.asked.length).toBe(4100 + 4);
  });

  it('a new id from a known author counts where the key is trusted, and the author is asked once per file', () => {
    let authorQuestions = 0;
    const base = tinyCatalog([]);
    const catalog: RefCatalog = { ...base, resolve: base.resolve, isKnownAuthor: (a) => (authorQuestions++, a === 'ab') };
    const found = findRefs('.env', 'OPENROUTER_MODEL=ab/new-one\nAIDER_MODEL=openrouter/ab/newer\n', catalog, 'dotenv');
    expect(found.map((r) => [r.raw, r.known])).toEqual([
      ['ab/new-one', false],
      ['openrouter/ab/newer', false],
    ]);
    expect(authorQuestions).toBe(1);
  });
});

describe('aider aliases: "name:model"', () => {
  const catalog = tinyCatalog(['ab/cd']);

  it('the model after the first colon is the reference, at its own column', () => {
    const text = 'alias:\n  - "fast:openrouter/ab/cd"\n';
    const found = findRefs('.aider.conf.yml', text, catalog);
    expect(found.map((r) => [r.raw, r.line, r.column, r.offset, r.length])).toEqual([['openrouter/ab/cd', 2, 11, 17, 16]]);
  });

  it('an alias without a colon names no model', () => {
    expect(findRefs('.aider.conf.yml', 'alias:\n  - "openrouter/ab/cd"\n', catalog)).toEqual([]);
  });
});
