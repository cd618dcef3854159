/** Why a model you spend on has no Swap link: Swap edits model ids in this workspace's files. Shared by the
 * sidebar's Compare and the dashboard's Savings, so it lives outside both views' modules. */
export const NO_SWAP_REASON = 'No Swap: this model is used through your key but named in none of this workspace’s files.';
