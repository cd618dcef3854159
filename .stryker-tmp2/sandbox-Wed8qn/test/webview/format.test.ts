import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatChange,
  formatContext,
  formatDay,
  formatIndex,
  formatPercent,
  formatPerMillion,
  formatPrice,
  formatTokens,
  formatUnixDay,
  formatUsd,
  parseTokenInput,
  regionLabel,
} from '../../webview/src/format';

describe('format', () => {
  it('dollars: unknown is a dash, never $0.00', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd(undefined)).toBe('—');
    expect(formatUsd(Number.NaN)).toBe('—');
    expect(formatUsd('12')).toBe('—');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(25.5)).toBe('$25.50');
    expect(formatUsd(1234.4)).toBe('$1,234');
    expect(formatUsd(0.0042)).toBe('$0.0042');
    expect(formatUsd(-3.2)).toBe('−$3.20');
    expect(formatUsd(0.0000001)).toBe('<$0.0001');
  });

  it('prices per 1M tokens', () => {
    expect(formatPrice(0.14)).toBe('$0.14');
    expect(formatPrice(0.435)).toBe('$0.435');
    expect(formatPrice(0.7182)).toBe('$0.718');
    expect(formatPrice(3)).toBe('$3');
    expect(formatPrice(2.2572)).toBe('$2.26');
    expect(formatPrice(0.0028)).toBe('$0.0028');
    expect(formatPrice(180)).toBe('$180');
    expect(formatPrice(0)).toBe('free');
    expect(formatPrice(0.00000005)).toBe('<$0.0001');
    expect(formatPrice(-1)).toBe('—');
    expect(formatPrice(null)).toBe('—');
    expect(formatPerMillion(0.028)).toBe('$0.028/1M');
    expect(formatPerMillion(null)).toBe('—');
  });

  it('tokens from decimal strings and numbers', () => {
    expect(formatTokens('4690000000000')).toBe('4.69T');
    expect(formatTokens('10463362117544')).toBe('10.5T');
    expect(formatTokens('661881164910')).toBe('662B');
    expect(formatTokens(999_600)).toBe('1M');
    expect(formatTokens(950_000)).toBe('950K');
    expect(formatTokens('12')).toBe('12');
    expect(formatTokens('0')).toBe('0');
    // Beyond 2^53 still formats.
    expect(formatTokens('123456789012345678901')).toBe('123,457P');
    expect(formatTokens('1e12')).toBe('—');
    expect(formatTokens('-5')).toBe('—');
    expect(formatTokens(null)).toBe('—');
    expect(formatContext(1048576)).toBe('1.05M');
    expect(formatContext(262144)).toBe('262K');
    expect(formatContext(0)).toBe('—');
  });

  it('percentages and changes', () => {
    expect(formatPercent(0.183)).toBe('18 %');
    expect(formatPercent(0.042)).toBe('4.2 %');
    expect(formatPercent(-0.96)).toBe('−96 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatChange(0.1227)).toBe('+12 %');
    expect(formatChange(-0.3029)).toBe('−30 %');
    expect(formatChange(0.0004)).toBe('0 %');
    expect(formatChange(null)).toBe('—');
  });

  it('ages and days', () => {
    const now = Date.parse('2026-07-29T09:30:00Z');
    expect(formatAge(now - 10_000, now)).toBe('just now');
    expect(formatAge(now - 30 * 60_000, now)).toBe('30 min ago');
    expect(formatAge(now - 3 * 3600_000, now)).toBe('3 h ago');
    expect(formatAge(now - 49 * 3600_000, now)).toBe('2 d ago');
    expect(formatAge(null, now)).toBe('—');
    expect(formatDay('2026-07-26')).toBe('Jul 26');
    expect(formatDay('2026-07-26T23:59:59Z', true)).toBe('Jul 26, 2026');
    expect(formatDay('2026-13-01')).toBe('—');
    expect(formatDay('yesterday')).toBe('—');
    expect(formatUnixDay(1759161676)).toBe('Sep 29, 2025');
    expect(formatUnixDay(1e20)).toBe('—');
    expect(formatIndex(56.2)).toBe('56.2');
    expect(formatIndex(78)).toBe('78');
    expect(regionLabel('CN')).toBe('China');
    expect(regionLabel('MARS')).toBe('Unknown');
  });

  it('reads token counts as people type them', () => {
    expect(parseTokenInput('5400000')).toBe(5_400_000);
    expect(parseTokenInput('5,400,000')).toBe(5_400_000);
    expect(parseTokenInput('5.4M')).toBe(5_400_000);
    expect(parseTokenInput(' 800k ')).toBe(800_000);
    expect(parseTokenInput('2b')).toBe(2e9);
    expect(parseTokenInput('0')).toBe(0);
    expect(parseTokenInput('')).toBeNull();
    expect(parseTokenInput('-5')).toBeNull();
    expect(parseTokenInput('lots')).toBeNull();
    expect(parseTokenInput('2000T')).toBeNull();
  });

  it('no formatter throws or leaks NaN, exponents or "undefined", whatever it is given', () => {
    const formatters = [formatUsd, formatPrice, formatPerMillion, formatTokens, formatContext, formatPercent, formatChange, formatIndex, formatDay, formatUnixDay, regionLabel];
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.double(), fc.bigInt(), fc.stringMatching(/^\d{1,40}$/)), (value) => {
        for (const f of formatters) expect((f as (v: unknown) => string)(value)).not.toMatch(/e[+-]\d|NaN|undefined|Infinity/);
        expect(typeof formatAge(value, Date.now())).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('does not read region labels off the object prototype', () => {
    // Found by the property above: "toString" in a lookup table is true through the prototype.
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(regionLabel(name)).toBe(regionLabel('UNKNOWN'));
  });

  it('parsing a formatted whole number gives it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseTokenInput(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });
});
