// `model-radar watch`: the changes the editor's watch recorded, from the history file given or the default location,
// filtered by --since, watched models only unless --all; unreadable or newer files are said, not guessed at.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHistoryPaths, parseSince, runWatch } from '../../src/cli/watch';
import { emptyHistory, recordCatalog, serializeHistory, type CatalogHistory } from '../../src/core/watch/history';
import type { CatalogModel } from '../../src/shared/types';
import { fixtureCatalog } from './refsFixtureCatalog';

let dir: string;
let file: string;
let history: CatalogHistory;
const T0 = Date.parse('2026-07-20T10:00:00Z');
const DAY = 86_400_000;

function io(env: Record<string, string> = {}, home?: string): { out: string[]; err: string[]; io: Parameters<typeof runWatch>[1] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env, platform: 'linux', home: home ?? dir } };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-watch-'));
  const models = [...fixtureCatalog().all];
  const set = (id: string, c: Partial<CatalogModel>): CatalogModel[] => models.map((m) => (m.id === id ? { ...m, ...c } : m));
  let h = recordCatalog(emptyHistory(), models, T0).history;
  const pro = fixtureCatalog().get('deepseek/deepseek-v4-pro')!;
  h = recordCatalog(h, set(pro.id, { price: { ...pro.price, input: 0.3, output: 0.6 } }), T0 + DAY).history;
  h = recordCatalog(h, set(pro.id, { price: { ...pro.price, input: 0.3, output: 0.6 } }).map((m) => (m.id === 'anthropic/claude-sonnet-4.5' ? { ...m, expirationDate: '2026-08-12' } : m)), T0 + 5 * DAY).history;
  history = { ...h, watched: ['deepseek/deepseek-v4-pro'] };
  file = join(dir, 'catalog-history.json');
  writeFileSync(file, serializeHistory(history));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('model-radar watch', () => {
  it('--json prints the watched changes of the file given, newest first', () => {
    const r = io();
    expect(runWatch(['--json', '--file', file], r.io)).toBe(0);
    const json = JSON.parse(r.out.join('')) as { changes: { kind: string; modelId: string }[]; scope: string; since: string };
    expect(json.scope).toBe('watched');
    expect(json.since).toBe('2026-07-20T10:00:00.000Z');
    expect(json.changes).toEqual([history.changes.find((c) => c.modelId === 'deepseek/deepseek-v4-pro')]);
  });

  it('--all prints every change; --since keeps the later ones', () => {
    const all = io();
    runWatch(['--json', '--all', `--file=${file}`], all.io);
    expect((JSON.parse(all.out.join('')) as { changes: { modelId: string }[] }).changes.map((c) => c.modelId)).toEqual(['anthropic/claude-sonnet-4.5', 'deepseek/deepseek-v4-pro']);
    const since = io();
    runWatch(['--json', '--all', '--since', '2026-07-22', '--file', file], since.io);
    expect((JSON.parse(since.out.join('')) as { changes: { modelId: string }[] }).changes.map((c) => c.modelId)).toEqual(['anthropic/claude-sonnet-4.5']);
  });

  it('prints text lines through the shared formatter', () => {
    const r = io();
    expect(runWatch(['--all', '--file', file], r.io)).toBe(0);
    expect(r.out.join('')).toBe('2026-07-25  anthropic/claude-sonnet-4.5  expiration  no retirement date → Aug 12, 2026\n2026-07-21  deepseek/deepseek-v4-pro  price  $0.435 / $0.87 per 1M → $0.30 / $0.60 per 1M\n');
    const none = io();
    runWatch(['--since', '2026-08-01', '--file', file], none.io);
    expect(none.out.join('')).toBe('No changes to the 1 models you use since 2026-08-01 (history since 2026-07-20).\n');
  });

  it('reads the default location in the extension global storage', () => {
    const home = join(dir, 'home');
    const [first] = defaultHistoryPaths('linux', home, {});
    expect(first).toBe(join(home, '.config', 'Code', 'User', 'globalStorage', 'model-radar.model-radar', 'catalog-history.json'));
    mkdirSync(join(first!, '..'), { recursive: true });
    writeFileSync(first!, serializeHistory(history));
    const r = io({}, home);
    expect(runWatch(['--json'], r.io)).toBe(0);
    expect((JSON.parse(r.out.join('')) as { file: string }).file).toBe(first);
    expect(defaultHistoryPaths('win32', 'C:\\Users\\u', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })[0]).toContain('globalStorage');
  });

  it.each([
    ['a corrupt file', '{"version":1,', 'not a readable catalog history'],
    ['a newer version', JSON.stringify({ ...emptyHistory(), version: 2 }), 'written by a newer Model Radar'],
  ])('%s: exit 1 with what is wrong', (_what, content, says) => {
    const bad = join(dir, `bad-${Math.random()}.json`);
    writeFileSync(bad, content);
    const r = io();
    expect(runWatch(['--file', bad], r.io)).toBe(1);
    expect(r.err.join('')).toContain(says);
    expect(r.out).toEqual([]);
  });

  it('no history yet, or a missing file: exit 1 and where it looked', () => {
    const r = io({}, join(dir, 'nobody'));
    expect(runWatch([], r.io)).toBe(1);
    expect(r.err.join('')).toContain('no catalog history yet');
    const m = io();
    expect(runWatch(['--file', join(dir, 'missing.json')], m.io)).toBe(1);
  });

  it.each([['--since', 'yesterday'], ['--since', '2026-02-31'], ['--since'], ['--bogus'], ['--file']])('%j is a usage error', (...args) => {
    const r = io();
    expect(runWatch(args, r.io)).toBe(2);
    expect(r.err.join('')).toContain('usage: model-radar watch');
  });

  it('parses --since as a UTC day or an ISO time', () => {
    expect(parseSince('2026-07-22')).toBe(Date.parse('2026-07-22T00:00:00Z'));
    expect(parseSince('2026-07-22T12:00:00Z')).toBe(Date.parse('2026-07-22T12:00:00Z'));
    expect(parseSince('22/07/2026')).toBeNull();
  });
});
