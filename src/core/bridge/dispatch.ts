// Routes validated webview messages to handlers and turns every outcome into a reply.
// Kept out of src/host so the property test can drive it without VS Code.
import type { HostToWebview, RequestMethod, RequestParams, RequestResult } from '../../shared/protocol';
import { guardWebviewMessage } from './protocolGuard';

export type RequestHandlers = {
  [M in RequestMethod]: (params: RequestParams<M>) => Promise<RequestResult<M>>;
};

/** A handler throws this to refuse a well-formed request (unknown model id, forged reference...). */
export class RefusedError extends Error {
  readonly kind = 'refused' as const;
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

export interface DispatchDeps {
  handlers: RequestHandlers;
  onReady(): void;
  onFirstContent?(ms: number): void;
  /** Receives a line for every refused or failed message; never message payloads beyond a short reason. */
  warn(line: string): void;
}

/**
 * Handles one raw message. Resolves to the reply to post (for requests) or undefined.
 * Never rejects: malformed input is logged and answered (when it carried a request id) or dropped.
 */
export async function dispatchWebviewMessage(raw: unknown, deps: DispatchDeps): Promise<HostToWebview | undefined> {
  const guarded = guardWebviewMessage(raw);
  if (!guarded.ok) {
    deps.warn(`webview message refused: ${guarded.reason}`);
    if (guarded.requestId === undefined) return undefined;
    return { type: 'response', id: guarded.requestId, ok: false, error: { kind: 'invalid', message: guarded.reason } };
  }
  const message = guarded.message;
  switch (message.type) {
    case 'ready':
      deps.onReady();
      return undefined;
    case 'telemetry':
      deps.onFirstContent?.(message.ms);
      return undefined;
    case 'request': {
      const handler = deps.handlers[message.method] as (params: unknown) => Promise<unknown>;
      try {
        const result = await handler(message.params);
        return { type: 'response', id: message.id, ok: true, result };
      } catch (err) {
        const refused = err instanceof RefusedError;
        const text = err instanceof Error ? err.message : 'request failed';
        deps.warn(`webview request ${message.method} ${refused ? 'refused' : 'failed'}: ${text}`);
        return { type: 'response', id: message.id, ok: false, error: { kind: refused ? 'refused' : 'failed', message: text } };
      }
    }
  }
}
