// Writes package.json contributes.configuration from src/core/settings.ts (the one place settings
// are declared). The contract test fails when the two drift; run this to fix it.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = join(mkdtempSync(join(tmpdir(), 'mr-')), 'settings.mjs');
await build({ entryPoints: ['src/core/settings.ts'], outfile: out, bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error' });
const { configurationContribution } = await import(pathToFileURL(out).href);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.contributes.configuration = configurationContribution();
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json contributes.configuration updated');
