// Extracts every message the webview and shared code render, with @vscode/l10n-dev's own extractor, and keeps
// l10n/bundle.l10n.json (English keys) in step with them.
//
// @vscode/l10n-dev only recognises `l10n.t(…)` in files that import `l10n` from "vscode" or "@vscode/l10n". The
// webview and src/shared write `import * as l10n from './l10n'` (their own module: the webview's is backed by
// @vscode/l10n, shared code's is plugged by each entry point), so this script hands the extractor each file with
// that one import specifier read as "@vscode/l10n"; the parsing, escapes and template checks are the tool's.
//
//   node scripts/l10n-webview.mjs           adds missing keys to l10n/bundle.l10n.json (sorted), prints the count
//   node scripts/l10n-webview.mjs --check   exits 1 when a message is missing from bundle.l10n.json or from a
//                                           translation, or a translation's placeholders differ from its key's
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SOURCE_DIRS = ['webview/src', 'src/shared'];
export const L10N_DIR = join(ROOT, 'l10n');
const LOCAL_L10N_IMPORT = /(import\s+\*\s+as\s+l10n\s+from\s+)(['"])(?:\.\.?\/)+(?:[\w-]+\/)*l10n\2/g;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The messages (keys) the webview and shared code pass to `l10n.t`, sorted. */
export async function extractMessages(root = ROOT) {
  const files = [];
  for (const dir of SOURCE_DIRS) {
    for (const path of sourceFiles(join(root, dir))) {
      const contents = readFileSync(path, 'utf8');
      if (!LOCAL_L10N_IMPORT.test(contents)) continue;
      LOCAL_L10N_IMPORT.lastIndex = 0;
      files.push({ extension: extname(path), contents: contents.replace(LOCAL_L10N_IMPORT, '$1$2@vscode/l10n$2'), path: relative(root, path) });
    }
  }
  const bundle = await getL10nJson(files.map(({ extension, contents }) => ({ extension, contents })));
  return Object.keys(bundle).sort();
}

/** "{0}", "{1}"… in a message, as a sorted list: a translation must use exactly its key's placeholders. */
export function placeholders(message) {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
}

function sortedJson(obj) {
  const out = {};
  for (const key of Object.keys(obj).sort()) out[key] = obj[key];
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Problems as lines: missing English keys, missing translations, placeholder mismatches. */
export function checkBundles(messages, dir = L10N_DIR) {
  const problems = [];
  const english = readJson(join(dir, 'bundle.l10n.json'));
  for (const m of messages) if (!Object.hasOwn(english, m)) problems.push(`bundle.l10n.json lacks ${JSON.stringify(m)}`);
  for (const file of readdirSync(dir).filter((f) => /^bundle\.l10n\.[\w-]+\.json$/.test(f))) {
    const translated = readJson(join(dir, file));
    for (const m of messages) {
      if (!Object.hasOwn(translated, m)) problems.push(`${file} lacks ${JSON.stringify(m)}`);
      else if (placeholders(m).join() !== placeholders(translated[m]).join()) problems.push(`${file}: ${JSON.stringify(m)} has placeholders ${placeholders(translated[m]).join(' ') || 'none'}`);
    }
  }
  return problems;
}

async function main() {
  const messages = await extractMessages();
  if (process.argv.includes('--check')) {
    const problems = checkBundles(messages);
    for (const p of problems) console.error(p);
    console.log(`${messages.length} webview/shared messages, ${problems.length} problems`);
    process.exitCode = problems.length ? 1 : 0;
    return;
  }
  const path = join(L10N_DIR, 'bundle.l10n.json');
  const english = readJson(path);
  let added = 0;
  for (const m of messages) {
    if (Object.hasOwn(english, m)) continue;
    english[m] = m;
    added += 1;
  }
  writeFileSync(path, sortedJson(english));
  console.log(`${messages.length} webview/shared messages, ${added} added to l10n/bundle.l10n.json`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
