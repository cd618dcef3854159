// The sidebar's view and the dashboard's panel share one surface: it connects the webview VS Code shows,
// reports visibility, and lets go of the connection when VS Code disposes the webview or shows another.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter, Uri } from '../support/fakeVscode';
import { WebviewSurface } from '../../src/host/webviewSurface';
import type { WebviewDeps } from '../../src/host/webviewHost';
import type { HostToWebview } from '../../src/shared/protocol';
import type { Snapshot } from '../../src/shared/types';
import { liveSnapshot, referencesView, settings } from '../support/snapshotBuilders';

class FakeShown {
  sent: HostToWebview[] = [];
  visible = true;
  private readonly inbound = new EventEmitter<unknown>();
  private readonly disposed = new EventEmitter<void>();
  readonly changed = new EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  readonly webview = {
    html: '',
    cspSource: 'vscode-resource:',
    asWebviewUri: (u: Uri) => u,
    onDidReceiveMessage: this.inbound.event,
    postMessage: (m: HostToWebview): Promise<boolean> => {
      this.sent.push(m);
      return Promise.resolve(true);
    },
  };
  async ready(): Promise<void> {
    this.inbound.fire({ type: 'ready' });
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.changed.fire();
  }
  dispose(): void {
    this.visible = false;
    this.disposed.fire();
  }
}

const snapshots = new EventEmitter<Snapshot>();
const never = new EventEmitter<never>();
const deps = {
  extensionUri: Uri.file('/ext'),
  state: { snapshot: () => liveSnapshot(), onDidChangeSnapshot: snapshots.event, references: () => referencesView(), onDidChangeReferences: never.event, settings: () => settings(), onDidChangeSettings: never.event },
  handlers: {},
  log: { warn: vi.fn(), debug: vi.fn(), info: vi.fn() },
  onFirstContent: vi.fn(),
} as unknown as WebviewDeps;

function surface(): { surface: WebviewSurface; events: boolean[] } {
  const s = new WebviewSurface('dashboard', deps);
  const events: boolean[] = [];
  s.onDidChangeVisibility((v) => events.push(v));
  return { surface: s, events };
}

const pushes = (shown: FakeShown): number => shown.sent.filter((m) => m.type === 'notification' && m.method === 'snapshot/didChange').length;

describe('WebviewSurface', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('connects the webview it is given and reports its visibility until VS Code disposes it', async () => {
    const { surface: s, events } = surface();
    expect(s.visible).toBe(false);
    const a = new FakeShown();
    s.attach(a as never, a.changed.event);
    expect(a.webview.html).toContain('data-view="dashboard"');
    expect(s.visible).toBe(true);
    await a.ready();
    snapshots.fire(liveSnapshot());
    expect(pushes(a)).toBe(1);
    a.setVisible(false);
    a.setVisible(true);
    a.dispose();
    expect(events).toEqual([true, false, true, false]);
    expect(s.visible).toBe(false);
    // A disposed webview's connection is gone: nothing more is posted to it.
    snapshots.fire(liveSnapshot());
    expect(pushes(a)).toBe(1);
    s.dispose();
  });

  it('a webview shown again replaces the earlier one, whose late disposal leaves the new one connected', async () => {
    const { surface: s, events } = surface();
    const a = new FakeShown();
    s.attach(a as never, a.changed.event);
    await a.ready();
    const b = new FakeShown();
    s.attach(b as never, b.changed.event);
    await b.ready();
    snapshots.fire(liveSnapshot());
    expect([pushes(a), pushes(b)]).toEqual([0, 1]);
    // VS Code disposes the old view after handing over the new one.
    a.dispose();
    expect(s.visible).toBe(true);
    snapshots.fire(liveSnapshot());
    expect(pushes(b)).toBe(2);
    b.setVisible(false);
    expect(s.visible).toBe(false);
    expect(events.at(-1)).toBe(false);
    s.dispose();
    snapshots.fire(liveSnapshot());
    expect(pushes(b)).toBe(2);
  });
});

describe('the Providers focus (the hover’s "Providers" link, issue #15 item 3)', () => {
  const focusMessages = (shown: FakeShown): unknown[] => shown.sent.filter((m) => m.type === 'notification' && m.method === 'providers/focus').map((m) => (m as { params: unknown }).params);

  it('asked before the page is ready: sent once, right after init', async () => {
    const { surface: s } = surface();
    const shown = new FakeShown();
    s.attach(shown as never, shown.changed.event);
    s.focusProviders('qwen/qwen3-coder');
    expect(shown.sent).toHaveLength(0);
    await shown.ready();
    const methods = shown.sent.map((m) => (m.type === 'notification' ? m.method : m.type));
    expect(methods.indexOf('providers/focus')).toBe(methods.indexOf('init') + 1);
    expect(focusMessages(shown)).toEqual([{ modelId: 'qwen/qwen3-coder' }]);
    // A reload does not ask again.
    await shown.ready();
    expect(focusMessages(shown)).toHaveLength(1);
  });

  it('asked when the page is ready: sent at once', async () => {
    const { surface: s } = surface();
    const shown = new FakeShown();
    s.attach(shown as never, shown.changed.event);
    await shown.ready();
    s.focusProviders('deepseek/deepseek-v4-flash');
    expect(focusMessages(shown)).toEqual([{ modelId: 'deepseek/deepseek-v4-flash' }]);
  });
});
