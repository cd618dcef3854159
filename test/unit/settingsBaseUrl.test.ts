// The base-URL policy decides where the API key is sent. Cases for the mutants `npm run mutation` can leave alive
// in normalizeApiBaseUrl / readSettings' base URL: credentials given half, loopback look-alikes, three-digit
// octets, and the values that mean "the default" without a complaint.
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_BASE_URL, checkApiBaseUrl as normalizeApiBaseUrl } from '../../src/core/openrouter/baseUrl';
import { readSettings } from '../../src/core/service/settings';

const KEY = 'modelRadar.apiBaseUrl';
const read = (value: unknown) => readSettings((k) => (k === KEY ? value : undefined));

describe('normalizeApiBaseUrl', () => {
  it.each(['https://user@openrouter.ai/api/v1', 'https://:secret@openrouter.ai/api/v1'])('refuses credentials given half: %s', (raw) => {
    expect(normalizeApiBaseUrl(raw)).toEqual({ ok: false, reason: 'must not contain a user name or password' });
  });

  it.each(['http://127.0.0.1.example/v1', 'http://127.0.0.1x/v1', 'http://mylocalhost/v1', 'http://localhost.example/v1'])(
    'refuses a loopback look-alike over http: %s',
    (raw) => {
      const r = normalizeApiBaseUrl(raw);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.reason).toMatch(/^must use https:\/\/ \(plain http:\/\/ only for localhost, 127\.0\.0\.0\/8 or \[::1\]/);
    },
  );

  it.each([
    ['http://127.100.200.254/v1', 'http://127.100.200.254/v1'],
    ['http://localhost/', 'http://localhost'],
    ['https://192.168.1.10/v1/', 'https://192.168.1.10/v1'],
  ])('accepts %s as %s', (raw, url) => {
    expect(normalizeApiBaseUrl(raw)).toEqual({ ok: true, url });
  });

  it('never sees a host that merely ends in a loopback address: URL refuses it first', () => {
    // So the loopback pattern's "^" anchor is not load-bearing: that mutant survives as an equivalent one (not
    // disabled in the source, since a Regex disable comment would also hide the line's other, real mutants).
    expect(normalizeApiBaseUrl('http://a127.0.0.1/v1')).toEqual({ ok: false, reason: 'is not a valid URL' });
    expect(normalizeApiBaseUrl('http://x.127.0.0.1/v1')).toEqual({ ok: false, reason: 'is not a valid URL' });
  });

  it('trims white space URL parsing keeps, such as a no-break space pasted with the URL', () => {
    expect(normalizeApiBaseUrl('\u00a0https://openrouter.ai/api/v1\u00a0')).toEqual({ ok: true, url: 'https://openrouter.ai/api/v1' });
  });

  it('gives each refusal its own reason', () => {
    expect(normalizeApiBaseUrl('not a url')).toEqual({ ok: false, reason: 'is not a valid URL' });
    expect(normalizeApiBaseUrl('ws://localhost/v1')).toEqual({ ok: false, reason: 'must be an https:// URL' });
    expect(normalizeApiBaseUrl('https://openrouter.ai/?a')).toEqual({ ok: false, reason: 'must not contain a query or fragment' });
    expect(normalizeApiBaseUrl('https://openrouter.ai/#a')).toEqual({ ok: false, reason: 'must not contain a query or fragment' });
  });
});

describe('readSettings: apiBaseUrl', () => {
  it('uses the default without a complaint when the value is absent, null or blank', () => {
    for (const value of [undefined, null, '', ' \t ']) {
      expect(read(value).settings.apiBaseUrl).toBe(DEFAULT_API_BASE_URL);
      expect(read(value).problems).toEqual([]);
    }
  });

  it('explains a wrong type and a refused URL, naming the fallback', () => {
    expect(read(true).problems).toEqual([`${KEY} must be a URL, not true; using ${DEFAULT_API_BASE_URL}`]);
    expect(read('http://example.com/v1').problems).toEqual([
      `${KEY} must use https:// (plain http:// only for localhost, 127.0.0.0/8 or [::1]: your key would travel unencrypted); using ${DEFAULT_API_BASE_URL}`,
    ]);
    expect(read('http://example.com/v1').settings.apiBaseUrl).toBe(DEFAULT_API_BASE_URL);
  });

  it('keeps an accepted URL in its normalised form', () => {
    expect(read(' https://proxy.example.com/or/ ')).toEqual({ settings: expect.objectContaining({ apiBaseUrl: 'https://proxy.example.com/or' }), problems: [] });
  });
});
