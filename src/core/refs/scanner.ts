// The workspace index: which files to read (decided from path and size alone), their references, and re-indexing
// one file when it changes. The caller walks the file system (VS Code's, or node:fs in the CLI) and reads text.
import { classifyIncluded, classifyPath, pathSegments } from './classify';
import { compileGlobs, type GlobSet } from './glob';
import { recognizeFile } from './recognize';
import type { FileKind, ModelRef, RefCatalog } from './types';

/** Folders of dependencies, build output and tool state: never where a project names its models. */
export const DEFAULT_EXCLUDED_DIRS: readonly string[] = [
  'node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.venv', 'venv', 'vendor', 'target',
  '__pycache__', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', '.parcel-cache', 'coverage', '.tox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', 'bower_components', '.gradle', 'Pods', '.terraform', '.yarn',
  '.pnpm-store', '.angular', '.dart_tool', 'obj', 'site-packages', '.vscode-test',
];

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export interface ScanOptions {
  /** Extra files to scan beyond the built-in tool configs and source files. */
  include?: readonly string[];
  /** On top of the default excluded folders. */
  exclude?: readonly string[];
  maxFileBytes?: number;
}

/** A per-file time budget: a file that takes longer is left without references and reported, never waited for. */
export interface FileBudget {
  budgetMs: number;
  /** Clock in milliseconds; `Date.now` when absent. */
  now?: () => number;
  /** Called for each file given up. */
  onSkipped?: (path: string, elapsedMs: number) => void;
}

export interface ScanFilter {
  /** Whether to descend into a folder (workspace-relative path). */
  visitDir(path: string): boolean;
  /** The grammar to read a file with, or null to leave it unread. */
  kindFor(path: string, size: number): FileKind | null;
}

export function createScanFilter(options: ScanOptions = {}): ScanFilter {
  const excludedNames = new Set(DEFAULT_EXCLUDED_DIRS);
  const exclude: GlobSet = compileGlobs(options.exclude ?? []);
  const include: GlobSet = compileGlobs(options.include ?? []);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const hasExclude = (options.exclude ?? []).some((p) => p.trim() !== '');
  const hasInclude = (options.include ?? []).some((p) => p.trim() !== '');
  return {
    visitDir(path: string): boolean {
      const segs = pathSegments(path);
      const name = segs[segs.length - 1];
      if (name !== undefined && excludedNames.has(name)) return false;
      return !(hasExclude && exclude.matchesExactly(segs.join('/')));
    },
    kindFor(path: string, size: number): FileKind | null {
      if (size > maxBytes) return null;
      const segs = pathSegments(path);
      if (segs.slice(0, -1).some((seg) => excludedNames.has(seg))) return null; // folders only, not the file name
      const rel = segs.join('/');
      if (hasExclude && exclude.matches(rel)) return null;
      const lower = (segs[segs.length - 1] ?? '').toLowerCase();
      // Minified bundles are build output that happens to sit in the tree.
      if (lower.endsWith('.min.js') || lower.endsWith('.min.mjs')) return null;
      const kind = classifyPath(rel);
      if (kind !== null) return kind;
      return hasInclude && include.matches(rel) ? classifyIncluded(rel) : null;
    },
  };
}

export interface FileEntry {
  /** Workspace-relative, '/'-separated. */
  path: string;
  size: number;
  read(): string | Promise<string>;
}

export interface IndexProgress {
  files: number;
  refs: number;
}

export interface RefIndex {
  /** Index every eligible entry; stops between files when `signal` aborts. Unreadable files are skipped. */
  addAll(entries: Iterable<FileEntry> | AsyncIterable<FileEntry>, opts?: { signal?: AbortSignal; onProgress?: (p: IndexProgress) => void }): Promise<IndexProgress>;
  /** Re-index one file from its current text (an edit, a save, a watcher event). Returns its references. */
  update(path: string, text: string, size?: number): readonly ModelRef[];
  remove(path: string): void;
  clear(): void;
  /** Swap the catalog; references found afterwards use it (re-index to refresh existing ones). */
  setCatalog(catalog: RefCatalog): void;
  refsOf(path: string): readonly ModelRef[];
  /** Every reference, by file path then offset. */
  all(): ModelRef[];
  /** Files read so far (with or without references). */
  fileCount(): number;
  filter: ScanFilter;
}

export function createRefIndex(catalog: RefCatalog, options: ScanOptions = {}, budget?: FileBudget): RefIndex {
  const filter = createScanFilter(options);
  let current = catalog;
  const recognize = (path: string, text: string, kind: FileKind): ModelRef[] => {
    const result = recognizeFile(path, text, current, { kind, budgetMs: budget?.budgetMs, now: budget?.now });
    if (result.kind === 'ok') return result.refs;
    budget?.onSkipped?.(path, result.elapsedMs);
    return [];
  };
  const byFile = new Map<string, readonly ModelRef[]>();
  let scanned = 0;
  const seen = new Set<string>();
  let total = 0;

  const put = (path: string, refs: readonly ModelRef[]): void => {
    total -= byFile.get(path)?.length ?? 0;
    if (refs.length > 0) {
      byFile.set(path, refs);
      total += refs.length;
    } else byFile.delete(path);
    if (!seen.has(path)) {
      seen.add(path);
      scanned++;
    }
  };

  const index: RefIndex = {
    filter,
    async addAll(entries, opts = {}) {
      let sinceReport = 0;
      for await (const entry of entries) {
        if (opts.signal?.aborted === true) break;
        const kind = filter.kindFor(entry.path, entry.size);
        if (kind === null) continue;
        let text: string;
        try {
          const t = entry.read();
          text = typeof t === 'string' ? t : await t;
        } catch {
          continue;
        }
        put(entry.path, recognize(entry.path, text, kind));
        if (opts.onProgress !== undefined && ++sinceReport >= 200) {
          sinceReport = 0;
          opts.onProgress({ files: scanned, refs: total });
        }
      }
      const done = { files: scanned, refs: total };
      opts.onProgress?.(done);
      return done;
    },
    update(path, text, size = text.length) {
      const kind = filter.kindFor(path, size);
      const refs = kind === null ? [] : recognize(path, text, kind);
      if (kind === null) index.remove(path);
      else put(path, refs);
      return refs;
    },
    remove(path) {
      total -= byFile.get(path)?.length ?? 0;
      byFile.delete(path);
      if (seen.delete(path)) scanned--;
    },
    clear() {
      byFile.clear();
      seen.clear();
      scanned = 0;
      total = 0;
    },
    setCatalog(next) {
      current = next;
    },
    refsOf(path) {
      return byFile.get(path) ?? [];
    },
    all() {
      const paths = [...byFile.keys()].sort();
      const out: ModelRef[] = [];
      for (const p of paths) out.push(...(byFile.get(p) ?? []));
      return out;
    },
    fileCount() {
      return scanned;
    },
  };
  return index;
}
