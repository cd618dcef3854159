// What the host does for each webview request, as policy over injected effects: every model id
// must be in the catalog, every reference id must be one the host issued, and the only URL that
// can be opened is https://openrouter.ai/<catalog id>. The host supplies the effects (clipboard,
// browser, swap flow, editor) and nothing else decides.
import type { RequestHandlers } from './dispatch';
import { RefusedError } from './dispatch';
import type { CompareResult, ProvidersResult, ReferencesView, Snapshot, SpendHistoryResult, SpendWindow, TokenMix } from '../../shared/types';
import type { WebviewCommand } from '../../shared/protocol';
import { ENGLISH, type L10n } from '../l10n';

export interface WebviewEffects {
  copyText(text: string): Promise<void>;
  openExternal(url: string): Promise<boolean>;
  swap(params: { modelId: string; refId?: string; targetId?: string }): Promise<{ applied: boolean; message: string }>;
  reveal(refId: string): Promise<boolean>;
  runCommand(command: WebviewCommand): Promise<void>;
}

export interface WebviewHandlerDeps {
  snapshot(): Snapshot;
  references(): ReferencesView;
  /** True when the id (with a variant suffix or not) is in the current catalog. */
  isCatalogModel(id: string): boolean;
  compare(modelId: string, mix: Omit<TokenMix, 'source'> | null, limit: number): CompareResult;
  /** The cached spend history of a window (see Radar.spendHistory). */
  spendHistory?(window: SpendWindow, refresh: boolean): Promise<SpendHistoryResult>;
  /** One model's providers (see Radar.providers): resolves the id through the catalog before any request. */
  providers?(modelId: string, refresh: boolean): Promise<ProvidersResult>;
  effects: WebviewEffects;
  /** The translator for refusals the webview shows (the host passes vscode.l10n); English without one. */
  l10n?: L10n;
}

export const OPENROUTER_MODEL_PAGE = 'https://openrouter.ai/';

export function modelPageUrl(modelId: string): string {
  // Variants share the model's page; aliases ("~author/...") have none of their own.
  const base = modelId.replace(/:[^/]*$/, '').replace(/^~/, '');
  return OPENROUTER_MODEL_PAGE + base.split('/').map(encodeURIComponent).join('/');
}

export function createWebviewRequestHandlers(deps: WebviewHandlerDeps): RequestHandlers {
  const l10n = deps.l10n ?? ENGLISH;
  const requireModel = (id: string, what: 'model' | 'target' = 'model'): void => {
    if (deps.isCatalogModel(id)) return;
    throw new RefusedError(
      what === 'model'
        ? l10n.t('Unknown model "{0}": it is not in the OpenRouter catalog.', id)
        : l10n.t('Unknown target model "{0}": it is not in the OpenRouter catalog.', id),
    );
  };
  const requireRef = (refId: string): void => {
    if (!deps.references().refs.some((r) => r.refId === refId)) {
      throw new RefusedError(l10n.t('That reference is no longer in the workspace index; rescan and try again.'));
    }
  };
  return {
    'snapshot/get': () => Promise.resolve(deps.snapshot()),
    'references/get': () => Promise.resolve(deps.references()),
    'compare/alternatives': ({ modelId, mix, limit }) => {
      // Checked inside the promise, so a refusal rejects (as from an async function) rather than throws.
      return Promise.resolve().then(() => {
        requireModel(modelId);
        return deps.compare(modelId, mix ?? null, limit ?? 8);
      });
    },
    'model/copyId': async ({ modelId }) => {
      requireModel(modelId);
      await deps.effects.copyText(modelId);
      return { copied: true };
    },
    'model/openOnWeb': async ({ modelId }) => {
      requireModel(modelId);
      return { opened: await deps.effects.openExternal(modelPageUrl(modelId)) };
    },
    'model/swap': async ({ modelId, refId, targetId }) => {
      // The current id may be unknown to the catalog (that is often why one swaps); the target may not.
      if (refId !== undefined) {
        requireRef(refId);
        const ref = deps.references().refs.find((r) => r.refId === refId);
        if (ref && ref.id !== modelId) throw new RefusedError(l10n.t('The reference no longer names that model; rescan and try again.'));
      } else if (!deps.references().refs.some((r) => r.id === modelId)) {
        throw new RefusedError(l10n.t('No reference to "{0}" in the workspace.', modelId));
      }
      if (targetId !== undefined) requireModel(targetId, 'target');
      return deps.effects.swap({ modelId, refId, targetId });
    },
    'reference/reveal': async ({ refId }) => {
      requireRef(refId);
      return { revealed: await deps.effects.reveal(refId) };
    },
    'command/run': async ({ command }) => {
      await deps.effects.runCommand(command);
      return { ran: true };
    },
    'spend/history': ({ window, refresh }) =>
      deps.spendHistory ? deps.spendHistory(window, refresh ?? false) : Promise.reject(new RefusedError('Spend history is not available in this view.')),
    'providers/get': ({ modelId, refresh }) =>
      deps.providers ? deps.providers(modelId, refresh ?? false) : Promise.reject(new RefusedError(l10n.t('Provider details are not available in this view.'))),
  };
}
