// GET /api/v1/models/user for the fake: the catalog filtered by a key's guardrails, provider preferences and privacy
// settings, as OpenRouter documents it. The ordinary test keys allow every model; GUARDED_KEY (and, after the
// `guardrails` scenario, the inference key) allows only some labs and no `:free` variant (a "no prompt training"
// privacy setting rules out the free endpoints), so the extension has real exclusions to mark.

/** An inference key with guardrails (see GUARDED_AUTHORS). */
export const GUARDED_KEY = 'sk-or-v1-test-guarded';

/** The labs the guarded key's allowlist admits; an alias ("~anthropic/…") counts as its lab. */
export const GUARDED_AUTHORS: readonly string[] = ['anthropic', 'openai', 'google', 'mistralai', 'meta-llama'];

/** Whether the guarded key may use a catalog entry with this id. */
export function guardedAllows(id: string): boolean {
  const author = id.replace(/^~/, '').split('/')[0] ?? '';
  return GUARDED_AUTHORS.includes(author) && !id.endsWith(':free');
}

export interface UserModelsReply {
  status: number;
  body: unknown;
}

const idOf = (m: unknown): string => String((m as { id?: unknown }).id ?? '');

/**
 * The models a key may use, paged as documented: `offset` (≥ 0) and `limit` (1–1000); with neither, the whole list.
 * Every answer carries total_count, and links.next while entries remain.
 */
export function userModelsReply(models: readonly unknown[], guarded: boolean, params: URLSearchParams, baseUrl: string): UserModelsReply {
  const list = guarded ? models.filter((m) => guardedAllows(idOf(m))) : [...models];
  const rawOffset = params.get('offset');
  const rawLimit = params.get('limit');
  if (rawOffset === null && rawLimit === null) return { status: 200, body: { data: list, total_count: list.length, links: { next: null } } };
  const offset = rawOffset === null ? 0 : Number(rawOffset);
  const limit = rawLimit === null ? 500 : Number(rawLimit);
  if (!Number.isInteger(offset) || offset < 0) return invalid('offset must be a non-negative integer');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return invalid('limit must be an integer from 1 to 1000');
  const data = list.slice(offset, offset + limit);
  const next = offset + data.length < list.length ? `${baseUrl}/models/user?offset=${offset + data.length}&limit=${limit}` : null;
  return { status: 200, body: { data, total_count: list.length, links: { next } } };
}

function invalid(message: string): UserModelsReply {
  return { status: 400, body: { error: { code: 400, message, metadata: { error_type: 'invalid_request' } } } };
}
