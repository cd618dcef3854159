import { describe, expect, it } from 'vitest';
import { classifyKeyCheck, validateKeyInput } from '../../src/core/account/keyCheck';
import type { ApiKeyData } from '../../src/core/openrouter/apiTypes';

const data = (over: Partial<ApiKeyData> = {}): ApiKeyData => ({ label: 'sk-or-v1-abc...123', limit: null, usage: 1, ...over });

describe('key check', () => {
  it('sorts inference and management keys by is_management_key, falling back to the deprecated flag', () => {
    expect(classifyKeyCheck({ ok: true, data: data({ is_management_key: true }) })).toMatchObject({ status: 'valid', slot: 'management' });
    expect(classifyKeyCheck({ ok: true, data: data({ is_provisioning_key: true }) })).toMatchObject({ status: 'valid', slot: 'management' });
    expect(classifyKeyCheck({ ok: true, data: data() })).toMatchObject({ status: 'valid', slot: 'inference' });
  });

  it('rejects on 401/403 and offers unverified saving when OpenRouter cannot be asked', () => {
    expect(classifyKeyCheck({ ok: false, error: { kind: 'unauthorized', message: 'x', status: 401 } }).status).toBe('rejected');
    expect(classifyKeyCheck({ ok: false, error: { kind: 'forbidden', message: 'x', status: 403 } }).status).toBe('rejected');
    expect(classifyKeyCheck({ ok: false, error: { kind: 'offline', message: 'no network' } })).toMatchObject({ status: 'unverified' });
    expect(classifyKeyCheck({ ok: false, error: { kind: 'server', message: '502', status: 502 } }).status).toBe('unverified');
  });

  it('validates the pasted text without echoing it', () => {
    expect(validateKeyInput('')).toMatch(/Paste a key/);
    expect(validateKeyInput('sk-or-v1-abc def-ghijklmnopqrstu')).toMatch(/no spaces/);
    expect(validateKeyInput('short')).toMatch(/too short/);
    expect(validateKeyInput('  sk-or-v1-0123456789abcdef0123456789  ')).toBeUndefined();
    expect(validateKeyInput('sk-or-v1-0123456789 abcdefXYZ')).not.toContain('XYZ');
  });
});
