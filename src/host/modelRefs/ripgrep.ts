// VS Code's own ripgrep (the one its search runs), to list a local workspace's candidate files and screen their
// contents in one pass. Only the process: the arguments and the reading of its output are core's (refs/listing.ts).
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseRipgrepCounts, type ListedFile } from '../../core/refs/listing';

/** Where VS Code builds keep rg under their app root, newest layout first. */
const RG_DIRS = ['node_modules/@vscode/ripgrep/bin', 'node_modules.asar.unpacked/@vscode/ripgrep/bin'];

/** The bundled rg executable, or null when this VS Code has none (web, some forks). */
export async function findBundledRipgrep(appRoot: string | undefined = vscode.env.appRoot): Promise<string | null> {
  if (appRoot === undefined || appRoot === '') return null;
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  for (const dir of RG_DIRS) {
    const file = join(appRoot, dir, exe);
    try {
      await access(file);
      return file;
    } catch {
      // Next layout.
    }
  }
  return null;
}

export type RipgrepListing = { ok: true; files: ListedFile[] } | { ok: false; reason: string };

/** Runs rg in a folder; any failure (not started, exit status 2, output not understood) is a reason, never a partial list. */
export function runRipgrepListing(rg: string, cwd: string, args: readonly string[], signal: AbortSignal): Promise<RipgrepListing> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let stderr = '';
    let settled = false;
    const done = (r: RipgrepListing): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const child = spawn(rg, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const onAbort = (): void => {
      child.kill();
      done({ ok: false, reason: 'cancelled' });
    };
    signal.addEventListener('abort', onAbort);
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 2000) stderr += d.toString('utf8');
    });
    child.on('error', (err) => done({ ok: false, reason: err.message }));
    child.on('close', (code) => {
      // 0: some file holds a needle, 1: none does; 2: an error (an unreadable file, a symlink loop) that could
      // leave files out, so the slow path, which reads what it can, decides instead.
      if (code !== 0 && code !== 1) {
        done({ ok: false, reason: `rg exited with ${code ?? 'a signal'}${stderr ? `: ${stderr.trim().split('\n')[0] ?? ''}` : ''}` });
        return;
      }
      const files = parseRipgrepCounts(Buffer.concat(chunks).toString('utf8'));
      done(files === null ? { ok: false, reason: 'rg output not understood' } : { ok: true, files });
    });
  });
}
