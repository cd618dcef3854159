// The web host's deferred code (issue #16). The desktop's Node host defers the workspace references with an
// import() of an ES module chunk; the browser's web worker host cannot: VS Code loads a web extension by fetching
// its `browser` file and running the text inside a CommonJS wrapper (`new Function('module', 'exports',
// 'require', source)`, src/vs/workbench/api/worker/extHostExtensionService.ts), its `require` answers 'vscode'
// only, and an import() of the extension's own URL fails where VS Code serves extension files through a query
// string (`/vscode-remote-resource?path=…`, code-server and Codespaces).
//
// So the deferred code is a second CommonJS file (dist/web/model-refs.js, esbuild.mjs `webRefsChunkBuild`), read
// through `workspace.fs` like the bundled catalog, and run in the same wrapper VS Code uses for the entry. It
// carries only its own folders (src/host/modelRefs, src/core/refs) and the packages it alone uses; every other
// module it imports is the one instance already loaded in dist/web/extension.js, which hands the chunk a table of
// those modules (`model-radar:<path>` → the module; the build writes the table from what the chunk asks for). So
// nothing is loaded twice and module state (the UI language in src/shared/l10n.ts) is shared, as with import().
import * as vscode from 'vscode';

/** What the chunk may require besides 'vscode': the entry bundle's modules, by the id the build gave them. */
export type ChunkModules = Readonly<Record<string, unknown>>;

/** A chunk's CommonJS exports. */
export type ChunkExports = Record<string, unknown>;

/**
 * Runs a chunk's text in VS Code's CommonJS wrapper. `sourceUrl` names it in stack traces and the debugger, as VS
 * Code names the entry. A require the table cannot answer throws, naming the chunk and the module.
 */
export function evaluateChunk(source: string, sourceUrl: string, name: string, vscodeApi: unknown, modules: ChunkModules): ChunkExports {
  const exportsObject: ChunkExports = {};
  const module = { exports: exportsObject };
  const require = (id: string): unknown => {
    if (id === 'vscode') return vscodeApi;
    if (Object.prototype.hasOwnProperty.call(modules, id)) return modules[id];
    throw new Error(`${name} needs ${id}, which this build of the web host does not carry (build both with node esbuild.mjs)`);
  };
  // The chunk is this extension's own file, read from its own folder: the same code and the same trust as the
  // entry VS Code evaluated this way. The web worker's CSP allows it ('unsafe-eval', which VS Code needs for it).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- VS Code's own loader for web extensions, see above
  const run = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${sourceUrl}`) as (m: { exports: unknown }, e: unknown, r: (id: string) => unknown) => void;
  run(module, exportsObject, require);
  return module.exports;
}

/** Reads dist/web/<file> from the extension's folder and runs it (see evaluateChunk). */
export async function loadWebChunk(
  extensionUri: vscode.Uri,
  file: string,
  modules: ChunkModules,
  read: (uri: vscode.Uri) => PromiseLike<Uint8Array> = (uri) => vscode.workspace.fs.readFile(uri),
): Promise<ChunkExports> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', file);
  let source: string;
  try {
    source = new TextDecoder().decode(await read(uri));
  } catch (err) {
    throw new Error(`could not read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return evaluateChunk(source, uri.toString(true), file, vscode, modules);
}
