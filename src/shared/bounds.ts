// Limits on data Model Radar did not compute itself, shared by core's readers and the one shape layer
// (src/shared/snapshotSchema.ts) that the store and the webview both check data against.

/**
 * The largest amount of US dollars an account figure (spend, cap, balance, one activity row) can hold and still be
 * read as money: a trillion. No account comes near it; a larger value is a corrupt or hostile response, and summed
 * exactly (in nano-dollars) it would overflow to Infinity.
 */
export const MAX_ACCOUNT_USD = 1e12;

/** The most elements any list in a snapshot may hold (the catalog is a few hundred models): more is corrupt or hostile. */
export const MAX_SNAPSHOT_ITEMS = 5000;

/** The longest token total, in decimal digits, a snapshot may carry (2^128 has 39). */
export const MAX_TOKEN_DIGITS = 40;
