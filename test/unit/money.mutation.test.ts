// Cases `npm run mutation` showed no test pinned down in src/core/account/money.ts: exponents in price strings, padded
// strings, the largest token units and the unit roll-over at the top of the table.
import { describe, expect, it } from 'vitest';
import { readPricePerMillion, readPricePerUnit, roundUsd, tokenChange } from '../../src/core/account/money';
import { formatPerMillion as formatPricePerMillion, formatTokens, formatUsd, parseTokens } from '../../src/shared/format';

const perMillion = (raw: string): number | null => readPricePerMillion(raw).value;

describe('price strings with exponents and padding', () => {
  it('reads exponents with or without a sign and with one to three digits', () => {
    expect(readPricePerUnit('1e5')).toEqual({ value: 100000, variable: false });
    expect(readPricePerUnit('1e+2')).toEqual({ value: 100, variable: false });
    expect(readPricePerUnit('2.5E-1')).toEqual({ value: 0.25, variable: false });
    expect(perMillion('9e-8')).toBe(0.09);
    expect(perMillion('1.5e-10')).toBe(0.00015);
    expect(readPricePerUnit('3e-100')).toEqual({ value: 3e-100, variable: false });
    expect(readPricePerUnit('1e1000')).toEqual({ value: null, variable: false });
    expect(readPricePerUnit('1e')).toEqual({ value: null, variable: false });
  });

  it('reads a price padded with white space as the price, not as malformed', () => {
    expect(perMillion(' 0.00000009 ')).toBe(0.09);
    expect(readPricePerUnit('\t0.5\n')).toEqual({ value: 0.5, variable: false });
    expect(readPricePerUnit(' -1 ')).toEqual({ value: null, variable: true });
    expect(readPricePerUnit('   ')).toEqual({ value: null, variable: false });
  });
});

describe('token units', () => {
  it('names billions and quadrillions', () => {
    expect(formatTokens(1_500_000_000n)).toBe('1.5B');
    expect(formatTokens(2_000_000_000_000_000n)).toBe('2P');
    expect(formatTokens('12340000000000000')).toBe('12.3P');
  });

  it('has no unit above P: a figure past 999.95P stays in P', () => {
    expect(formatTokens(10n ** 18n)).toBe('1,000P');
    expect(formatTokens(999_999_000_000_000_000n)).toBe('1,000P');
    expect(formatTokens(999_999_000_000_000n)).toBe('1P');
  });

  it('has no change without an earlier positive figure', () => {
    expect(tokenChange(5n, null)).toBeNull();
    expect(tokenChange(5n, 0n)).toBeNull();
    expect(tokenChange(15n, 10n)).toBe(0.5);
  });
});

describe('roundUsd at the edges', () => {
  it('keeps infinities and NaN, and never returns -0', () => {
    expect(roundUsd(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(roundUsd(Number.NaN)).toBeNaN();
    expect(Object.is(roundUsd(-0), 0)).toBe(true);
    expect(roundUsd(0.1 + 0.2)).toBe(0.3);
  });
});

describe('formatters and token parsing at their edges', () => {
  it('prints an unknown amount or price as a dash, and a zero price as free', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatPricePerMillion(null)).toBe('—');
    expect(formatPricePerMillion(0)).toBe('free');
  });

  it('reads zero tokens as zero and refuses negatives and non-numbers', () => {
    expect(parseTokens(0n)).toBe(0n);
    expect(parseTokens(0)).toBe(0n);
    expect(parseTokens(-1n)).toBeNull();
    expect(parseTokens(-1)).toBeNull();
    expect(parseTokens(undefined)).toBeNull();
    expect(parseTokens(null)).toBeNull();
  });

  it('moves to the next unit exactly at 1,000 of the smaller one', () => {
    expect(formatTokens(999n)).toBe('999');
    expect(formatTokens(1000n)).toBe('1K');
    expect(formatTokens(1_000_000n)).toBe('1M');
  });
});
