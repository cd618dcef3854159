// `model-radar refs [--json] [--base-url URL | --offline] PATH...`: the OpenRouter model ids referenced in files
// and folders, through the same recogniser and scan filter the editor uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildCatalog, createCatalogIndex } from '../core/market/catalog';
import { DEFAULT_API_BASE_URL } from '../core/openrouter/baseUrl';
import { createOpenRouterClient } from '../core/openrouter/client';
import type { ApiModel } from '../core/openrouter/apiTypes';
import { classifyIncluded } from '../core/refs/classify';
import { findRefs } from '../core/refs/recognize';
import { createScanFilter, DEFAULT_MAX_FILE_BYTES, type FileEntry, type ScanFilter } from '../core/refs/scanner';
import type { ModelRef, RefCatalog } from '../core/refs/types';
import { bundledApiModels, BUNDLED_CAPTURED_AT } from '../core/data/bundledCatalog';
import { checkRoots, describeFsError } from './paths';
import { guardTerminal, keysInCommandLine } from './terminal';
import { cliL10n as l10n } from './l10n';

export interface RefsIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  fetch?: typeof fetch;
}

export interface RefsJsonReference {
  file: string;
  line: number;
  column: number;
  raw: string;
  id: string;
  known: boolean;
}

const USAGE = 'usage: model-radar refs [--json] [--base-url URL | --offline] PATH...';
function help(): string {
  return `${USAGE}\n${l10n.t(
    '  Lists the OpenRouter model ids in the files and folders given. Ids are checked against the live catalog; when it\n  cannot be reached (or with --offline), against the snapshot bundled with this version.',
  )}`;
}

interface RefsArgs {
  json: boolean;
  offline: boolean;
  baseUrl: string | null;
  paths: string[];
}

type ArgsResult = { ok: true; args: RefsArgs } | { ok: false; message: string; help?: boolean };

function parseArgs(argv: readonly string[]): ArgsResult {
  const args: RefsArgs = { json: false, offline: false, baseUrl: null, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === undefined) break;
    if (a === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return { ok: false, message: help(), help: true };
    if (a === '--json') args.json = true;
    else if (a === '--offline') args.offline = true;
    else if (a === '--base-url' || a.startsWith('--base-url=')) {
      const value = a === '--base-url' ? argv[++i] : a.slice('--base-url='.length);
      if (value === undefined || value === '') return { ok: false, message: l10n.t('--base-url needs a URL') };
      args.baseUrl = value;
    } else if (a.startsWith('-') && a !== '-') return { ok: false, message: l10n.t('unknown option {0}', a) };
    else args.paths.push(a);
  }
  if (args.offline && args.baseUrl !== null) return { ok: false, message: l10n.t('--offline and --base-url cannot be used together') };
  if (args.paths.length === 0) return { ok: false, message: l10n.t('give at least one file or folder') };
  return { ok: true, args };
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

async function loadCatalog(args: RefsArgs, io: RefsIo): Promise<RefCatalog> {
  let models: readonly ApiModel[];
  if (args.offline) {
    models = bundledApiModels();
  } else {
    const client = createOpenRouterClient({ baseUrl: args.baseUrl ?? DEFAULT_API_BASE_URL, fetch: io.fetch, maxRetries: 1 });
    models = (await client.listModels()).data;
  }
  return createCatalogIndex(buildCatalog(models));
}

function toJson(ref: ModelRef, file: string): RefsJsonReference {
  return { file, line: ref.line, column: ref.column, raw: ref.raw, id: ref.id, known: ref.known };
}

export async function runRefs(argv: string[], rawIo: RefsIo): Promise<number> {
  // File names and file text come from whatever tree is scanned: a cloned repository's, too.
  const io = guardTerminal(rawIo, keysInCommandLine(argv, rawIo.env));
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help === true) {
      io.stdout.write(`${help()}\n`);
      return 0;
    }
    io.stderr.write(`model-radar refs: ${parsed.message} (${USAGE})\n`);
    return 2;
  }
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
    catalog = await loadCatalog(args, io);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
    if (args.offline) {
      io.stderr.write(`model-radar refs: ${l10n.t('could not load the bundled snapshot: {0}', reason)}\n`);
      return 1;
    }
    // As the extension does: the shipped snapshot stands in for the live catalog, and the user is told.
    io.stderr.write(
      `model-radar refs: ${l10n.t(
        'could not load the model catalog from {0} ({1}); using the bundled {2} snapshot instead (--offline skips the network).',
        args.baseUrl ?? DEFAULT_API_BASE_URL,
        reason,
        BUNDLED_CAPTURED_AT,
      )}\n`,
    );
    catalog = await loadCatalog({ ...args, offline: true }, io);
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
  const lines = out.map((r) => `${r.file}:${r.line}:${r.column}  ${r.raw}${r.raw !== r.id ? `  (${r.id})` : ''}${r.known ? '' : `  ${notInCatalog}`}`);
  const refs = out.length === 1 ? l10n.t('{0} reference', out.length) : l10n.t('{0} references', out.length);
  lines.push(files === 1 ? l10n.t('{0} in {1} file scanned', refs, files) : l10n.t('{0} in {1} files scanned', refs, files));
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
