import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fakeVscode = fileURLToPath(new URL('./test/support/fakeVscode.ts', import.meta.url));
const fastCheckSetup = fileURLToPath(new URL('./test/support/fastCheckSetup.ts', import.meta.url));

/** The Node tests; `vitest.mutation.config.mts` runs this project alone. */
export const unitProject = {
  // Host-level tests run against one shared fake of the VS Code API, never per-file mocks.
  resolve: { alias: { vscode: fakeVscode } },
  test: {
    name: 'unit',
    setupFiles: [fastCheckSetup],
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      unitProject,
      {
        test: {
          name: 'webview',
          setupFiles: [fastCheckSetup],
          include: ['test/webview/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          testTimeout: 20_000,
        },
      },
    ],
  },
});
