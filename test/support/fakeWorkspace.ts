// A one-folder workspace (`/ws`) on the shared fake VS Code, and the reference index registered over it: the
// set-up every host test of model references shares.
import { readFileSync } from 'node:fs';
import * as fake from './fakeVscode';
import { buildCatalog } from '../../src/core/market/catalog';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import { registerModelReferences, type ModelReferences } from '../../src/host/modelRefs/register';
import type { ModelRefsSettings } from '../../src/host/modelRefs/workspaceIndex';
import type { Snapshot } from '../../src/shared/types';
import { liveSnapshot } from './snapshotBuilders';
import { MODELS_FIXTURE } from '../unit/refsFixtureCatalog';

/** The scan and surfaces as a user who changed nothing has them. */
export const DEFAULT_REFS_SETTINGS: ModelRefsSettings = { scanInclude: [], scanExclude: [], maxFileBytes: 1024 * 1024, codeLensConfig: true, codeLensCode: false, diagnostics: true };

/**
 * Makes `/ws` the open folder: `findFiles` lists `paths()`, `fs.readFile` reads `read(path)` (undefined: ENOENT).
 * `more` adds or replaces workspace members (applyEdit, openTextDocument, a counting findFiles).
 */
export function useFakeWorkspace(
  files: { paths: () => readonly string[]; read: (path: string) => Uint8Array | string | undefined },
  more: Record<string, unknown> = {},
): void {
  const folder = { uri: fake.Uri.file('/ws'), name: 'ws', index: 0 };
  Object.assign(fake.workspace, {
    workspaceFolders: [folder],
    getWorkspaceFolder: (uri: fake.Uri) => (uri.path.startsWith('/ws/') ? folder : undefined),
    asRelativePath: (uri: fake.Uri) => uri.path.replace(/^\/ws\//, ''),
    findFiles: async () => files.paths().map((p) => fake.Uri.file(p)),
    ...more,
  });
  Object.assign(fake.workspace.fs, {
    readFile: async (uri: fake.Uri) => {
      const content = files.read(uri.path);
      if (content === undefined) throw new Error('ENOENT');
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
  });
}

/** A live snapshot whose catalog is the real /models capture the refs tests use. */
export function fixtureCatalogSnapshot(): Snapshot {
  const models = buildCatalog((JSON.parse(readFileSync(MODELS_FIXTURE, 'utf8')) as { data: ApiModel[] }).data);
  return liveSnapshot({ catalog: { models, source: 'bundled', asOf: '2026-07-29T00:00:00Z' } });
}

/** The extension's model references over the fake workspace, as extension.ts registers them. */
export function registerTestReferences(snapshot: Snapshot, settings: ModelRefsSettings = DEFAULT_REFS_SETTINGS): ModelReferences {
  return registerModelReferences({
    context: fake.fakeExtensionContext() as never,
    log: fake.window.createOutputChannel('test') as never,
    snapshot: { current: () => snapshot, onDidChange: new fake.EventEmitter<Snapshot>().event as never },
    settings: { current: () => settings, onDidChange: new fake.EventEmitter<void>().event as never },
  });
}
