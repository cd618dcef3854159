// Cases `npm run mutation` showed no test pinned down in src/shared/format.ts: the edges between two renderings
// (a cent, $100, a minute, an hour, 48 hours, a second of latency), inputs that are not what the type says, and the
// Intl formatter cache (built once, bounded).
import { afterEach, describe, expect, it } from 'vitest';
import { setSharedL10n, substitute } from '../../src/shared/l10n';
import {
  formatAgo,
  formatAsOfDay,
  formatChange,
  formatCount,
  formatDay,
  formatDuration,
  formatLatency,
  formatPercent,
  formatPrice,
  formatPricePair,
  formatTokens,
  formatUnixDay,
  formatUsd,
  formatUtc,
  parseTokenInput,
  regionLabel,
} from '../../src/shared/format';

afterEach(() => setSharedL10n('en', substitute));

describe('the edges between two renderings', () => {
  it('money and prices at a hundredth of a cent read as that figure, not "under" it', () => {
    expect(formatUsd(0.0001)).toBe('$0.0001');
    expect(formatUsd(-0.0001)).toBe('−$0.0001');
    expect(formatPrice(0.0001)).toBe('$0.0001');
  });

  it('token counts round into the next unit at 999.5 and keep the top unit past 999.5 of it', () => {
    expect(formatTokens(999_500)).toBe('1M');
    expect(formatTokens(999_499)).toBe('999K');
    expect(formatTokens('999500000000000000')).toBe('1,000P');
  });

  it('an average token count is rounded to a whole count; a negative one is unknown', () => {
    expect(formatTokens(12.6)).toBe('13');
    expect(formatTokens(1499.6)).toBe('1.5K');
    expect(formatTokens(-0.4)).toBe('—');
  });

  it('a percentage of exactly 9.95 rounds to 10%; a tiny loss reads 0%, never −0%', () => {
    // ×100 gives exactly 9.95 here.
    expect(formatPercent(0.09949999999999999)).toBe('10%');
    expect(formatPercent(-0.0001)).toBe('0%');
    expect(formatChange(-0.0001)).toBe('0%');
  });

  it('durations and ages change unit at one minute, one hour and 48 hours', () => {
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(48 * 3_600_000)).toBe('2 d');
    expect(formatAgo(60_000)).toBe('1 min ago');
    expect(formatAgo(59_999)).toBe('just now');
  });

  it('latency: zero is a measurement, a negative one is not, a full second reads in seconds', () => {
    expect(formatLatency(0)).toBe('0 ms');
    expect(formatLatency(-5)).toBe('—');
    expect(formatLatency(999.4)).toBe('999 ms');
    expect(formatLatency(1000)).toBe('1 s');
  });

  it('days: the first of a month is a day, day 0 and day 32 are not', () => {
    expect(formatDay('2026-07-01')).toBe('Jul 1');
    expect(formatDay('2026-07-31')).toBe('Jul 31');
    expect(formatDay('2026-07-00')).toBe('—');
    expect(formatDay('2026-07-32')).toBe('—');
  });

  it('the Unix epoch itself is no date a server means', () => {
    expect(formatUnixDay(0)).toBe('—');
    expect(formatUnixDay(1)).toBe('Jan 1, 1970');
  });

  it('the host accepts token counts up to 1e15, and so does the parser', () => {
    expect(parseTokenInput('1000T')).toBe(1e15);
    expect(parseTokenInput('1000.001T')).toBeNull();
  });
});

describe('what is not the kind a formatter expects', () => {
  it('a price pair with a free output keeps the input price', () => {
    expect(formatPricePair(0.5, 0)).toBe('$0.50 / free per 1M');
    expect(formatPricePair(0.3, 1, { unit: false })).toBe('$0.30 / $1');
    expect(formatPricePair(0.3, 1, { unit: true })).toBe('$0.30 / $1 per 1M');
  });

  it('a change that is not a number is unknown, not "+—"', () => {
    expect(formatChange('0.2')).toBe('—');
    expect(formatChange(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('typed token counts: trailing words and decimals', () => {
    expect(parseTokenInput('12 apples')).toBeNull();
    expect(parseTokenInput('1.25M')).toBe(1_250_000);
  });

  it('a day is read only from a string that starts with it', () => {
    expect(formatDay('on 2026-07-26')).toBe('—');
    expect(formatDay(['2026-07-26'])).toBe('—');
    expect(regionLabel(['CN'])).toBe('Unknown');
  });

  it('an instant that is not finite is unknown, not an exception', () => {
    expect(formatUtc(Number.NaN)).toBe('—');
  });

  it('an as-of day without a clock says its year', () => {
    expect(formatAsOfDay('2025-08-10')).toBe('Aug 10, 2025');
    expect(formatAsOfDay('2025-08-10', Number.NaN)).toBe('Aug 10, 2025');
  });
});

describe('UI languages', () => {
  it('every English reads as en-US: "Jul 26", never "26 Jul"', () => {
    setSharedL10n('en-GB', substitute);
    expect(formatDay('2026-07-26')).toBe('Jul 26');
    expect(formatDay('2026-07-26', true)).toBe('Jul 26, 2026');
  });

  it('relative ages follow a language switch in the short style', () => {
    setSharedL10n('zh-CN', substitute);
    expect(formatAgo(5 * 60_000)).toBe('5分钟前');
    setSharedL10n('de', substitute);
    expect(formatAgo(5 * 60_000)).toBe(new Intl.RelativeTimeFormat('de', { style: 'short', numeric: 'always' }).format(-5, 'minute'));
    expect(formatAgo(5 * 60_000)).toBe('vor 5 Min.');
  });
});

// The formatters are built once per locale and shape (an Intl formatter costs far more to build than to use);
// counting constructions holds that without a clock (speed is the benchmark's business), and holds the cache's bound of 64 formatters.
describe('the Intl formatter cache', () => {
  const Original = Intl.NumberFormat;
  let built = 0;
  const counting = (): void => {
    built = 0;
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: [string, Intl.NumberFormatOptions]) {
        built += 1;
        return Reflect.construct(target, args) as object;
      },
    });
  };
  afterEach(() => {
    Intl.NumberFormat = Original;
  });

  it('builds the money and the count formatter of a locale once, however the calls alternate', () => {
    counting();
    const locale = 'en-x-alt';
    formatUsd(1234.5, { locale });
    formatCount(1234, { locale });
    const before = built;
    for (let i = 0; i < 10; i++) {
      expect(formatUsd(1234.5, { locale })).toBe('$1,234.50');
      expect(formatCount(1234, { locale })).toBe('1,234');
    }
    expect(before).toBeGreaterThan(0);
    expect(built).toBe(before);
  });

  it('keeps at most 64 formatters, and drops none before the 65th', () => {
    counting();
    const sentinel = { locale: 'en-x-sentinel' };
    const probe = (): boolean => {
      const b = built;
      formatCount(1, sentinel);
      return built > b;
    };
    probe();
    // New shapes until the cache is emptied once (the sentinel has to be built again).
    let i = 0;
    let emptied = false;
    while (!emptied && i < 200) {
      formatCount(1, { locale: `en-x-a${i++}` });
      emptied = probe();
    }
    expect(emptied).toBe(true);
    // The cache now holds the shape that emptied it and the sentinel: 62 more fit, the 63rd empties it again.
    let added = 0;
    emptied = false;
    while (!emptied && added < 200) {
      formatCount(1, { locale: `en-x-b${added++}` });
      emptied = probe();
    }
    expect(added).toBe(63);
  });
});
