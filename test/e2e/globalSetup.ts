// Runs in vitest's main process. Spec workers may be ended without their afterAll (a failed beforeAll, a
// timeout, vitest tearing the fork down), and code-server's extension hosts sit in process groups of their
// own: everything started during this vitest run carries a session tag, and teardown ends what is left.
import { randomUUID } from 'node:crypto';
import { stopTagged } from './procs.mjs';

const SESSION_TAG = 'MODEL_RADAR_E2E_SESSION';

export function setup(): () => Promise<void> {
  const session = randomUUID();
  // Set before the forks start, so every worker and everything it spawns inherits it.
  process.env[SESSION_TAG] = session;
  return async () => {
    await stopTagged(SESSION_TAG, session);
  };
}
