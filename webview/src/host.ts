// The webview's side of src/shared/protocol.ts: requests with correlation ids, host notifications
// (buffered until the app subscribes, so nothing pushed right after `ready` is lost), and results
// validated before any component sees them.
import type {
  NotificationMap,
  NotificationMethod,
  RequestMethod,
  RequestParams,
  RequestResult,
  ResponseError,
  ViewKind,
  WebviewToHost,
} from '../../src/shared/protocol';
import * as intake from './model/intake';
import { parseSpendHistoryResult } from '../../src/shared/spendSchemas';
import { parseProvidersResult } from '../../src/shared/providersSchema';
import { asRecord as rec } from '../../src/shared/isRecord';
import { readWebviewL10n } from '../../src/shared/l10n';

/** What `acquireVsCodeApi()` returns; the only handle the webview has on VS Code. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

export type HostErrorKind = ResponseError['kind'] | 'timeout' | 'badResponse';

/** A failed request, as a typed value: components branch on `kind`, never on the text. */
export class HostRequestError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'HostRequestError';
  }
}

export type Notification = { [N in NotificationMethod]: { method: N; params: NotificationMap[N] } }[NotificationMethod];
type NotificationListener = (n: Notification) => void;

function isBool(v: unknown): v is boolean {
  return typeof v === 'boolean';
}

/** Result validators: a response is untrusted until it has the shape the method promises. */
const RESULTS: { [M in RequestMethod]: (raw: unknown) => RequestResult<M> } = {
  'snapshot/get': (raw) => intake.snapshot(raw),
  'references/get': (raw) => intake.references(raw),
  'compare/alternatives': (raw) => intake.compareResult(raw),
  'model/copyId': (raw) => ({ copied: rec(raw)?.copied === true }),
  'model/openOnWeb': (raw) => ({ opened: rec(raw)?.opened === true }),
  'model/swap': (raw) => {
    const r = rec(raw);
    if (!r || !isBool(r.applied)) throw new TypeError('swap result without "applied"');
    return { applied: r.applied, message: typeof r.message === 'string' ? r.message : '' };
  },
  'reference/reveal': (raw) => ({ revealed: rec(raw)?.revealed === true }),
  'command/run': (raw) => ({ ran: rec(raw)?.ran === true }),
  'spend/history': (raw) => parseSpendHistoryResult(raw),
  'providers/get': (raw) => parseProvidersResult(raw),
};

function notificationGuards(defaultView: ViewKind): { [N in NotificationMethod]: (raw: unknown) => NotificationMap[N] } {
  return {
    init: (raw) => {
      const init = intake.initPayload(raw);
      const watch = rec(raw)?.watch;
      return { ...init, view: init.view ?? defaultView, l10n: readWebviewL10n(rec(raw)?.l10n), ...(watch === undefined ? {} : { watch: intake.watch(watch) }) };
    },
    'snapshot/didChange': (raw) => intake.snapshot(raw),
    'references/didChange': (raw) => intake.references(raw),
    'settings/didChange': (raw) => intake.settings(raw),
    'watch/didChange': (raw) => intake.watch(raw),
    // No payload to trust: the notification only says "ask again".
    'workload/didChange': () => null,
    'providers/focus': (raw) => {
      const modelId = rec(raw)?.modelId;
      if (typeof modelId !== 'string' || modelId.length === 0 || modelId.length > 200) throw new TypeError('providers/focus without a model id');
      return { modelId };
    },
  };
}

interface Pending {
  method: RequestMethod;
  resolve: (value: unknown) => void;
  reject: (err: HostRequestError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export interface HostBridgeOptions {
  /** A request the host never answers fails after this long, so no button stays busy forever. */
  timeoutMs?: number;
  /** The page's data-view, used when an init push names no view. */
  defaultView?: ViewKind;
}

export class HostBridge {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<NotificationListener>();
  private readonly buffered: Notification[] = [];
  private readonly timeoutMs: number;
  private readonly notifications: ReturnType<typeof notificationGuards>;
  private readonly onMessage = (event: MessageEvent): void => this.receive(event.data);

  constructor(
    private readonly api: VsCodeApi,
    private readonly target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
    options: HostBridgeOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.notifications = notificationGuards(options.defaultView ?? 'sidebar');
    target.addEventListener('message', this.onMessage as EventListener);
  }

  private post(message: WebviewToHost): void {
    this.api.postMessage(message);
  }

  private saidReady = false;

  /** Says `ready` once per document; later calls are no-ops (the host answers each `ready` with a full init). */
  ready(): void {
    if (this.saidReady) return;
    this.saidReady = true;
    this.post({ type: 'ready' });
  }

  firstContent(ms: number): void {
    this.post({ type: 'telemetry', event: 'firstContent', ms: Math.max(0, Math.round(ms)) });
  }

  request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
    const id = this.nextId++;
    return new Promise<RequestResult<M>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new HostRequestError('timeout', `${method} got no answer in ${Math.round(this.timeoutMs / 1000)} s`));
      }, this.timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.post({ type: 'request', id, method, params } as WebviewToHost);
    });
  }

  /** Subscribes to host pushes; the first subscriber also receives what arrived before it. */
  onNotification(listener: NotificationListener): () => void {
    this.listeners.add(listener);
    for (const n of this.buffered.splice(0)) listener(n);
    return () => this.listeners.delete(listener);
  }

  private receive(data: unknown): void {
    const msg = rec(data);
    if (!msg) return;
    if (msg.type === 'response') {
      this.settle(msg);
      return;
    }
    if (msg.type !== 'notification' || typeof msg.method !== 'string' || !Object.prototype.hasOwnProperty.call(this.notifications, msg.method)) return;
    const method = msg.method as NotificationMethod;
    const notification = { method, params: this.notifications[method](msg.params) } as Notification;
    if (this.listeners.size === 0) {
      // Only the latest of each kind matters before anyone listens.
      const at = this.buffered.findIndex((n) => n.method === method);
      if (at >= 0) this.buffered.splice(at, 1);
      this.buffered.push(notification);
      return;
    }
    for (const l of [...this.listeners]) l(notification);
  }

  private settle(msg: Record<string, unknown>): void {
    const id = msg.id;
    if (typeof id !== 'number') return;
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (msg.ok === true) {
      try {
        p.resolve((RESULTS[p.method] as (raw: unknown) => unknown)(msg.result));
      } catch (err) {
        p.reject(new HostRequestError('badResponse', `${p.method}: ${err instanceof Error ? err.message : 'malformed result'}`));
      }
      return;
    }
    const e = rec(msg.error);
    const kind = e?.kind === 'invalid' || e?.kind === 'refused' || e?.kind === 'failed' ? e.kind : 'failed';
    p.reject(new HostRequestError(kind, typeof e?.message === 'string' && e.message ? e.message : `${p.method} failed`));
  }

  dispose(): void {
    this.target.removeEventListener('message', this.onMessage as EventListener);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new HostRequestError('failed', 'the view was closed'));
    }
    this.pending.clear();
    this.listeners.clear();
  }
}
