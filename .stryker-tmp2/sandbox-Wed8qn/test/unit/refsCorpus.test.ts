// Precision and recall of reference recognition over the labelled corpus, measured through `refs --json`
// (the CLI path), with the real 2026-07-29 catalog served as /models.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRefs, type RefsJsonReference } from '../../src/cli/refs';
import { MODELS_FIXTURE } from './refsFixtureCatalog';

const REFS_DIR = join(__dirname, '../fixtures/refs');
const CORPUS = join(REFS_DIR, 'corpus');

interface Expected {
  line: number;
  column: number;
  id: string;
  known: boolean;
}

const manifest = JSON.parse(readFileSync(join(REFS_DIR, 'expected.json'), 'utf8')) as { files: Record<string, Expected[]> };

function fixtureFetch(): typeof fetch {
  const body = readFileSync(MODELS_FIXTURE, 'utf8');
  return async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname !== '/api/v1/models') return new Response('{"error":{"code":404,"message":"no"}}', { status: 404 });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('labelled corpus', () => {
  it('the manifest lists exactly the files on disk, 300 or more, with many look-alikes', () => {
    const onDisk = allFiles(CORPUS);
    expect(Object.keys(manifest.files).sort()).toEqual(onDisk);
    expect(onDisk.length).toBeGreaterThanOrEqual(300);
    expect(Object.values(manifest.files).filter((refs) => refs.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('refs --json finds the labelled references: precision >= 0.99, recall >= 0.95', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runRefs(['--json', '--base-url', 'https://fixture.invalid/api/v1', CORPUS], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      fetch: fixtureFetch(),
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { references } = JSON.parse(stdout) as { references: RefsJsonReference[] };

    const key = (file: string, r: { line: number; column: number; id: string }): string => `${file}:${r.line}:${r.column}:${r.id}`;
    const want = new Map<string, Expected>();
    for (const [file, refs] of Object.entries(manifest.files)) for (const r of refs) want.set(key(file, r), r);
    const got = new Map(references.map((r) => [key(r.file, r), r]));

    const truePositives = [...got.keys()].filter((k) => want.has(k));
    const falsePositives = [...got.keys()].filter((k) => !want.has(k));
    const falseNegatives = [...want.keys()].filter((k) => !got.has(k));
    const precision = truePositives.length / Math.max(1, got.size);
    const recall = truePositives.length / Math.max(1, want.size);
    const detail = `precision ${precision.toFixed(4)} recall ${recall.toFixed(4)}\nfalse positives: ${falsePositives.slice(0, 20).join(', ')}\nmissed: ${falseNegatives.slice(0, 20).join(', ')}`;
    expect(want.size, 'corpus has references').toBeGreaterThanOrEqual(500);
    expect(precision, detail).toBeGreaterThanOrEqual(0.99);
    expect(recall, detail).toBeGreaterThanOrEqual(0.95);

    // Where both agree on a reference they also agree on whether the catalog knows it, and raw spells the id.
    for (const k of truePositives) {
      const r = got.get(k) as RefsJsonReference;
      expect(r.known, k).toBe(want.get(k)?.known);
      expect(r.raw === r.id || r.raw === `openrouter/${r.id}`, k).toBe(true);
    }
  });
});
