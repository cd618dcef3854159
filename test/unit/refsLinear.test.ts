// Recognition is linear in the size of the file for any input (issue #9 item 6). Not timed: every scanning loop in
// recognition reports the characters it looks at to a meter, and the generated worst cases (hex and base64 blobs,
// minified bundles, lockfiles, one long line of id characters, deep JSON/YAML/TOML nesting, ...) must cost a
// bounded amount of work per character, with doubling the input no more than 2.5 times the work.
// Time itself is measured in the bench (`pathologicalScanMs`), not here.
import { describe, expect, it } from 'vitest';
import { createMeter } from '../../src/core/refs/meter';
import { recognizeFile } from '../../src/core/refs/recognize';
import { asFileText, PATHOLOGICAL_CASES, PATHOLOGICAL_FILES } from '../fixtures/refs/pathological';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();
const SMALL = 16 * 1024;
/** Work per character allowed: a handful of passes over the text. */
const UNITS_PER_CHAR = 16;

function work(path: string, kind: (typeof PATHOLOGICAL_FILES)[number]['kind'], text: string): number {
  const meter = createMeter();
  const result = recognizeFile(path, text, catalog, { kind, meter });
  expect(result.kind).toBe('ok');
  return meter.units;
}

describe('recognition work is linear in the input', () => {
  it.each(PATHOLOGICAL_CASES.map((c) => [c.name, c] as const))('%s, in every grammar', (_name, c) => {
    const problems: string[] = [];
    for (const f of PATHOLOGICAL_FILES) {
      const small = asFileText(f.kind, c.make(SMALL));
      const large = asFileText(f.kind, c.make(2 * SMALL));
      const a = work(f.path, f.kind, small);
      const b = work(f.path, f.kind, large);
      const growth = b / Math.max(1, a) / (large.length / small.length) * 2;
      if (growth > 2.5) problems.push(`${f.kind}: doubling the input multiplied the work by ${growth.toFixed(2)}`);
      if (b > UNITS_PER_CHAR * large.length) problems.push(`${f.kind}: ${(b / large.length).toFixed(1)} units per character`);
    }
    expect(problems).toEqual([]);
  });

  it('the meter sees the work: a recognised file costs at least one unit per character', () => {
    const text = `OPENROUTER_MODEL=openai/gpt-5\n${'# comment\n'.repeat(1000)}`;
    expect(work('.env', 'dotenv', text)).toBeGreaterThanOrEqual(text.length);
  });
});

describe('time budget', () => {
  const bundle = PATHOLOGICAL_CASES.find((c) => c.name === 'minified bundle line');
  const big = asFileText('code', bundle?.make(256 * 1024) ?? '');

  it('gives up a file that takes longer than its budget, on the injected clock', () => {
    let clock = 0;
    // Every look at the clock finds 1 ms more gone.
    const now = (): number => clock++;
    const result = recognizeFile('src/blob.ts', big, catalog, { budgetMs: 5, now });
    expect(result).toMatchObject({ kind: 'skipped', reason: 'budget' });
    expect(result.kind === 'skipped' && result.elapsedMs).toBeGreaterThan(5);
  });

  it('finishes a file within its budget, and a small file never looks at the clock past the start', () => {
    let looks = 0;
    const now = (): number => {
      looks++;
      return 0;
    };
    const result = recognizeFile('src/blob.ts', big, catalog, { budgetMs: 5, now });
    expect(result.kind).toBe('ok');
    expect(result.kind === 'ok' && result.refs.map((r) => r.id)).toEqual(['openai/gpt-5']);
    looks = 0;
    const small = recognizeFile('src/a.ts', 'const m = "openai/gpt-5";\n', catalog, { budgetMs: 5, now });
    expect(small.kind === 'ok' && small.refs).toHaveLength(1);
    expect(looks).toBeLessThanOrEqual(1);
  });
});
