// What the inference key may use (GET /models/user), as every surface says it: the editor (hover, diagnostic,
// swap picker) and the views (Compare, Savings) read one state and speak one set of sentences. Core decides which
// catalog models are excluded (src/core/market/allowed.ts); this module only reads that answer. Pure.
import * as l10n from './l10n';
import type { AllowedModelsState, ErrorKind } from './types';

/** Whether a catalog model (by its catalog id) may be used with the key: unknown when the check has not run. */
export type Allowance = 'allowed' | 'notAllowed' | 'unknown';

/** Lookups against one state; build once per render or per picker, not per model. */
export interface AllowanceLookup {
  of(catalogId: string): Allowance;
  /** The state is known and excludes at least one catalog model. */
  readonly excludesAny: boolean;
}

export function allowanceLookup(state: AllowedModelsState | null | undefined): AllowanceLookup {
  if (state?.status !== 'known') return { of: () => 'unknown', excludesAny: false };
  const not = new Set(state.notAllowed.map((id) => id.toLowerCase()));
  return { of: (id) => (not.has(id.toLowerCase()) ? 'notAllowed' : 'allowed'), excludesAny: not.size > 0 };
}

/** The mark on a model the key may not use. */
export function notAllowedLabel(): string {
  return l10n.t('not allowed by this key’s settings');
}

/** Why, in one short sentence: OpenRouter does not say which of the three settings excludes the model. */
export function notAllowedReason(): string {
  return l10n.t('OpenRouter does not list it for this key: its guardrails, provider preferences or privacy settings exclude it, so requests to it fail.');
}

function failureText(kind: ErrorKind | undefined): string {
  switch (kind) {
    case 'unauthorized':
      return l10n.t('OpenRouter rejected the API key.');
    case 'forbidden':
      return l10n.t('OpenRouter refused the request for this key.');
    case 'rateLimited':
      return l10n.t('OpenRouter is rate limiting requests; Model Radar retries later.');
    case 'offline':
    case 'timeout':
      return l10n.t('OpenRouter could not be reached; Model Radar retries by itself.');
    case 'notFound':
      return l10n.t('OpenRouter does not offer the list at this address.');
    case 'badResponse':
      return l10n.t('OpenRouter’s answer could not be read.');
    default:
      return l10n.t('OpenRouter answered with an error; Model Radar retries later.');
  }
}

/**
 * Null when the check has run (known); otherwise the sentence that says it has not and why. Nothing is marked
 * while it is unknown, and this sentence is what the surfaces show instead.
 */
export function allowedCheckNote(state: AllowedModelsState | null | undefined): string | null {
  if (state?.status === 'known') return null;
  switch (state?.reason) {
    case 'noKey':
      return l10n.t('Not checked which models your key may use: no API key is set.');
    case 'managementKeyOnly':
      return l10n.t('Not checked which models your key may use: only a management key is set, and the answer depends on the API key your requests use.');
    case 'failed':
      return l10n.t('Not checked which models your key may use: {0}', failureText(state.error?.kind));
    case 'incomplete':
      return l10n.t('Not checked which models your key may use: OpenRouter’s list could not be read in full, so no model is marked.');
    default:
      return l10n.t('Not checked yet which models your key may use.');
  }
}

/** Changes whenever the state would change a comparison: views key their compare requests on it. */
export function allowedRevision(state: AllowedModelsState | null | undefined): string {
  if (state?.status !== 'known') return `unknown:${state?.reason ?? 'none'}`;
  return `known:${state.fetchedAt}:${state.notAllowed.length}`;
}
