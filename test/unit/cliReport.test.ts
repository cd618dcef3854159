import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseReportArgs, runReport, type ReportIo } from '../../src/cli/report';
import { startFakeOpenRouter, INFERENCE_KEY, type FakeOpenRouter } from '../fake-openrouter/server';

// Independent of the module under test: the fixture, a hand-written region list, and plain reduces.
const fixture = JSON.parse(readFileSync(new URL('../fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json', import.meta.url), 'utf8')) as {
  data: { date: string; model_permaslug: string; total_tokens: string }[];
};
const models = (JSON.parse(readFileSync(new URL('../fixtures/openrouter/models-2026-07-29.json', import.meta.url), 'utf8')) as {
  data: { id: string; canonical_slug: string; pricing: { prompt: string; completion: string } }[];
}).data;
const CN_LABS = ['deepseek', 'qwen', 'moonshotai', 'z-ai', 'minimax', 'tencent', 'stepfun', 'xiaomi', 'inclusionai'];
const US_LABS = ['openai', 'google', 'anthropic', 'nvidia', 'poolside', 'x-ai', 'perplexity'];

function expected(labs: string[], top: number): { share: number; tokens: bigint; leaders: { permaslug: string; tokens: string }[] } {
  const rows = fixture.data.filter((r) => r.date >= '2026-07-20' && r.date <= '2026-07-26');
  const total = rows.reduce((s, r) => s + BigInt(r.total_tokens), 0n);
  const perModel = rows
    .filter((r) => labs.includes(r.model_permaslug.split('/')[0]!.toLowerCase()))
    .reduce((m, r) => {
      const slug = r.model_permaslug.toLowerCase().split(':')[0];
      m.set(slug!, (m.get(slug!) ?? 0n) + BigInt(r.total_tokens));
      return m;
    }, new Map<string, bigint>());
  const tokens = [...perModel.values()].reduce((a, b) => a + b, 0n);
  const leaders = [...perModel.entries()]
    .sort((a, b) => (a[1] > b[1] ? -1 : a[1] < b[1] ? 1 : 0))
    .slice(0, top)
    .map(([permaslug, t]) => ({ permaslug, tokens: t.toString() }));
  return { share: Number(tokens) / Number(total), tokens, leaders };
}

function capture(env: Record<string, string | undefined> = {}): ReportIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    now: () => Date.parse('2026-07-27T08:00:00Z'),
    out: () => out,
    err: () => err,
  };
}

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const WINDOW_ARGS = ['--from', '2026-07-20', '--to', '2026-07-26'];

describe('model-radar report against the fake OpenRouter', () => {
  it('prints one JSON object whose CN and US shares and leaders match an independent computation', async () => {
    const io = capture();
    const code = await runReport(['--base-url', fake.baseUrl, '--key', INFERENCE_KEY, ...WINDOW_ARGS, '--json'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(report.window).toEqual({ start: '2026-07-20', end: '2026-07-26' });
    expect(report.source.baseUrl).toBe(fake.baseUrl);
    expect(report.source.citation).toMatch(/^Source: OpenRouter \(openrouter\.ai\/rankings\), as of .+\.$/);
    for (const [region, labs] of [['CN', CN_LABS], ['US', US_LABS]] as const) {
      const want = expected(labs, 5);
      const got = report.regions.find((r: { region: string }) => r.region === region);
      expect(got.tokens).toBe(want.tokens.toString());
      expect(got.share).toBeCloseTo(want.share, 12);
      expect(got.leaders.map((l: { permaslug: string; tokens: string }) => ({ permaslug: l.permaslug, tokens: l.tokens }))).toEqual(want.leaders);
      for (const l of got.leaders) {
        const m = models.find((x) => x.id === l.id);
        if (l.pricePerMillion !== null) {
          expect(m).toBeDefined();
          expect(l.pricePerMillion.input).toBeCloseTo(Number(m?.pricing.prompt) * 1e6, 12);
          expect(l.pricePerMillion.output).toBeCloseTo(Number(m?.pricing.completion) * 1e6, 12);
        }
      }
    }
    expect(report.regions.find((r: { region: string }) => r.region === 'CN').share).toBeGreaterThan(report.regions.find((r: { region: string }) => r.region === 'US').share);
  });

  it('runs the acceptance command as written (report --json --key test --from 2026-07-20 --to 2026-07-26)', async () => {
    const io = capture();
    expect(await runReport(['--json', '--base-url', fake.baseUrl, '--key', 'test', '--from', '2026-07-20', '--to', '2026-07-26'], io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.window).toEqual({ start: '2026-07-20', end: '2026-07-26' });
    expect(out.regions.map((r: { region: string }) => r.region)).toContain('CN');
  });

  it('honours --top and reads the key from OPENROUTER_API_KEY', async () => {
    const io = capture({ OPENROUTER_API_KEY: INFERENCE_KEY });
    expect(await runReport([`--base-url=${fake.baseUrl}`, ...WINDOW_ARGS, '--top=2', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.regions.find((r: { region: string }) => r.region === 'US').leaders).toHaveLength(2);
    expect(report.regions.find((r: { region: string }) => r.region === 'CN').leaders.map((l: { permaslug: string }) => l.permaslug)).toEqual(expected(CN_LABS, 2).leaders.map((l) => l.permaslug));
  });

  it('prints a readable table by default, over the last 7 completed days', async () => {
    const io = capture({ OPENROUTER_API_KEY: INFERENCE_KEY });
    expect(await runReport(['--base-url', fake.baseUrl], io)).toBe(0);
    expect(io.out()).toContain('2026-07-20 .. 2026-07-26 (7 days, UTC)');
    expect(io.out()).toContain('China (CN): top 5');
    expect(io.out()).toContain('Source: OpenRouter (openrouter.ai/rankings)');
    expect(fake.requests.some((r) => r.path.includes('start_date=2026-07-20') && r.path.includes('end_date=2026-07-26'))).toBe(true);
  });

  it('fails with one line on stderr for a rejected key', async () => {
    const io = capture();
    expect(await runReport(['--base-url', fake.baseUrl, '--key', 'sk-or-v1-wrong', ...WINDOW_ARGS, '--json'], io)).not.toBe(0);
    expect(io.out()).toBe('');
    expect(io.err().trimEnd().split('\n')).toHaveLength(1);
    expect(io.err()).not.toContain('sk-or-v1-wrong');
  });

  it('fails with one line on stderr for a bad response', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 'drift' });
    const io = capture();
    expect(await runReport(['--base-url', fake.baseUrl, '--key', INFERENCE_KEY, ...WINDOW_ARGS, '--json'], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err().trimEnd().split('\n')).toHaveLength(1);
  });

  it('fails with one line on stderr when the host is unreachable', async () => {
    const closed = await startFakeOpenRouter();
    const url = closed.baseUrl;
    await closed.close();
    const io = capture();
    expect(await runReport(['--base-url', url, '--key', INFERENCE_KEY, ...WINDOW_ARGS], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err().trimEnd().split('\n')).toHaveLength(1);
    expect(io.err()).not.toContain(INFERENCE_KEY);
  });

  it('falls back to the bundled catalog when only the model list fails', async () => {
    fake.setFault({ endpoint: 'models', fault: 500 });
    const io = capture();
    expect(await runReport(['--base-url', fake.baseUrl, '--key', INFERENCE_KEY, ...WINDOW_ARGS, '--json'], io)).toBe(0);
    expect(io.err()).toContain('bundled 2026-07-29 snapshot');
    const report = JSON.parse(io.out());
    expect(report.regions[0].leaders[0].id).not.toBeNull();
  });
});

describe('argument checking', () => {
  it.each([
    [['--from', '2026-07-20'], '--from and --to go together'],
    [['--from', '2026-07-20', '--to', '2026-07-32'], 'YYYY-MM-DD'],
    [['--from', '2026-07-26', '--to', '2026-07-20'], 'on or before'],
    [['--from', '2024-01-01', '--to', '2026-01-01'], '366'],
    [['--top', '0'], '--top'],
    [['--top', 'x'], '--top'],
    [['--top'], 'needs a value'],
    [['--bogus'], 'unknown argument'],
  ])('rejects %j', async (argv, message) => {
    const io = capture({ OPENROUTER_API_KEY: INFERENCE_KEY });
    expect(await runReport(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.out()).toBe('');
  });

  it('asks for a key when there is none, and prints help on --help', async () => {
    const io = capture();
    expect(await runReport(['--base-url', 'http://127.0.0.1:9/api/v1'], io)).toBe(2);
    expect(io.err()).toContain('OPENROUTER_API_KEY');
    const help = capture();
    expect(await runReport(['--help'], help)).toBe(0);
    expect(help.out()).toContain('usage: model-radar report');
  });

  it('defaults to openrouter.ai and 5 leaders', () => {
    const r = parseReportArgs(['--key', 'k'], {});
    expect(r).toEqual({ ok: true, args: { baseUrl: 'https://openrouter.ai/api/v1', key: 'k', from: null, to: null, top: 5, json: false } });
  });
});
