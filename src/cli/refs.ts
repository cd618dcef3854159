// `model-radar refs [--json] [--base-url URL | --offline] PATH...`: the OpenRouter model ids referenced in files
// and folders, through the same recogniser and scan filter the editor uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { classifyIncluded } from '../core/refs/classify';
import { findRefs } from '../core/refs/recognize';
import { createScanFilter, DEFAULT_MAX_FILE_BYTES, type FileEntry, type ScanFilter } from '../core/refs/scanner';
import type { ModelRef, RefCatalog } from '../core/refs/types';
import { BUNDLED_CAPTURED_AT } from '../core/data/bundledCatalog';
import { checkRoots, describeFsError } from './paths';
import { answerNotRun, catalogOrigin, checkPathCommandLine, loadRefCatalog, parsePathCommandLine, reasonOf, type PathCommandLine } from './pathCommand';
import { guardTerminal, keysInCommandLine } from './terminal';
import { cliL10n as l10n } from './l10n';

export interface RefsIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  fetch?: typeof fetch;
}

/** One reference in `--json` output: the reference's own fields, `file` as the path was given or walked. */
export type RefsJsonReference = Pick<ModelRef, 'file' | 'line' | 'column' | 'raw' | 'id' | 'known'> & { preset?: string };

const USAGE = 'usage: model-radar refs [--json] [--base-url URL | --offline] PATH...';
function help(): string {
  return `${USAGE}\n${l10n.t(
    '  Lists the OpenRouter model ids in the files and folders given. Ids are checked against the live catalog; when it\n  cannot be reached (or with --offline), against the snapshot bundled with this version.',
  )}`;
}

type RefsArgs = PathCommandLine<never, never>;

type ArgsResult = { ok: true; args: RefsArgs } | { ok: false; help: true } | { ok: false; help?: false; message: string };

function parseArgs(argv: readonly string[]): ArgsResult {
  const parsed = parsePathCommandLine(argv, { flags: [], values: {} });
  if (!parsed.ok) return parsed;
  const problem = checkPathCommandLine(parsed.args);
  return problem === null ? parsed : { ok: false, message: problem };
}

/** A file found under a walked folder or named on the command line. */
export interface WalkedFile extends FileEntry {
  abs: string;
}

/**
 * Files under `root` that could hold references, pruning excluded folders before descending and deciding from
 * name and size before reading. Symlinked folders are not followed (they can loop).
 */
export function* walkFiles(root: string, filter: ScanFilter, onError?: (path: string, err: unknown) => void): Generator<WalkedFile> {
  const stack: string[] = [''];
  while (stack.length > 0) {
    const relDir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(join(root, relDir), { withFileTypes: true });
    } catch (err) {
      onError?.(join(root, relDir), err);
      continue;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      const rel = relDir === '' ? e.name : `${relDir}/${e.name}`;
      if (e.isDirectory()) {
        if (filter.visitDir(rel)) subdirs.push(rel);
        continue;
      }
      if (!e.isFile() && !e.isSymbolicLink()) continue;
      // Name first: most files are never stat'ed.
      if (filter.kindFor(rel, 0) === null) continue;
      const abs = join(root, rel);
      let size: number;
      try {
        const st = statSync(abs);
        if (!st.isFile()) continue;
        size = st.size;
      } catch (err) {
        onError?.(abs, err);
        continue;
      }
      yield { path: rel, abs, size, read: () => readFileSync(abs, 'utf8') };
    }
    // Depth-first in name order, so output is stable.
    subdirs.sort().reverse();
    stack.push(...subdirs);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function toJson(ref: ModelRef, file: string): RefsJsonReference {
  const out: RefsJsonReference = { file, line: ref.line, column: ref.column, raw: ref.raw, id: ref.id, known: ref.known };
  // "@preset/slug" names a preset, not a model: said as such, never as an id missing from the catalog.
  return ref.preset === undefined ? out : { ...out, preset: ref.preset };
}

export async function runRefs(argv: string[], rawIo: RefsIo): Promise<number> {
  // File names and file text come from whatever tree is scanned: a cloned repository's, too.
  const io = guardTerminal(rawIo, keysInCommandLine(argv, rawIo.env));
  const parsed = parseArgs(argv);
  if (!parsed.ok) return answerNotRun(io, 'refs', { usage: USAGE, help: help() }, parsed);
  const { args } = parsed;

  // Check the paths before the network: a typo should not wait for /models.
  const checked = checkRoots(args.paths);
  if (!checked.ok) {
    // A device or pipe is a usage error, as in swap; a path that is not there is a failed run, as before.
    if (checked.problem === 'notFileOrFolder') {
      io.stderr.write(`model-radar refs: ${l10n.t('{0} is not a file or folder ({1})', checked.path, USAGE)}\n`);
      return 2;
    }
    io.stderr.write(`model-radar refs: ${l10n.t('cannot read {0} ({1})', checked.path, checked.detail)}\n`);
    return 1;
  }
  const { roots } = checked;

  let catalog: RefCatalog;
  try {
    catalog = await loadRefCatalog(args, io.fetch);
  } catch (err) {
    const reason = reasonOf(err);
    if (args.offline) {
      io.stderr.write(`model-radar refs: ${l10n.t('could not load the bundled snapshot: {0}', reason)}\n`);
      return 1;
    }
    // As the extension does: the shipped snapshot stands in for the live catalog, and the user is told.
    io.stderr.write(
      `model-radar refs: ${l10n.t(
        'could not load the model catalog from {0} ({1}); using the bundled {2} snapshot instead (--offline skips the network).',
        catalogOrigin(args),
        reason,
        BUNDLED_CAPTURED_AT,
      )}\n`,
    );
    catalog = await loadRefCatalog({ offline: true, baseUrl: null }, io.fetch);
  }

  const filter = createScanFilter();
  const out: RefsJsonReference[] = [];
  let files = 0;
  const warn = (path: string, err: unknown): void => {
    io.stderr.write(`model-radar refs: ${l10n.t('skipped {0} ({1})', path, describeFsError(err))}\n`);
  };
  for (const root of roots) {
    if (root.dir) {
      const found: RefsJsonReference[] = [];
      for (const f of walkFiles(root.path, filter, warn)) {
        const kind = filter.kindFor(f.path, f.size);
        if (kind === null) continue;
        let text: string;
        try {
          text = stripBom(f.read() as string);
        } catch (err) {
          warn(f.abs, err);
          continue;
        }
        files++;
        for (const ref of findRefs(f.path, text, catalog, kind)) found.push(toJson(ref, f.path));
      }
      found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
      out.push(...found);
    } else {
      // A file named explicitly is read whatever its name, as free text when no grammar fits.
      const display = root.path;
      const rel = relative('.', root.path).split(sep).join('/');
      let text: string;
      try {
        if (statSync(root.path).size > DEFAULT_MAX_FILE_BYTES) {
          io.stderr.write(`model-radar refs: ${l10n.t('skipped {0} (larger than {1} MB)', display, DEFAULT_MAX_FILE_BYTES / 1024 / 1024)}\n`);
          continue;
        }
        text = stripBom(readFileSync(root.path, 'utf8'));
      } catch (err) {
        warn(display, err);
        continue;
      }
      files++;
      for (const ref of findRefs(rel, text, catalog, classifyIncluded(rel))) out.push(toJson(ref, display));
    }
  }

  if (args.json) {
    io.stdout.write(`${JSON.stringify({ references: out })}\n`);
    return 0;
  }
  const notInCatalog = l10n.t('[not in the catalog]');
  const presetMark = l10n.t('[OpenRouter preset]');
  const mark = (r: RefsJsonReference): string => (r.known ? '' : r.preset !== undefined && r.id.startsWith('@') ? `  ${presetMark}` : `  ${notInCatalog}`);
  const lines = out.map((r) => `${r.file}:${r.line}:${r.column}  ${r.raw}${r.raw !== r.id ? `  (${r.id})` : ''}${mark(r)}`);
  const refs = out.length === 1 ? l10n.t('{0} reference', out.length) : l10n.t('{0} references', out.length);
  lines.push(files === 1 ? l10n.t('{0} in {1} file scanned', refs, files) : l10n.t('{0} in {1} files scanned', refs, files));
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
