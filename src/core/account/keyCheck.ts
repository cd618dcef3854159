// Deciding what to do with a key the user pasted, from what GET /key answered.
import type { ErrorInfo } from '../../shared/types';
import type { ApiKeyData } from '../openrouter/apiTypes';
import { ENGLISH, type L10n } from '../l10n';

export type KeySlot = 'inference' | 'management';

export type KeyCheck =
  | { status: 'valid'; slot: KeySlot; label: string }
  /** OpenRouter said no (401/403): never saved. */
  | { status: 'rejected'; message: string }
  /** We could not ask (offline, timeout, 5xx, rate limit, bad response): the user may save it unverified. */
  | { status: 'unverified'; message: string };

/** A quick local check before any request; returns a message for the input box, or undefined. */
export function validateKeyInput(input: string, l10n: L10n = ENGLISH): string | undefined {
  const key = input.trim();
  if (key.length === 0) return l10n.t('Paste a key from openrouter.ai/settings/keys.');
  if (/\s/.test(key)) return l10n.t('A key has no spaces or line breaks.');
  if (key.length < 20) return l10n.t('That is too short to be an OpenRouter key.');
  if (key.length > 512) return l10n.t('That is too long to be an OpenRouter key.');
  return undefined;
}

/**
 * What GET /key says about a key's kind: `is_management_key`, or for older responses its deprecated alias
 * `is_provisioning_key`; absent means an ordinary key. One reading for the key check, the radar and the views.
 */
export function isManagementKeyData(data: Pick<ApiKeyData, 'is_management_key' | 'is_provisioning_key'>): boolean {
  return data.is_management_key ?? data.is_provisioning_key ?? false;
}

export function classifyKeyCheck(outcome: { ok: true; data: ApiKeyData } | { ok: false; error: ErrorInfo }, l10n: L10n = ENGLISH): KeyCheck {
  if (outcome.ok) {
    return { status: 'valid', slot: isManagementKeyData(outcome.data) ? 'management' : 'inference', label: outcome.data.label };
  }
  const { error } = outcome;
  switch (error.kind) {
    case 'unauthorized':
      return { status: 'rejected', message: l10n.t('OpenRouter rejected this key: it is invalid, disabled or expired. Nothing was saved.') };
    case 'forbidden':
      return { status: 'rejected', message: l10n.t('OpenRouter refused this key (403). Nothing was saved.') };
    case 'paymentRequired':
      // The key exists; the account is out of credits. Saving it lets the status bar say so.
      return { status: 'unverified', message: l10n.t('OpenRouter answered 402 (out of credits) for this key.') };
    case 'cancelled':
      return { status: 'rejected', message: l10n.t('The check was cancelled. Nothing was saved.') };
    default:
      return { status: 'unverified', message: l10n.t('Could not check the key with OpenRouter ({0}).', error.message) };
  }
}
