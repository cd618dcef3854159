// The fast path's pure parts (src/core/refs/listing.ts): the content screen is a necessary condition for a
// reference (never drops a file recognition would find something in, and still drops ordinary source), rg's
// arguments say what findFiles does, its output is read back exactly, and the choice of path.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseListing, createContentScreen, LITELLM_NEEDLE, parseRipgrepCounts, ripgrepListArgs, type ListingInput } from '../../src/core/refs/listing';
import { classifyIncluded, classifyPath, CANDIDATE_NAME_PATTERNS } from '../../src/core/refs/classify';
import { recognizeFile } from '../../src/core/refs/recognize';
import { DEFAULT_EXCLUDED_DIRS } from '../../src/core/refs/scanner';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();
const screen = createContentScreen(catalog.all);
/** What rg -F with the needles tells: the text holds one of them. */
const hasNeedle = (text: string): boolean => screen.needles.some((n) => text.includes(n));

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** What the fast path does with a file: read it (then recognise) or index it as empty. */
function screened(path: string, text: string): number {
  const kind = classifyPath(path) ?? classifyIncluded(path);
  return screen.mustRead(kind, hasNeedle(text)) ? refsOf(path, text) : 0;
}
function refsOf(path: string, text: string): number {
  const r = recognizeFile(path, text, catalog, { kind: classifyPath(path) ?? 'text' });
  return r.kind === 'ok' ? r.refs.length : 0;
}

describe('content screen', () => {
  it('has one needle per first segment of the ids, aliases and canonical slugs, with its slash, and model_list', () => {
    expect(screen.needles).toContain('deepseek/');
    expect(screen.needles).toContain('openai/');
    expect(screen.needles).toContain('openrouter/');
    expect(screen.needles).toContain(LITELLM_NEEDLE);
    // "~anthropic/claude-…-latest" aliases are found through "anthropic/".
    expect(screen.needles.some((n) => n.startsWith('~'))).toBe(false);
    expect(new Set(screen.needles).size).toBe(screen.needles.length);
    expect([...screen.needles].sort()).toEqual(screen.needles);
    const fromSlugOnly = createContentScreen([{ id: 'acme/model-1', canonicalSlug: 'acme-labs/model-1-20260101' }]);
    expect(fromSlugOnly.needles).toEqual(['acme-labs/', 'acme/', LITELLM_NEEDLE]);
  });

  it('reads every tool config whatever it holds, and code, text and generic YAML only with a needle', () => {
    for (const kind of ['continue-yaml', 'continue-json', 'aider-yaml', 'opencode-json', 'opencode-agent', 'zed-json', 'claude-json', 'codex-toml', 'dotenv', 'vscode-json'] as const) {
      expect(screen.mustRead(kind, false), kind).toBe(true);
    }
    for (const kind of ['code', 'text', 'yaml'] as const) {
      expect(screen.mustRead(kind, false), kind).toBe(false);
      expect(screen.mustRead(kind, true), kind).toBe(true);
    }
  });

  it('never drops a file of the labelled corpus that holds a reference', () => {
    const root = join(__dirname, '../fixtures/refs/corpus');
    let withRefs = 0;
    for (const file of walk(root)) {
      const path = relative(root, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      const n = refsOf(path, text);
      if (n === 0) continue;
      withRefs++;
      expect(screened(path, text), path).toBe(n);
    }
    expect(withRefs).toBeGreaterThan(100);
  });

  it('never drops a generated file that holds a reference: ids, aliases, canonical slugs, variants, prefixes, in any grammar', () => {
    const ids = catalog.all.flatMap((m) => [m.id, m.canonicalSlug, `openrouter/${m.id}`, `${m.id}:nitro`, m.id.startsWith('~') ? m.id.slice(1) : m.id]);
    const noise = fc.constantFrom('import x from "./lib/a";', "const p = 'src/x/y';", '# see docs/a/b', 'https://example.com/a/b', 'model_list:', '  - model_name: a', '    litellm_params:', '      model: ', 'OPENROUTER_MODEL=', '"model": ', 'x = ', '\n', ' ', '"', "'");
    const paths = ['src/a.ts', 'app/main.py', 'cmd/x.go', 'litellm.yaml', 'ci.yml', '.env', '.aider.conf.yml', 'opencode.json', 'notes/models.txt'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.array(fc.oneof(noise, fc.constantFrom(...ids).map((id) => `"${id}"`), fc.constantFrom(...ids)), { maxLength: 24 }), (path, parts) => {
        const text = parts.join('');
        expect(screened(path, text)).toBe(refsOf(path, text));
      }),
      { numRuns: 600 },
    );
  });

  it('drops ordinary source with paths and URLs but no model id (what makes the fast path fast)', () => {
    const text = "import { a } from './lib/helper3';\nimport type { C } from '../config/app';\n// see docs/guide/2.md and https://example.com/a/b\nexport const p = 'src/feature1/index';\n";
    expect(hasNeedle(text)).toBe(false);
    expect(screen.mustRead('code', hasNeedle(text))).toBe(false);
    expect(hasNeedle(`${text}export const M = "deepseek/deepseek-chat";\n`)).toBe(true);
  });
});

describe('ripgrep arguments', () => {
  const args = ripgrepListArgs({ needles: ['a/', 'b/'], maxFileBytes: 4096, listAll: false, followSymlinks: true });

  it('lists what findFiles lists: hidden files, no ignore files, no rg config, symlinks followed as search.followSymlinks says', () => {
    for (const a of ['--no-config', '--no-ignore', '--hidden', '--follow']) expect(args).toContain(a);
    expect(ripgrepListArgs({ needles: [], listAll: false, followSymlinks: false })).not.toContain('--follow');
  });

  it('searches raw bytes (no binary skipping, no BOM transcoding) and leaves out files over the size limit', () => {
    expect(args).toContain('--text');
    expect(args.join(' ')).toContain('--encoding none');
    expect(args.join(' ')).toContain('--max-filesize 4096');
    expect(ripgrepListArgs({ needles: [], listAll: false, followSymlinks: true }).join(' ')).toContain(`--max-filesize ${1024 * 1024}`);
  });

  it('counts every listed file, zero included, with NUL after each path, fixed strings', () => {
    for (const a of ['--count', '--include-zero', '--null', '--fixed-strings']) expect(args).toContain(a);
    expect(args.join(' ')).toContain('-e a/ -e b/');
    expect(args.slice(-2)).toEqual(['--', '.']);
  });

  it('lists the candidate names, or every file when include globs exist, and prunes the default excluded folders', () => {
    const globs = (xs: string[]): string[] => xs.flatMap((a, i) => (a === '--glob' ? [xs[i + 1] ?? ''] : []));
    expect(globs(args)).toEqual([...CANDIDATE_NAME_PATTERNS, ...DEFAULT_EXCLUDED_DIRS.map((d) => `!${d}/`)]);
    expect(globs(ripgrepListArgs({ needles: [], listAll: true, followSymlinks: true }))).toEqual(DEFAULT_EXCLUDED_DIRS.map((d) => `!${d}/`));
  });
});

describe('reading rg output back', () => {
  it('reads path and count per record, whatever the path holds (colons, spaces, newlines)', () => {
    expect(parseRipgrepCounts('./src/a.ts\u00000\n./a b:c.ts\u00003\n./weird\nname.ts\u00001\n')).toEqual([
      { path: 'src/a.ts', hasNeedle: false },
      { path: 'a b:c.ts', hasNeedle: true },
      { path: 'weird\nname.ts', hasNeedle: true },
    ]);
    expect(parseRipgrepCounts('.\\src\\a.ts\u00002\n')).toEqual([{ path: 'src\\a.ts', hasNeedle: true }]);
    expect(parseRipgrepCounts('')).toEqual([]);
    expect(parseRipgrepCounts('./last.ts\u00000')).toEqual([{ path: 'last.ts', hasNeedle: false }]);
  });

  it('refuses output in another shape rather than guessing', () => {
    expect(parseRipgrepCounts('./src/a.ts:3\n')).toBeNull();
    expect(parseRipgrepCounts('./src/a.ts\u0000x\n')).toBeNull();
    expect(parseRipgrepCounts('\u00001\n')).toBeNull();
  });
});

describe('choosing the path', () => {
  const base: ListingInput = { enabled: true, trusted: true, folderSchemes: ['file'], rg: '/vs/rg', filesExclude: { '**/.git': true, '**/tmp': false } };

  it('takes ripgrep for local, trusted folders when VS Code has one', () => {
    expect(chooseListing(base)).toEqual({ kind: 'ripgrep', rg: '/vs/rg' });
    expect(chooseListing({ ...base, folderSchemes: ['file', 'file'] }).kind).toBe('ripgrep');
  });

  it('falls back to findFiles, saying why', () => {
    const reason = (over: Partial<ListingInput>): string => {
      const c = chooseListing({ ...base, ...over });
      return c.kind === 'findFiles' ? c.reason : 'ripgrep';
    };
    expect(reason({ enabled: false })).toBe('useRipgrep off');
    expect(reason({ enabled: false, rg: null })).toBe('useRipgrep off');
    expect(reason({ trusted: false })).toBe('untrusted');
    expect(reason({ folderSchemes: ['file', 'vscode-vfs'] })).toBe('vscode-vfs: folder');
    expect(reason({ folderSchemes: ['vscode-remote'] })).toBe('vscode-remote: folder');
    expect(reason({ rg: null })).toBe('no rg');
    expect(reason({ filesExclude: { '**/*.js': { when: '$(basename).ts' } } })).toBe('files.exclude "when"');
    expect(reason({ filesExclude: undefined })).toBe('ripgrep');
    expect(reason({ filesExclude: ['**/*.js'] })).toBe('ripgrep');
    // No folder: nothing to list either way.
    expect(reason({ folderSchemes: [] })).toBe('ripgrep');
  });
});
