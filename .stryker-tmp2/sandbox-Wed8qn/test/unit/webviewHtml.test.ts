// The webview page: a strict CSP with a fresh nonce per page.
import { describe, expect, it } from 'vitest';
import { Uri } from '../support/fakeVscode';
import { renderWebviewHtml } from '../../src/host/webviewHost';

const ext = Uri.file('/ext') as never;
const webview = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', asWebviewUri: (u: Uri) => u } as never;

describe('webview HTML', () => {
  it('has a strict CSP: nothing by default, scripts by nonce only, no inline or eval, no remote origins', () => {
    const html = renderWebviewHtml(webview, ext, 'sidebar');
    const csp = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\/(?!file\+)/);
    expect(csp).not.toMatch(/connect-src/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('uses a fresh nonce for every page', () => {
    const a = /'nonce-([^']+)'/.exec(renderWebviewHtml(webview, ext, 'sidebar'))?.[1];
    const b = /'nonce-([^']+)'/.exec(renderWebviewHtml(webview, ext, 'sidebar'))?.[1];
    expect(a).not.toBe(b);
  });

});
