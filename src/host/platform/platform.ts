// What differs between the two extension hosts Model Radar runs in: the desktop's Node host (dist/extension.js, the
// manifest's `main`) and the browser's web worker host (dist/web/extension.js, its `browser`). Shared host code
// takes a Platform and never tests where it runs; only the two entries (src/host/entry.ts, src/host/webEntry.ts)
// choose one. What both hosts can do (extension files through `workspace.fs`, nonces from `crypto.getRandomValues`,
// fetch) is not here: it is written once.
import type { RegisterModule } from '../modelRefs/deferred';
import type { RipgrepListing } from '../modelRefs/ripgrep';

export interface Platform {
  /** Named in the log at start, so a run shows which entry it loaded. */
  readonly kind: 'node' | 'web';
  /** Environment variables (OPENROUTER_API_KEY, the fake demo's); none in the browser, so that source is hidden there. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The fast scan of local folders (VS Code's ripgrep, files read directly); null where there is none (web). */
  readonly localScan: LocalScan | null;
  /**
   * Requests to OpenRouter are cross-origin (the browser): only `Authorization` and `Content-Type` are sent, and a
   * request the browser refuses becomes the `blocked` state instead of "offline".
   */
  readonly crossOrigin: boolean;
  /**
   * Where the workspace references' code comes from, a second after start. Omitted, the composition root's own
   * import() of src/host/modelRefs/register.ts (the Node host's ES module chunk); the web host reads its deferred
   * CommonJS file instead (src/host/platform/webChunk.ts says why).
   */
  readonly loadModelReferences?: () => Promise<RegisterModule>;
}

/** The Node host's fast path for local folders (src/host/modelRefs/ripgrep.ts). */
export interface LocalScan {
  /** VS Code's bundled rg, or null when this VS Code has none. */
  findRipgrep(): Promise<string | null>;
  runListing(rg: string, cwd: string, args: readonly string[], signal: AbortSignal): Promise<RipgrepListing>;
  /** A path rg printed, as segments (rg prints the OS's separator). */
  pathSegments(path: string): string[];
  /** A local file's bytes, read directly rather than over the extension host's RPC. */
  readFile(fsPath: string): Promise<Uint8Array>;
}
