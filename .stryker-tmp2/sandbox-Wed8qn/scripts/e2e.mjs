// The e2e stage: install prerequisites (scripts/e2e-setup.sh), package the extension unless a fresh
// .vsix was just made (MODEL_RADAR_VSIX_FRESH=1), build the fake OpenRouter bundle, then run the specs
// in a real VS Code. --metrics runs only the metrics spec (for npm run bench);
// --update-screenshots also copies the README's screenshots into media/screenshots/.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopTagged, taggedPids } from '../test/e2e/procs.mjs';

const args = process.argv.slice(2);
const run = (cmd, argv, env = {}) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('bash', ['scripts/e2e-setup.sh']);
if (process.env.MODEL_RADAR_VSIX_FRESH !== '1') run(process.execPath, ['scripts/package.mjs']);
run(process.execPath, ['scripts/build-fake.mjs']);
mkdirSync('test/e2e/.results', { recursive: true });

// Each stage has its own scratch folder and a tag in the environment of everything it starts, so another
// stage or a demo running from the same checkout is neither wiped nor stopped. Folders of earlier stages
// that no live process belongs to (a crash, a Ctrl+C) are cleared here.
const STAGE_TAG = 'MODEL_RADAR_E2E_STAGE';
const stage = randomUUID();
const workRoot = join(process.cwd(), 'test/e2e/.work');
if (existsSync(workRoot)) {
  for (const old of readdirSync(workRoot)) {
    // A run started by vitest directly (no stage) lives in .work/<run> and is tagged with its folder.
    const inUse = taggedPids(STAGE_TAG, old).length > 0 || taggedPids('MODEL_RADAR_E2E_RUN', join(workRoot, old)).length > 0;
    if (!inUse) rmSync(join(workRoot, old), { recursive: true, force: true });
  }
}
const work = join(workRoot, stage);
mkdirSync(work, { recursive: true });
const cleanUp = async () => {
  // Belt and braces for a spec that crashed past its afterAll: a stray code-server eats a core.
  await stopTagged(STAGE_TAG, stage);
  rmSync(work, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
process.once('SIGTERM', () => void cleanUp().then(() => process.exit(143)));

const specs = args.includes('--metrics') ? ['specs/foundation.e2e.ts'] : args.filter((a) => !a.startsWith('--'));
const r = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/e2e/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${process.cwd()}/test/e2e/.results/vitest.json`, ...specs],
  {
    stdio: 'inherit',
    env: { ...process.env, [STAGE_TAG]: stage, MODEL_RADAR_E2E_WORK: work, ...(args.includes('--update-screenshots') ? { MODEL_RADAR_UPDATE_SCREENSHOTS: '1' } : {}) },
  },
);
await cleanUp();
process.exit(r.status ?? 1);
