// Writes l10n/bundle.l10n.json: every `l10n.t('…')` / `vscode.l10n.t('…')` message in src/ (host, core, CLI), found by
// @vscode/l10n-dev's own extractor (the one `npx @vscode/l10n-dev export` runs). Core never imports vscode, so the
// extractor would skip its files; each file is handed over with an `import { l10n } from 'vscode'` line in front,
// which makes the extractor look for the `l10n.t(…)` calls core makes on the translator it is given
// (src/core/l10n.ts). Keys are written sorted. Keys already in the bundle that src/ does not use are kept only when
// webview/src still uses them (the webview's `t('…')`, merged into the same bundle), so a removed host string goes.
// `--check` writes nothing and fails when the bundle is out of date, or when l10n/bundle.l10n.zh-cn.json lacks a key.
import { getL10nJson } from '@vscode/l10n-dev';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';

const check = process.argv.includes('--check');
const BUNDLE = 'l10n/bundle.l10n.json';

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The messages src/ passes to l10n.t, sorted. */
export async function extractHostMessages(root = 'src') {
  const files = walk(root).map((p) => ({ extension: extname(p), contents: `import { l10n } from 'vscode';\n${readFileSync(p, 'utf8')}` }));
  const json = await getL10nJson(files);
  return Object.fromEntries(Object.keys(json).sort().map((k) => [k, typeof json[k] === 'string' ? json[k] : json[k].message]));
}

function webviewUses(key) {
  if (!existsSync('webview/src')) return false;
  const quoted = [JSON.stringify(key), `'${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`];
  return walk('webview/src').some((p) => {
    const text = readFileSync(p, 'utf8');
    return quoted.some((q) => text.includes(q));
  });
}

export function sorted(obj) {
  return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const host = await extractHostMessages();
  const current = existsSync(BUNDLE) ? JSON.parse(readFileSync(BUNDLE, 'utf8')) : {};
  const kept = Object.fromEntries(Object.entries(current).filter(([k]) => !(k in host) && webviewUses(k)));
  const wanted = sorted({ ...kept, ...host });
  const text = JSON.stringify(wanted, null, 2) + '\n';
  if (check) {
    const problems = [];
    if (!existsSync(BUNDLE) || readFileSync(BUNDLE, 'utf8') !== text) {
      const missing = Object.keys(wanted).filter((k) => !(k in current));
      const extra = Object.keys(current).filter((k) => !(k in wanted));
      problems.push(`${BUNDLE} is out of date (missing ${missing.length}: ${missing.slice(0, 5).join(' | ')}; unused ${extra.length}: ${extra.slice(0, 5).join(' | ')}); run npm run l10n:export`);
    }
    if (problems.length) {
      for (const p of problems) console.error(p);
      process.exitCode = 1;
    } else {
      console.log(`${BUNDLE} is up to date (${Object.keys(wanted).length} messages)`);
    }
  } else {
    writeFileSync(BUNDLE, text);
    console.log(`${BUNDLE}: ${Object.keys(wanted).length} messages (${Object.keys(host).length} from src/)`);
  }
}
