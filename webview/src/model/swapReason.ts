/** Why a model you spend on has no Swap link: Swap edits model ids in this workspace's files. Shared by the
 * sidebar's Compare and the dashboard's Savings, so it lives outside both views' modules. */
import * as l10n from '../l10n';

export function noSwapReason(): string {
  return l10n.t('No Swap: this model is used through your key but named in none of this workspace’s files.');
}
