// The vitest run StrykerJS uses for `npm run mutation`: the `unit` project only (Node, the shared fake VS Code
// API), without the jsdom webview project, so each mutant is judged by the tests that cover the core modules.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fakeVscode = fileURLToPath(new URL('./test/support/fakeVscode.ts', import.meta.url));
const fastCheckSetup = fileURLToPath(new URL('./test/support/fastCheckSetup.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { vscode: fakeVscode } },
  test: {
    name: 'unit',
    setupFiles: [fastCheckSetup],
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
