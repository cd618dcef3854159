// The vitest run StrykerJS uses for `npm run mutation`: the `unit` project only (Node, the shared fake VS Code
// API), without the jsdom webview project, so each mutant is judged by the tests that cover the core modules.
import { defineConfig } from 'vitest/config';
import { unitProject } from './vitest.config.mts';

export default defineConfig(unitProject);
