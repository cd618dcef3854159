// The sidebar's first payload: only the catalog entries its first paint names, then the full catalog after
// first content (or a fallback timer). The dashboard gets everything at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter, Uri } from '../support/fakeVscode';
import { sidebarFirstSnapshot } from '../../src/core/bridge/payload';
import { FULL_SNAPSHOT_FALLBACK_MS, WebviewConnection, renderWebviewHtml } from '../../src/host/webviewHost';
import type { HostToWebview } from '../../src/shared/protocol';
import type { ReferencesView, Snapshot } from '../../src/shared/types';
import { activityView, catalogModel, catalogView, largeCatalog, managementSnapshot, modelRef, noKeySnapshot, referencesView, settings } from '../support/snapshotBuilders';

function bigSnapshot(): Snapshot {
  // The real-size catalog: the seeds (which the rankings and activity name) plus hundreds of others.
  const base = managementSnapshot();
  return { ...base, catalog: catalogView([...(base.catalog?.models ?? []), ...largeCatalog(400).models]) };
}

describe('sidebarFirstSnapshot', () => {
  it('keeps the models ranked, spent on and referenced, and drops the rest', () => {
    const snap = bigSnapshot();
    const refs = referencesView([modelRef('openrouter/anthropic/claude-opus-4.7'), modelRef('moonshotai/kimi-k3:free')]);
    const { snapshot, partial } = sidebarFirstSnapshot(snap, refs);
    expect(partial).toBe(true);
    const ids = new Set(snapshot.catalog?.models.map((m) => m.id));
    expect(ids.size).toBeLessThan(60);
    for (const r of snap.rankings?.models ?? []) if (r.id) expect(ids).toContain(r.id);
    for (const a of activityView().byModel) if (snap.catalog?.models.some((m) => m.id === a.model)) expect(ids).toContain(a.model);
    // References by an `openrouter/` prefixed id or a variant find their catalog entry.
    expect(ids).toContain('anthropic/claude-opus-4.7');
    expect(ids).toContain('moonshotai/kimi-k3');
    // Everything else in the snapshot is untouched.
    expect(snapshot.rankings).toBe(snap.rankings);
    expect(snapshot.activity).toBe(snap.activity);
    expect(snapshot.catalog?.asOf).toBe(snap.catalog?.asOf);
    expect(snapshot.catalog?.source).toBe(snap.catalog?.source);
  });

  it('sends a catalog that is already small, or missing, as it is', () => {
    const small = noKeySnapshot({ catalog: catalogView([catalogModel('xiaomi/mimo-v2.5')]), rankings: null });
    expect(sidebarFirstSnapshot(small, referencesView([modelRef('xiaomi/mimo-v2.5')]))).toEqual({ snapshot: small, partial: false });
    const none = noKeySnapshot({ catalog: null });
    expect(sidebarFirstSnapshot(none, undefined)).toEqual({ snapshot: none, partial: false });
  });
});

class FakeWebview {
  sent: HostToWebview[] = [];
  private readonly inbound = new EventEmitter<unknown>();
  onDidReceiveMessage = this.inbound.event;
  postMessage(m: HostToWebview): Promise<boolean> {
    this.sent.push(m);
    return Promise.resolve(true);
  }
  async receive(m: unknown): Promise<void> {
    this.inbound.fire(m);
    // The dispatch is async: let its promises settle (timers are fake here).
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
}

function connect(view: 'sidebar' | 'dashboard', snapshot: Snapshot, references: ReferencesView = referencesView()) {
  const webview = new FakeWebview();
  const snapshots = new EventEmitter<Snapshot>();
  const never = new EventEmitter<never>();
  const log = { warn: vi.fn(), debug: vi.fn(), info: vi.fn() };
  const firstContent = vi.fn();
  const connection = new WebviewConnection(
    webview as never,
    view,
    { snapshot: () => snapshot, onDidChangeSnapshot: snapshots.event, references: () => references, onDidChangeReferences: never.event, settings: () => settings(), onDidChangeSettings: never.event },
    {} as never,
    log as never,
    firstContent,
  );
  return { webview, connection, firstContent, snapshots };
}

const catalogSize = (m: HostToWebview): number | undefined => {
  if (m.type !== 'notification') return undefined;
  const snap = m.method === 'init' ? (m.params as { snapshot: Snapshot }).snapshot : m.method === 'snapshot/didChange' ? (m.params as Snapshot) : undefined;
  return snap?.catalog?.models.length;
};

describe('WebviewConnection first payload', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('gives the sidebar the slim catalog at init and the full one right after first content', async () => {
    const snap = bigSnapshot();
    const full = snap.catalog?.models.length ?? 0;
    const { webview, connection, firstContent } = connect('sidebar', snap);
    await webview.receive({ type: 'ready' });
    expect(webview.sent).toHaveLength(1);
    expect(webview.sent[0]).toMatchObject({ type: 'notification', method: 'init' });
    expect(catalogSize(webview.sent[0]!)).toBeLessThan(60);
    await webview.receive({ type: 'telemetry', event: 'firstContent', ms: 120 });
    expect(firstContent).toHaveBeenCalledOnce();
    expect(webview.sent).toHaveLength(2);
    expect(webview.sent[1]).toMatchObject({ type: 'notification', method: 'snapshot/didChange' });
    expect(catalogSize(webview.sent[1]!)).toBe(full);
    // Once is enough: the fallback timer sends nothing more.
    vi.advanceTimersByTime(FULL_SNAPSHOT_FALLBACK_MS * 2);
    expect(webview.sent).toHaveLength(2);
    connection.dispose();
  });

  it('sends the full catalog after the fallback delay when first content never comes', async () => {
    const snap = bigSnapshot();
    const { webview, connection } = connect('sidebar', snap);
    await webview.receive({ type: 'ready' });
    vi.advanceTimersByTime(FULL_SNAPSHOT_FALLBACK_MS - 1);
    expect(webview.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(webview.sent).toHaveLength(2);
    expect(catalogSize(webview.sent[1]!)).toBe(snap.catalog?.models.length);
    connection.dispose();
  });

  it('does not send the full catalog twice when a snapshot change already did', async () => {
    const snap = bigSnapshot();
    const { webview, connection, snapshots } = connect('sidebar', snap);
    await webview.receive({ type: 'ready' });
    snapshots.fire(snap);
    expect(webview.sent).toHaveLength(2);
    await webview.receive({ type: 'telemetry', event: 'firstContent', ms: 90 });
    vi.advanceTimersByTime(FULL_SNAPSHOT_FALLBACK_MS);
    expect(webview.sent).toHaveLength(2);
    connection.dispose();
  });

  it('gives the dashboard the whole catalog at init', async () => {
    const snap = bigSnapshot();
    const { webview, connection } = connect('dashboard', snap);
    await webview.receive({ type: 'ready' });
    expect(catalogSize(webview.sent[0]!)).toBe(snap.catalog?.models.length);
    vi.advanceTimersByTime(FULL_SNAPSHOT_FALLBACK_MS);
    expect(webview.sent).toHaveLength(1);
    connection.dispose();
  });
});

describe('webview HTML per view', () => {
  const ext = Uri.file('/ext') as never;
  const webview = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', asWebviewUri: (u: Uri) => u } as never;
  it("loads only the view's own module and the shared chunk, as nonce'd modules", () => {
    for (const view of ['sidebar', 'dashboard'] as const) {
      const other = view === 'sidebar' ? 'dashboard' : 'sidebar';
      const html = renderWebviewHtml(webview, ext, view);
      const nonce = /'nonce-([^']+)'/.exec(html)?.[1];
      expect(html).toContain(`<script type="module" nonce="${nonce}" src="file:///ext/dist/webview/${view}.js">`);
      expect(html).toContain(`<link rel="modulepreload" href="file:///ext/dist/webview/shared.js" nonce="${nonce}">`);
      // One stylesheet for both views (esbuild.mjs builds it once).
      expect(html).toContain(`<link rel="stylesheet" href="file:///ext/dist/webview/app.css" nonce="${nonce}">`);
      expect(html).not.toContain(`${other}.js`);
      expect(html).not.toMatch(/(sidebar|dashboard)\.css/);
    }
  });
});
