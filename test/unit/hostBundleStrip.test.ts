// The host bundle carries the settings schema without its descriptions (esbuild.mjs, dropSettingDescriptions):
// VS Code shows them from package.json / package.nls.json, nothing reads them at run time, and they cost 2 KB of
// the host's 200 KB. Every description is stripped; the readers and the rest of the schema are not.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the host build strips the settings descriptions', () => {
  it('leaves no description text, and the schema still reads settings', async () => {
    const { dropSettingDescriptions } = (await import(pathToFileURL(resolve('esbuild.mjs')).href)) as { dropSettingDescriptions: Plugin };
    const bundle = async (plugins: Plugin[]): Promise<string> =>
      (await build({ entryPoints: ['src/core/service/settings.ts'], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'error', plugins })).outputFiles[0]?.text ?? '';
    const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    const descriptions = Object.entries(nls).filter(([k]) => k.endsWith('.markdownDescription')).map(([, v]) => v);
    expect(descriptions.length).toBeGreaterThan(15);
    const plain = await bundle([]);
    const stripped = await bundle([dropSettingDescriptions]);
    // Probe: without the plugin every description is there (escaped as esbuild writes it).
    for (const d of descriptions) expect(plain, d).toContain(JSON.stringify(d).slice(1, 30));
    for (const d of descriptions) expect(stripped, d).not.toContain(JSON.stringify(d).slice(1, 30));
    expect(stripped.length).toBeLessThan(plain.length - 2_000);
    expect(stripped).toContain('modelRadar.budget.daily');
  }, 60_000);
});
