import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderStatusFormat, unknownPlaceholders } from '../../src/core/status/format';

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
