// The user's real workload per model, from the spend history, as a token mix the compare and swap code prices.
import type { SpendHistoryView, TokenMix } from '../../shared/types';

/** "deepseek/deepseek-v4-pro:nitro" → "deepseek/deepseek-v4-pro": variants share a model's history. */
const baseId = (id: string): string => {
  const s = id.trim().toLowerCase();
  const colon = s.indexOf(':');
  return colon < 0 ? s : s.slice(0, colon);
};

/** Safe as a JS number for pricing; token counts beyond 2^53 lose precision far below a cent. */
const num = (s: string | null): number => (s === null ? 0 : Number(s));

/**
 * The model's token mix over the history's window: uncached prompt tokens, completion tokens (reasoning
 * among them), cache reads (analytics' cached_tokens, a part of the prompt tokens), requests, and what it
 * actually cost. `sameModel` decides which history rows are this model (the history names models as
 * OpenRouter reports them: ids or dated permaslugs; the caller resolves them against the catalog). Cache
 * writes are not in OpenRouter's history, so the mix says it does not know them. Null when the model has no
 * tokens in the window.
 */
export function historyMix(view: SpendHistoryView, modelId: string, sameModel?: (historyModel: string) => boolean): TokenMix | null {
  const want = baseId(modelId);
  const matches = sameModel ?? ((m: string): boolean => baseId(m) === want);
  let prompt = 0;
  let completion = 0;
  let reasoning = 0;
  let cached = 0;
  let requests = 0;
  let spend = 0;
  let cacheKnown = true;
  let any = false;
  for (const m of view.byModel) {
    if (!matches(m.model)) continue;
    any = true;
    prompt += num(m.promptTokens);
    completion += num(m.completionTokens);
    reasoning += num(m.reasoningTokens);
    requests += num(m.requests);
    spend += m.spend;
    if (m.cachedTokens === null) cacheKnown = false;
    else cached += num(m.cachedTokens);
  }
  if (!any || prompt + completion === 0) return null;
  const cacheRead = Math.min(cached, prompt);
  return {
    input: prompt - cacheRead,
    output: completion,
    cacheRead,
    reasoning: Math.min(reasoning, completion),
    cacheWrite: null,
    requests: requests > 0 ? requests : null,
    source: 'history',
    history: { model: modelId, days: view.days, source: view.source, spend, cacheReadsReported: cacheKnown },
  };
}
