// The webview build: one module per view plus a shared chunk. The sidebar's page must not load the dashboard's
// code, and every file the host's HTML names must be what the build makes.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

interface WebviewBuildModule {
  webviewBuild(dev?: boolean): Parameters<typeof build>[0];
  WEBVIEW_FILES: string[];
}

async function buildWebview(): Promise<{ metafile: Metafile; files: string[] }> {
  const mod = (await import('../../esbuild.mjs' as string)) as WebviewBuildModule;
  const result = await build({ ...mod.webviewBuild(false), write: false, logLevel: 'silent' });
  return { metafile: result.metafile as Metafile, files: mod.WEBVIEW_FILES };
}

/** Source files that reach a page loading `entry` (the entry and the chunks it imports). */
function inputsOf(metafile: Metafile, entry: string): string[] {
  const out = metafile.outputs[entry];
  const chunks = [entry, ...out!.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)];
  return chunks.flatMap((c) => Object.keys(metafile.outputs[c]!.inputs));
}

describe('webview bundles', () => {
  it('keeps the dashboard out of the sidebar, and the sidebar sections out of the dashboard', async () => {
    const { metafile, files } = await buildWebview();
    expect(Object.keys(metafile.outputs).map((f) => f.replace('dist/webview/', '')).sort()).toEqual([...files].sort());
    const sidebar = inputsOf(metafile, 'dist/webview/sidebar.js');
    const dashboard = inputsOf(metafile, 'dist/webview/dashboard.js');
    expect(sidebar.some((f) => f.includes('webview/src/sections/LeadersSection'))).toBe(true);
    expect(sidebar.filter((f) => f.includes('webview/src/dashboard/'))).toEqual([]);
    expect(dashboard.some((f) => f.includes('webview/src/dashboard/Dashboard'))).toBe(true);
    expect(dashboard.filter((f) => /webview\/src\/(sections\/(LeadersSection|YourModelsSection))/.test(f))).toEqual([]);
    // React is in the shared chunk once, not copied into each view.
    const shared = Object.keys(metafile.outputs['dist/webview/shared.js']!.inputs);
    expect(shared.some((f) => f.includes('node_modules/react-dom/'))).toBe(true);
  }, 60_000);

  it('builds the stylesheet once for both views (two identical copies counted twice against the 450 KB)', async () => {
    const { metafile } = await buildWebview();
    const css = Object.keys(metafile.outputs).filter((f) => f.endsWith('.css'));
    expect(css).toEqual(['dist/webview/app.css']);
    expect(Object.keys(metafile.outputs['dist/webview/app.css']!.inputs)).toEqual(['webview/src/styles.css']);
  }, 60_000);
});
