// The table of modules dist/web/extension.js hands its deferred chunk (src/host/platform/webChunk.ts). esbuild.mjs
// writes it at build time from the imports the chunk's build left to the entry: `model-radar:<path>` → module.
declare module 'model-radar:web-chunk-modules' {
  export const modules: Readonly<Record<string, unknown>>;
}
