// Workspace reference index figures on a generated 20,000-file workspace (sources, tool configs, docs and a large
// node_modules that must be skipped):
//  - scanVsRipgrepRatio: walking + reading + indexing it (node:fs, one thread) ÷ ripgrep walking the same folders
//    and file kinds for the same id shapes (`rg`, Debian's ripgrep; both warm, median of 5),
//  - rescanFileMs: re-indexing one changed 100 KB source file (median of 60),
//  - indexHeapMB: heap held by the finished index.
// And pathologicalScanMs: the slowest of the generated worst cases for recognition (hex and base64 blobs, minified
// bundles, lockfiles, one 1 MB line of id characters, deep JSON/YAML/TOML nesting, ...; test/fixtures/refs/
// pathological.ts) at 1 MB, each read in every grammar through the index the host uses (the slowest ten timed
// again, median of 7, warm), with pathologicalScanCpuMs, the processor time of the slowest of those per run (on a
// machine busy with other work the wall time also counts waiting for a processor).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { walkFiles } from '../src/cli/refs';
import { buildCatalog, createCatalogIndex } from '../src/core/market/catalog';
import type { ApiModel } from '../src/core/openrouter/apiTypes';
import { createRefIndex, DEFAULT_EXCLUDED_DIRS, type RefIndex } from '../src/core/refs/scanner';
import type { RefCatalog } from '../src/core/refs/types';
import { asFileText, PATHOLOGICAL_CASES, PATHOLOGICAL_FILES } from '../test/fixtures/refs/pathological';

const FILES = 20_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Deterministic filler so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function sourceFile(r: () => number, ids: readonly string[], i: number, withId: boolean, lines: number): string {
  const out: string[] = [`import { helper${i % 50} } from './lib/helper${i % 50}';`, `import type { Config } from '../config/app';`, ''];
  for (let l = 0; l < lines; l++) {
    const k = Math.floor(r() * 6);
    if (k === 0) out.push(`// step ${l}: see docs/guide/${l % 7}.md and https://example.com/a/b`);
    else if (k === 1) out.push(`export const path${l} = "src/feature${l % 13}/index";`);
    else if (k === 2) out.push(`const mime${l} = 'application/json'; const ratio${l} = 16 / 9;`);
    else if (k === 3) out.push(`function f${l}(a: number, b: number): number { return a * b + ${l}; }`);
    else if (k === 4) out.push(`const label${l} = \`value \${f${l - 1 > 0 ? l - 1 : 0}} of total\`;`);
    else out.push(`export const value${l} = helper${i % 50}(${l}, "key-${l}");`);
  }
  if (withId) out.splice(5, 0, `export const MODEL = "${ids[i % ids.length]}";`, `export const FALLBACK = 'openrouter/${ids[(i * 7) % ids.length]}';`);
  return out.join('\n') + '\n';
}

function makeWorkspace(root: string, ids: readonly string[]): { rescanPath: string; rescanText: string } {
  const r = rng(42);
  const write = (rel: string, text: string): void => {
    const abs = join(root, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
  };
  let n = 0;
  // 8,000 dependency files that a scan must never read.
  for (let p = 0; p < 400; p++) {
    for (let f = 0; f < 20; f++) write(`node_modules/pkg${p}/lib/f${f}.js`, `module.exports = { model: "${ids[(p + f) % ids.length]}", n: ${f} };\n`.repeat(20));
    n += 20;
  }
  // 300 tool configs.
  for (let c = 0; c < 60; c++) {
    write(`services/s${c}/.env`, `OPENROUTER_API_KEY=x\nOPENROUTER_MODEL=${ids[c % ids.length]}\nPORT=80${c}\n`);
    write(`services/s${c}/.continue/config.yaml`, `models:\n  - name: a\n    provider: openrouter\n    model: ${ids[(c + 1) % ids.length]}\n`);
    write(`services/s${c}/opencode.json`, `{ "model": "openrouter/${ids[(c + 2) % ids.length]}", "provider": { "openrouter": { "models": { "${ids[(c + 3) % ids.length]}": {} } } } }\n`);
    write(`services/s${c}/.aider.conf.yml`, `model: openrouter/${ids[(c + 4) % ids.length]}\nauto-commits: false\n`);
    write(`services/s${c}/deploy.yaml`, `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${c}\n`);
    n += 5;
  }
  // Docs and data that are not read.
  for (let d = 0; n < FILES - 11_000 && d < 2000; d++, n++) write(`docs/d${d % 40}/page${d}.md`, `# Page ${d}\n\nUse ${ids[d % ids.length]} for chat.\n`);
  // Sources, 3 % of them naming a model; sizes from 1 to 8 KB.
  let s = 0;
  while (n < FILES - 1) {
    const ext = ['ts', 'ts', 'ts', 'tsx', 'js', 'py', 'go'][s % 7];
    write(`src/m${s % 100}/f${s}.${ext}`, sourceFile(r, ids, s, s % 33 === 0, 20 + Math.floor(r() * 130)));
    s++;
    n++;
  }
  // The file the rescan figure edits: 100 KB of source with a few references.
  let big = '';
  for (let i = 0; big.length < 100 * 1024; i++) big += sourceFile(r, ids, i, i % 10 === 0, 40);
  const rescanPath = 'src/big/service.ts';
  write(rescanPath, big);
  return { rescanPath, rescanText: big };
}

export function ripgrep(root: string): { ok: boolean; ms: number; matches: number } {
  // The same folders pruned and the same file kinds the scanner reads; --hidden and --no-ignore because tool
  // configs live in dot-folders and the index does not read .gitignore either.
  const globs = ['*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go,rs,java,cs,rb,php,yaml,yml,toml,json,jsonc}', '.env', '.env.*', '.envrc', '.opencode/**/*.md'];
  const args = ['--hidden', '--no-ignore', '--no-messages', '-o', '-n', '--no-heading',
    ...globs.flatMap((g) => ['-g', g]), ...DEFAULT_EXCLUDED_DIRS.flatMap((d) => ['-g', `!${d}/`]),
    '-e', '(?:openrouter/)?~?[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*(?::[a-z0-9][a-z0-9-]*)?', root];
  const start = performance.now();
  const res = spawnSync('rg', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (res.error !== undefined || (res.status !== 0 && res.status !== 1)) return { ok: false, ms, matches: 0 };
  return { ok: true, ms, matches: res.stdout.split('\n').length - 1 };
}

async function indexWorkspace(root: string, catalog: ReturnType<typeof createCatalogIndex>): Promise<{ ms: number; index: RefIndex }> {
  const start = performance.now();
  const index = createRefIndex(catalog);
  await index.addAll(walkFiles(root, index.filter));
  return { ms: performance.now() - start, index };
}

function collectGarbage(): () => void {
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

const PATHOLOGICAL_SIZE = 1024 * 1024;

/**
 * The slowest generated worst case at 1 MB, in milliseconds: every case is read in every grammar through the index
 * the host uses (warm, one timed run each), then the ten slowest are timed again, median of 7.
 */
export function pathologicalScan(catalog: RefCatalog): { ms: number; cpuMs: number; worst: string } {
  // Plain text is read only through an include glob; the size limit leaves room for a case that ends a little past 1 MB.
  const index = createRefIndex(catalog, { include: ['**/*.txt'], maxFileBytes: 2 * PATHOLOGICAL_SIZE });
  const time = (path: string, text: string): number => {
    const start = performance.now();
    index.update(path, text);
    const ms = performance.now() - start;
    index.remove(path);
    return ms;
  };
  const screened: { ms: number; name: string; path: string; text: () => string }[] = [];
  for (const c of PATHOLOGICAL_CASES) {
    const body = c.make(PATHOLOGICAL_SIZE);
    for (const f of PATHOLOGICAL_FILES) {
      const text = asFileText(f.kind, body);
      time(f.path, text);
      screened.push({ ms: time(f.path, text), name: `${c.name} as ${f.path}`, path: f.path, text: () => asFileText(f.kind, c.make(PATHOLOGICAL_SIZE)) });
    }
  }
  let worst = { ms: 0, cpuMs: 0, worst: '' };
  for (const s of screened.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    const text = s.text();
    time(s.path, text);
    const cpuStart = process.cpuUsage();
    const ms = median(Array.from({ length: 7 }, () => time(s.path, text)));
    const cpu = process.cpuUsage(cpuStart);
    // Processor time per run, for a machine busy with other work (where wall time also counts the waiting).
    const cpuMs = (cpu.user + cpu.system) / 1000 / 7;
    if (ms > worst.ms) worst = { ms, cpuMs: Math.max(worst.cpuMs, cpuMs), worst: s.name };
    else worst.cpuMs = Math.max(worst.cpuMs, cpuMs);
  }
  return worst;
}

/** The 20,000-file workspace this bench scans, written under root (also opened in a real VS Code by the e2e). */
export function makeBenchWorkspace(root: string): void {
  const models = (JSON.parse(readFileSync(resolve('test/fixtures/openrouter/models-2026-07-29.json'), 'utf8')) as { data: ApiModel[] }).data;
  const ids = createCatalogIndex(buildCatalog(models)).all.map((m) => m.id).filter((id) => !id.startsWith('openrouter/'));
  makeWorkspace(root, ids);
}

export async function run(): Promise<Record<string, number | { samples: number[]; method: string }>> {
  const models = (JSON.parse(readFileSync(resolve('test/fixtures/openrouter/models-2026-07-29.json'), 'utf8')) as { data: ApiModel[] }).data;
  const catalog = createCatalogIndex(buildCatalog(models));
  const ids = catalog.all.map((m) => m.id).filter((id) => !id.startsWith('openrouter/'));
  const root = mkdtempSync(join(tmpdir(), 'model-radar-refs-bench-'));
  try {
    const { rescanPath, rescanText } = makeWorkspace(root, ids);

    // Warm the page cache and the JIT for both sides, then alternate runs.
    await indexWorkspace(root, catalog);
    const rgProbe = ripgrep(root);
    const ours: number[] = [];
    const theirs: number[] = [];
    let refs = 0;
    let files = 0;
    for (let i = 0; i < 5; i++) {
      const r = await indexWorkspace(root, catalog);
      ours.push(r.ms);
      refs = r.index.all().length;
      files = r.index.fileCount();
      if (rgProbe.ok) theirs.push(ripgrep(root).ms);
    }

    const gc = collectGarbage();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const { index } = await indexWorkspace(root, catalog);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;

    const edited = rescanText.replace('export const MODEL = "', 'export const MODEL  = "');
    for (let i = 0; i < 20; i++) index.update(rescanPath, i % 2 ? edited : rescanText);
    const rescans: number[] = [];
    for (let i = 0; i < 60; i++) {
      const text = i % 2 ? edited : rescanText;
      const start = performance.now();
      index.update(rescanPath, text);
      rescans.push(performance.now() - start);
    }

    const pathological = pathologicalScan(catalog);
    process.stderr.write(`bench: slowest recognition worst case: ${pathological.worst}, ${round(pathological.ms)} ms\n`);

    const figures: Record<string, number | { samples: number[]; method: string }> = {
      refsWorkspaceFiles: FILES,
      refsFilesRead: files,
      refsFound: refs,
      refsScanMs: round(median(ours)),
      rescanFileMs: { samples: rescans.map(round), method: 're-indexing one changed 100 KB source file (RefIndex.update), 60 runs after 20 warm-ups' },
      indexHeapMB: round(Math.max(0, heapAfter - heapBefore) / 1024 / 1024),
      pathologicalScanMs: round(pathological.ms),
      pathologicalScanCpuMs: round(pathological.cpuMs),
    };
    if (rgProbe.ok) {
      figures.refsRipgrepMs = round(median(theirs));
      figures.refsRipgrepMatches = rgProbe.matches;
      // The CLI's node:fs walker, not the extension host's findFiles + workspace.fs path: the host figure is
      // hostScanVsRipgrepRatio, measured by the e2e in a real VS Code.
      figures.scanVsRipgrepRatio = { samples: ours.map((o, i) => round(o / theirs[i])), method: "the CLI's node:fs walker + index (src/cli/refs walkFiles) ÷ rg over the same folders and file kinds, per run, 5 alternating warm runs" };
    }
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
