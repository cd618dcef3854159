// The e2e stage: install prerequisites (scripts/e2e-setup.sh), package the extension unless a fresh
// .vsix was just made (MODEL_RADAR_VSIX_FRESH=1), build the fake OpenRouter bundle, then run the specs
// in a real VS Code. --metrics runs only the metrics spec (for npm run bench);
// --update-screenshots also copies the README's screenshots into media/screenshots/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const run = (cmd, argv, env = {}) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('bash', ['scripts/e2e-setup.sh']);
if (process.env.MODEL_RADAR_VSIX_FRESH !== '1') run(process.execPath, ['scripts/package.mjs']);
run(process.execPath, ['scripts/build-fake.mjs']);
rmSync('test/e2e/.work', { recursive: true, force: true });
mkdirSync('test/e2e/.results', { recursive: true });

// code-server's extension hosts and watchers run in process groups of their own: note what runs now, and
// stop whatever new code-server process is left when the specs end.
const codeServerPids = () =>
  new Set((spawnSync('pgrep', ['-f', `${process.cwd()}/test/e2e/node_modules/code-server`], { encoding: 'utf8' }).stdout || '').split(/\s+/).filter(Boolean));
const before = codeServerPids();
const specs = args.includes('--metrics') ? ['specs/foundation.e2e.ts'] : args.filter((a) => !a.startsWith('--'));
const r = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/e2e/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${process.cwd()}/test/e2e/.results/vitest.json`, ...specs],
  { stdio: 'inherit', env: { ...process.env, ...(args.includes('--update-screenshots') ? { MODEL_RADAR_UPDATE_SCREENSHOTS: '1' } : {}) } },
);
// Belt and braces: nothing the specs started may outlive the stage (a stray code-server eats a core).
spawnSync('pkill', ['-f', `${process.cwd()}/test/e2e/.work/`], { stdio: 'ignore' });
spawnSync('pkill', ['-f', `${process.cwd()}/dist-test/fake-openrouter.js`], { stdio: 'ignore' });
for (const pid of codeServerPids()) {
  if (before.has(pid)) continue;
  try {
    process.kill(Number(pid), 'SIGTERM');
  } catch {
    /* already gone */
  }
}
rmSync('test/e2e/.work', { recursive: true, force: true });
process.exit(r.status ?? 1);
