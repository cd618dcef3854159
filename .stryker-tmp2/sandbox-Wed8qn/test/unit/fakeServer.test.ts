// The fake OpenRouter itself, over plain fetch: what it serves, its rules, faults and the HTTP control API
// that out-of-process users (e2e, demo) rely on.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_MODEL_IDS, buildActivity } from '../fake-openrouter/builders';
import { loadFixtures } from '../fake-openrouter/fixtures';
import { INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';

const NOW = new Date('2026-07-29T08:30:00Z');
const rankings = JSON.parse(readFileSync(new URL('../fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json', import.meta.url), 'utf8')) as {
  data: { date: string; model_permaslug: string; total_tokens: string }[];
};

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => NOW });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
});

const bearer = (key: string): RequestInit => ({ headers: { Authorization: `Bearer ${key}` } });
async function get(path: string, init?: RequestInit): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(`${fake.baseUrl}${path}`, init);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null, headers: res.headers };
}
async function control(action: string, body: unknown): Promise<number> {
  const res = await fetch(`${fake.url}/__fake/${action}`, { method: 'POST', body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

describe('serving', () => {
  it('listens on loopback with an ephemeral port', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.baseUrl).toBe(`${fake.url}/api/v1`);
  });

  it('serves the /models capture as captured, whatever the key', async () => {
    const capture = JSON.parse(readFileSync(new URL('../fixtures/openrouter/models-2026-07-29.json', import.meta.url), 'utf8')) as {
      data: { architecture: { output_modalities: string[] } }[];
    };
    expect((await get('/models')).json).toEqual(capture);
    expect((await get('/models', bearer('sk-or-v1-unknown'))).status).toBe(200);
    expect((await get('/models?output_modalities=text,image')).json).toEqual(capture);
    const audio = capture.data.filter((m) => m.architecture.output_modalities.includes('audio'));
    expect(audio.length).toBeGreaterThan(0);
    expect(((await get('/models?output_modalities=audio')).json as { data: unknown[] }).data).toEqual(audio);
    expect(((await get('/models?output_modalities=embeddings')).json as { data: unknown[] }).data).toEqual([]);
    expect((await get('/models/count')).json).toEqual({ data: { count: 367 } });
  });

  it('defaults rankings-daily to the 30 days ending at the capture’s last day', async () => {
    const { json } = await get('/datasets/rankings-daily', bearer(INFERENCE_KEY));
    const body = json as { data: unknown[]; meta: { start_date: string; end_date: string } };
    expect(body.meta).toMatchObject({ start_date: '2026-06-27', end_date: '2026-07-26' });
    expect(body.data).toHaveLength(rankings.data.length);
  });

  it('filters rankings-daily inclusively and validates dates and span', async () => {
    const { json } = await get('/datasets/rankings-daily?start_date=2026-07-25&end_date=2026-07-26', bearer(MANAGEMENT_KEY));
    const rows = (json as { data: { date: string }[] }).data;
    expect(rows).toEqual(rankings.data.filter((r) => r.date === '2026-07-25' || r.date === '2026-07-26'));
    expect((await get('/datasets/rankings-daily?start_date=2026-07-27&end_date=2026-07-26', bearer(INFERENCE_KEY))).status).toBe(400);
    expect((await get('/datasets/rankings-daily?start_date=2026-13-01', bearer(INFERENCE_KEY))).status).toBe(400);
    expect((await get('/datasets/rankings-daily?start_date=2025-07-25&end_date=2026-07-26', bearer(INFERENCE_KEY))).status).toBe(400);
    const clamped = await get('/datasets/rankings-daily?start_date=2024-06-01&end_date=2025-06-01', bearer(INFERENCE_KEY));
    expect((clamped.json as { meta: { start_date: string } }).meta.start_date).toBe('2025-01-01');
  });

  it('gates key endpoints: missing or unknown key → 401 with OpenRouter’s envelope', async () => {
    for (const path of ['/key', '/credits', '/activity', '/datasets/rankings-daily']) {
      const missing = await get(path);
      expect(missing.status).toBe(401);
      expect(missing.json).toMatchObject({ error: { code: 401, metadata: { error_type: 'authentication' } } });
      expect((await get(path, bearer('sk-or-v1-nope'))).status).toBe(401);
    }
  });

  it('answers /credits and /activity for the management key only', async () => {
    expect((await get('/credits', bearer(MANAGEMENT_KEY))).json).toEqual({ data: { total_credits: 150, total_usage: 42.25 } });
    const forbidden = await get('/credits', bearer(INFERENCE_KEY));
    expect(forbidden).toMatchObject({ status: 403, json: { error: { code: 403, message: 'Only management keys can perform this operation' } } });
    expect((await get('/activity', bearer(INFERENCE_KEY))).status).toBe(403);
  });

  it('builds 30 completed UTC days of activity from real models, deterministically', async () => {
    const { json } = await get('/activity', bearer(MANAGEMENT_KEY));
    const rows = (json as { data: { date: string; model: string; usage: number; prompt_tokens: number }[] }).data;
    const days = [...new Set(rows.map((r) => r.date))].sort();
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2026-06-29');
    expect(days.at(-1)).toBe('2026-07-28');
    const ids = new Set(loadFixtures().models.map((m) => m.id));
    expect(rows.every((r) => ids.has(r.model) && (ACTIVITY_MODEL_IDS as readonly string[]).includes(r.model))).toBe(true);
    expect(rows.every((r) => r.usage > 0 && Number.isInteger(r.prompt_tokens))).toBe(true);
    expect(rows).toEqual(buildActivity({ models: loadFixtures().models, now: NOW }));
    expect((await get('/activity?date=2026-07-29', bearer(MANAGEMENT_KEY))).status).toBe(400);
    expect((await get('/activity?date=2026-06-28', bearer(MANAGEMENT_KEY))).status).toBe(400);
  });

  it('404s unknown paths and 405s other methods, with the envelope', async () => {
    expect((await get('/nope')).status).toBe(404);
    const res = await fetch(`${fake.baseUrl}/models`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ error: { code: 405 } });
  });
});

describe('faults and state', () => {
  it('heals after `times` requests, and faults only its endpoint', async () => {
    fake.setFault({ endpoint: 'key', fault: 500, times: 2 });
    expect((await get('/models')).status).toBe(200);
    expect((await get('/key', bearer(INFERENCE_KEY))).status).toBe(500);
    expect((await get('/key', bearer(INFERENCE_KEY))).status).toBe(500);
    expect((await get('/key', bearer(INFERENCE_KEY))).status).toBe(200);
    expect(fake.requests.map((r) => [r.endpoint, r.status, r.fault])).toEqual([
      ['models', 200, null],
      ['key', 500, 500],
      ['key', 500, 500],
      ['key', 200, null],
    ]);
  });

  it('sends Retry-After and rate-limit headers on 429', async () => {
    fake.setFault({ fault: 429, retryAfter: 'Wed, 29 Jul 2026 08:31:00 GMT' });
    const res = await get('/models');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('Wed, 29 Jul 2026 08:31:00 GMT');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.json).toMatchObject({ error: { metadata: { error_type: 'rate_limit_exceeded' } } });
  });

  it('huge: a valid JSON body of more than 10 MB', async () => {
    fake.setFault({ endpoint: 'credits', fault: 'huge', times: 1 });
    const res = await fetch(`${fake.baseUrl}/credits`, bearer(MANAGEMENT_KEY));
    const text = await res.text();
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    expect((JSON.parse(text) as { data: unknown }).data).toEqual({ total_credits: 150, total_usage: 42.25 });
  });

  it('records whether a key was sent and which, never the key', async () => {
    await get('/key', bearer(MANAGEMENT_KEY));
    await get('/models', { headers: { 'X-OpenRouter-Title': 'Model Radar' } });
    expect(fake.requests[0]).toMatchObject({ auth: true, keyRole: 'management' });
    expect(fake.requests[1]).toMatchObject({ auth: false, keyRole: null, title: 'Model Radar' });
    expect(JSON.stringify(fake.requests)).not.toContain('sk-or-v1-test');
  });
});

describe('HTTP control API', () => {
  it('sets and clears faults, merges key data and credits, lists requests', async () => {
    expect(await control('fault', { endpoint: 'rankings', fault: 503, times: 1 })).toBe(200);
    expect((await get('/datasets/rankings-daily', bearer(INFERENCE_KEY))).status).toBe(503);
    expect(await control('fault', { fault: 'html' })).toBe(200);
    expect(await control('clear', {})).toBe(200);
    expect((await get('/models')).status).toBe(200);

    expect(await control('key', { key: 'inference', usage_daily: 9.99 })).toBe(200);
    expect((await get('/key', bearer(INFERENCE_KEY))).json).toMatchObject({ data: { usage_daily: 9.99, limit: 100 } });
    expect(await control('key', { key: 'sk-or-v1-extra-management', is_management_key: true, label: 'extra' })).toBe(200);
    expect((await get('/credits', bearer('sk-or-v1-extra-management'))).status).toBe(200);

    expect(await control('credits', { total_usage: 149.5, inferenceKey: 'zeros' })).toBe(200);
    expect((await get('/credits', bearer(MANAGEMENT_KEY))).json).toEqual({ data: { total_credits: 150, total_usage: 149.5 } });
    expect((await get('/credits', bearer(INFERENCE_KEY))).json).toEqual({ data: { total_credits: 0, total_usage: 0 } });

    const listed = (await (await fetch(`${fake.url}/__fake/requests`)).json()) as { requests: { path: string }[] };
    expect(listed.requests.map((r) => r.path)).toContain('/api/v1/datasets/rankings-daily');
    expect(listed.requests.some((r) => r.path.startsWith('/__fake'))).toBe(false);

    expect(await control('reset', {})).toBe(200);
    expect((await get('/key', bearer(INFERENCE_KEY))).json).toMatchObject({ data: { usage_daily: 0.87 } });
    expect((await get('/credits', bearer('sk-or-v1-extra-management'))).status).toBe(401);
  });

  it('refuses malformed control requests', async () => {
    expect(await control('fault', { fault: 'explode' })).toBe(400);
    expect(await control('fault', { fault: 500, endpoint: 'nowhere' })).toBe(400);
    expect(await control('fault', { fault: 500, times: 0 })).toBe(400);
    expect(await control('credits', { total_credits: 'lots' })).toBe(400);
    expect(await control('unknown', {})).toBe(404);
    const res = await fetch(`${fake.url}/__fake/fault`, { method: 'POST', body: 'not json' });
    expect(res.status).toBe(400);
    await res.text();
  });
});

describe('lifecycle', () => {
  it('close() ends pending slow responses and frees the port', async () => {
    const other = await startFakeOpenRouter({ slowMs: 60_000 });
    const pending = fetch(`${other.baseUrl}/models`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    other.setFault({ fault: 'slow' });
    const slow = fetch(`${other.baseUrl}/models`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pending).toBe('answered');
    expect(await slow).toBe('failed');
    await expect(fetch(`${other.baseUrl}/models`)).rejects.toThrow();
  });
});
