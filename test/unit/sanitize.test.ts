// The one sanitiser for server text: examples of each class, then properties over arbitrary input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  SERVER_TEXT_MAX,
  capLength,
  escapeForTerminal,
  isoTimestampOrNull,
  redactSecrets,
  sanitizeServerText,
  stripControl,
  terminalSafe,
} from '../../src/shared/sanitize';

// Anything a terminal or a log viewer could act on: C0, DEL, C1, bidi overrides/isolates, line separators.
// eslint-disable-next-line no-control-regex -- the characters under test
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const ESC = '\u001b';

describe('sanitizeServerText: control characters and escape sequences', () => {
  it.each([
    ['clear screen', `${ESC}[2J${ESC}[Hbalance is $0.00`, 'balance is $0.00'],
    ['colour', `${ESC}[31;1mred${ESC}[0m text`, 'red text'],
    ['OSC title, BEL-terminated', `${ESC}]0;pwned\u0007after`, 'after'],
    ['OSC hyperlink, ST-terminated', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['8-bit CSI', '\u009b2Jplain', 'plain'],
    ['8-bit OSC', '\u009d0;t\u0007rest', 'rest'],
    ['DCS string', `${ESC}Pq#0;2;0;0;0${ESC}\\ok`, 'ok'],
    ['two-character escape (reset terminal)', `${ESC}cafter reset`, 'after reset'],
    ['charset switch', `${ESC}(0line`, 'line'],
    ['lone ESC at the end', `end${ESC}`, 'end'],
    ['newlines collapse to one space', 'line one\r\n\r\nfake: balance is $0.00\nthree', 'line one fake: balance is $0.00 three'],
    ['NUL, backspace, DEL removed', 'a\u0000b\u0008c\u007fd', 'abcd'],
    ['bidi override removed', 'admin\u202e\u2066txt.exe', 'admintxt.exe'],
    ['unicode line separator is a space', 'one\u2028two', 'one two'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeServerText(input)).toBe(expected);
  });

  it('keeps ordinary punctuation, accents and emoji', () => {
    expect(sanitizeServerText('Qwen: Qwen3 235B (2507) — “thinking” ✓ 😀 €5')).toBe('Qwen: Qwen3 235B (2507) — “thinking” ✓ 😀 €5');
  });

  it('turns a non-string into text without throwing', () => {
    expect(sanitizeServerText(42)).toBe('42');
    expect(sanitizeServerText({ toString: () => { throw new Error('no'); } })).toBe('');
  });
});

describe('sanitizeServerText: length', () => {
  it('caps at 200 characters with an ellipsis, 5 MB included', () => {
    const huge = `${ESC}[2J${'A\n'.repeat(2_500_000)}`;
    const out = sanitizeServerText(huge);
    expect(out).toHaveLength(SERVER_TEXT_MAX);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(CONTROL);
  });

  it('a key cut in half by the reading window leaves no half behind', () => {
    const key = 'proxy-token-for-my-team';
    const filler = `${ESC}[0m`.repeat(1_224); // 4,896 characters: the window for a 200-character cap
    for (const shift of [3, 6, 12]) {
      const out = sanitizeServerText(`${filler.slice(0, filler.length - shift)}before ${key} after`, [key]);
      expect(out).not.toContain('proxy');
      expect(out.length).toBeLessThanOrEqual(SERVER_TEXT_MAX);
    }
  });

  it('honours a custom cap and never splits a surrogate pair', () => {
    expect(sanitizeServerText('abcdef', { max: 4 })).toBe('abc…');
    const cut = capLength('ab😀😀😀', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(capLength('short', 200)).toBe('short');
  });
});

describe('sanitizeServerText: key redaction (both layers, each on its own)', () => {
  it('pattern layer: OpenRouter keys, other sk- keys, Bearer/Basic values and long mixed tokens, with no key passed', () => {
    expect(sanitizeServerText('bad key sk-or-v1-0123456789abcdef0123456789abcdef here')).toBe(`bad key ${REDACTED} here`);
    expect(sanitizeServerText('got sk-proj-AbCdEf012345')).toBe(`got ${REDACTED}`);
    expect(sanitizeServerText('Authorization: Bearer abc.def')).toBe(`Authorization: ${REDACTED}`);
    expect(sanitizeServerText('auth basic dXNlcjpwYXNz')).toBe(`auth ${REDACTED}`);
    expect(sanitizeServerText('token 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 seen')).toBe(`token ${REDACTED} seen`);
  });

  it("pattern layer keeps OpenRouter's masked key label, which identifies a key without revealing it", () => {
    expect(sanitizeServerText('sk-or-v1-abc...xyz')).toBe('sk-or-v1-abc...xyz');
    expect(sanitizeServerText('sk-or-v1-abcdef012...xyz')).toBe(`${REDACTED}...xyz`);
  });

  it('pattern layer leaves model ids, dates and plain words alone', () => {
    const text = 'mistralai/mistral-small-24b-instruct-2501 on 2026-07-26T23:59:59Z at data[3].pricing.prompt xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
    expect(sanitizeServerText(text)).toBe(text);
  });

  it('exact layer: a key that looks like nothing in particular is redacted only because it is passed in', () => {
    const key = 'proxy-token-for-my-team';
    expect(sanitizeServerText(`rejected ${key}.`)).toContain(key);
    expect(sanitizeServerText(`rejected ${key}.`, { secrets: [key] })).toBe(`rejected ${REDACTED}.`);
    expect(sanitizeServerText(`rejected ${key}.`, [key])).toBe(`rejected ${REDACTED}.`);
  });

  it('exact layer: the longer of two overlapping secrets goes whole; tiny or empty secrets are ignored', () => {
    expect(redactSecrets('k=abcd-efgh-ijkl', ['abcd', 'abcd-efgh-ijkl'])).toBe(`k=${REDACTED}`);
    expect(redactSecrets('a b c', ['', 'a', undefined, null])).toBe('a b c');
  });

  it('a key split by an escape sequence is rejoined and still redacted', () => {
    const key = 'proxy-token-for-my-team';
    expect(sanitizeServerText(`x proxy-token${ESC}[0m-for-my-team y`, [key])).toBe(`x ${REDACTED} y`);
  });
});

describe('stripControl / escapeForTerminal / terminalSafe', () => {
  it('stripControl can keep line structure', () => {
    expect(stripControl(`one\r\ntwo${ESC}[2J\rthree`, true)).toBe('one\ntwo\nthree');
  });

  it('escapeForTerminal shows controls as inert \\uXXXX text; JSON output parses back to the same value', () => {
    expect(escapeForTerminal(`a${ESC}[2Jb\rc\u009bd\u202ee\tf\n`)).toBe('a\\u001b[2Jb\\u000dc\\u009bd\\u202ee\tf\n');
    const value = { name: `x\u009b2J\u2028y${ESC}]0;t\u0007` };
    const printed = escapeForTerminal(JSON.stringify(value));
    expect(printed).not.toMatch(CONTROL);
    expect(JSON.parse(printed)).toEqual(value);
  });

  it('terminalSafe also redacts the given secrets and key-like strings', () => {
    expect(terminalSafe(`a ${ESC}]0;t\u0007b\nkey sk-or-v1-abcdef0123456789 and my-proxy-key-1\n`, ['my-proxy-key-1'])).toBe(
      `a \\u001b]0;t\\u0007b\nkey ${REDACTED} and ${REDACTED}\n`,
    );
  });
});

describe('isoTimestampOrNull', () => {
  it.each(['2026-07-26', '2026-07-26T23:59:59Z', '2026-07-26T23:59:59.123Z', '2026-07-26T23:59:59+02:00', '2026-07-26 08:00'])('accepts %s', (s) => {
    expect(isoTimestampOrNull(s)).toBe(s);
  });
  it.each([
    '2026-07-26\nbalance is $0.00',
    `2026-07-26${ESC}[2J`,
    '2026-02-30',
    '2026-07-26T24:00:00Z',
    'yesterday',
    '',
    '2026-07-26T23:59:59Z'.padEnd(60, ' '),
  ])('refuses %j', (s) => {
    expect(isoTimestampOrNull(s)).toBeNull();
  });
  it('refuses non-strings', () => {
    expect(isoTimestampOrNull(20260726)).toBeNull();
    expect(isoTimestampOrNull(null)).toBeNull();
  });
});

// Keys as OpenRouter issues them and as a proxy might: long enough to be worth stealing.
const keyArb = fc.oneof(
  fc.stringMatching(/^sk-or-v1-[0-9a-f]{16,64}$/),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9._~-]{7,40}$/),
);
// Mostly hostile text: escapes, controls, newlines and bits of keys mixed into ordinary characters.
const hostileArb = fc.array(
  fc.oneof(
    fc.string(),
    fc.constantFrom(ESC, `${ESC}[`, `${ESC}]`, '\u0007', '\u009b', '\u009d', '\r\n', '\u202e', '\u2028', 'Bearer ', 'sk-or-', '[redacted]'),
    fc.string({ unit: 'binary', maxLength: 8 }),
  ),
  { maxLength: 40 },
);

describe('sanitizeServerText properties', () => {
  it('never returns a control character, never exceeds the cap, never contains a key passed in', () => {
    fc.assert(
      fc.property(hostileArb, keyArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 300 }), (parts, key, at, max) => {
        // The key goes in whole, and once more split by an escape sequence.
        const cut = Math.max(1, Math.floor(key.length / 2));
        const pieces = [...parts];
        pieces.splice(Math.min(at, pieces.length), 0, ` ${key} `, `${key.slice(0, cut)}${ESC}[0m${key.slice(cut)}`);
        const out = sanitizeServerText(pieces.join(''), { max, secrets: [key] });
        expect(out).not.toMatch(CONTROL);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toContain(key);
        expect(out).toBe(out.trim());
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent on its own output (no second pass changes anything)', () => {
    fc.assert(
      fc.property(hostileArb, (parts) => {
        const once = sanitizeServerText(parts.join(''));
        expect(sanitizeServerText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('terminalSafe output has no control character but newline and tab, and no key passed in', () => {
    fc.assert(
      fc.property(hostileArb, keyArb, (parts, key) => {
        const out = terminalSafe(`${parts.join('')}\n${key}\n`, [key]);
        expect(out.replace(/[\n\t]/g, '')).not.toMatch(CONTROL);
        expect(out).not.toContain(key);
      }),
      { numRuns: 300 },
    );
  });

  it('escapeForTerminal keeps any JSON document exact', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const doc = { value, text };
        const printed = escapeForTerminal(JSON.stringify(doc));
        expect(printed.replace(/[\n\t]/g, '')).not.toMatch(CONTROL);
        expect(JSON.parse(printed)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 300 },
    );
  });
});
