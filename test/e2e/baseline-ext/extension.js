/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS extension loaded as is, no build step */
// VS Code's floor for a webview view on this machine: a blank page under the same strict nonce CSP as Model
// Radar's, whose only script posts "ready" once its first frame has been painted (the second animation frame, as
// Model Radar's host-rendered first screen reports its own paint: src/core/bridge/firstScreen.ts). Timed the way
// Model Radar's sidebar is (webviewHost.ts): from resolveWebviewView to the message arriving in the extension host.
const vscode = require('vscode');
const { randomBytes } = require('node:crypto');

exports.activate = (context) => {
  const log = vscode.window.createOutputChannel('Webview Baseline', { log: true });
  context.subscriptions.push(
    log,
    vscode.window.registerWebviewViewProvider(
      'webviewBaseline.view',
      {
        resolveWebviewView(view) {
          const shownAt = performance.now();
          view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [] };
          view.webview.onDidReceiveMessage((m) => {
            if (m && m.type === 'ready') log.info(`webview baseline firstPaint ${(performance.now() - shownAt).toFixed(1)} ms (resolved at ${(performance.timeOrigin + shownAt).toFixed(1)})`);
          });
          const nonce = randomBytes(16).toString('base64');
          view.webview.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'">
<title>Baseline</title></head>
<body><div id="root" data-view="baseline"></div>
<script nonce="${nonce}">performance.mark('mr-first-start'); const api = acquireVsCodeApi(); requestAnimationFrame(() => { performance.mark('mr-first-frame1'); requestAnimationFrame(() => { performance.mark('mr-first-frame2'); api.postMessage({ type: 'ready' }); }); });</script>
</body></html>`;
        },
      },
      { webviewOptions: { retainContextWhenHidden: true } },
    ),
    vscode.commands.registerCommand('webviewBaseline.focus', () => vscode.commands.executeCommand('webviewBaseline.view.focus')),
    // For the activation figure: the extension host's own performance marks (vs/base/common/performance, kept on
    // globalThis.MonacoPerformanceMarks, Date.now() like its activation times) around each extension's
    // require(), so the e2e can tell which extensions loaded and how long our own code loading took.
    vscode.commands.registerCommand('webviewBaseline.logCodeLoading', () => {
      const marks = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];
      const at = new Map(marks.map((m) => [m.name, m.startTime]));
      const ids = new Set(marks.map((m) => /^code\/extHost\/willLoadExtensionCode\/(.+)$/.exec(m.name)?.[1]).filter(Boolean));
      for (const id of ids) {
        const will = at.get(`code/extHost/willLoadExtensionCode/${id}`);
        const did = at.get(`code/extHost/didLoadExtensionCode/${id}`);
        log.info(`code loading ${id}: will ${will} did ${did} require ${did - will} ms`);
      }
      log.info(`code loading marks: ${ids.size} extensions`);
    }),
  );
};

exports.deactivate = () => undefined;
