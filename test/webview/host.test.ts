import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostToWebview } from '../../src/shared/protocol';
import { HostBridge, HostRequestError, type Notification, type VsCodeApi } from '../../webview/src/host';
import { compareResult, liveSnapshot } from '../support/snapshotBuilders';

function setup(timeoutMs = 1000): { bridge: HostBridge; posted: unknown[]; deliver: (m: HostToWebview | unknown) => void } {
  const posted: unknown[] = [];
  const api: VsCodeApi = { postMessage: (m) => posted.push(m), getState: () => undefined, setState: () => undefined };
  const target = new EventTarget();
  const bridge = new HostBridge(api, target as unknown as Window, { timeoutMs, defaultView: 'dashboard' });
  bridges.push(bridge);
  return { bridge, posted, deliver: (data) => target.dispatchEvent(new MessageEvent('message', { data })) };
}

const bridges: HostBridge[] = [];
afterEach(() => {
  for (const b of bridges.splice(0)) b.dispose();
  vi.useRealTimers();
});

describe('HostBridge', () => {
  it('correlates responses by id and validates results', async () => {
    const { bridge, posted, deliver } = setup();
    const a = bridge.request('model/copyId', { modelId: 'qwen/qwen3-coder' });
    const b = bridge.request('compare/alternatives', { modelId: 'anthropic/claude-sonnet-4.5', mix: null, limit: 5 });
    expect(posted).toEqual([
      { type: 'request', id: 1, method: 'model/copyId', params: { modelId: 'qwen/qwen3-coder' } },
      { type: 'request', id: 2, method: 'compare/alternatives', params: { modelId: 'anthropic/claude-sonnet-4.5', mix: null, limit: 5 } },
    ]);
    const result = compareResult('anthropic/claude-sonnet-4.5', ['deepseek/deepseek-v4-flash']);
    deliver({ type: 'response', id: 2, ok: true, result });
    deliver({ type: 'response', id: 1, ok: true, result: { copied: true } });
    await expect(a).resolves.toEqual({ copied: true });
    await expect(b).resolves.toEqual(result);
  });

  it('turns error responses into typed errors', async () => {
    const { bridge, deliver } = setup();
    const p = bridge.request('model/swap', { modelId: 'qwen/qwen3-coder' });
    deliver({ type: 'response', id: 1, ok: false, error: { kind: 'refused', message: 'untrusted workspace' } });
    await expect(p).rejects.toMatchObject({ kind: 'refused', message: 'untrusted workspace' });
    await expect(p).rejects.toBeInstanceOf(HostRequestError);
  });

  it('a result of the wrong shape is a badResponse, not a crash later', async () => {
    const { bridge, deliver } = setup();
    const swap = bridge.request('model/swap', { modelId: 'qwen/qwen3-coder' });
    deliver({ type: 'response', id: 1, ok: true, result: { applied: 'yes' } });
    await expect(swap).rejects.toMatchObject({ kind: 'badResponse' });
    const cmp = bridge.request('compare/alternatives', { modelId: 'qwen/qwen3-coder' });
    deliver({ type: 'response', id: 2, ok: true, result: null });
    await expect(cmp).rejects.toMatchObject({ kind: 'badResponse' });
  });

  it('times out a request the host never answers, and ignores a late answer', async () => {
    vi.useFakeTimers();
    const { bridge, deliver } = setup(5000);
    const p = bridge.request('command/run', { command: 'refresh' });
    const assertion = expect(p).rejects.toMatchObject({ kind: 'timeout' });
    vi.advanceTimersByTime(5001);
    await assertion;
    expect(() => deliver({ type: 'response', id: 1, ok: true, result: { ran: true } })).not.toThrow();
  });

  it('buffers notifications until someone listens, keeping the latest of each', () => {
    const { bridge, deliver } = setup();
    deliver({ type: 'notification', method: 'settings/didChange', params: { budgetDaily: 1, budgetMonthly: 2, lowBalance: 3, leadersTop: 4 } });
    deliver({ type: 'notification', method: 'settings/didChange', params: { budgetDaily: 5, budgetMonthly: 6, lowBalance: 7, leadersTop: 8 } });
    deliver({ type: 'notification', method: 'init', params: { snapshot: liveSnapshot() } });
    const seen: Notification[] = [];
    bridge.onNotification((n) => seen.push(n));
    expect(seen.map((n) => n.method)).toEqual(['settings/didChange', 'init']);
    expect(seen[0]!.params).toEqual({ budgetDaily: 5, budgetMonthly: 6, lowBalance: 7, leadersTop: 8 });
    // An init without a view falls back to the page's data-view.
    expect(seen[1]!.method === 'init' && seen[1]!.params.view).toBe('dashboard');
  });

  it('ignores messages that are not part of the protocol', () => {
    const { bridge, deliver } = setup();
    const seen: Notification[] = [];
    bridge.onNotification((n) => seen.push(n));
    for (const junk of [null, 'init', 42, { type: 'notification', method: 'toString' }, { type: 'notification', method: '__proto__' }, { type: 'response' }, { type: 'other' }]) {
      expect(() => deliver(junk)).not.toThrow();
    }
    expect(seen).toEqual([]);
  });

  it('posts ready and a rounded, non-negative first-content time', () => {
    const { bridge, posted } = setup();
    bridge.ready();
    bridge.firstContent(123.6);
    bridge.firstContent(-4);
    expect(posted).toEqual([{ type: 'ready' }, { type: 'telemetry', event: 'firstContent', ms: 124 }, { type: 'telemetry', event: 'firstContent', ms: 0 }]);
  });

  it('rejects pending requests when disposed', async () => {
    const { bridge } = setup();
    const p = bridge.request('references/get', {});
    bridge.dispose();
    await expect(p).rejects.toMatchObject({ kind: 'failed' });
  });

});
