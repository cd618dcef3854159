// The real entry point, as VS Code loads it: a #root with data-view, acquireVsCodeApi on window, the
// toolkit registered, the ready handshake, and the first-content report.
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeHost, installVsCodeApi } from './support/fakeHost';
import { initPayload } from '../support/snapshotBuilders';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('webview entries (views/sidebarEntry.tsx, views/dashboardEntry.tsx)', () => {
  it('mounts on #root, says ready, paints init with the toolkit, and reports first content once', async () => {
    document.body.innerHTML = '<div id="root" data-view="sidebar"></div>';
    const host = new FakeHost({ init: initPayload() });
    installVsCodeApi(host);
    await act(async () => {
      await import('../../webview/src/views/sidebarEntry');
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(host.sent[0]).toEqual({ type: 'ready' });
    const leaders = await screen.findByRole('region', { name: 'Leaders' });
    expect(within(leaders).getByText('Xiaomi: MiMo-V2.5')).toBeTruthy();
    // The toolkit's elements are in use, not the fallbacks.
    expect(document.querySelector('vscode-button')).toBeTruthy();
    const telemetry = host.telemetry();
    expect(telemetry).toHaveLength(1);
    expect(telemetry[0]).toMatchObject({ type: 'telemetry', event: 'firstContent' });
    expect(Number.isInteger(telemetry[0]!.ms)).toBe(true);
    expect(host.requests('snapshot/get')).toEqual([]);
  });

  it('mounts the dashboard entry on its page and paints the dashboard, not the sidebar sections', async () => {
    document.body.innerHTML = '<div id="root" data-view="dashboard"></div>';
    const host = new FakeHost({ init: initPayload({ view: 'dashboard' }) });
    installVsCodeApi(host);
    await act(async () => {
      await import('../../webview/src/views/dashboardEntry');
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(host.sent[0]).toEqual({ type: 'ready' });
    await screen.findByRole('main');
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector('main.mr-dashboard')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Leaders' })).toBeNull();
  });
});
