import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_PRICE_READING,
  readPricePerMillion,
  readPricePerUnit,
  roundUsd,
  tokenChange,
  tokenShare,
} from '../../src/core/account/money';
import { parseTokens } from '../../src/shared/format';

/** $/1M or null (missing, malformed or variable). */
const perMillion = (raw: string): number | null => readPricePerMillion(raw).value;

describe('readPricePerMillion', () => {
  it('converts per-token decimal strings to $/1M without float noise', () => {
    expect(perMillion('0.00000009')).toBe(0.09);
    expect(perMillion('0.0000025')).toBe(2.5);
    expect(perMillion('0.000000018')).toBe(0.018);
    expect(perMillion('0.00001125')).toBe(11.25);
    expect(perMillion('0')).toBe(0);
    expect(perMillion('1e-7')).toBe(0.1);
    expect(perMillion('2.5E-6')).toBe(2.5);
    expect(perMillion('.000001')).toBe(1);
  });

  it('equals the nearest double of 1e6 × the decimal for random prices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 12 }), (mantissa, scale) => {
        // mantissa × 10^-scale per token, written the way OpenRouter writes it.
        const s = (mantissa / 10 ** scale).toFixed(scale);
        // Both operands are exact doubles, so this division is the correctly rounded true value.
        const expected = scale <= 6 ? mantissa * 10 ** (6 - scale) : mantissa / 10 ** (scale - 6);
        expect(perMillion(s)).toBe(expected > MAX_PRICE_READING ? null : expected);
      }),
    );
  });

  it('flags negative prices as variable and never returns a negative number', () => {
    expect(readPricePerMillion('-1')).toEqual({ value: null, variable: true });
    expect(readPricePerMillion('-0.5')).toEqual({ value: null, variable: true });
  });

  it('returns null for missing or malformed prices', () => {
    for (const bad of [undefined, null, '', '  ', 'abc', '1.2.3', '0x10', 'NaN', 'Infinity', '1e999', '.', '-']) {
      expect(readPricePerMillion(bad)).toEqual({ value: null, variable: false });
    }
  });

  it('reads a price beyond any real one as missing, so no view shows "$1e+306" and no sum overflows', () => {
    for (const absurd of ['1e300', '1e301', '2', '1000000', '1.000001']) {
      expect(readPricePerMillion(absurd)).toEqual({ value: null, variable: false });
    }
    expect(readPricePerUnit('1e300')).toEqual({ value: null, variable: false });
    expect(readPricePerUnit('1000000.5').value).toBeNull();
    // the bound itself and the dearest real prices still read
    expect(perMillion('1')).toBe(1_000_000);
    expect(perMillion('0.0006')).toBe(600);
    expect(readPricePerUnit('1000000').value).toBe(1_000_000);
  });

  it('reads per-unit prices without scaling', () => {
    expect(readPricePerUnit('0.005').value).toBe(0.005);
    expect(readPricePerUnit('-1').variable).toBe(true);
  });

  it('never yields -0', () => {
    expect(Object.is(perMillion('-0'), 0)).toBe(true);
  });
});

describe('tokens', () => {
  it('parses only non-negative integers', () => {
    expect(parseTokens('123')).toBe(123n);
    expect(parseTokens(' 42 ')).toBe(42n);
    expect(parseTokens('12.5')).toBeNull();
    expect(parseTokens('-3')).toBeNull();
    expect(parseTokens('1e9')).toBeNull();
    expect(parseTokens(7)).toBe(7n);
    expect(parseTokens(1.5)).toBeNull();
  });

  it('computes shares and changes', () => {
    expect(tokenShare(1n, 4n)).toBe(0.25);
    expect(tokenShare(1n, 0n)).toBe(0);
    expect(tokenChange(110n, 100n)).toBeCloseTo(0.1, 12);
    expect(tokenChange(5n, null)).toBeNull();
    expect(tokenChange(5n, 0n)).toBeNull();
  });
});

describe('roundUsd', () => {
  it('rounds away binary noise', () => {
    expect(roundUsd(0.1 + 0.2)).toBe(0.3);
  });
});
