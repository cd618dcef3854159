// The sidebar page with a first screen, as VS Code loads it: the screen the host rendered (with the webview's own
// renderer, webview/src/first/firstScreenRender.ts) is in the page; the inlined first script takes the one VS Code
// API handle, folds what the user folded, reports first content once painted (two animation frames), and the app,
// mounting later on the same handle, swaps itself in without reporting a second time.
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeHost, installVsCodeApi } from './support/fakeHost';
import { APP_AFTER_REPORT_MS, paintFirstScreen } from '../../webview/src/first/sidebarFirst';
import { renderFirstScreen } from '../../webview/src/first/firstScreenRender';
import type { InitPayload } from '../../src/shared/protocol';
import { initPayload } from '../support/snapshotBuilders';

/** The app's module script the first screen added, if any, and the shared chunk's preload. */
function appLoad(): { src: string | null; nonce: string; preload: string | null } | null {
  const script = document.querySelector<HTMLScriptElement>('script[type="module"]');
  if (!script) return null;
  return { src: script.getAttribute('src'), nonce: script.nonce ?? '', preload: document.querySelector('link[rel="modulepreload"]')?.getAttribute('href') ?? null };
}

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  delete window.__modelRadar;
});

const frames = (n: number): Promise<void> =>
  new Promise((resolve) => {
    const step = (left: number): void => {
      if (left === 0) resolve();
      else requestAnimationFrame(() => step(left - 1));
    };
    step(n);
  });

/** The page as the host writes it (src/host/webviewHost.ts): the screen it rendered in the slot, the root hidden. */
function loadPage(state?: unknown, init: InitPayload = initPayload(), screenHtml?: string): { host: FakeHost; drawn: boolean } {
  const html = screenHtml ?? renderFirstScreen({ snapshot: init.snapshot, references: init.references, settings: init.settings, nowMs: Date.now(), l10n: { language: 'en', bundle: {} } }) ?? '';
  document.head.innerHTML = '<meta property="csp-nonce" content="n0nce">';
  document.body.innerHTML = `<div id="mr-first" inert data-app="https://x/dist/webview/sidebar.js" data-shared="https://x/dist/webview/shared.js">${html}</div><div id="root" data-view="sidebar" hidden></div>`;
  const host = new FakeHost({ init: initPayload(), state });
  installVsCodeApi(host);
  // As the page's inlined first script, right after the slot and the data are parsed.
  const drawn = paintFirstScreen(document, window, () => window.acquireVsCodeApi!());
  return { host, drawn };
}

describe('a sidebar page with a host-rendered first screen', () => {
  it('reports first content once, after two frames, before the app loads; the app then swaps in on the same API handle', async () => {
    const { host, drawn } = loadPage();
    expect(drawn).toBe(true);
    expect((document.getElementById('root') as HTMLElement).hidden).toBe(true);
    expect(document.getElementById('mr-first')?.hasAttribute('inert')).toBe(true);
    // The first screen is the page: leaders with data, before any app code ran.
    const first = document.getElementById('mr-first') as HTMLElement;
    expect(within(first).getByRole('region', { name: 'Leaders' }).textContent).toContain('Xiaomi: MiMo-V2.5');
    expect(host.telemetry()).toHaveLength(0);
    await frames(1);
    expect(host.telemetry()).toHaveLength(0);
    // The app's modules wait until the first screen is painted: nothing competes with that paint.
    expect(appLoad()).toBeNull();
    await frames(2);
    expect(host.telemetry()).toHaveLength(1);
    // The report goes out first; the app's fetch follows a moment later, so it does not slow the report down.
    expect(appLoad()).toBeNull();
    await new Promise((r) => setTimeout(r, APP_AFTER_REPORT_MS + 5));
    expect(appLoad()).toEqual({ src: 'https://x/dist/webview/sidebar.js', nonce: 'n0nce', preload: 'https://x/dist/webview/shared.js' });
    expect(host.telemetry()[0]).toMatchObject({ type: 'telemetry', event: 'firstContent' });
    expect(host.sent.filter((m) => m.type === 'ready')).toHaveLength(0);

    // The app: acquireVsCodeApi would throw if called again (installVsCodeApi); the module reuses the handle.
    await act(async () => {
      await import('../../webview/src/views/sidebarEntry');
      await new Promise((r) => setTimeout(r, 30));
    });
    expect(host.sent.filter((m) => m.type === 'ready')).toHaveLength(1);
    const leaders = await screen.findByRole('region', { name: 'Leaders' });
    expect(within(leaders).getByText('Xiaomi: MiMo-V2.5')).toBeTruthy();
    expect(document.getElementById('mr-first')).toBeNull();
    expect((document.getElementById('root') as HTMLElement).hidden).toBe(false);
    expect(screen.getAllByRole('region', { name: 'Leaders' })).toHaveLength(1);
    await frames(2);
    expect(host.telemetry()).toHaveLength(1);
  });

  it('folds the sections the user folded before the first paint, as the app would', async () => {
    const { host } = loadPage({ collapsed: { spend: true, leaders: false } });
    const spend = document.querySelector('#mr-first [data-section="spend"]') as HTMLElement;
    expect(spend.querySelector('.mr-section-toggle')?.getAttribute('aria-expanded')).toBe('false');
    expect(spend.querySelector('.mr-chevron')?.textContent).toBe('▸');
    const body = spend.querySelector('.mr-section-body') as HTMLElement;
    expect(body.hidden).toBe(true);
    expect(body.childElementCount).toBe(0);
    const leaders = document.querySelector('#mr-first [data-section="leaders"]') as HTMLElement;
    expect(leaders.querySelector('.mr-section-toggle')?.getAttribute('aria-expanded')).toBe('true');
    await frames(3);
    expect(host.telemetry()).toHaveLength(1);
  });

  it('loads the app at once when the page holds no first screen', async () => {
    for (const empty of ['', ' ', 'text only']) {
      const { host, drawn } = loadPage(undefined, initPayload(), empty);
      expect(drawn).toBe(false);
      expect(document.getElementById('mr-first')).toBeNull();
      expect((document.getElementById('root') as HTMLElement).hidden).toBe(false);
      // Nothing drawn: the app loads at once.
      expect(appLoad()).toEqual({ src: 'https://x/dist/webview/sidebar.js', nonce: 'n0nce', preload: 'https://x/dist/webview/shared.js' });
      await frames(3);
      expect(host.telemetry()).toHaveLength(0);
      expect(document.querySelectorAll('script[type="module"]')).toHaveLength(1);
      document.head.innerHTML = '<meta property="csp-nonce" content="n0nce">';
      delete window.__modelRadar;
    }
  });

  it('ignores saved state it cannot read', async () => {
    const { host } = loadPage('not an object');
    expect(document.querySelectorAll('#mr-first .mr-section-body[hidden]')).toHaveLength(0);
    await frames(3);
    expect(host.telemetry()).toHaveLength(1);
  });
});
