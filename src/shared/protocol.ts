// The host <-> webview contract. The webview imports only this folder; the host validates every
// inbound message at runtime (src/core/bridge/protocolGuard.ts) before acting on it.
import type { CommandName } from './commands';
import type { CompareResult, ReferencesView, Snapshot, SpendHistoryResult, SpendWindow, TokenMix, WatchView } from './types';
import type { WebviewL10n } from './l10n';
import type { ProvidersResult } from './types';

export type ViewKind = 'sidebar' | 'dashboard';

/** Commands the webview may ask the host to run; nothing outside this list. */
export const WEBVIEW_COMMANDS = [
  'setApiKey',
  'setManagementKey',
  'refresh',
  'openDashboard',
  'showLog',
  'exportUsage',
  'setBudget',
  'rescanWorkspace',
] as const satisfies readonly CommandName[];
export type WebviewCommand = (typeof WEBVIEW_COMMANDS)[number];

/** Settings the webview needs to render (never secrets). */
export interface WebviewSettings {
  budgetDaily: number;
  budgetMonthly: number;
  lowBalance: number;
  leadersTop: number;
}

/**
 * What the sidebar's first screen is drawn from. The extension host runs the renderer (dist/first-screen.js, built
 * from webview/src/first/firstScreenRender.ts, the webview's own code) and writes its HTML into the sidebar's page,
 * so that screen paints with the page itself, before any script of the app runs.
 */
export interface FirstScreenInput {
  snapshot: Snapshot;
  references: ReferencesView | undefined;
  settings: WebviewSettings;
  /** The clock, only for "as of" labels that print the year when it is not this one. */
  nowMs: number;
  /** The UI language and its bundle, as `init` carries them to the app: the screen reads as the app will. */
  l10n: WebviewL10n;
}

/** The module dist/first-screen.js exports: the sidebar's first screen as HTML, or null when the app must draw it. */
export interface FirstScreenRenderer {
  renderFirstScreen(input: FirstScreenInput): string | null;
}

export interface InitPayload {
  view: ViewKind;
  snapshot: Snapshot;
  references: ReferencesView;
  settings: WebviewSettings;
  /** The catalog watch's Changes list; absent where the host has no watch. */
  watch?: WatchView;
  /** The UI language and its bundle (src/shared/l10n.ts), applied before the first render; absent means English. */
  l10n?: WebviewL10n;
}

/** Request method -> [params, result]. Method names read noun/verb. */
export interface RequestMap {
  'snapshot/get': [Record<string, never>, Snapshot];
  'references/get': [Record<string, never>, ReferencesView];
  'compare/alternatives': [{ modelId: string; mix?: Omit<TokenMix, 'source'> | null; limit?: number }, CompareResult];
  'model/copyId': [{ modelId: string }, { copied: boolean }];
  'model/openOnWeb': [{ modelId: string }, { opened: boolean }];
  /** Starts the swap flow: for one reference (refId) or every reference of modelId; targetId skips the picker. */
  'model/swap': [{ modelId: string; refId?: string; targetId?: string }, { applied: boolean; message: string }];
  'reference/reveal': [{ refId: string }, { revealed: boolean }];
  'command/run': [{ command: WebviewCommand }, { ran: boolean }];
  /** Per-model spend history over a window (management key); cached by the host for 15 minutes unless refresh. */
  'spend/history': [{ window: SpendWindow; refresh?: boolean }, SpendHistoryResult];
  /** One model's providers (GET /models/{author}/{slug}/endpoints), on demand; cached by the host 15 minutes unless refresh. */
  'providers/get': [{ modelId: string; refresh?: boolean }, ProvidersResult];
}
export type RequestMethod = keyof RequestMap;
export type RequestParams<M extends RequestMethod> = RequestMap[M][0];
export type RequestResult<M extends RequestMethod> = RequestMap[M][1];

/** Host -> webview pushes. */
export interface NotificationMap {
  init: InitPayload;
  'snapshot/didChange': Snapshot;
  'references/didChange': ReferencesView;
  'settings/didChange': WebviewSettings;
  'watch/didChange': WatchView;
  /** A 30-day spend history arrived: comparisons priced on the user's mix are out of date (no payload). */
  'workload/didChange': null;
  /** Open the dashboard's Providers section at this model (the hover's "Providers" link). */
  'providers/focus': { modelId: string };
}
export type NotificationMethod = keyof NotificationMap;

export type WebviewToHost =
  | { type: 'ready' }
  | { [M in RequestMethod]: { type: 'request'; id: number; method: M; params: RequestParams<M> } }[RequestMethod]
  /** Reports from the webview for the log and the e2e metrics (e.g. first content time). */
  | { type: 'telemetry'; event: 'firstContent'; ms: number };

export interface ResponseError {
  kind: 'invalid' | 'refused' | 'failed';
  message: string;
}

export type HostToWebview =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: ResponseError }
  | { [N in NotificationMethod]: { type: 'notification'; method: N; params: NotificationMap[N] } }[NotificationMethod];
