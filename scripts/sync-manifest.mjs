// Writes package.json contributes.configuration from src/core/service/settings.ts (SETTINGS_SCHEMA, the one place
// settings are declared). `npm run sync-manifest` rewrites package.json; `npm run sync-manifest:check` (and
// the manifest contract test) fails when the two drift, without writing anything.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const check = process.argv.includes('--check');
const dir = mkdtempSync(join(tmpdir(), 'mr-'));
const out = join(dir, 'settings.mjs');
await build({ entryPoints: ['src/core/service/settings.ts'], outfile: out, bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error' });
const { configurationContribution } = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true, force: true });
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const wanted = configurationContribution();
if (check) {
  if (isDeepStrictEqual(pkg.contributes.configuration, wanted)) {
    console.log('package.json contributes.configuration matches src/core/service/settings.ts');
  } else {
    const have = Object.keys(pkg.contributes.configuration?.properties ?? {});
    const want = Object.keys(wanted.properties);
    const differ = [...new Set([...have, ...want])].filter(
      (k) => !isDeepStrictEqual(pkg.contributes.configuration?.properties?.[k], wanted.properties[k]),
    );
    console.error(`package.json contributes.configuration is out of date (${differ.join(', ') || 'title'}); run npm run sync-manifest`);
    process.exitCode = 1;
  }
} else {
  pkg.contributes.configuration = wanted;
  writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
  console.log('package.json contributes.configuration updated');
}
