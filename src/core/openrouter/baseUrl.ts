// The one decision about where the key may go: which base URLs are allowed, how they are normalised, and the
// default. The settings reader (modelRadar.apiBaseUrl), the "Set base URL" input, the CLI's --base-url and the
// client itself all ask this module, so a URL one of them accepts is never refused (or rewritten) by another.

export const DEFAULT_API_BASE_URL = 'https://openrouter.ai/api/v1';

/** WHATWG URL has already canonicalised the host: IPv4 in dotted decimal, IPv6 compressed in brackets. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Why a base URL is refused (a phrase that follows "the base URL"), or the URL normalised without a trailing slash. */
export type BaseUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** https anywhere; plain http only to this machine (a local proxy or the fake server in tests). */
export function checkApiBaseUrl(raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'must be an https:// URL' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'must not contain a user name or password' };
  }
  // Refused, not stripped: a query could carry a credential or change what the server does with every call.
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'must not contain a query or fragment' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, reason: 'must use https:// (plain http:// only for localhost, 127.0.0.0/8 or [::1]: your key would travel unencrypted)' };
  }
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}
