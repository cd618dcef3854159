// The browser's web worker extension host (vscode.dev, github.dev, Codespaces in the browser): no environment,
// no processes, and every request to OpenRouter is a cross-origin request the browser may refuse.
import type { Platform } from './platform';

export const webPlatform: Platform = { kind: 'web', env: Object.freeze({}), localScan: null, crossOrigin: true };
