import { describe, expect, it } from 'vitest';
import { createRefIndex, createScanFilter, type FileEntry } from '../../src/core/refs/scanner';
import type { RefCatalog } from '../../src/core/refs/types';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();

function entry(path: string, text: string, opts: { size?: number; fail?: boolean; async?: boolean } = {}): FileEntry & { reads: number } {
  const e = {
    path,
    size: opts.size ?? text.length,
    reads: 0,
    read(): string | Promise<string> {
      e.reads++;
      if (opts.fail === true) throw new Error('EACCES');
      return opts.async === true ? Promise.resolve(text) : text;
    },
  };
  return e;
}

describe('createScanFilter', () => {
  const filter = createScanFilter();

  it('prunes dependency and build folders by name', () => {
    for (const dir of ['node_modules', 'a/node_modules', '.git', 'dist', 'out', 'build', '.venv', 'vendor', 'target', 'x/__pycache__']) {
      expect(filter.visitDir(dir)).toBe(false);
    }
    for (const dir of ['src', '.continue', '.vscode', '.zed', '.claude', '.codex', '.opencode', 'distribution']) {
      expect(filter.visitDir(dir)).toBe(true);
    }
    expect(filter.kindFor('pkg/node_modules/x/.env', 10)).toBeNull();
  });

  it('decides from name and size alone', () => {
    expect(filter.kindFor('src/a.ts', 10)).toBe('code');
    expect(filter.kindFor('src/a.ts', 2 * 1024 * 1024)).toBeNull();
    expect(filter.kindFor('web/app.min.js', 10)).toBeNull();
    expect(filter.kindFor('README.md', 10)).toBeNull();
    expect(filter.kindFor('Dockerfile', 10)).toBeNull();
  });

  it('applies user excludes and includes and the size setting', () => {
    const f = createScanFilter({ exclude: ['**/fixtures/**', 'legacy'], include: ['**/*.txt', 'prompts/**'], maxFileBytes: 100 });
    expect(f.kindFor('test/fixtures/x.ts', 10)).toBeNull();
    expect(f.kindFor('legacy/a/.env', 10)).toBeNull();
    expect(f.visitDir('legacy')).toBe(false);
    expect(f.kindFor('notes/models.txt', 10)).toBe('text');
    expect(f.kindFor('prompts/system.prompt', 10)).toBe('text');
    expect(f.kindFor('prompts/x.py', 10)).toBe('code');
    expect(f.kindFor('src/a.ts', 101)).toBeNull();
  });
});

describe('createRefIndex', () => {
  it('indexes eligible entries, skips the rest unread, survives read failures', async () => {
    const idx = createRefIndex(catalog, { include: ['**/*.txt'] });
    const files = [
      entry('.env', 'OPENROUTER_MODEL=openai/gpt-5\n'),
      entry('src/a.ts', 'export const m = "deepseek/deepseek-v3.2";\n', { async: true }),
      entry('node_modules/x/index.js', 'module.exports = "openai/gpt-5";\n'),
      entry('README.md', 'openai/gpt-5\n'),
      entry('src/broken.py', 'M = "openai/gpt-5"\n', { fail: true }),
      entry('notes/models.txt', 'We use openai/gpt-5, then x-ai/grok-4.5.\n'),
    ];
    const progress: number[] = [];
    const done = await idx.addAll(files, { onProgress: (p) => progress.push(p.files) });
    expect(done).toEqual({ files: 3, refs: 4 });
    expect(progress.at(-1)).toBe(3);
    expect(files[2]!.reads).toBe(0);
    expect(files[3]!.reads).toBe(0);
    expect(idx.all().map((r) => `${r.file}:${r.id}`)).toEqual(['.env:openai/gpt-5', 'notes/models.txt:openai/gpt-5', 'notes/models.txt:x-ai/grok-4.5', 'src/a.ts:deepseek/deepseek-v3.2']);
  });

  it('re-indexes one file, and forgets removed ones', async () => {
    const idx = createRefIndex(catalog);
    await idx.addAll([entry('.env', 'OPENROUTER_MODEL=openai/gpt-5\n'), entry('src/a.ts', 'const a = 1;\n')]);
    expect(idx.fileCount()).toBe(2);
    expect(idx.update('src/a.ts', 'const a = "x-ai/grok-4.5", b = "openai/gpt-5";\n').map((r) => r.id)).toEqual(['x-ai/grok-4.5', 'openai/gpt-5']);
    expect(idx.all()).toHaveLength(3);
    expect(idx.update('.env', 'OPENROUTER_MODEL=\n')).toEqual([]);
    expect(idx.refsOf('.env')).toEqual([]);
    idx.remove('src/a.ts');
    expect(idx.all()).toEqual([]);
    expect(idx.fileCount()).toBe(1);
    // An excluded path is never indexed, even when an editor reports a change to it.
    expect(idx.update('node_modules/a/.env', 'OPENROUTER_MODEL=openai/gpt-5\n')).toEqual([]);
    expect(idx.fileCount()).toBe(1);
  });

  it('stops between files when cancelled', async () => {
    const idx = createRefIndex(catalog);
    const ctrl = new AbortController();
    async function* slow(): AsyncGenerator<FileEntry> {
      for (let i = 0; i < 10; i++) {
        if (i === 3) ctrl.abort();
        yield entry(`d${i}/.env`, 'OPENROUTER_MODEL=openai/gpt-5\n');
      }
    }
    const done = await idx.addAll(slow(), { signal: ctrl.signal });
    expect(done.files).toBe(3);
  });

  it('uses a new catalog for files indexed after the swap', async () => {
    const empty: RefCatalog = { resolve: () => null, has: () => false, isKnownAuthor: () => false };
    const idx = createRefIndex(empty);
    await idx.addAll([entry('src/a.ts', 'const a = "openai/gpt-5";\n')]);
    expect(idx.all()).toEqual([]);
    idx.setCatalog(catalog);
    expect(idx.update('src/a.ts', 'const a = "openai/gpt-5";\n')).toHaveLength(1);
  });
});
