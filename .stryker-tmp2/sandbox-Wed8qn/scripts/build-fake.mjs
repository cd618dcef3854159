// Bundles the fake OpenRouter server (test/fake-openrouter/main.ts) into dist-test/fake-openrouter.js for the
// e2e tests and the demo, which run it as a separate process, and copies the captures it serves next to it.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-test');

await build({
  entryPoints: [join(root, 'test/fake-openrouter/main.ts')],
  outfile: join(outDir, 'fake-openrouter.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The server finds its fixtures relative to its own file; in CommonJS that is __filename.
  define: { 'import.meta.url': '__fakeModuleUrl' },
  banner: { js: 'const __fakeModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
});

const fixturesOut = join(outDir, 'fixtures/openrouter');
mkdirSync(fixturesOut, { recursive: true });
for (const name of readdirSync(join(root, 'test/fixtures/openrouter'))) {
  if (name.endsWith('.json')) copyFileSync(join(root, 'test/fixtures/openrouter', name), join(fixturesOut, name));
}
console.log(`built ${join('dist-test', 'fake-openrouter.js')}`);
