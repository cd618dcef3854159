// The host lists files from disk with core's CANDIDATE_GLOB, derived from the same file kinds classifyPath
// decides (#11 item 6): a file the recognizer would read is never left unlisted, and a new kind cannot be
// added without saying where its files are (NAME_PATTERNS is a Record over FileKind; so is EXAMPLES here).
import { describe, expect, it } from 'vitest';
import { CANDIDATE_GLOB, CANDIDATE_NAME_PATTERNS, classifyPath, FILE_SYNTAX } from '../../src/core/refs/classify';
import { keyFormatOf } from '../../src/core/refs/dupKeys';
import { compileGlob } from '../../src/core/refs/glob';
import type { FileKind } from '../../src/core/refs/types';
import { REF_TOOLS, type RefTool } from '../../src/shared/types';

/** Paths of every kind, written the ways people write them (nested, odd case, dotted names). */
const EXAMPLES: Record<Exclude<FileKind, 'text'>, string[]> = {
  'continue-yaml': ['.continue/config.yaml', 'app/.continue/assistants/main.yml', '.continue/models/local.yaml'],
  'continue-json': ['.continue/config.json', 'pkg/.continue/config.json'],
  'aider-yaml': ['.aider.conf.yml', 'tools/.aider.conf.yaml'],
  'opencode-json': ['opencode.json', 'svc/opencode.jsonc'],
  'opencode-agent': ['.opencode/agent/review.md', 'x/.opencode/agents/plan.md'],
  'zed-json': ['.zed/settings.json'],
  'claude-json': ['.claude/settings.json', 'a/.claude/settings.local.json'],
  'codex-toml': ['.codex/config.toml'],
  dotenv: ['.env', '.env.local', 'deploy/.env.production', '.envrc'],
  'vscode-json': ['.vscode/settings.json'],
  yaml: ['litellm_config.yaml', 'k8s/values.yml', 'config.v2.yaml'],
  code: ['src/a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs', 'main.py', 'x.go', 'lib.rs', 'A.java', 'P.cs', 'r.rb', 'i.php'],
};

describe('candidate files (host listing) come from core\'s file kinds', () => {
  const glob = compileGlob(CANDIDATE_GLOB);

  it.each(Object.entries(EXAMPLES))('%s: every example is classified as that kind and listed by the glob', (kind, paths) => {
    for (const path of paths) {
      expect(classifyPath(path), path).toBe(kind);
      expect(glob.test(path), path).toBe(true);
    }
  });

  it('lists every name pattern once, and nothing the recognizer would never read', () => {
    expect(new Set(CANDIDATE_NAME_PATTERNS).size).toBe(CANDIDATE_NAME_PATTERNS.length);
    for (const path of ['README', 'image.png', 'data.csv', 'Makefile', 'notes.txt', 'archive.tar.gz', 'lib.so']) {
      expect(classifyPath(path), path).toBeNull();
      expect(glob.test(path), path).toBe(false);
    }
  });

  it('a path the recognizer reads is always listed (generated names)', () => {
    const stems = ['a', 'config', 'My.Settings', '.hidden', 'x-y_z'];
    const dirs = ['', 'src/', 'deep/er/', '.continue/', '.zed/', '.opencode/agent/', '.claude/', '.codex/', '.vscode/'];
    const exts = ['ts', 'py', 'yaml', 'yml', 'json', 'jsonc', 'toml', 'md', 'txt', 'env', 'rs', 'go', 'xml'];
    for (const dir of dirs)
      for (const stem of stems)
        for (const ext of exts) {
          const path = `${dir}${stem}.${ext}`;
          if (classifyPath(path) !== null) expect(glob.test(path), path).toBe(true);
        }
  });
});

describe('reference tools are one list (src/shared/types.ts REF_TOOLS)', () => {
  it('RefTool is exactly the list, so a tool the rules return is known to the webview', () => {
    const each: Record<RefTool, true> = {
      continue: true, aider: true, opencode: true, litellm: true, zed: true, 'claude-code': true, codex: true, dotenv: true, vscode: true, code: true,
    };
    expect([...REF_TOOLS].sort()).toEqual(Object.keys(each).sort());
  });
});

describe('one syntax per file kind (FILE_SYNTAX)', () => {
  it.each(Object.entries(EXAMPLES))('%s: the swap checks keys in the syntax the recognizer reads ids in', (kind, paths) => {
    const syntax = FILE_SYNTAX[kind as FileKind];
    for (const path of paths) expect(keyFormatOf(path), path).toBe(syntax === 'json' || syntax === 'yaml' || syntax === 'toml' ? syntax : null);
  });
});
