// npm run demo: a real VS Code (code-server) in your browser with Model Radar installed and a sample
// workspace open. `npm run demo -- --fake` also starts the fake OpenRouter server and points the extension
// at it, so every surface has data offline. Options: --port N (default 8080). Ctrl+C stops everything.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signalTagged } from '../test/e2e/procs.mjs';

const args = process.argv.slice(2);
const fake = args.includes('--fake');
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 8080;
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('demo: --port needs a number from 1 to 65535');
  process.exit(2);
}
const root = resolve('.');
const step = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

step('bash', ['scripts/e2e-setup.sh']);
step(process.execPath, ['scripts/package.mjs']);
if (fake) step(process.execPath, ['scripts/build-fake.mjs']);

const work = join(root, '.demo');
rmSync(work, { recursive: true, force: true });
const ud = join(work, 'user-data');
const ext = join(work, 'extensions');
const workspace = join(work, 'workspace');
mkdirSync(join(ud, 'User'), { recursive: true });
mkdirSync(ext, { recursive: true });
cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });

// code-server starts its extension hosts and watchers in process groups of their own; a tag in the
// environment of everything the demo starts lets Ctrl+C end all of them and nothing else.
const DEMO_TAG = 'MODEL_RADAR_DEMO';
const demoId = randomUUID();
const tagged = { ...process.env, [DEMO_TAG]: demoId };
const children = [];
const stopAll = () => {
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  signalTagged(DEMO_TAG, demoId);
};
process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(0);
});

let baseUrl = null;
if (fake) {
  const child = spawn(process.execPath, [join(root, 'dist-test/fake-openrouter.js'), '--port', '0'], { env: tagged, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  baseUrl = await new Promise((res, rej) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) res(buf.split('\n')[0].trim());
    });
    child.on('exit', (code) => rej(new Error(`fake OpenRouter exited with ${code}`)));
  });
}

writeFileSync(
  join(ud, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      // Offline machines otherwise print an extension-gallery stack trace into the demo's terminal.
      'extensions.autoCheckUpdates': false,
      'workbench.enableExperiments': false,
      'git.openRepositoryInParentFolders': 'never',
      ...(baseUrl ? { 'modelRadar.apiBaseUrl': baseUrl } : {}),
    },
    null,
    2,
  ),
);
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const codeServer = join(root, 'test/e2e/node_modules/code-server/out/node/entry.js');
// VSCODE_CLI=1: skip reading the environment from a login shell (`$SHELL -ilc`); a slow profile would
// delay the extension host by VS Code's 10 s timeout. The demo's own environment is used as is.
const env = { ...tagged, XDG_DATA_HOME: join(work, 'xdg'), XDG_CONFIG_HOME: join(work, 'xdgc'), VSCODE_CLI: '1' };
execFileSync(process.execPath, [codeServer, '--user-data-dir', ud, '--extensions-dir', ext, '--install-extension', join(root, `${name}-${version}.vsix`)], { env, stdio: 'ignore' });
const config = join(work, 'config.yaml');
writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const server = spawn(
  process.execPath,
  [codeServer, '--config', config, '--user-data-dir', ud, '--extensions-dir', ext, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
  { env, detached: true, stdio: ['ignore', 'ignore', 'inherit'] },
);
children.push(server);
server.on('exit', (code) => {
  console.error(`demo: code-server exited (${code})`);
  stopAll();
  process.exit(code ?? 1);
});
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
for (let i = 0; i < 150; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`\nModel Radar demo: ${url}`);
if (fake) console.log(`Fake OpenRouter: ${baseUrl} (test keys: sk-or-v1-test-inference, sk-or-v1-test-management)`);
else console.log('Using the real OpenRouter API; run "Model Radar: Set API Key" in the palette to add your key.');
console.log('Ctrl+C stops it.');
