// The host's two ways of scanning a workspace find the same references (and count the same files): VS Code's
// ripgrep with the content screen, and findFiles + workspace.fs reading every candidate. One fixture tree on disk,
// a real rg, the shared fake VS Code; findFiles is modelled as VS Code runs it for extensions (its own rg call:
// hidden files, no ignore files, symlinks followed, files.exclude and the given exclude glob applied, case-sensitive
// names). The e2e compares the two in a real VS Code over the 20,000-file bench workspace.
//
// Exclusions, on both paths: the default dependency/build folders (DEFAULT_EXCLUDED_DIRS), files.exclude (true
// entries; an entry with a `when` condition sends the scan to findFiles), search.exclude, modelRadar.scan.exclude,
// minified bundles, files over modelRadar.scan.maxFileSizeKB. Not applied: .gitignore and other ignore files (the
// .env files that hold model ids are usually git-ignored). Open documents are read from the editor on both.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import { CANDIDATE_NAME_PATTERNS } from '../../src/core/refs/classify';
import { compileGlobs } from '../../src/core/refs/glob';
import { DEFAULT_EXCLUDED_DIRS } from '../../src/core/refs/scanner';
import { WorkspaceReferences, type ModelRefsSettings } from '../../src/host/modelRefs/workspaceIndex';
import { nodeLocalScan } from '../../src/host/platform/node';
import { webPlatform } from '../../src/host/platform/web';
import type { LocalScan } from '../../src/host/platform/platform';
import { fixtureCatalog } from './refsFixtureCatalog';

/** rg on PATH, or the one code-server ships (test/e2e set-up); the test needs one, as the bench does. */
function findRg(): string | null {
  const bundled = join(__dirname, '../e2e/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
  try {
    execFileSync('rg', ['--version'], { stdio: 'ignore' });
    return 'rg';
  } catch {
    return existsSync(bundled) ? bundled : null;
  }
}
const RG = findRg();

const catalog = fixtureCatalog();
const alias = catalog.all.find((m) => m.id.startsWith('~'))?.id ?? 'openai/gpt-5';
const MAX = 2048;
const ID_LINE = 'export const M = "openai/gpt-5";\n';
const pad = (head: string, size: number): string => head + 'x'.repeat(size - Buffer.byteLength(head));

let root = '';
let outside = '';
const FILES: Record<string, string | Buffer> = {
  // A git repository whose ignore files name the .env files, a folder and the sources: none of it applies.
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.gitignore': '.env\nsecrets/\n*.ts\n',
  '.ignore': '*.py\n',
  '.env': 'OPENROUTER_MODEL=openai/gpt-5\n',
  'secrets/.env.local': 'OPENROUTER_MODEL=deepseek/deepseek-chat\n',
  '.continue/config.yaml': 'models:\n  - provider: openrouter\n    model: deepseek/deepseek-v9-preview\n',
  '.aider.conf.yml': 'model: openrouter/qwen/qwen3-coder\n',
  'opencode.json': '{ "model": "openrouter/openai/gpt-5" }\n',
  'src/a.ts': 'export const M = "openrouter/openai/gpt-5";\n',
  'src/alias.py': `MODEL = "${alias}"\n`,
  'src/plain.ts': "import { a } from './lib/helper3';\nexport const p = 'src/feature1/index';\n",
  // A NUL byte before the id (rg would call it binary and stop), a UTF-8 BOM, and a UTF-16 BOM on UTF-8 text
  // (rg would transcode it; the UTF-8 read sees the id).
  'src/bin.ts': Buffer.concat([Buffer.from('const a = 1;\n'), Buffer.from([0, 1, 2]), Buffer.from('\nconst N = "deepseek/deepseek-chat";\n')]),
  'src/bom.ts': `\ufeff${ID_LINE}`,
  'src/bom16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ID_LINE)]),
  'src/a b:c.ts': ID_LINE,
  'src/weird\nname.ts': ID_LINE,
  'src/Upper.TS': ID_LINE,
  'src/app.min.js': ID_LINE,
  'src/dirty.ts': "export const p = './x';\n",
  'src/bigopen.ts': pad(ID_LINE, MAX + 10),
  'exact.ts': pad(ID_LINE, MAX),
  'over.ts': pad(ID_LINE, MAX + 1),
  'litellm.yaml': 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openrouter/openai/gpt-5\n',
  'ci.yml': 'steps:\n  - run: echo hello/world\n',
  'k8s.yml': 'image: openai/gpt-5\n',
  'docs/readme.md': 'Use openai/gpt-5.\n',
  'notes/models.txt': 'we use openai/gpt-5 and deepseek/deepseek-chat\n',
  'node_modules/pkg/index.js': ID_LINE,
  'packages/x/dist/out.js': ID_LINE,
  'generated/gen.ts': ID_LINE,
  'cache-out/gen.ts': ID_LINE,
  'sub/generated/deep.ts': ID_LINE,
  'big/y.ts': ID_LINE,
  'skip/z.ts': ID_LINE,
};
/** Open in the editor, unsaved: the editor's text counts, not the disk's. */
const OPEN: Record<string, string> = {
  'src/dirty.ts': ID_LINE,
  'src/bigopen.ts': ID_LINE,
};

function walk(dir: string, rel = '', out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const r = rel === '' ? name : `${rel}/${name}`;
    if (statSync(abs).isDirectory()) walk(abs, r, out);
    else out.push(r);
  }
  return out;
}

/** findFiles as VS Code's file search runs it for an extension (see the header). */
async function findFiles(include: string, exclude: string): Promise<fake.Uri[]> {
  expect(exclude).toBe(`**/{${DEFAULT_EXCLUDED_DIRS.join(',')}}/**`);
  const filesExclude = Object.entries((fake.configurationValues.get('files.exclude') ?? {}) as Record<string, unknown>).filter(([, v]) => v === true).map(([k]) => k);
  const excluded = compileGlobs(filesExclude.map((p) => (p.startsWith('**') ? p : `/${p}`)));
  const names = compileGlobs(include === '**/*' ? ['*'] : [...CANDIDATE_NAME_PATTERNS]);
  return walk(root)
    .filter((rel) => !rel.split('/').slice(0, -1).some((seg) => DEFAULT_EXCLUDED_DIRS.includes(seg)))
    .filter((rel) => !excluded.matches(rel) && names.matchesExactly(rel.split('/').at(-1) ?? ''))
    .map((rel) => fake.Uri.file(`${root}/${rel}`));
}

function settings(useRipgrep: boolean, scanInclude: string[]): ModelRefsSettings {
  return { scanInclude, scanExclude: ['skip'], maxFileBytes: MAX, useRipgrep, codeLensConfig: true, codeLensCode: false, diagnostics: true };
}

interface Outcome {
  refs: string[];
  files: number;
  log: string;
}

async function scan(useRipgrep: boolean, include: string[], localScan: LocalScan | null = nodeLocalScan): Promise<Outcome> {
  const before = fake.recorded.logLines.length;
  const refs = new WorkspaceReferences(fake.window.createOutputChannel('paths') as never, () => settings(useRipgrep, include), { localScan, findRipgrep: async () => RG });
  try {
    refs.setCatalog(catalog);
    await vi.waitFor(() => expect(fake.recorded.logLines.slice(before).join('\n')).toMatch(/model references: \d+ in \d+ files/), { timeout: 20_000, interval: 20 });
    return {
      refs: refs.all().map((e) => `${e.file}:${e.ref.line}:${e.ref.column} ${e.ref.raw} ${e.ref.known ? 'known' : 'unknown'}`),
      files: refs.view(null).files,
      log: fake.recorded.logLines.slice(before).join('\n'),
    };
  } finally {
    refs.dispose();
  }
}

beforeAll(() => {
  expect(RG, 'ripgrep is needed: apt-get install ripgrep (or run the e2e set-up, which brings code-server\'s)').not.toBeNull();
  root = mkdtempSync(join(tmpdir(), 'model-radar-paths-'));
  outside = mkdtempSync(join(tmpdir(), 'model-radar-paths-outside-'));
  for (const [rel, body] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), body);
  }
  // A folder linked from elsewhere: findFiles follows symlinks (search.followSymlinks), so both must.
  writeFileSync(join(outside, 'linked.ts'), ID_LINE);
  symlinkSync(outside, join(root, 'linked'));
  const folder = { uri: fake.Uri.file(root), name: 'ws', index: 0 };
  Object.assign(fake.workspace, {
    isTrusted: true,
    workspaceFolders: [folder],
    getWorkspaceFolder: (uri: fake.Uri) => (uri.path.startsWith(`${root}/`) ? folder : undefined),
    asRelativePath: (uri: fake.Uri) => uri.path.slice(root.length + 1),
    findFiles,
    textDocuments: Object.entries(OPEN).map(([rel, text]) => ({ uri: fake.Uri.file(`${root}/${rel}`), getText: () => text })),
  });
  Object.assign(fake.workspace.fs, {
    readFile: async (uri: fake.Uri) => new Uint8Array(readFileSync(uri.fsPath)),
    stat: async (uri: fake.Uri) => statSync(uri.fsPath),
  });
  fake.configurationValues.set('files.exclude', { '**/.git': true, '**/generated': true, 'cache-out': true, '**/docs': false });
  fake.configurationValues.set('search.exclude', { '**/big': true });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
  fake.configurationValues.delete('files.exclude');
  fake.configurationValues.delete('search.exclude');
  Object.assign(fake.workspace, { textDocuments: [], workspaceFolders: undefined });
});

describe.each([
  ['tool configs, code and generic YAML', [] as string[]],
  ['with an include glob (every file listed, core decides)', ['notes/*.txt']],
])('both scan paths agree: %s', (_name, include) => {
  let fast: Outcome;
  let slow: Outcome;
  beforeAll(async () => {
    fast = await scan(true, include);
    slow = await scan(false, include);
  });

  it('went through ripgrep once and through findFiles once', () => {
    expect(fast.log).toMatch(/\(ripgrep: list/);
    expect(slow.log).toMatch(/\(findFiles \(useRipgrep off\): list/);
  });

  it('finds the same references in the same files, counting the same files', () => {
    expect(fast.refs).toEqual(slow.refs);
    expect(fast.files).toBe(slow.files);
  });

  it('finds what it should: ignore files not applied, open documents read from the editor, the size limit inclusive', () => {
    const files = new Set(fast.refs.map((r) => r.slice(0, r.indexOf(':'))));
    for (const f of ['.env', 'secrets/.env.local', '.continue/config.yaml', '.aider.conf.yml', 'opencode.json', 'src/a.ts', 'src/alias.py', 'src/bin.ts', 'src/bom.ts', 'src/bom16.ts', 'src/a b', 'src/weird\nname.ts', 'src/dirty.ts', 'src/bigopen.ts', 'exact.ts', 'litellm.yaml', 'linked/linked.ts']) {
      expect([...files].some((x) => x === f || x.startsWith(f)), f).toBe(true);
    }
    expect(fast.refs).toContain('.continue/config.yaml:3:12 deepseek/deepseek-v9-preview unknown');
    if (include.length > 0) expect(files).toContain('notes/models.txt');
  });

  it('leaves out what is excluded: dependency and build folders, files.exclude, search.exclude, scan.exclude, minified, over the limit, other kinds', () => {
    const files = new Set(fast.refs.map((r) => r.slice(0, r.indexOf(':'))));
    for (const f of ['node_modules/pkg/index.js', 'packages/x/dist/out.js', 'generated/gen.ts', 'cache-out/gen.ts', 'sub/generated/deep.ts', 'big/y.ts', 'skip/z.ts', 'src/app.min.js', 'over.ts', 'ci.yml', 'k8s.yml', 'docs/readme.md', 'src/plain.ts']) {
      expect(files.has(f), f).toBe(false);
    }
    // Names are listed case-sensitively, as findFiles lists them; with every file listed, core's rules decide.
    expect(files.has('src/Upper.TS')).toBe(include.length > 0);
    if (include.length === 0) expect(files.has('notes/models.txt')).toBe(false);
  });
});

describe('a host without a local scan (the browser)', () => {
  it('lists through findFiles and reads through workspace.fs, even with rg at hand, finding the same', async () => {
    const web = await scan(true, [], webPlatform.localScan);
    expect(web.log).toMatch(/\(findFiles \(no rg\): list/);
    expect(web.log).not.toMatch(/\(ripgrep: list/);
    const fast = await scan(true, []);
    expect(web.refs).toEqual(fast.refs);
    expect(web.files).toBe(fast.files);
  });
});

describe('the fast path reads only what can hold a reference', () => {
  it('reads the tool configs, the screened code and the open documents, not the rest', async () => {
    const fast = await scan(true, []);
    const slow = await scan(false, []);
    const reads = (log: string): number => Number(/read (\d+) \+ index/.exec(log)?.[1]);
    expect(reads(slow.log)).toBe(slow.files);
    // src/plain.ts and ci.yml are listed and counted, never read.
    expect(reads(fast.log)).toBeLessThanOrEqual(fast.files - 2);
  });

  it('falls back to findFiles when rg fails, finding the same', async () => {
    const before = fake.recorded.logLines.length;
    const refs = new WorkspaceReferences(fake.window.createOutputChannel('paths') as never, () => settings(true, []), { localScan: nodeLocalScan, findRipgrep: async () => join(root, 'no-such-rg') });
    try {
      refs.setCatalog(catalog);
      await vi.waitFor(() => expect(fake.recorded.logLines.slice(before).join('\n')).toMatch(/model references: \d+ in \d+ files/), { timeout: 20_000, interval: 20 });
      const log = fake.recorded.logLines.slice(before).join('\n');
      expect(log).toMatch(/ripgrep failed \(.+\), listing through findFiles/);
      expect(log).toMatch(/\(findFiles \(rg failed\): list/);
      expect(refs.all().map((e) => `${e.file}:${e.ref.line}:${e.ref.column} ${e.ref.raw} ${e.ref.known ? 'known' : 'unknown'}`)).toEqual((await scan(false, [])).refs);
    } finally {
      refs.dispose();
    }
  });
});
