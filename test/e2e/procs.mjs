// Finding and stopping exactly the processes one e2e run started, on a machine shared with other people's
// code-server, demo and test processes. code-server puts its extension hosts, file watchers and pty host in
// process groups of their own, so killing the server's group is not enough; and a command-line pattern
// would also match someone else's code-server from the same checkout. Every process a run starts inherits
// its environment, so a variable holding a unique tag marks all of them, whatever their group or parent.
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Ids of live processes whose environment holds `name=value` (Linux /proc), never this process.
 * @param {string} name
 * @param {string} value
 * @returns {number[]}
 */
export function taggedPids(name, value) {
  const needle = `\0${name}=${value}\0`;
  const pids = [];
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      // A leading NUL lets the first variable match like the others.
      if (`\0${readFileSync(`/proc/${entry}/environ`, 'latin1')}`.includes(needle)) pids.push(pid);
    } catch {
      /* gone meanwhile, or not ours to read */
    }
  }
  return pids;
}

/**
 * Sends `signal` to every process tagged `name=value`; returns the ids it signalled.
 * @param {string} name
 * @param {string} value
 * @param {NodeJS.Signals} [signal]
 * @returns {number[]}
 */
export function signalTagged(name, value, signal = 'SIGTERM') {
  const pids = taggedPids(name, value);
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
  return pids;
}

/**
 * SIGTERM to every tagged process, then SIGKILL to whatever is still there after `graceMs`.
 * @param {string} name
 * @param {string} value
 * @param {number} [graceMs]
 * @returns {Promise<void>}
 */
export async function stopTagged(name, value, graceMs = 3000) {
  if (signalTagged(name, value).length === 0) return;
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    if (taggedPids(name, value).length === 0) return;
  }
  signalTagged(name, value, 'SIGKILL');
}
