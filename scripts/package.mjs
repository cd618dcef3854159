// npm run package: build the bundles, then make model-radar-<version>.vsix with vsce.
// --no-dependencies: esbuild already bundled everything the extension needs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const { version, name } = JSON.parse(readFileSync('package.json', 'utf8'));
if (!process.argv.includes('--no-build')) run(process.execPath, ['esbuild.mjs']);
const out = `${name}-${version}.vsix`;
run(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
console.log(`packaged ${out}`);
