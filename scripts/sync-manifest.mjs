// Writes package.json contributes.configuration from src/core/service/settings.ts (SETTINGS_SCHEMA, the one place
// settings are declared), with each description as a `%key%` placeholder, and writes the English text of those
// descriptions into package.nls.json (the other keys there, commands and views, are written by hand; VS Code reads
// package.nls.<language>.json for the UI language). `npm run sync-manifest` rewrites both files;
// `npm run sync-manifest:check` (and the manifest contract test) fails when either drifts, without writing anything.
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
const { configurationContribution, configurationStrings } = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true, force: true });
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const wanted = configurationContribution();

/** package.nls.json with the settings' descriptions as the schema has them (keys of removed settings gone), sorted. */
function wantedNls(current) {
  const strings = configurationStrings();
  const merged = { ...Object.fromEntries(Object.entries(current).filter(([k]) => !/^modelRadar\..*\.markdownDescription$/.test(k))), ...strings };
  return Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
}
const nlsText = readFileSync('package.nls.json', 'utf8');
const nlsWanted = JSON.stringify(wantedNls(JSON.parse(nlsText)), null, 2) + '\n';

if (check) {
  let ok = true;
  if (isDeepStrictEqual(pkg.contributes.configuration, wanted)) {
    console.log('package.json contributes.configuration matches src/core/service/settings.ts');
  } else {
    const have = Object.keys(pkg.contributes.configuration?.properties ?? {});
    const want = Object.keys(wanted.properties);
    const differ = [...new Set([...have, ...want])].filter(
      (k) => !isDeepStrictEqual(pkg.contributes.configuration?.properties?.[k], wanted.properties[k]),
    );
    console.error(`package.json contributes.configuration is out of date (${differ.join(', ') || 'title'}); run npm run sync-manifest`);
    ok = false;
  }
  if (nlsText === nlsWanted) {
    console.log('package.nls.json setting descriptions match src/core/service/settings.ts');
  } else {
    console.error('package.nls.json setting descriptions are out of date; run npm run sync-manifest');
    ok = false;
  }
  if (!ok) process.exitCode = 1;
} else {
  pkg.contributes.configuration = wanted;
  writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
  writeFileSync('package.nls.json', nlsWanted);
  console.log('package.json contributes.configuration and package.nls.json updated');
}
