// The vitest run StrykerJS uses for `npm run mutation`: the `unit` project only (Node, the shared fake VS Code
// API), without the jsdom webview project, so each mutant is judged by the tests that cover the core modules.
// Left out: the tests that cannot kill a mutant because they run no mutated code in this process (lint rules on
// probe text, esbuild bundle checks, the CLI run as a child process, where Stryker's active mutant is not set);
// they only slow the initial run on two shared cores.
// MODEL_RADAR_MUTATION=1 lets the two tests that read src/ as text (message extraction) step aside: in Stryker's
// sandbox src/ holds instrumented code, which those checks cannot parse; they judge no behaviour of a mutant.
import { defineConfig } from 'vitest/config';
import { unitProject } from './vitest.config.mts';

export default defineConfig({
  ...unitProject,
  test: {
    ...unitProject.test,
    exclude: ['**/node_modules/**', 'test/unit/layering.test.ts', 'test/unit/hostBundleStrip.test.ts', 'test/unit/webviewBundles.test.ts', 'test/unit/cliEntry.test.ts'],
    // Under Stryker's coverage instrumentation on a loaded machine the lint-based checks take minutes, not seconds.
    testTimeout: 180_000,
    env: { MODEL_RADAR_MUTATION: '1' },
  },
});
