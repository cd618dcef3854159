import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSharedL10n, substitute } from '../../src/shared/l10n';
import {
  formatLogMs,
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
  formatAgo,
  formatAsOfDay,
  formatCount,
  formatDuration,
  formatUtc,
  parseTokenInput,
  parseTokens,
  regionLabel,
  formatPricePair,
  formatLatency,
  formatThroughput,
  formatWatchSides,
  utcDay,
  utcMonth,
  UNKNOWN,
} from '../../src/shared/format';

// One rendering per kind, pinned: a change to any row is a change every surface shows at once.
describe('the one rendering of each kind', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  const TABLE: [kind: string, render: () => string, en: string, zhCn: string][] = [
    ['unknown', () => formatUsd(null), '—', '—'],
    ['money, zero', () => formatUsd(0), '$0.00', '$0.00'],
    ['money, cents', () => formatUsd(0.3), '$0.30', '$0.30'],
    ['money, thousands keep cents', () => formatUsd(1234.5), '$1,234.50', '$1,234.50'],
    ['money, millions', () => formatUsd(2_500_000), '$2,500,000.00', '$2,500,000.00'],
    ['money, sub-cent', () => formatUsd(0.00042), '$0.00042', '$0.00042'],
    ['money, dust', () => formatUsd(0.00000123), '<$0.0001', '<$0.0001'],
    ['money, negative', () => formatUsd(-3.2), '−$3.20', '−$3.20'],
    ['price /1M, free', () => formatPrice(0), 'free', '免费'],
    ['price /1M, tenths keep two decimals', () => formatPrice(0.3), '$0.30', '$0.30'],
    ['price /1M, whole', () => formatPrice(1), '$1', '$1'],
    ['price /1M, three decimals under $1', () => formatPrice(0.7182), '$0.718', '$0.718'],
    ['price /1M, two decimals from $1', () => formatPrice(2.2572), '$2.26', '$2.26'],
    ['price /1M, over $100', () => formatPrice(1250), '$1,250', '$1,250'],
    ['price pair', () => formatPricePair(0.3, 1), '$0.30 / $1 per 1M', '$0.30 / $1（每 1M）'],
    ['price pair, free', () => formatPricePair(0, 0), 'free', '免费'],
    ['price pair, one side free', () => formatPricePair(0, 2.5), 'free / $2.50 per 1M', '免费 / $2.50（每 1M）'],
    ['per million', () => formatPerMillion(0.3), '$0.30/1M', '$0.30/1M'],
    ['tokens, small', () => formatTokens(512), '512', '512'],
    ['tokens, thousands', () => formatTokens('1500'), '1.5K', '1.5K'],
    ['tokens, trillions', () => formatTokens('1440000000000'), '1.44T', '1.44T'],
    ['tokens, rounding up a unit', () => formatTokens(999_999n), '1M', '1M'],
    ['tokens, past 2^53', () => formatTokens('9007199254740993'), '9.01P', '9.01P'],
    ['context', () => formatContext(131_072), '131K', '131K'],
    ['context, million', () => formatContext(1_048_576), '1.05M', '1.05M'],
    ['percent', () => formatPercent(0.72), '72%', '72%'],
    ['percent, small', () => formatPercent(0.042), '4.2%', '4.2%'],
    ['percent, negative', () => formatPercent(-0.72), '−72%', '−72%'],
    ['percent, floored budget', () => formatPercent(0.9999, { floor: true }), '99%', '99%'],
    ['change, up', () => formatChange(0.12), '+12%', '+12%'],
    ['change, saving', () => formatChange(-0.72), '−72%', '−72%'],
    ['count', () => formatCount(1234), '1,234', '1,234'],
    ['coding index', () => formatIndex(61.23), '61.2', '61.2'],
    ['day', () => formatDay('2026-08-10'), 'Aug 10', '8月10日'],
    ['day with year', () => formatDay('2026-08-10', true), 'Aug 10, 2026', '2026年8月10日'],
    ['as-of day, this year', () => formatAsOfDay('2026-08-10', now) ?? '', 'Aug 10', '8月10日'],
    ['as-of day, another year', () => formatAsOfDay('2025-08-10', now) ?? '', 'Aug 10, 2025', '2025年8月10日'],
    ['instant', () => formatUtc(Date.parse('2026-08-10T14:05:59Z')), '2026-08-10 14:05 UTC', '2026-08-10 14:05 UTC'],
    ['duration', () => formatDuration(3 * 3_600_000), '3 h', '3小时'],
    ['age', () => formatAge(now - 5 * 60_000, now), '5 min ago', '5分钟前'],
    ['age, days', () => formatAgo(3 * 86_400_000), '3 d ago', '3天前'],
    ['region', () => regionLabel('CN'), 'China', '中国'],
    ['latency, ms', () => formatLatency(420.4), '420 ms', '420 毫秒'],
    ['latency, seconds', () => formatLatency(1234), '1.2 s', '1.2 秒'],
    ['latency, whole seconds', () => formatLatency(12_400), '12 s', '12 秒'],
    ['latency, unknown', () => formatLatency(null), '—', '—'],
    ['throughput', () => formatThroughput(85.4), '85 tok/s', '85 token/秒'],
    ['throughput, slow', () => formatThroughput(4.54), '4.5 tok/s', '4.5 token/秒'],
    ['throughput, fast', () => formatThroughput(1234), '1,234 tok/s', '1,234 token/秒'],
    ['throughput, zero is no figure', () => formatThroughput(0), '—', '—'],
  ];
  it.each(TABLE)('%s', (_kind, render, text) => {
    expect(render()).toBe(text);
  });

  // The same table with the UI in 简体中文 (issue #14): words from the zh-cn bundle, dates and ages through Intl,
  // money, tokens and percentages as the module header's reviewed choices say.
  describe('in 简体中文', () => {
    const zh = JSON.parse(readFileSync(new URL('../../l10n/bundle.l10n.zh-cn.json', import.meta.url), 'utf8')) as Record<string, string>;
    beforeAll(() => setSharedL10n('zh-CN', (m, ...args) => substitute(zh[m] ?? m, ...args)));
    afterAll(() => setSharedL10n('en', substitute));
    it.each(TABLE)('%s', (_kind, render, _en, text) => {
      expect(render()).toBe(text);
    });
    it('every region in Chinese, durations in Chinese units, a future time is "just now"', () => {
      expect(['CN', 'US', 'EU', 'OTHER', 'UNKNOWN', 'XX'].map(regionLabel)).toEqual(['中国', '美国', '欧洲', '其他', '未知', '未知']);
      expect([formatDuration(30_000), formatDuration(12 * 60_000), formatDuration(50 * 3_600_000)]).toEqual(['<1分钟', '12分钟', '2天']);
      expect(formatAgo(-5_000)).toBe('刚刚');
      expect(formatAge(now - 47 * 3_600_000, now)).toBe('47小时前');
      expect(formatUnixDay(Date.parse('2026-01-05T00:00:00Z') / 1000)).toBe('2026年1月5日');
    });
  });

  it('English again once the language is English: nothing of the Chinese run stays behind', () => {
    setSharedL10n('en', substitute);
    expect(TABLE.map(([, render]) => render())).toEqual(TABLE.map(([, , en]) => en));
  });

  it('groups digits with a locale when one is given, en-US otherwise', () => {
    expect(formatUsd(1234.5, { locale: 'de-DE' })).toBe('$1.234,50');
    expect(formatCount(1234, { locale: 'en-US' })).toBe(formatCount(1234));
  });

  it('UNKNOWN is the one dash', () => {
    expect(UNKNOWN).toBe('—');
  });
});

describe('format', () => {
  it('dollars: unknown is a dash, never $0.00', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd(undefined)).toBe('—');
    expect(formatUsd(Number.NaN)).toBe('—');
    expect(formatUsd('12')).toBe('—');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(25.5)).toBe('$25.50');
    expect(formatUsd(1234.4)).toBe('$1,234.40');
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

  it('an input / output price pair: "free" once when both are free', () => {
    expect(formatPricePair(0, 0)).toBe('free');
    expect(formatPricePair(0.14, 0.28)).toBe('$0.14 / $0.28 per 1M');
    expect(formatPricePair(0, 0.5)).toBe('free / $0.50 per 1M');
    expect(formatPricePair(null, undefined)).toBe('— / — per 1M');
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
    expect(formatPercent(0.183)).toBe('18%');
    expect(formatPercent(0.042)).toBe('4.2%');
    expect(formatPercent(-0.96)).toBe('−96%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatChange(0.1227)).toBe('+12%');
    expect(formatChange(-0.3029)).toBe('−30%');
    expect(formatChange(0.0004)).toBe('0%');
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

describe('formatUsd', () => {
  it.each([
    [0.87, '$0.87'],
    [74.5, '$74.50'],
    [1234, '$1,234.00'],
    [1234.56, '$1,234.56'],
    [1_234_567.4, '$1,234,567.40'],
    [999.994, '$999.99'],
    [999.996, '$1,000.00'],
    [0.01, '$0.01'],
    [0.004, '$0.004'],
    [0.0042, '$0.0042'],
    [0.00999, '$0.01'],
    [0.00018, '$0.00018'],
    [0.00000123, '<$0.0001'],
    [29.9999982, '$30.00'],
    [-3.2, '−$3.20'],
    [-0.004, '−$0.004'],
    [-0.00000001, '−<$0.0001'],
    [0, '$0.00'],
  ])('%s → %s', (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('never shows $0.00 for unknown %s', (value) => {
    expect(formatUsd(value)).toBe('—');
  });
});

describe('time and percent', () => {
  it('formats durations short', () => {
    expect(formatDuration(0)).toBe('<1 min');
    expect(formatDuration(59_999)).toBe('<1 min');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12 min');
    expect(formatDuration(3 * 3_600_000 + 20 * 60_000)).toBe('3 h');
    expect(formatDuration(47 * 3_600_000)).toBe('47 h');
    expect(formatDuration(3 * 86_400_000)).toBe('3 d');
    expect(formatDuration(-5)).toBe('<1 min');
  });

  it('says "just now" for recent or future times', () => {
    expect(formatAgo(10_000)).toBe('just now');
    expect(formatAgo(-60_000)).toBe('just now');
    expect(formatAgo(5 * 60_000)).toBe('5 min ago');
  });

  it('formats UTC stamps and periods', () => {
    const t = Date.parse('2026-07-29T14:05:59Z');
    expect(formatUtc(t)).toBe('2026-07-29 14:05 UTC');
    expect(utcDay(Date.parse('2026-07-31T23:59:59Z'))).toBe('2026-07-31');
    expect(utcMonth(Date.parse('2026-08-01T00:00:00Z'))).toBe('2026-08');
  });

  it('floors percentages so 100% means reached', () => {
    expect(formatPercent(0.8, { floor: true })).toBe('80%');
    expect(formatPercent(0.57, { floor: true })).toBe('57%');
    expect(formatPercent(0.9999, { floor: true })).toBe('99%');
    expect(formatPercent(1.25, { floor: true })).toBe('125%');
    expect(formatPercent(null, { floor: true })).toBe('—');
  });
});


describe('tokens from core', () => {
  it('formats with three significant digits', () => {
    expect(formatTokens(4_690_000_000_000n)).toBe('4.69T');
    expect(formatTokens('3294000000000')).toBe('3.29T');
    expect(formatTokens('28900000000000')).toBe('28.9T');
    expect(formatTokens('126800000000000')).toBe('127T');
    expect(formatTokens('1500')).toBe('1.5K');
    expect(formatTokens('999')).toBe('999');
    expect(formatTokens('999999')).toBe('1M');
    expect(formatTokens('0')).toBe('0');
    expect(formatTokens('x')).toBe('—');
  });

});

describe('parseTokens', () => {
  it('reads only non-negative integers', () => {
    expect(parseTokens('123')).toBe(123n);
    expect(parseTokens(1.5)).toBeNull();
    expect(parseTokens(-1n)).toBeNull();
  });
});

describe('formatLogMs', () => {
  it('writes log timings as the e2e and bench read them: two decimals, never grouped', () => {
    expect(formatLogMs(4.05)).toBe('4.05');
    expect(formatLogMs(1234.5)).toBe('1234.50');
    expect(formatLogMs(0)).toBe('0.00');
    expect(/activated in (\d+(?:\.\d+)?) ms/.exec(`activated in ${formatLogMs(12.345678)} ms`)?.[1]).toBe('12.35');
    expect(formatLogMs(Number.NaN)).toBe('—');
  });
});

// The first screen and the app format a few hundred figures on every paint; `toLocaleString` with a locale builds
// an Intl formatter per call (tens of µs each, a cold webview more): the formatter builds each once.
describe('Intl formatters built once', () => {
  it('reads exactly as toLocaleString would, in English and in Chinese, the cache following the UI language', () => {
    const zh: typeof substitute = (m, ...args) => substitute(m, ...args);
    fc.assert(
      fc.property(fc.double({ min: 10, max: 1e12, noNaN: true }), (n) => {
        setSharedL10n('en', substitute);
        expect(formatUsd(n)).toBe(`$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
        expect(formatCount(n)).toBe(Math.round(n).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 }));
        setSharedL10n('de', zh);
        expect(formatCount(n)).toBe(Math.round(n).toLocaleString('de', { minimumFractionDigits: 0, maximumFractionDigits: 0 }));
        setSharedL10n('en', substitute);
      }),
      { numRuns: 300 },
    );
    // A language switch after formatting in English: German grouping, not the cached English one.
    setSharedL10n('de', zh);
    expect(formatCount(1234567)).toBe('1.234.567');
    setSharedL10n('en', substitute);
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('formatWatchSides', () => {
  const base = { seq: 1, at: '2026-07-29T09:00:00Z', modelId: 'qwen/qwen3-coder', name: 'Qwen3 Coder' };

  it('each kind of catalog change reads as its two sides, through the one formatter', () => {
    expect(formatWatchSides({ ...base, kind: 'price', from: { input: 0.3, output: 1 }, to: { input: 0, output: 0 } })).toEqual({ from: '$0.30 / $1 per 1M', to: 'free' });
    expect(formatWatchSides({ ...base, kind: 'expiration', from: null, to: '2026-09-30' })).toEqual({ from: 'no retirement date', to: 'Sep 30, 2026' });
    expect(formatWatchSides({ ...base, kind: 'expiration', from: '2026-09-30', to: null })).toEqual({ from: 'Sep 30, 2026', to: 'no retirement date' });
    expect(formatWatchSides({ ...base, kind: 'context', from: 262_144, to: null })).toEqual({ from: '262K', to: UNKNOWN });
    expect(formatWatchSides({ ...base, kind: 'removed', from: { input: null, output: 2.5 }, to: null })).toEqual({ from: '— / $2.50 per 1M', to: null });
  });

  it('"no retirement date" is translated like every other word (it was English in the Chinese UI)', () => {
    const zh = JSON.parse(readFileSync(new URL('../../l10n/bundle.l10n.zh-cn.json', import.meta.url), 'utf8')) as Record<string, string>;
    setSharedL10n('zh-CN', (m, ...args) => substitute(zh[m] ?? m, ...args));
    try {
      const sides = formatWatchSides({ ...base, kind: 'expiration', from: null, to: '2026-09-30' });
      expect(sides).toEqual({ from: zh['no retirement date'], to: '2026年9月30日' });
      expect(sides.from).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      setSharedL10n('en', substitute);
    }
  });
});

describe('formatPercent rounding down', () => {
  it('under 10 % keeps one decimal, rounded towards zero, never up to the next tenth', () => {
    expect(formatPercent(0.0429, { floor: true })).toBe('4.2%');
    expect(formatPercent(0.099999, { floor: true })).toBe('9.9%');
    expect(formatPercent(0.043, { floor: true })).toBe('4.3%');
    expect(formatPercent(0.0007, { floor: true })).toBe('0%');
    expect(formatPercent(0.05, { floor: true })).toBe('5%');
    expect(formatPercent(-0.0429, { floor: true })).toBe('\u22124.2%');
    expect(formatPercent(0.0429)).toBe('4.3%');
  });
});
