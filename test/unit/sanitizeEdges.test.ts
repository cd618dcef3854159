// The sanitiser at its edges, one behaviour per case and every call inside a test: which characters make a
// token run (and so a key-like string), how long a run must be, which timestamps pass, and how caps and options
// that are not numbers fall back. Complements sanitize.test.ts (classes of input and properties).
import { describe, expect, it } from 'vitest';
import { REDACTED, SERVER_TEXT_MAX, capLength, escapeForTerminal, isoTimestampOrNull, redactExactSecrets, redactSecrets, sanitizeServerText, stripControl } from '../../src/shared/sanitize';

/** A run of exactly `n` token characters holding letters and digits, with `ch` in its middle. */
const run = (n: number, ch = 'a'): string => {
  const half = 'a1'.repeat(n).slice(0, Math.floor((n - 1) / 2));
  return `${half}${ch}${'b2'.repeat(n).slice(0, n - 1 - half.length)}`;
};

describe('token runs', () => {
  it.each(['0', '9', 'A', 'Z', 'a', 'z', '_', '+', '='])('%s is a token character: a 32-long run holding it is redacted', (ch) => {
    const token = run(32, ch);
    expect(token).toHaveLength(32);
    expect(redactSecrets(`id ${token} end`)).toBe(`id ${REDACTED} end`);
  });

  it('a run of 31 is not long enough; 32 is', () => {
    expect(redactSecrets(`id ${run(31)} end`)).toBe(`id ${run(31)} end`);
    expect(redactSecrets(`id ${run(32)} end`)).toBe(`id ${REDACTED} end`);
  });

  it.each(['/', ':', '@', '[', '`', '{', '-', '.'])('%s breaks a run: two halves of 16 stay', (ch) => {
    const text = `${run(16)}${ch}${run(16)}`;
    expect(redactSecrets(text)).toBe(text);
  });

  it('a long run of only digits or only letters is data, not a key', () => {
    const digits = '1234567890'.repeat(4);
    const letters = 'abcdefghij'.repeat(4);
    expect(redactSecrets(`${digits} ${letters}`)).toBe(`${digits} ${letters}`);
    expect(redactSecrets(`${digits}x`)).toBe(REDACTED);
    expect(redactSecrets(`x${letters}9`)).toBe(REDACTED);
  });

  it('"sk-" alone, "Bearer" in any case, and "Basic" open the pattern check', () => {
    expect(redactSecrets('got sk-proj-AbCdEf012345')).toBe(`got ${REDACTED}`);
    expect(redactSecrets('BEARER abc')).toBe(REDACTED);
    expect(redactSecrets('Basic dXNlcjpwYXNz')).toBe(REDACTED);
    expect(redactSecrets('a basic plan, no key')).toBe(`a ${REDACTED} no key`);
  });
});

describe('exact secrets', () => {
  it('trims them, ignores those under 4 characters, uses those of 4', () => {
    expect(redactExactSecrets('k=abcd', [' abcd '])).toBe(`k=${REDACTED}`);
    expect(redactExactSecrets('k=abc', ['abc'])).toBe('k=abc');
    expect(redactExactSecrets('k=abc', [])).toBe('k=abc');
    expect(redactExactSecrets('k=abcd')).toBe('k=abcd');
  });

  it('redacts every occurrence', () => {
    expect(redactExactSecrets('abcd abcd', ['abcd'])).toBe(`${REDACTED} ${REDACTED}`);
  });
});

describe('caps', () => {
  it('a cap that is not a number of at least 1 is the default; a fraction is floored', () => {
    const long = 'word '.repeat(100);
    for (const max of [0, 0.5, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(sanitizeServerText(long, { max })).toHaveLength(SERVER_TEXT_MAX);
      expect(capLength(long, max)).toHaveLength(SERVER_TEXT_MAX);
    }
    expect(sanitizeServerText('abcdefghij', { max: 4.9 })).toBe('abc…');
    expect(capLength('abcdefghij', 4.9)).toBe('abc…');
    expect(sanitizeServerText('abcdefghij', { max: 1 })).toBe('…');
  });

  it('text exactly as long as the cap is kept whole', () => {
    expect(capLength('abcd', 4)).toBe('abcd');
    expect(sanitizeServerText('abcd', { max: 4 })).toBe('abcd');
    expect(capLength('abcde', 4)).toBe('abc…');
  });

  it('text past the reading window ends with an ellipsis after its last whole word', () => {
    // max 10: the window is 10 * 4 + 4096 = 4136 characters.
    const words = 'word '.repeat(1000);
    expect(sanitizeServerText(words, { max: 10 })).toBe('word word…');
    const oneWord = 'z'.repeat(5000);
    expect(sanitizeServerText(oneWord, { max: 10 })).toBe('…');
    const fits = 'y'.repeat(4136);
    expect(sanitizeServerText(fits, { max: 10 })).toBe(`${'y'.repeat(9)}…`);
  });
});

describe('control characters', () => {
  it('keepNewlines: a lone CR becomes a newline, a tab and NEL a space, other controls go', () => {
    expect(stripControl('a\rb\tc\u0085d\u0007e', true)).toBe('a\nb c de');
    // Without keepNewlines each line-breaking character is a space of its own (sanitizeServerText collapses them).
    expect(stripControl('a\r\nb\u0007c', false)).toBe('a  bc');
    expect(stripControl('plain text')).toBe('plain text');
  });

  it('whitespace collapses: tabs, leading and trailing space, runs of spaces', () => {
    expect(sanitizeServerText('a\tb')).toBe('a b');
    expect(sanitizeServerText('  a')).toBe('a');
    expect(sanitizeServerText('a  ')).toBe('a');
    expect(sanitizeServerText('a    b')).toBe('a b');
    expect(sanitizeServerText(' a')).toBe('a');
    expect(sanitizeServerText('a ')).toBe('a');
  });

  it('escapeForTerminal writes four hex digits', () => {
    expect(escapeForTerminal('\u0001\u007f\u2028')).toBe('\\u0001\\u007f\\u2028');
  });
});

describe('timestamps', () => {
  it.each(['2026-07-26T23:59:59Z', '2026-07-26T00:00:00Z', '2026-07-26T08:00', '2026-07-26 08:00:05', '2026-07-26T08:00:05-05:00', '2026-07-26T08:00:05+0530', '2026-07-26T08:00:05.123456789Z', '2024-02-29'])(
    'accepts %s',
    (s) => {
      expect(isoTimestampOrNull(s)).toBe(s);
    },
  );

  it.each(['2026-07-26T23:60:00Z', '2026-07-26T23:59:60Z', '2026-07-26T08', '2026-07-26t08:00', '2026-07-26T08:00:05.1234567890Z', '2026-13-01', '2026-00-10', '2025-02-29', '2026-07-26T08:00:05+05', '26-07-26', '2026-7-26', ' 2026-07-26', '2026-07-26 '])(
    'refuses %j',
    (s) => {
      expect(isoTimestampOrNull(s)).toBeNull();
    },
  );
});
