// One build script: the extension host, the CLI, and the webview app (one entry per view plus a shared chunk).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The webview: an ES module per view (dist/webview/sidebar.js, dist/webview/dashboard.js) and one chunk with what
 * both use (React, the toolkit, the data layer), so the sidebar never loads the dashboard's code and the two
 * together stay smaller than one bundle each. Two entries make at most one shared chunk, named without a hash
 * so the host's HTML can preload it; each entry also gets its own CSS file.
 * @returns {import('esbuild').BuildOptions}
 */
export function webviewBuild(dev = false) {
  return {
    ...commonOptions(dev),
    // The stylesheet is its own entry (dist/webview/app.css): imported by each view's entry, it would be built
    // into one identical CSS file per view.
    entryPoints: { sidebar: 'webview/src/views/sidebarEntry.tsx', dashboard: 'webview/src/views/dashboardEntry.tsx', app: 'webview/src/styles.css' },
    outdir: 'dist/webview',
    splitting: true,
    chunkNames: 'shared',
    platform: 'browser',
    format: 'esm',
    jsx: 'automatic',
    loader: { '.css': 'css' },
    define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
    metafile: true,
  };
}

/**
 * The sidebar's first screen (webview/src/first/), two files: the small classic script the host inlines into the
 * sidebar's page (dist/webview/first.js: folds, reports the paint, loads the app), and the renderer the host runs to
 * write that screen's HTML into the page (dist/first-screen.js, webview/src/first/firstScreenRender.ts): CommonJS
 * with no require at all, so either host can run it as it is (src/host/webviewHost.ts).
 * @returns {import('esbuild').BuildOptions}
 */
export function firstScreenBuild(dev = false) {
  return {
    bundle: true,
    minify: !dev,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    target: 'es2022',
    entryPoints: { first: 'webview/src/first/sidebarFirstEntry.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    metafile: true,
  };
}

/** @returns {import('esbuild').BuildOptions} */
export function firstScreenRendererBuild(dev = false) {
  return {
    ...firstScreenBuild(dev),
    entryPoints: { 'first-screen': 'webview/src/first/firstScreenRender.ts' },
    outdir: 'dist',
    // Runs in the Node host and in the browser's web worker host: packages' browser builds (@vscode/l10n's Node
    // build reads files with fs), no Node built-in; the code it runs touches no DOM.
    platform: 'browser',
    format: 'cjs',
  };
}

/** The files the host's HTML names, per view, in load order (see src/host/webviewHost.ts). */
export const WEBVIEW_FILES = ['sidebar.js', 'dashboard.js', 'shared.js', 'app.css'];

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev');

/**
 * What every output shares: bundled, minified unless --dev (then with inline source maps).
 * @returns {import('esbuild').BuildOptions}
 */
function commonOptions(dev) {
  return { bundle: true, minify: !dev, sourcemap: dev ? 'inline' : false, legalComments: 'none', logLevel: 'warning', target: 'es2022' };
}

const common = commonOptions(dev);

/**
 * The entry's import('./extension') stays a real import() of the composition root's ES module (dist/main.mjs), so
 * the entry bundles nothing of it.
 * @type {import('esbuild').Plugin}
 */
const hostMainExternal = {
  name: 'host-main-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/extension$/ }, (args) =>
      args.importer.endsWith('src/host/entry.ts') ? { path: './main.mjs', external: true } : undefined,
    );
  },
};

/**
 * The composition root and its deferred chunks are ES modules (code splitting needs them), and VS Code's extension
 * host hands its API to require('vscode') only. So 'vscode' is a tiny CommonJS module that asks a require made for
 * the module's own file (HOST_ESM_BANNER): VS Code sees the request come from this extension's folder, as for a
 * CommonJS extension.
 * @type {import('esbuild').Plugin}
 */
export const vscodeThroughRequire = {
  name: 'vscode-through-require',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'vscode-require' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-require' }, () => ({ contents: 'module.exports = __modelRadarRequire("vscode");', loader: 'js' }));
  },
};

/** Every host ES module starts with a require of its own (for 'vscode' and for any CommonJS dependency). */
export const HOST_ESM_BANNER = "import { createRequire as __modelRadarCreateRequire } from 'node:module'; const __modelRadarRequire = __modelRadarCreateRequire(import.meta.url); const require = __modelRadarRequire;";

/**
 * The settings' descriptions are for package.json (npm run sync-manifest writes them there from SETTINGS_SCHEMA) and
 * VS Code reads them from it; the host never shows them, so its bundle carries them as empty strings.
 * @type {import('esbuild').Plugin}
 */
export const dropSettingDescriptions = {
  name: 'drop-setting-descriptions',
  setup(build) {
    build.onLoad({ filter: /src[\\/]core[\\/]service[\\/]settings\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/(markdownDescription:\s*)('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)/g, "$1''"),
      loader: 'ts',
    }));
  },
};

/**
 * The host outputs VS Code loads to activate and start, in load order: the CommonJS entry (the manifest's main),
 * then the composition root's ES module. Chunks the composition root imports statically load with it; chunks it
 * imports with import() (the workspace references, src/host/modelRefs/deferred.ts) load after the first paint,
 * in dist/host/. scripts/bench.mjs reads the host build's metafile (dist/host-meta.json) to tell the two apart.
 */
export const HOST_FILES = ['extension.js', 'main.mjs'];

/**
 * The composition root (src/host/extension.ts) as ES modules with code splitting: dist/main.mjs and its chunks in
 * dist/host/.
 * @returns {import('esbuild').BuildOptions}
 */
export function hostMainBuild(dev = false) {
  return {
    ...commonOptions(dev),
    entryPoints: { main: 'src/host/extension.ts' },
    outdir: 'dist',
    chunkNames: 'host/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    platform: 'node',
    format: 'esm',
    banner: { js: HOST_ESM_BANNER },
    plugins: [vscodeThroughRequire, dropSettingDescriptions],
    // Prefer packages' ESM builds (tree-shaken; some UMD mains break when bundled).
    mainFields: ['module', 'main'],
    metafile: true,
  };
}

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  // The host: dist/extension.js (the manifest's main) is the small CommonJS entry VS Code loads and times at
  // activation; on the next tick it imports dist/main.mjs, the composition root, which defers the workspace
  // references' code (a chunk in dist/host/) until after the first paint.
  {
    ...common,
    entryPoints: { extension: 'src/host/entry.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    plugins: [hostMainExternal],
    metafile: true,
  },
  hostMainBuild(dev),
  {
    ...common,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
  },
  webviewBuild(dev),
  firstScreenBuild(dev),
  firstScreenRendererBuild(dev),
];

/**
 * The browser's extension host (issue #16: vscode.dev, github.dev, Codespaces in the browser): the manifest's
 * `browser` entry, dist/web/extension.js, built from the same host code with the web platform
 * (src/host/webEntry.ts), and its deferred chunk dist/web/model-refs.js (the workspace references, loaded a second
 * after start: src/host/platform/webChunk.ts says how, and why it is CommonJS).
 *
 * The chunk carries its own folders (WEB_REFS_OWN) and the packages only it uses. Every other module it imports is
 * left to the entry: the chunk's require("model-radar:<path>") gets the entry's instance from a table the entry
 * carries (the virtual module 'model-radar:web-chunk-modules'), holding exactly the exports the chunk imports. So
 * the build runs in steps (buildWebHost): the chunk as an ES module (its import statements name what it uses),
 * turned into CommonJS, then the entry with the table. The entry imports nothing from WEB_REFS_OWN but the
 * stand-in (src/host/modelRefs/deferred.ts): test/unit/webHostBundle.test.ts holds that, so no module is in both.
 * No Node built-in and no polyfill in either file (test/unit/webHostBundle.test.ts holds them to that).
 */
export const WEB_HOST_FILE = 'web/extension.js';
export const WEB_REFS_CHUNK = 'web/model-refs.js';
const WEB_REFS_OWN = ['src/host/modelRefs/', 'src/core/refs/'];
const SKIP = Symbol('web-chunk-skip');

/** A source path as the metafile writes it (relative, forward slashes). */
const metaPath = (abs) => relative(process.cwd(), abs).split(sep).join('/');

/**
 * In the chunk's build: a relative import of a module outside WEB_REFS_OWN stays an import of
 * "model-radar:<path>"; `paths` records id → absolute path.
 * @param {Map<string, string>} paths
 * @returns {import('esbuild').Plugin}
 */
function leaveToWebEntry(paths) {
  return {
    name: 'leave-to-web-entry',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData === SKIP) return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: SKIP });
        if (r.errors.length > 0) return { errors: r.errors };
        const rel = metaPath(r.path);
        if (rel.startsWith('node_modules/')) return undefined;
        if (WEB_REFS_OWN.some((own) => rel.startsWith(own))) return undefined;
        const id = `model-radar:${rel.replace(/\.tsx?$/, '')}`;
        paths.set(id, r.path);
        return { path: id, external: true };
      });
    },
  };
}

/**
 * What the chunk imports from the entry, read from its ES module output: id → the names it imports, or '*' when it
 * uses the module as a whole.
 * @param {string} code
 * @returns {Map<string, Set<string> | '*'>}
 */
export function chunkImports(code) {
  /** @type {Map<string, Set<string> | '*'>} */
  const used = new Map();
  for (const m of code.matchAll(/\bimport\s*(?:([\w$]+)\s*,?\s*)?(\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?"(model-radar:[^"]+)"/g)) {
    const [, defaultName, clause, id] = m;
    if (defaultName !== undefined || (clause ?? '').startsWith('*')) {
      used.set(id, '*');
      continue;
    }
    const names = used.get(id) ?? new Set();
    if (names === '*') continue;
    for (const part of (clause ?? '{}').slice(1, -1).split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
    used.set(id, names);
  }
  return used;
}

/**
 * In the entry's build: 'model-radar:web-chunk-modules' is the table (`table`: id → absolute path and what is
 * used), and the Node host's import() of the references' code (src/host/modelRefs/deferred.ts) is left out: the
 * web platform passes its own loader (loadModelReferences), so that import() would only put the chunk's code in
 * the entry.
 * @param {Map<string, { path: string; used: Set<string> | '*' }>} table
 * @returns {import('esbuild').Plugin}
 */
function webChunkModules(table) {
  return {
    name: 'web-chunk-modules',
    setup(build) {
      build.onResolve({ filter: /^model-radar:web-chunk-modules$/ }, () => ({ path: 'web-chunk-modules', namespace: 'web-chunk' }));
      build.onResolve({ filter: /^\.\/register$/ }, (args) =>
        /src[\\/]host[\\/]modelRefs[\\/]deferred\.ts$/.test(args.importer) ? { path: 'not-in-entry', namespace: 'web-chunk' } : undefined,
      );
      build.onLoad({ filter: /^not-in-entry$/, namespace: 'web-chunk' }, () => ({
        contents: `throw new Error('the web host loads the workspace references from dist/${WEB_REFS_CHUNK} (platform.loadModelReferences)');`,
        loader: 'js',
      }));
      build.onLoad({ filter: /^web-chunk-modules$/, namespace: 'web-chunk' }, () => {
        const rows = [...table].sort(([a], [b]) => a.localeCompare(b));
        const lines = [];
        const entries = [];
        rows.forEach(([id, { path, used }], i) => {
          if (used === '*') {
            lines.push(`import * as m${i} from ${JSON.stringify(path)};`);
            entries.push(`${JSON.stringify(id)}: m${i}`);
            return;
          }
          const names = [...used].sort();
          lines.push(`import { ${names.map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from ${JSON.stringify(path)};`);
          // Getters keep ES module live bindings (a \`let\` export read after it changes).
          entries.push(`${JSON.stringify(id)}: Object.freeze({ __esModule: true, ${names.map((n, j) => `get ${n}() { return m${i}_${j}; }`).join(', ')} })`);
        });
        return { contents: `${lines.join('\n')}\nexport const modules = Object.freeze({ ${entries.join(', ')} });`, resolveDir: process.cwd(), loader: 'js' };
      });
    },
  };
}

/**
 * The web host's entry (dist/web/extension.js) with the chunk's table.
 * @param {Map<string, { path: string; used: Set<string> | '*' }>} table
 * @returns {import('esbuild').BuildOptions}
 */
export function webHostBuild(dev = false, table = new Map()) {
  return {
    ...commonOptions(dev),
    entryPoints: { extension: 'src/host/webEntry.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    plugins: [dropSettingDescriptions, webChunkModules(table)],
    mainFields: ['browser', 'module', 'main'],
    metafile: true,
  };
}

/**
 * The web host's deferred chunk as an ES module (buildWebHost turns it into CommonJS).
 * @param {Map<string, string>} paths
 * @returns {import('esbuild').BuildOptions}
 */
export function webRefsChunkBuild(dev = false, paths = new Map()) {
  return {
    ...commonOptions(dev),
    entryPoints: { 'model-refs': 'src/host/modelRefs/register.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'esm',
    external: ['vscode'],
    plugins: [leaveToWebEntry(paths)],
    mainFields: ['browser', 'module', 'main'],
    metafile: true,
    write: false,
  };
}

/**
 * Builds the web host (see above). `write: false` returns the files' text instead of writing them.
 * @returns {Promise<{ entry: { code: string; metafile: import('esbuild').Metafile }; chunk: { code: string; metafile: import('esbuild').Metafile }; table: Map<string, { path: string; used: Set<string> | '*' }> }>}
 */
export async function buildWebHost(dev = false, { write = true } = {}) {
  const paths = new Map();
  const esm = await esbuild.build(webRefsChunkBuild(dev, paths));
  const esmCode = esm.outputFiles[0].text;
  const used = chunkImports(esmCode);
  /** @type {Map<string, { path: string; used: Set<string> | '*' }>} */
  const table = new Map();
  for (const [id, path] of paths) if (used.has(id)) table.set(id, { path, used: used.get(id) });
  const cjs = await esbuild.transform(esmCode, { format: 'cjs', minify: !dev, target: 'es2022', legalComments: 'none', sourcemap: dev ? 'inline' : false });
  const entry = await esbuild.build({ ...webHostBuild(dev, table), write: false });
  const entryCode = entry.outputFiles[0].text;
  if (write) {
    mkdirSync('dist/web', { recursive: true });
    writeFileSync(`dist/${WEB_HOST_FILE}`, entryCode);
    writeFileSync(`dist/${WEB_REFS_CHUNK}`, cjs.code);
  }
  return { entry: { code: entryCode, metafile: entry.metafile }, chunk: { code: cjs.code, metafile: esm.metafile }, table };
}

/**
 * --watch for the web host, which is built in steps (buildWebHost) and so is not one esbuild build to watch: two
 * contexts over its entry's and its chunk's sources write nothing and only notice an edit; each edit they notice
 * rebuilds the web host whole. Rebuilds never overlap: edits during one run one more after it.
 */
async function watchWebHost(dev) {
  let running = null;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await buildWebHost(dev);
        } catch (err) {
          console.error(`esbuild: the web host did not build: ${err instanceof Error ? err.message : String(err)}`);
        }
      } while (again);
      running = null;
    })();
    return running;
  };
  /** @type {import('esbuild').Plugin} */
  const onChange = { name: 'rebuild-web-host', setup: (build) => build.onEnd((r) => void (r.errors.length === 0 && rebuild())) };
  for (const options of [webHostBuild(dev), webRefsChunkBuild(dev)]) {
    const ctx = await esbuild.context({ ...options, write: false, plugins: [...(options.plugins ?? []), onChange] });
    await ctx.watch();
  }
  await rebuild();
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) await main();

async function main() {
  if (!watch) rmSync('dist', { recursive: true, force: true });
  // The catalog snapshot ships as data the host reads after activation, not inside the host bundle.
  mkdirSync('dist', { recursive: true });
  copyFileSync('src/core/data/catalogSnapshot.json', 'dist/catalog-snapshot.json');
  copyFileSync('src/core/data/rankingsSnapshot.json', 'dist/rankings-snapshot.json');

  if (watch) {
    for (const options of builds) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    await watchWebHost(dev);
    console.log('esbuild: watching');
    return;
  }
  const [results] = await Promise.all([Promise.all(builds.map((options) => esbuild.build(options))), buildWebHost(dev)]);
  // The host's HTML names these files: a second shared chunk or a renamed output would load nothing.
  writeFileSync('dist/host-meta.json', JSON.stringify(results[1].metafile));
  const made = Object.keys(results[3].metafile.outputs).map((f) => f.replace(/^dist\/webview\//, '')).sort();
  if (made.join() !== [...WEBVIEW_FILES].sort().join()) throw new Error(`esbuild: the webview build made ${made.join(', ')}, expected ${WEBVIEW_FILES.join(', ')}`);
}
