// Which host outputs load to start and which load later, from the host build's esbuild metafile
// (esbuild.mjs writes dist/host-meta.json): dist/main.mjs and every chunk reachable from it through static imports
// load when the entry starts the composition root; chunks reached only through import() are deferred.
import { existsSync, readFileSync } from 'node:fs';

/**
 * @param {{ outputs: Record<string, { bytes: number; entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[] }> }} metafile
 * @returns {{ start: { file: string; bytes: number }[]; deferred: { file: string; bytes: number }[]; startBytes: number; deferredBytes: number }}
 */
export function splitHostOutputs(metafile) {
  const outputs = metafile.outputs;
  const js = Object.keys(outputs).filter((f) => f.endsWith('.mjs') || f.endsWith('.js'));
  const entry = js.find((f) => outputs[f].entryPoint !== undefined);
  if (entry === undefined) throw new Error('host metafile: no entry output');
  const start = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const imp of outputs[file].imports) {
      if (imp.external || imp.kind !== 'import-statement' || !(imp.path in outputs) || start.has(imp.path)) continue;
      start.add(imp.path);
      queue.push(imp.path);
    }
  }
  const row = (file) => ({ file, bytes: outputs[file].bytes });
  const startRows = js.filter((f) => start.has(f)).map(row);
  const deferredRows = js.filter((f) => !start.has(f)).map(row);
  const sum = (rows) => rows.reduce((n, r) => n + r.bytes, 0);
  return { start: startRows, deferred: deferredRows, startBytes: sum(startRows), deferredBytes: sum(deferredRows) };
}

/** The split of a built host, or null when the metafile is missing. */
export function hostLoadSplit(metaPath) {
  if (!existsSync(metaPath)) return null;
  return splitHostOutputs(JSON.parse(readFileSync(metaPath, 'utf8')));
}
