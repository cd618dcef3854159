// src/core/openrouter/errors.ts case by case: the duck-typed check across bundles, what a foreign error keeps,
// the kind of every documented error_type and status edge, and the failure line a user reads.
import { describe, expect, it } from 'vitest';
import { OpenRouterError, describeFailure, kindForStatus, toErrorInfo } from '../../src/core/openrouter/errors';

describe('OpenRouterError', () => {
  it('is named, and serialises only the optional fields it was given', () => {
    const bare = new OpenRouterError({ kind: 'offline', message: 'x' });
    expect(bare.name).toBe('OpenRouterError');
    expect(bare.toJSON()).toEqual({ name: 'OpenRouterError', kind: 'offline', message: 'x' });
    const full = new OpenRouterError({ kind: 'rateLimited', message: 'slow down', status: 429, retryAfterMs: 2000, path: '/api/v1/key', detailPath: 'data[0]' });
    expect(full.toJSON()).toEqual({ name: 'OpenRouterError', kind: 'rateLimited', message: 'slow down', status: 429, retryAfterMs: 2000, path: '/api/v1/key', detailPath: 'data[0]' });
  });

  it('bounds its message', () => {
    expect(new OpenRouterError({ kind: 'server', message: 'y'.repeat(5000) }).message.length).toBeLessThanOrEqual(600);
  });

  it('recognises its own and same-named foreign errors of a known kind, nothing else', () => {
    expect(OpenRouterError.is(null)).toBe(false);
    expect(OpenRouterError.is('OpenRouterError')).toBe(false);
    expect(OpenRouterError.is(undefined)).toBe(false);
    expect(OpenRouterError.is({ kind: 'offline' })).toBe(false);
    expect(OpenRouterError.is({ name: 'OpenRouterError', kind: 'nonsense' })).toBe(false);
    expect(OpenRouterError.is({ name: 'OpenRouterError', kind: 5 })).toBe(false);
    expect(OpenRouterError.is({ name: 'OpenRouterError', kind: 'offline' })).toBe(true);
    expect(OpenRouterError.is(new OpenRouterError({ kind: 'server', message: 'm' }), 'server')).toBe(true);
    expect(OpenRouterError.is(new OpenRouterError({ kind: 'server', message: 'm' }), 'offline')).toBe(false);
  });
});

describe('toErrorInfo', () => {
  it('keeps kind, a clean message and numeric status and retry of a foreign error', () => {
    expect(toErrorInfo({ name: 'OpenRouterError', kind: 'rateLimited', message: 'wait', status: 429, retryAfterMs: 5 })).toEqual({ kind: 'rateLimited', message: 'wait', status: 429, retryAfterMs: 5 });
    expect(toErrorInfo({ name: 'OpenRouterError', kind: 'server', message: 'm', status: '500', retryAfterMs: '1' })).toEqual({ kind: 'server', message: 'm' });
  });
  it('turns anything else into a generic badResponse', () => {
    expect(toErrorInfo(new Error('secret detail'))).toEqual({ kind: 'badResponse', message: 'Unexpected internal error while reading OpenRouter data.' });
  });
});

describe('kindForStatus', () => {
  it('reads 5xx as server up to 599 only, other 4xx as config up to 499 only', () => {
    expect(kindForStatus(500)).toBe('server');
    expect(kindForStatus(599)).toBe('server');
    expect(kindForStatus(600)).toBe('badResponse');
    expect(kindForStatus(400)).toBe('config');
    expect(kindForStatus(499)).toBe('config');
    expect(kindForStatus(200)).toBe('badResponse');
  });
  it.each([
    ['authentication', 'unauthorized'], ['permission_denied', 'forbidden'], ['payment_required', 'paymentRequired'],
    ['rate_limit_exceeded', 'rateLimited'], ['provider_overloaded', 'server'], ['provider_unavailable', 'server'],
    ['server', 'server'], ['timeout', 'timeout'], ['not_found', 'notFound'], ['invalid_request', 'config'],
    ['precondition_failed', 'config'], ['payload_too_large', 'config'], ['unprocessable', 'config'],
  ])('maps error_type %s on a 200 to %s', (type, kind) => {
    expect(kindForStatus(200, type)).toBe(kind);
  });
  it('ignores an unknown error_type, inherited property names included', () => {
    // Found by this test: "constructor" used to return Object itself as the kind.
    expect(kindForStatus(200, 'constructor')).toBe('badResponse');
    expect(kindForStatus(418, 'toString')).toBe('config');
    expect(kindForStatus(200, 'something_new')).toBe('badResponse');
  });
});

describe('describeFailure', () => {
  it('adds the status and the server message only when there are any', () => {
    expect(describeFailure('unauthorized', 'GET /api/v1/key', 401, 'User not found')).toBe('GET /api/v1/key: OpenRouter rejected the API key (401: User not found).');
    expect(describeFailure('offline', 'GET /api/v1/key')).toBe('GET /api/v1/key: could not reach OpenRouter.');
    expect(describeFailure('server', 'GET /x', 500)).toBe('GET /x: OpenRouter had a server error (500).');
    expect(describeFailure('server', 'GET /x', undefined, 'boom')).toBe('GET /x: OpenRouter had a server error (boom).');
    expect(describeFailure('server', 'GET /x', 502, '')).toBe('GET /x: OpenRouter had a server error (502).');
  });
});
