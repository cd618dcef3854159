// Phrases more than one view renders, each a whole message for the translator (counts pick their plural here).
import { formatCount } from '../../src/shared/format';
import * as l10n from './l10n';

/** "1 request" / "1,234 requests". */
export function requestsText(n: number): string {
  return n === 1 ? l10n.t('1 request') : l10n.t('{0} requests', formatCount(n));
}
