// The webview page: a strict CSP with a nonce, and the embedded init payload inert and unbreakable.
import { describe, expect, it } from 'vitest';
import { Uri } from '../support/fakeVscode';
import { renderWebviewHtml } from '../../src/host/webviewHost';
import type { InitPayload } from '../../src/shared/protocol';

const ext = Uri.file('/ext') as never;
const webview = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', asWebviewUri: (u: Uri) => u } as never;

function payload(name: string): InitPayload {
  return {
    view: 'sidebar',
    snapshot: { keys: { inference: 'none', management: false }, catalog: null, rankings: null, usage: { key: { label: name } }, activity: null, resources: {} } as never,
    references: { refs: [], scanning: false, files: 0, note: null },
    settings: { budgetDaily: 0, budgetMonthly: 0, lowBalance: 5, leadersTop: 5 },
  };
}

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

  it('embeds the init payload as inert JSON that text from the API cannot break out of', () => {
    const hostile = 'x</script><script>alert(1)</script><!-- &amp; \u2028';
    const html = renderWebviewHtml(webview, ext, 'sidebar', payload(hostile));
    const block = /<script type="application\/json" id="mr-init" nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(JSON.parse(block![1]).snapshot.usage.key.label).toBe(hostile);
  });
});
