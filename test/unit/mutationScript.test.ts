// scripts/mutation.mjs reads Stryker's report into one score, and a stopped run's checkpoint lines into a partial
// one: the same definition (killed and timed-out over every mutant with a result), per file and in total.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { partialReport, score } from '../../scripts/mutation.mjs';

describe('mutation score', () => {
  it('counts killed and timed-out as detected, survivors and no-coverage against, and leaves ignored ones out', () => {
    const s = score({
      files: {
        'src/a.ts': { mutants: [{ status: 'Killed' }, { status: 'Timeout' }, { status: 'Survived' }, { status: 'NoCoverage' }, { status: 'Ignored' }] },
        'src/b.ts': { mutants: [{ status: 'Ignored' }] },
      },
    });
    expect(s.detected).toBe(2);
    expect(s.killed).toBe(1);
    expect(s.valid).toBe(4);
    expect(s.pct).toBe(50);
    expect(s.perFile).toEqual([
      { file: 'src/a.ts', detected: 2, valid: 4, pct: 50 },
      { file: 'src/b.ts', detected: 0, valid: 0, pct: 100 },
    ]);
  });

  it('reads a stopped run\'s checkpoint: the plan, each tested mutant, and a last line cut short', () => {
    const jsonl = [
      JSON.stringify({ type: 'plan', mutants: 10, toRun: 9 }),
      JSON.stringify({ type: 'mutant', file: 'src/a.ts', id: '1', status: 'Killed' }),
      JSON.stringify({ type: 'mutant', file: 'src/a.ts', id: '2', status: 'Survived' }),
      JSON.stringify({ type: 'mutant', file: 'src/b.ts', id: '3', status: 'Timeout' }),
      JSON.stringify({ type: 'mutant', file: 42, id: '4', status: 'Killed' }),
      '{"type":"mutant","file":"src/b.ts","id":"5","sta',
    ].join('\n');
    const p = partialReport(jsonl);
    expect(p.planned).toBe(10);
    expect(p.tested).toBe(3);
    const s = score(p);
    expect([s.detected, s.valid]).toEqual([2, 3]);
    expect(s.perFile.map((f: { file: string; pct: number }) => [f.file, f.pct])).toEqual([
      ['src/a.ts', 50],
      ['src/b.ts', 100],
    ]);
  });

  it('an empty checkpoint is no plan and nothing tested', () => {
    expect(partialReport('')).toEqual({ files: {}, planned: null, tested: 0 });
  });
});

interface MutationProject {
  test: { name: string; isolate?: boolean; include?: string[]; exclude?: string[] };
}
interface MutationConfigModule {
  isolatedTestFiles(): string[];
  default: { test: { projects: MutationProject[] } };
}
/** Loaded by URL: the config is not part of the type-checked project. */
const loadMutationConfig = async (): Promise<MutationConfigModule> =>
  (await import(/* @vite-ignore */ pathToFileURL(resolve('vitest.mutation.config.mts')).href)) as MutationConfigModule;

describe('the mutation run\'s two halves (vitest.mutation.config.mts)', () => {
  it('keeps every file that reaches the fake VS Code API or shared state in its own module graph', async () => {
    const isolated = (await loadMutationConfig()).isolatedTestFiles();
    // The three files that failed when every file shared one graph: the fake's command registry and configuration
    // listeners are process-wide.
    for (const f of ['test/unit/refsHost.test.ts', 'test/unit/settingsScope.test.ts', 'test/unit/manifest.contract.test.ts']) {
      expect(isolated).toContain(f);
    }
    // The shared translator (setSharedL10n) and the environment are process-wide too.
    expect(isolated).toContain('test/unit/l10nCompleteness.test.ts');
    // Pure core tests share one graph.
    expect(isolated).not.toContain('test/unit/recognizeEdges.test.ts');
    expect(isolated).not.toContain('test/unit/money.mutation.test.ts');
  });

  it('the two projects split the unit tests between them, none in both', async () => {
    const [shared, own] = (await loadMutationConfig()).default.test.projects;
    expect([shared!.test.name, shared!.test.isolate, own!.test.name]).toEqual(['unit-shared', false, 'unit-isolated']);
    expect(own!.test.include!.length).toBeGreaterThan(10);
    for (const f of own!.test.include!) expect(shared!.test.exclude).toContain(f);
  });
});
