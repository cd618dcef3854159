// npm run package: build the bundles, then make model-radar-<version>.vsix with vsce.
// --no-dependencies: esbuild already bundled everything the extension needs. The file list is checked
// before packaging: no node_modules, no sources, no tests may ship.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostLoadSplit } from './hostChunks.mjs';

const vsce = 'node_modules/@vscode/vsce/vsce';
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const { version, name } = JSON.parse(readFileSync('package.json', 'utf8'));
if (!process.argv.includes('--no-build')) run(process.execPath, ['esbuild.mjs']);

const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const forbidden = files.filter((f) => /(^|\/)node_modules\/|^src\/|^test\/|^webview\/|\.ts$|\.map$/.test(f));
// The entry imports dist/main.mjs on the tick after activation, and it imports its chunks (dist/host/, named by
// the host build's metafile): a package without any of them activates and then fails. package.json's %key% texts
// and the Chinese bundle (VS Code and the CLI read them) must ship too. dist/web/extension.js is the manifest's
// `browser` entry (vscode.dev, github.dev): without it the web install fails; dist/web/model-refs.js is what it
// loads a second after start (the workspace references). dist/first-screen.js renders the sidebar's first screen in
// either host (without it the sidebar still works, drawn by the app alone, but slower: a package must carry it).
const split = hostLoadSplit('dist/host-meta.json');
if (split === null || !existsSync('dist/extension.js')) {
  console.error('package: the host was not built (dist/extension.js, dist/host-meta.json)');
  process.exit(1);
}
const hostFiles = [...split.start, ...split.deferred].map((f) => f.file);
const hostMissing = ['dist/extension.js', ...hostFiles, 'dist/web/extension.js', 'dist/web/model-refs.js', 'dist/first-screen.js', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json'].filter((f) => !files.includes(f));
if (forbidden.length > 0 || hostMissing.length > 0) {
  console.error(`package: refusing to ship ${forbidden.length ? forbidden.join(', ') : `a package without ${hostMissing.join(', ')}`}`);
  process.exit(1);
}

const out = `${name}-${version}.vsix`;
run(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
console.log(`packaged ${out}: ${files.join(', ')}`);
