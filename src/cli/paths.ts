// The paths a CLI command is given, checked before anything else runs (a typo should not wait for /models).
// refs and swap share this, so both refuse what cannot be walked or read as text: a device such as /dev/zero
// would otherwise be read forever.
import { statSync } from 'node:fs';
import { cliL10n as l10n } from './l10n';

export interface CliRoot {
  path: string;
  dir: boolean;
}

export type RootsCheck =
  | { ok: true; roots: CliRoot[] }
  /** `missing`: the path cannot be stat'ed (with the error code); `notFileOrFolder`: a device, pipe or socket. */
  | { ok: false; path: string; problem: 'missing' | 'notFileOrFolder'; detail: string };

/** An fs error's code (ENOENT, EACCES, ...) when it has one, else its message. */
export function describeFsError(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}

export function checkRoots(paths: readonly string[]): RootsCheck {
  const roots: CliRoot[] = [];
  for (const path of paths) {
    try {
      const st = statSync(path);
      if (!st.isDirectory() && !st.isFile()) return { ok: false, path, problem: 'notFileOrFolder', detail: l10n.t('not a file or folder') };
      roots.push({ path, dir: st.isDirectory() });
    } catch (err) {
      return { ok: false, path, problem: 'missing', detail: describeFsError(err) };
    }
  }
  return { ok: true, roots };
}
