// A fetch that does what a browser does with a cross-origin request (the Fetch standard's CORS check, as far as
// Model Radar's requests need it), over Node's fetch, which does none of it: a request with a header outside the
// CORS-safelisted ones (Authorization, a JSON Content-Type) is preceded by a preflight (OPTIONS) the server must
// allow for this origin, method and every such header; the response must allow the origin. Anything refused
// rejects with a bare TypeError and no response, as a browser's fetch does, so the page cannot tell why.

/** Safelisted request headers (the Fetch standard), with the values that keep them simple. */
function safelisted(name: string, value: string): boolean {
  switch (name) {
    case 'accept':
    case 'accept-language':
    case 'content-language':
      return !/["():<>?@[\\\]{}\u007f]/.test(value);
    case 'content-type':
      return ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(value.split(';')[0]?.trim().toLowerCase() ?? '');
    default:
      return false;
  }
}

export interface BrowserFetchLog {
  preflights: { url: string; headers: string[] }[];
  refused: string[];
}

export function browserFetch(origin: string, log: BrowserFetchLog = { preflights: [], refused: [] }): typeof fetch {
  const blocked = (url: string, why: string): never => {
    log.refused.push(`${url}: ${why}`);
    throw new TypeError('Failed to fetch');
  };
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    if (new URL(url).origin !== origin) {
      const unsafe = [...headers].filter(([name, value]) => !safelisted(name, value)).map(([name]) => name).sort();
      if (unsafe.length > 0 || !['GET', 'HEAD', 'POST'].includes(method)) {
        log.preflights.push({ url, headers: unsafe });
        const pre = await fetch(url, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': method, ...(unsafe.length ? { 'Access-Control-Request-Headers': unsafe.join(',') } : {}) },
        });
        await pre.arrayBuffer();
        if (pre.status < 200 || pre.status > 299) blocked(url, `preflight answered ${pre.status}`);
        const allowOrigin = pre.headers.get('access-control-allow-origin');
        if (allowOrigin !== origin && allowOrigin !== '*') blocked(url, `preflight allows origin ${allowOrigin ?? 'none'}`);
        const allowed = (pre.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
        const missing = unsafe.filter((h) => !allowed.includes(h) && !(h !== 'authorization' && allowed.includes('*')));
        if (missing.length > 0) blocked(url, `preflight does not allow ${missing.join(', ')}`);
      }
      headers.set('Origin', origin);
    }
    const res = await fetch(url, { ...init, headers });
    if (new URL(url).origin !== origin) {
      const allowOrigin = res.headers.get('access-control-allow-origin');
      if (allowOrigin !== origin && allowOrigin !== '*') {
        await res.arrayBuffer().catch(() => undefined);
        blocked(url, `response allows origin ${allowOrigin ?? 'none'}`);
      }
    }
    return res;
  };
}
