// Resolving the sidebar's view: VS Code builds a new webview frame for each change of the view's options or HTML,
// so the page is built first and the options and the HTML are handed over back to back (the e2e timeline saw a
// frame built for the options alone, the page's own frame ~60 ms later, when the options went first).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter, Uri } from '../support/fakeVscode';
import { SidebarViewProvider } from '../../src/host/sidebarView';
import { preloadFirstScreen } from '../../src/host/webviewHost';
import { readFile } from 'node:fs/promises';
import { liveSnapshot, referencesView, settings } from '../support/snapshotBuilders';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'model-radar-resolve-'));
  mkdirSync(join(dir, 'dist', 'webview'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'webview', 'app.css'), '.mr-app{}');
  writeFileSync(join(dir, 'dist', 'webview', 'first.js'), '(()=>{})();');
  // A stand-in for the built renderer (dist/first-screen.js): it draws from the state it is handed.
  writeFileSync(join(dir, 'dist', 'first-screen.js'), 'exports.renderFirstScreen = (input) => `<main class="stand-in">${input.snapshot.rankings.models.length} leaders, ${input.references.refs.length} refs, top ${input.settings.leadersTop}</main>`;');
  // As the composition root does at start: the files are read before the view resolves, so it resolves
  // in one go (the read itself goes through workspace.fs, here the disk).
  const never = new EventEmitter<never>();
  const state = { snapshot: () => liveSnapshot(), onDidChangeSnapshot: never.event, references: () => referencesView(), onDidChangeReferences: never.event, settings: () => settings(), onDidChangeSettings: never.event };
  const preload = preloadFirstScreen({ extensionUri: Uri.file(dir) as never, state, readResource: (u: Uri) => readFile(u.fsPath), log: { warn: vi.fn(), debug: vi.fn(), info: vi.fn() } as never });
  await new Promise((r) => setTimeout(r, 50));
  // Only the files: the views below are resolved with states of their own, rendered at resolve.
  preload.dispose();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function resolveOnce(): { ops: string[]; webview: { options: unknown; html: string } } {
  const ops: string[] = [];
  let options: unknown = {};
  let html = '';
  const inbound = new EventEmitter<unknown>();
  const webview = {
    get options(): unknown {
      return options;
    },
    set options(o: unknown) {
      ops.push('options');
      options = o;
    },
    get html(): string {
      return html;
    },
    set html(h: string) {
      ops.push('html');
      html = h;
    },
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    onDidReceiveMessage: inbound.event,
    asWebviewUri: (u: Uri) => u,
    postMessage: () => Promise.resolve(true),
  };
  const never = new EventEmitter<never>();
  const read = <T>(name: string, value: T) => (): T => {
    ops.push(name);
    return value;
  };
  const provider = new SidebarViewProvider({
    extensionUri: Uri.file(dir) as never,
    state: {
      snapshot: read('snapshot', liveSnapshot()),
      onDidChangeSnapshot: never.event,
      references: read('references', referencesView()),
      onDidChangeReferences: never.event,
      settings: read('settings', settings()),
      onDidChangeSettings: never.event,
    },
    handlers: {} as never,
    log: { warn: vi.fn(), debug: vi.fn(), info: vi.fn() } as never,
    onFirstContent: vi.fn(),
  });
  const visibility = new EventEmitter<void>();
  const disposed = new EventEmitter<void>();
  provider.resolveWebviewView({ webview, visible: true, onDidChangeVisibility: visibility.event, onDidDispose: disposed.event } as never);
  return { ops, webview };
}

describe('resolving the sidebar view', () => {
  it('builds the page first, then sets its options and its HTML back to back', () => {
    const { ops, webview } = resolveOnce();
    // The state was read to render the first screen...
    expect(ops).toEqual(expect.arrayContaining(['snapshot', 'references', 'settings']));
    // ...before VS Code got anything: options, then the HTML, nothing in between, each once.
    expect(ops.slice(-2)).toEqual(['options', 'html']);
    expect(ops.filter((o) => o === 'options' || o === 'html')).toHaveLength(2);
    expect(webview.options).toMatchObject({ enableScripts: true, enableCommandUris: false });
    expect(webview.html).toContain(`<main class="stand-in">${liveSnapshot().rankings?.models.length} leaders, ${referencesView().refs.length} refs, top ${settings().leadersTop}</main>`);
  });
});
