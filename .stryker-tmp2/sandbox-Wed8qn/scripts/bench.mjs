// npm run bench: every speed, size and memory target in one JSON object (also written to
// bench/results.json, which is not committed). Figures come from three places:
//  - the build output (bundle and .vsix sizes),
//  - bench/*.bench.ts modules (each exports run(): Promise<Record<string, number>>), bundled with esbuild,
//  - the e2e run in a real VS Code (activation and first-content times), read from test/e2e/.results/metrics.json;
//    when that file is missing or older than the .vsix, the e2e metrics spec is run first.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
const log = (m) => process.stderr.write(`bench: ${m}\n`);
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const vsix = `${name}-${version}.vsix`;

if (!process.argv.includes('--no-build') || !existsSync(vsix)) {
  log('building and packaging');
  execFileSync(process.execPath, ['scripts/package.mjs'], quiet);
}

const size = (f) => (existsSync(f) ? statSync(f).size : null);
const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const figures = {
  hostBundleBytes: size('dist/extension.js'),
  webviewBundleBytes: (size('dist/webview.js') ?? 0) + (size('dist/webview.css') ?? 0),
  cliBundleBytes: size('dist/cli.js'),
  vsixBytes: size(vsix),
};

// Module benchmarks.
const outDir = resolve('bench/.out');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.startsWith(only)) continue;
  const out = join(outDir, file.replace(/\.ts$/, '.mjs'));
  try {
    await build({
      entryPoints: [join('bench', file)], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      mainFields: ['module', 'main'], logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    log(`running ${file}`);
    const mod = await import(pathToFileURL(out).href);
    Object.assign(figures, await mod.run());
  } catch (err) {
    log(`${file} failed: ${err instanceof Error ? err.stack : err}`);
    figures[`${file}.error`] = String(err instanceof Error ? err.message : err);
  }
}

// Real VS Code figures from the e2e.
const metricsFile = 'test/e2e/.results/metrics.json';
const fresh = () => existsSync(metricsFile) && statSync(metricsFile).mtimeMs >= statSync(vsix).mtimeMs;
if (!fresh() && !process.argv.includes('--no-e2e')) {
  log('running the e2e metrics spec in a real VS Code');
  spawnSync(process.execPath, ['scripts/e2e.mjs', '--metrics'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, MODEL_RADAR_VSIX_FRESH: '1' } });
}
if (existsSync(metricsFile)) {
  const m = JSON.parse(readFileSync(metricsFile, 'utf8'));
  figures.activationMs = median(m.activationMs ?? []);
  figures.activationSamples = (m.activationMs ?? []).length;
  figures.sidebarFirstContentMs = median(m.sidebarFirstContentMs ?? []);
  figures.sidebarFirstContentSamples = (m.sidebarFirstContentMs ?? []).length;
} else {
  figures.activationMs = null;
  figures.sidebarFirstContentMs = null;
}

const targets = {
  activationMs: ['<=', 10],
  hostBundleBytes: ['<=', 200 * 1024],
  webviewBundleBytes: ['<=', 450 * 1024],
  catalogParseRatio: ['<=', 3],
  rankingsAggregateMs: ['<=', 2],
  scanVsRipgrepRatio: ['<=', 3],
  rescanFileMs: ['<=', 5],
  indexHeapMB: ['<=', 50],
  sidebarFirstContentMs: ['<=', 300],
};
const checks = {};
for (const [key, [op, limit]] of Object.entries(targets)) {
  const value = figures[key];
  checks[key] = { value: value ?? null, target: `${op} ${limit}`, ok: typeof value === 'number' ? value <= limit : null };
}
const result = { ...figures, targets: checks, allWithinTarget: Object.values(checks).every((c) => c.ok === true), measuredAt: new Date().toISOString() };
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(result, null, 2) + '\n');
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
