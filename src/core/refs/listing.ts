// Listing a workspace's candidate files with ripgrep, and screening their contents before anything is read: the
// fast path of the host's scan (desktop, `file:` folders, trusted workspace, VS Code's bundled rg present). Pure:
// the host runs the process and reads files; everything deciding what a file may hold lives here.
//
// The screen is a necessary condition, never a sufficient one: a file it passes is read and recognised exactly as
// on the slow path (findFiles + workspace.fs), and a file it rejects provably holds no reference, so both paths
// find the same references. Why it is sound:
//  - every reference's text sits verbatim in the file (Candidate: "the text there equals value exactly") and is
//    `[openrouter/]~?author/slug[:variant]` in lower case (interpretId: ID_RE after the prefix is split off);
//  - in code and free text (trust "any") a reference counts only when the catalog resolves it, and everything
//    the catalog resolves (ids, "~" aliases, canonical slugs, either with a variant) starts with the first segment
//    of one of its ids, aliases or canonical slugs, then "/": those segments, each with its "/", are the needles;
//  - generic YAML is read only when it has a `model_list:` line (LiteLLM), so it needs the needle "model_list";
//  - tool configs may name models the catalog does not list yet (trust "key"): they are always read (they are few).
import { DEFAULT_EXCLUDED_DIRS, DEFAULT_MAX_FILE_BYTES } from './scanner';
import { CANDIDATE_NAME_PATTERNS } from './classify';
import type { FileKind } from './types';
import { isRecord } from '../../shared/isRecord';

/** What the screen needs from the catalog: every model's id and canonical slug. */
export interface ScreenModel {
  id: string;
  canonicalSlug: string;
}

export interface ContentScreen {
  /** Literal strings; a file that needs one to hold a reference and contains none is not read. Sorted, unique. */
  needles: readonly string[];
  /** Whether a listed file of this kind must be read, given whether it contains one of the needles. */
  mustRead(kind: FileKind, hasNeedle: boolean): boolean;
}

/** The needle generic YAML needs (recognize.ts reads it only with a `model_list:` line). */
export const LITELLM_NEEDLE = 'model_list';

function firstSegment(id: string): string | null {
  const lower = id.trim().toLowerCase();
  const bare = lower.startsWith('~') ? lower.slice(1) : lower;
  const slash = bare.indexOf('/');
  return slash > 0 ? bare.slice(0, slash) : null;
}

export function createContentScreen(models: readonly ScreenModel[]): ContentScreen {
  const set = new Set<string>([LITELLM_NEEDLE]);
  for (const m of models) {
    for (const s of [m.id, m.canonicalSlug]) {
      const seg = firstSegment(s);
      if (seg !== null) set.add(`${seg}/`);
    }
  }
  const needles = [...set].sort();
  return {
    needles,
    mustRead(kind, hasNeedle) {
      if (kind === 'code' || kind === 'text' || kind === 'yaml') return hasNeedle;
      return true;
    },
  };
}

export interface RipgrepListOptions {
  needles: readonly string[];
  maxFileBytes?: number;
  /** User include globs exist: every file is listed (core's glob rules decide), not only the candidate names. */
  listAll: boolean;
  /** `search.followSymlinks`, which VS Code's own file search (findFiles) follows. */
  followSymlinks: boolean;
}

/**
 * Arguments for one rg run per workspace folder (cwd = the folder, search path "."): every candidate file once,
 * with whether it contains a needle. The same files findFiles lists: hidden files included, no ignore files read
 * (.gitignore often names the .env files that hold model ids), symlinks followed as VS Code's search does,
 * dependency folders pruned, names matched case-sensitively as VS Code's own search has rg match them. Every file is searched as raw bytes (no binary skipping, no BOM transcoding) so the
 * screen never misses what the UTF-8 read would see. Files over the size limit are left out, as the slow path
 * leaves them unread. What core's filter excludes (settings, scan.exclude) is decided afterwards, on both paths.
 */
export function ripgrepListArgs(options: RipgrepListOptions): string[] {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const args = [
    '--no-config', '--no-ignore', '--hidden', '--text', '--encoding', 'none',
    '--count', '--include-zero', '--null', '--fixed-strings', '--max-filesize', String(max),
  ];
  if (options.followSymlinks) args.push('--follow');
  if (!options.listAll) for (const p of CANDIDATE_NAME_PATTERNS) args.push('--glob', p);
  for (const d of DEFAULT_EXCLUDED_DIRS) args.push('--glob', `!${d}/`);
  for (const n of options.needles) args.push('-e', n);
  args.push('--', '.');
  return args;
}

export interface ListedFile {
  /** Relative to the folder rg ran in, as rg wrote it (the platform's separators), without the leading "./". */
  path: string;
  hasNeedle: boolean;
}

/**
 * rg's `--count --include-zero --null` output: `path\0count\n` per file. Paths may hold any character but NUL
 * (newlines included), so each record is read up to its NUL, then the count up to the newline. Returns null when
 * the output is not in that shape (a different rg), so the caller falls back rather than guessing.
 */
export function parseRipgrepCounts(stdout: string): ListedFile[] | null {
  const out: ListedFile[] = [];
  let i = 0;
  while (i < stdout.length) {
    const nul = stdout.indexOf('\0', i);
    if (nul < 0) return null;
    const nl = stdout.indexOf('\n', nul);
    const count = stdout.slice(nul + 1, nl < 0 ? stdout.length : nl);
    if (!/^\d+$/.test(count)) return null;
    let path = stdout.slice(i, nul);
    if (path.startsWith('./') || path.startsWith('.\\')) path = path.slice(2);
    if (path === '') return null;
    out.push({ path, hasNeedle: count !== '0' });
    i = nl < 0 ? stdout.length : nl + 1;
  }
  return out;
}

export type ListingChoice = { kind: 'ripgrep'; rg: string } | { kind: 'findFiles'; reason: string };

export interface ListingInput {
  /** `modelRadar.scan.useRipgrep`. */
  enabled: boolean;
  /** Workspace trust: an untrusted workspace runs no process of ours. */
  trusted: boolean;
  /** The URI scheme of each workspace folder. */
  folderSchemes: readonly string[];
  /** VS Code's bundled rg, when found. */
  rg: string | null;
  /** `files.exclude` as configured. */
  filesExclude: unknown;
}

/**
 * Which way the scan lists and screens files. ripgrep only where it sees what findFiles sees: local folders
 * (`file:`; not virtual or remote file systems, which only workspace.fs can read), and no `files.exclude` entry
 * with a `when` condition (findFiles applies those by looking at sibling files; the fast path does not).
 */
export function chooseListing(input: ListingInput): ListingChoice {
  const other = input.folderSchemes.find((s) => s !== 'file');
  const when = Object.values(isRecord(input.filesExclude) ? input.filesExclude : {}).some(isRecord);
  const reason = !input.enabled ? 'useRipgrep off' : !input.trusted ? 'untrusted' : other !== undefined ? `${other}: folder` : input.rg === null ? 'no rg' : when ? 'files.exclude "when"' : null;
  return reason !== null || input.rg === null ? { kind: 'findFiles', reason: reason ?? 'no rg' } : { kind: 'ripgrep', rg: input.rg };
}
