import { describe, expect, it } from 'vitest';
import { t } from '../../webview/src/l10n';

describe('webview t()', () => {
  it('substitutes positional arguments and leaves unknown ones visible', () => {
    expect(t('Spent {0} of {1}', '$1.00', '$5.00')).toBe('Spent $1.00 of $5.00');
    expect(t('{1} before {0}', 'a', 'b')).toBe('b before a');
    expect(t('missing {2}', 'x')).toBe('missing {2}');
  });
});
