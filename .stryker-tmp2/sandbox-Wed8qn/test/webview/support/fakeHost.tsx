// A fake extension host that speaks the real postMessage contract (src/shared/protocol.ts): it records
// what the webview posts, answers `ready` with `init` asynchronously as VS Code does, answers requests
// from per-method handlers, and pushes notifications as window message events.
import './env';
import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import { afterEach } from 'vitest';
import type {
  HostToWebview,
  InitPayload,
  NotificationMap,
  NotificationMethod,
  RequestMethod,
  RequestParams,
  RequestResult,
  ResponseError,
  ViewKind,
  WebviewToHost,
} from '../../../src/shared/protocol';
import { App } from '../../../webview/src/App';
import { HostBridge, type VsCodeApi } from '../../../webview/src/host';
import { createUiStateStore, type UiStateStore } from '../../../webview/src/uiState';
import { initPayload } from '../../support/snapshotBuilders';

declare global {
  interface Window {
    acquireVsCodeApi?: () => VsCodeApi;
  }
}

/** 30 minutes after the builders' fetch time, so ages render as "30 min ago". */
export const NOW = Date.parse('2026-07-29T09:30:00Z');

export type Handler<M extends RequestMethod> = (params: RequestParams<M>) => RequestResult<M> | Promise<RequestResult<M>> | { error: ResponseError };
export type Handlers = { [M in RequestMethod]?: Handler<M> };

type RequestMessage = Extract<WebviewToHost, { type: 'request' }>;

export class FakeHost {
  readonly sent: WebviewToHost[] = [];
  state: unknown;
  /** Sent in answer to `ready`; null to simulate a host that never answers. */
  init: InitPayload | null;
  handlers: Handlers;
  /** When false, requests wait for an explicit respond()/fail(). */
  autoRespond = true;

  readonly api: VsCodeApi = {
    postMessage: (message: unknown) => this.receive(message),
    getState: () => this.state,
    setState: (s: unknown) => {
      this.state = JSON.parse(JSON.stringify(s));
    },
  };

  constructor(options: { init?: InitPayload | null; handlers?: Handlers; state?: unknown } = {}) {
    this.init = options.init === undefined ? initPayload() : options.init;
    this.handlers = options.handlers ?? {};
    this.state = options.state;
  }

  private receive(message: unknown): void {
    // Whatever crosses postMessage must survive structured clone; JSON is the stricter check.
    const m = JSON.parse(JSON.stringify(message)) as WebviewToHost;
    this.sent.push(m);
    if (m.type === 'ready' && this.init) {
      const init = this.init;
      setTimeout(() => this.post({ type: 'notification', method: 'init', params: init }), 0);
    }
    if (m.type === 'request' && this.autoRespond) void this.answer(m);
  }

  private async answer(m: RequestMessage): Promise<void> {
    const handler = this.handlers[m.method] as ((p: unknown) => unknown) | undefined;
    if (!handler) {
      this.fail(m.id, { kind: 'refused', message: `no handler for ${m.method}` });
      return;
    }
    try {
      const result = await handler(m.params);
      if (result && typeof result === 'object' && 'error' in result) this.fail(m.id, (result as { error: ResponseError }).error);
      else this.respond(m.id, result);
    } catch (err) {
      this.fail(m.id, { kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  post(message: HostToWebview | Record<string, unknown>): void {
    window.dispatchEvent(new MessageEvent('message', { data: JSON.parse(JSON.stringify(message)) }));
  }

  respond(id: number, result: unknown): void {
    setTimeout(() => this.post({ type: 'response', id, ok: true, result }), 0);
  }

  fail(id: number, error: ResponseError): void {
    setTimeout(() => this.post({ type: 'response', id, ok: false, error }), 0);
  }

  /** Pushes a notification and lets React settle. */
  async push<N extends NotificationMethod>(method: N, params: NotificationMap[N]): Promise<void> {
    await act(async () => {
      this.post({ type: 'notification', method, params });
    });
  }

  requests<M extends RequestMethod>(method: M): Extract<RequestMessage, { method: M }>[] {
    return this.sent.filter((m): m is Extract<RequestMessage, { method: M }> => m.type === 'request' && m.method === method);
  }

  telemetry(): Extract<WebviewToHost, { type: 'telemetry' }>[] {
    return this.sent.filter((m): m is Extract<WebviewToHost, { type: 'telemetry' }> => m.type === 'telemetry');
  }
}

/** The setup a webview page gets: acquireVsCodeApi on window, returning the fake host's handle. */
export function installVsCodeApi(host: FakeHost): void {
  let acquired = false;
  window.acquireVsCodeApi = () => {
    // VS Code throws on a second call; so does this, to catch a webview that calls it twice.
    if (acquired) throw new Error('acquireVsCodeApi can only be invoked once');
    acquired = true;
    return host.api;
  };
}

export interface RenderedApp extends RenderResult {
  host: FakeHost;
  store: UiStateStore;
  bridge: HostBridge;
}

const bridges: HostBridge[] = [];

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  for (const b of bridges.splice(0)) b.dispose();
  delete window.acquireVsCodeApi;
});

export interface RenderOptions {
  init?: InitPayload | null;
  view?: ViewKind;
  handlers?: Handlers;
  state?: unknown;
  /** Wait for the init push to be applied (default true when there is one). */
  waitForInit?: boolean;
  /** The app's clock; defaults to NOW. */
  now?: () => number;
  /** Make the clock throw, to exercise error boundaries. */
  nowThrows?: boolean;
}

/** Renders the app the way main.tsx does, against a fake host, and waits for the init push. */
export async function renderApp(options: RenderOptions = {}): Promise<RenderedApp> {
  const host = new FakeHost({ init: options.init, handlers: options.handlers, state: options.state });
  installVsCodeApi(host);
  const api = window.acquireVsCodeApi!();
  const view = options.view ?? host.init?.view ?? 'sidebar';
  const bridge = new HostBridge(api, window, { defaultView: view, timeoutMs: 2000 });
  bridges.push(bridge);
  const store = createUiStateStore(api);
  const clock = options.nowThrows
    ? (): number => {
        throw new Error('clock unavailable');
      }
    : (options.now ?? ((): number => NOW));
  const result = render(<App services={{ bridge, store, now: clock }} initialView={view} onFirstContent={() => bridge.firstContent(performance.now())} />);
  if (host.init && options.waitForInit !== false) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
  return { ...result, host, store, bridge };
}
