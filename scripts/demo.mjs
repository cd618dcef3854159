// npm run demo: a real VS Code (code-server) in your browser with Model Radar installed and a sample
// workspace open. `npm run demo -- --fake` also starts the fake OpenRouter server and points the extension
// at it and stores its test keys in the demo's own profile, so every surface has data offline and the window
// opens ready. Options: --port N (default 8080), --help. Ctrl+C stops everything.
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
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: npm run demo [-- --fake] [-- --port N]

  Opens a real VS Code (code-server) in your browser with Model Radar installed and a sample workspace.
  --fake    use a local fake OpenRouter: fake data, test keys stored in the demo's own profile
  --port N  serve VS Code on 127.0.0.1:N (default 8080)
  Ctrl+C stops everything the demo started.`);
  process.exit(0);
}
const root = resolve('.');
// Each step's own output (npm, vsce's file list) is noise on success; it is printed only when the step fails.
const step = (what, cmd, argv) => {
  process.stdout.write(`demo: ${what}…\n`);
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}demo: ${what} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
};

step('checking code-server (the first run installs it: a minute or two)', 'bash', ['scripts/e2e-setup.sh']);
step('building and packaging the extension', process.execPath, ['scripts/package.mjs']);
if (fake) step('building the fake OpenRouter server', process.execPath, ['scripts/build-fake.mjs']);

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
const DEMO_KEYS_ENV = 'MODEL_RADAR_DEMO_KEYS';
const FAKE_KEYS = { inference: 'sk-or-v1-test-inference', management: 'sk-or-v1-test-management' };
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
      // The first screen is Model Radar's: no welcome page, tips or chat panel over it.
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.commandCenter.enabled': false,
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
delete env[DEMO_KEYS_ENV];
if (fake) {
  // A real key from the developer's shell has no business with the fake server.
  delete env.OPENROUTER_API_KEY;
  // The fake's test keys, for the extension to store in this profile's SecretStorage. It honours them only with a
  // plain-http loopback base URL and "sk-or-v1-test-…" keys (src/core/service/demo.ts): nothing real can come this way.
  env[DEMO_KEYS_ENV] = `${FAKE_KEYS.inference},${FAKE_KEYS.management}`;
}
execFileSync(process.execPath, [codeServer, '--user-data-dir', ud, '--extensions-dir', ext, '--install-extension', join(root, `${name}-${version}.vsix`)], { env, stdio: 'ignore' });
const config = join(work, 'config.yaml');
writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const server = spawn(
  process.execPath,
  [codeServer, '--config', config, '--user-data-dir', ud, '--extensions-dir', ext, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace],
  { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
);
children.push(server);
// code-server logs plenty a demo user cannot act on ("File not found: …/vsda…", extension-host chatter):
// keep its tail, and show it only when it stops on its own.
let serverLog = '';
server.stderr.on('data', (d) => (serverLog = (serverLog + d).slice(-8000)));
server.on('exit', (code) => {
  console.error(`${serverLog}demo: code-server exited (${code})`);
  stopAll();
  process.exit(code ?? 1);
});
// Opens the sample workspace with a config file in the editor, so its CodeLens shows on the first screen.
const openFile = `vscode-remote://127.0.0.1:${port}${join(workspace, '.continue', 'config.yaml')}`;
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify([['openFile', openFile]]))}`;
for (let i = 0; i < 150; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`\nModel Radar demo is ready: open ${url}`);
if (fake) console.log(`Data: FAKE, from a local fake OpenRouter at ${baseUrl}; its test keys are already stored in the demo's own profile (.demo/).`);
else console.log('Data: LIVE, from the real OpenRouter API; run "Model Radar: Set API Key" in the palette to add your key.');
console.log('Press Ctrl+C here to stop the demo.');
