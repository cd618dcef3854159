// One build script, three bundles: the extension host, the CLI, and the webview app.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev');

const common = {
  bundle: true,
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  target: 'es2022',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/host/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    // jsonc-parser ships a UMD main that breaks when bundled; prefer its ESM build.
    mainFields: ['module', 'main'],
    metafile: true,
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: { webview: 'webview/src/main.tsx' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    jsx: 'automatic',
    loader: { '.css': 'css' },
    define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
    metafile: true,
  },
];

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
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
