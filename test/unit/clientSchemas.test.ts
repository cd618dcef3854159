// Validation of OpenRouter responses (schemas.ts) and the error helpers (errors.ts), without HTTP.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseActivityResponse,
  parseCreditsResponse,
  parseErrorEnvelope,
  parseKeyResponse,
  parseModelOrder,
  parseModelsResponse,
  parseRankingsDaily,
} from '../../src/core/openrouter/schemas';
import { OpenRouterError, kindForStatus, sanitizeServerText, toErrorInfo } from '../../src/core/openrouter/errors';

const modelsText = readFileSync(new URL('../fixtures/openrouter/models-2026-07-29.json', import.meta.url), 'utf8');
const rankingsText = readFileSync(new URL('../fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json', import.meta.url), 'utf8');
type RawModel = Record<string, unknown> & { id: string; pricing: Record<string, unknown> };
const freshModels = (): { data: RawModel[] } => JSON.parse(modelsText) as { data: RawModel[] };

function ok<T>(result: { ok: true; value: T } | { ok: false; path: string; message: string }): T {
  if (!result.ok) throw new Error(`expected ok, failed at ${result.path}: ${result.message}`);
  return result.value;
}

describe('/models', () => {
  it('validates every entry of the real capture and keeps what the catalog needs', () => {
    const parsed = ok(parseModelsResponse(JSON.parse(modelsText)));
    expect(parsed.models).toHaveLength(367);
    expect(parsed.dropped).toBe(0);
    const routers = parsed.models.filter((m) => m.pricing.prompt === '-1').map((m) => m.id);
    expect(routers).toContain('openrouter/auto');
    const withOverrides = parsed.models.find((m) => (m.pricing.overrides ?? []).length > 0);
    expect(withOverrides?.pricing.overrides?.[0]).toHaveProperty('prompt');
    expect(parsed.models.some((m) => m.benchmarks?.artificial_analysis?.coding_index !== undefined)).toBe(true);
  });

  it('drops one bad entry, counts it and names its path; the rest survive', () => {
    const raw = freshModels();
    raw.data[3]!.pricing.prompt = 'abc';
    raw.data[7]!.pricing.completion = 0.0001; // a number where a decimal string is required
    delete (raw.data[9] as Partial<RawModel>).id;
    const parsed = ok(parseModelsResponse(raw));
    expect(parsed.models).toHaveLength(364);
    expect(parsed.dropped).toBe(3);
    expect(parsed.firstDropPath).toBe('data[3].pricing.prompt');
    expect(parsed.models.map((m) => m.id)).not.toContain(JSON.parse(modelsText).data[3].id);
  });

  it('refuses the response when the top-level shape is wrong, naming the path', () => {
    expect(parseModelsResponse({ models: [] })).toMatchObject({ ok: false, path: 'data' });
    expect(parseModelsResponse([])).toMatchObject({ ok: false });
    expect(parseModelsResponse(null)).toMatchObject({ ok: false });
  });

  it('refuses a list in which no entry validates (drift), rather than reading it as empty', () => {
    const raw = freshModels();
    for (const m of raw.data) m.pricing = { input: m.pricing.prompt } as Record<string, unknown>;
    expect(parseModelsResponse(raw)).toMatchObject({ ok: false, path: 'data[0].pricing.prompt' });
    expect(ok(parseModelsResponse({ data: [] })).models).toEqual([]);
  });

  it('is lenient with what it does not rely on: unknown keys, nulls and odd types of optional fields', () => {
    const raw = freshModels();
    const m = raw.data[0];
    m!.description = 42;
    m!.context_length = 'long';
    m!.architecture = 'text';
    m!.brand_new_field = { anything: true };
    m!.expiration_date = null;
    m!.pricing.discount = 'ten percent';
    const parsed = ok(parseModelsResponse({ data: [m] }));
    expect(parsed.dropped).toBe(0);
    const model = parsed.models[0];
    expect(model!.description).toBeUndefined();
    expect(model!.context_length).toBeUndefined();
    expect(model!.architecture).toBeUndefined();
    expect(model!.expiration_date).toBeNull();
    expect(model!.pricing.discount).toBeUndefined();
    expect(model).not.toHaveProperty('brand_new_field');
  });

  it('accepts pagination fields when present (newer responses) and absent (older captures)', () => {
    const parsed = ok(parseModelsResponse({ data: [], total_count: 400, links: { next: '/api/v1/models?offset=500&limit=500' } }));
    expect(parsed).toMatchObject({ totalCount: 400, nextLink: '/api/v1/models?offset=500&limit=500' });
  });

  it('reads the top-weekly order from ids only', () => {
    const order = ok(parseModelOrder({ data: [{ id: 'b/x' }, { id: '' }, { id: 'a/y', pricing: 'odd' }] }));
    expect(order).toEqual({ ids: ['b/x', 'a/y'], dropped: 1, firstDropPath: 'data[1].id' });
  });
});

describe('/datasets/rankings-daily', () => {
  it('validates the capture and keeps token totals as exact strings', () => {
    const parsed = ok(parseRankingsDaily(JSON.parse(rankingsText)));
    expect(parsed.response.data).toHaveLength(1071);
    expect(parsed.response.meta.as_of).toBe('2026-07-26T23:59:59Z');
    const huge = ok(parseRankingsDaily({ data: [{ date: '2026-07-26', model_permaslug: 'a/b', total_tokens: '123456789012345678901' }], meta: { as_of: 'x' } }));
    expect(huge.response.data[0]!.total_tokens).toBe('123456789012345678901');
  });

  it('drops rows whose tokens are not decimal digits, and needs meta.as_of for the citation', () => {
    const rows = [
      { date: '2026-07-26', model_permaslug: 'a/b', total_tokens: '10' },
      { date: '2026-07-26', model_permaslug: 'a/c', total_tokens: 10 },
      { date: '2026-07-26', model_permaslug: 'a/d', total_tokens: '1e3' },
      { date: '26/07/2026', model_permaslug: 'a/e', total_tokens: '10' },
    ];
    const parsed = ok(parseRankingsDaily({ data: rows, meta: { as_of: '2026-07-26T00:00:00Z' } }));
    expect(parsed.response.data.map((r) => r.model_permaslug)).toEqual(['a/b']);
    expect(parsed).toMatchObject({ dropped: 3, firstDropPath: 'data[1].total_tokens' });
    expect(parseRankingsDaily({ data: [] })).toMatchObject({ ok: false, path: 'meta' });
  });
});

describe('/key, /credits, /activity', () => {
  it('reads an older /key response without the usage_daily family', () => {
    const legacy = { data: { label: 'sk-or-v1-abc...xyz', limit: null, usage: 3.2, is_provisioning_key: false, limit_remaining: null, is_free_tier: true, rate_limit: { requests: 10, interval: '10s' } } };
    const key = ok(parseKeyResponse(legacy));
    expect(key).toMatchObject({ label: 'sk-or-v1-abc...xyz', limit: null, usage: 3.2, is_free_tier: true });
    expect(key.usage_daily).toBeUndefined();
    expect(key.is_management_key).toBeUndefined();
  });

  it('reads a null where a number is documented as absent, and refuses a missing usage', () => {
    expect(ok(parseKeyResponse({ data: { label: 'k', limit: 5, usage: 1, usage_daily: null } })).usage_daily).toBeUndefined();
    expect(parseKeyResponse({ data: { label: 'k', limit: 5 } })).toMatchObject({ ok: false, path: 'data.usage' });
    expect(parseKeyResponse({ data: { label: 'k', limit: '5', usage: 1 } })).toMatchObject({ ok: false, path: 'data.limit' });
  });

  it('reads /credits strictly', () => {
    expect(ok(parseCreditsResponse({ data: { total_credits: 0, total_usage: 0 } }))).toEqual({ total_credits: 0, total_usage: 0 });
    expect(parseCreditsResponse({ data: { total_credits: '150' } })).toMatchObject({ ok: false, path: 'data.total_credits' });
  });

  it('reads /activity rows, dropping malformed ones', () => {
    const good = { date: '2025-08-24', model: 'openai/gpt-4.1', model_permaslug: 'openai/gpt-4.1-2025-04-14', endpoint_id: 'e', provider_name: 'OpenAI', usage: 0.015, byok_usage_inference: 0.012, requests: 5, prompt_tokens: 50, completion_tokens: 125, reasoning_tokens: 25 };
    const parsed = ok(parseActivityResponse({ data: [good, { ...good, usage: '0.015' }] }));
    expect(parsed.items).toEqual([good]);
    expect(parsed).toMatchObject({ dropped: 1, firstDropPath: 'data[1].usage' });
  });
});

describe('never throws on arbitrary input', () => {
  it('every parser returns a result for any JSON value', () => {
    const parsers = [parseModelsResponse, parseModelOrder, parseRankingsDaily, parseKeyResponse, parseCreditsResponse, parseActivityResponse, parseErrorEnvelope];
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const parse of parsers) parse(value);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'pricing', 'prompt', 'completion', 'data'), fc.jsonValue())), (entries) => {
        const result = parseModelsResponse({ data: entries });
        if (result.ok) expect(result.value.models.length + result.value.dropped).toBe(entries.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('errors', () => {
  it('decides the kind by status first, then error_type, never by message', () => {
    expect(kindForStatus(401)).toBe('unauthorized');
    expect(kindForStatus(402)).toBe('paymentRequired');
    expect(kindForStatus(403, 'rate_limit_exceeded')).toBe('forbidden');
    expect(kindForStatus(404)).toBe('notFound');
    expect(kindForStatus(408)).toBe('timeout');
    expect(kindForStatus(429)).toBe('rateLimited');
    expect(kindForStatus(524)).toBe('server');
    expect(kindForStatus(400, 'rate_limit_exceeded')).toBe('rateLimited');
    expect(kindForStatus(400, 'authentication')).toBe('unauthorized');
    expect(kindForStatus(400)).toBe('config');
    expect(kindForStatus(418, 'something_new')).toBe('config');
    expect(kindForStatus(200)).toBe('badResponse');
  });

  it('reads the error envelope, tolerating missing parts', () => {
    expect(parseErrorEnvelope({ error: { code: 429, message: 'Rate limit exceeded', metadata: { error_type: 'rate_limit_exceeded' } } })).toEqual({
      code: 429,
      message: 'Rate limit exceeded',
      errorType: 'rate_limit_exceeded',
    });
    expect(parseErrorEnvelope({ error: { message: 'x', metadata: null } })).toEqual({ message: 'x' });
    expect(parseErrorEnvelope('<html>')).toBeNull();
  });

  it('OpenRouterError.is checks the kind, and works on errors from another bundle', () => {
    const err = new OpenRouterError({ kind: 'rateLimited', message: '/api/v1/key: slow down.', status: 429, retryAfterMs: 5000 });
    expect(OpenRouterError.is(err)).toBe(true);
    expect(OpenRouterError.is(err, 'rateLimited')).toBe(true);
    expect(OpenRouterError.is(err, 'server')).toBe(false);
    expect(OpenRouterError.is(new Error('x'))).toBe(false);
    expect(OpenRouterError.is({ name: 'OpenRouterError', kind: 'offline', message: 'm' }, 'offline')).toBe(true);
    expect(OpenRouterError.is({ name: 'OpenRouterError', kind: 'bogus' })).toBe(false);
    expect(err.toErrorInfo()).toEqual({ kind: 'rateLimited', message: '/api/v1/key: slow down.', status: 429, retryAfterMs: 5000 });
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ kind: 'rateLimited', message: '/api/v1/key: slow down.' });
    expect(toErrorInfo(new TypeError('boom'))).toMatchObject({ kind: 'badResponse' });
  });

  it('removes key-like text from server messages and keeps them short', () => {
    expect(sanitizeServerText('bad key sk-or-v1-abcdef0123 here')).toBe('bad key [redacted] here');
    expect(sanitizeServerText('got my-secret-value', ['my-secret-value'])).toBe('got [redacted]');
    expect(sanitizeServerText('Authorization: Bearer abc.def')).toBe('Authorization: [redacted]');
    expect(sanitizeServerText('x'.repeat(500))).toHaveLength(200);
  });
});
