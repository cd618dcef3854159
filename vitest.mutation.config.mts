// The vitest run StrykerJS uses for `npm run mutation`: the `unit` project only (Node, the shared fake VS Code
// API), without the jsdom webview project, so each mutant is judged by the tests that cover the core modules.
// Left out: the tests that cannot kill a mutant because they run no mutated code in this process (lint rules on
// probe text, esbuild bundle checks, the CLI run as a child process, where Stryker's active mutant is not set);
// they only slow the initial run on two shared cores.
// MODEL_RADAR_MUTATION=1 lets the two tests that read src/ as text (message extraction) step aside: in Stryker's
// sandbox src/ holds instrumented code, which those checks cannot parse; they judge no behaviour of a mutant.
//
// Two halves, for speed. Each mutant is one vitest run of the tests that cover it; with vitest's default
// isolation every test file of every run starts a fresh module graph (valibot, yaml, ESLint... loaded again). Test
// files of pure code (src/core, src/shared: no VS Code API, no process-wide state) run in one shared module graph
// (`isolate: false`): the whole unit project takes 63 s instead of 130 s; a mutant run, which loads only a few
// files, gains less (about 40-60 mutants a minute on two cores, as before, in the 2026-12-02 run). A file that
// reaches the fake VS Code API (its registries are process-wide), mocks or stubs (`vi.`), reads or sets the
// environment or globals, imports dynamically, or sets the shared translator keeps its own graph: shared, those
// could leak state into the next file and fail it, which Stryker would count as a killed mutant.
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { unitProject } from './vitest.config.mts';

const EXCLUDE = ['test/unit/layering.test.ts', 'test/unit/hostBundleStrip.test.ts', 'test/unit/webviewBundles.test.ts', 'test/unit/cliEntry.test.ts'];

/** What makes a test file keep its own module graph (see above). */
const NEEDS_ISOLATION = /from '(?:vscode|[^']*\/src\/host\/[^']*|[^']*\/src\/extension[^']*|[^']*\/support\/(?:fakeVscode|fakeWorkspace)[^']*)'|import\(|\bvi\.|process\.env|globalThis|setSharedL10n/;

export function isolatedTestFiles(dir = 'test/unit'): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`)
    .filter((f) => !EXCLUDE.includes(f) && NEEDS_ISOLATION.test(readFileSync(f, 'utf8')));
}

const isolated = isolatedTestFiles();
const base = {
  ...unitProject.test,
  // Under Stryker's coverage instrumentation on a loaded machine the lint-based checks take minutes, not seconds.
  testTimeout: 180_000,
  env: { MODEL_RADAR_MUTATION: '1' },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...unitProject,
        test: { ...base, name: 'unit-shared', isolate: false, exclude: ['**/node_modules/**', ...EXCLUDE, ...isolated] },
      },
      {
        ...unitProject,
        test: { ...base, name: 'unit-isolated', include: isolated },
      },
    ],
  },
});
