import { defineConfig } from 'vitest/config';

// One real VS Code per spec file, one spec file at a time: the machine has two cores.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['specs/**/*.e2e.ts'],
    globalSetup: ['./globalSetup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    retry: 0,
  },
});
