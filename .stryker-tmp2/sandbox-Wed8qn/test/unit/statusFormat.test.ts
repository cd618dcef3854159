import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  formatAgo,
  formatDuration,
  formatPercent,
  formatUsd,
  formatUtc,
  renderStatusFormat,
  unknownPlaceholders,
  utcDay,
  utcMonth,
} from '../../src/core/status/format';

describe('formatUsd', () => {
  it.each([
    [0.87, '$0.87'],
    [74.5, '$74.50'],
    [1234, '$1,234'],
    [1234.56, '$1,235'],
    [1_234_567.4, '$1,234,567'],
    [999.994, '$999.99'],
    [999.996, '$1,000'],
    [0.01, '$0.01'],
    [0.004, '$0.004'],
    [0.0042, '$0.0042'],
    [0.00999, '$0.01'],
    [0.00018, '$0.00018'],
    [0.00000123, '<$0.0001'],
    [29.9999982, '$30.00'],
    [-3.2, '-$3.20'],
    [-0.004, '-$0.004'],
    [-0.00000001, '>-$0.0001'],
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
    expect(formatPercent(0.8)).toBe('80%');
    expect(formatPercent(0.57)).toBe('57%');
    expect(formatPercent(0.9999)).toBe('99%');
    expect(formatPercent(1.25)).toBe('125%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('escapeMarkdown', () => {
  it('makes links, emphasis, icons, HTML and tables inert', () => {
    const label = '[click](command:workbench.action.terminal.new) *bold* $(alert) <img src=x> a|b `code`';
    const escaped = escapeMarkdown(label);
    expect(escaped).not.toMatch(/(^|[^\\])\[/);
    expect(escaped).not.toMatch(/(^|[^\\])\$\(/);
    expect(escaped).not.toMatch(/(^|[^\\])</);
    expect(escaped).not.toMatch(/(^|[^\\])\|/);
    expect(escaped).toContain('\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)');
    // Unescaping gives the original back, so the user reads exactly what the API sent.
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(label);
  });

  it('flattens line breaks so text cannot open a new block', () => {
    expect(escapeMarkdown('a\n# heading\r\n- item')).toBe('a \\# heading \\- item');
  });

  it('leaves letters, digits and non-ASCII alone', () => {
    expect(escapeMarkdown('Clé 2026 über')).toBe('Clé 2026 über');
  });
});

describe('status format placeholders', () => {
  const values = { today: '$1.84', week: '$9.12', month: '$25.50', left: '$74.50', balance: '—', limit: '$100.00' };

  it('fills known placeholders and leaves unknown ones as typed', () => {
    expect(renderStatusFormat('$(graph) {today} today · {left} left', values)).toBe('$(graph) $1.84 today · $74.50 left');
    expect(renderStatusFormat('{month}/{limit} {foo} {balance} {Today} {}', values)).toBe('$25.50/$100.00 {foo} — {Today} {}');
  });

  it('does not re-expand placeholder-looking text in a value', () => {
    expect(renderStatusFormat('{today} {week}', { ...values, today: '{week}' })).toBe('{week} $9.12');
  });

  it('lists unknown placeholders once each, in order', () => {
    expect(unknownPlaceholders('{b} {today} {a} {b} {a_1}')).toEqual(['b', 'a', 'a_1']);
    expect(unknownPlaceholders('$(graph) {today}')).toEqual([]);
  });
});
