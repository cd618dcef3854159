// A loopback stand-in for OpenRouter: the real captures for /models and /datasets/rankings-daily, typed
// builders for /key, /credits and /activity, two test keys, and fault injection per endpoint. Used in-process
// by unit tests (startFakeOpenRouter) and out of process by the e2e and the demo (main.ts, /__fake/* routes).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFixtures, type FakeFixtures } from './fixtures';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import {
  INFERENCE_KEY,
  MANAGEMENT_KEY,
  buildActivity,
  buildCredits,
  buildEndpointsResponse,
  buildInferenceKeyData,
  buildManagementKeyData,
  isoDay,
  topWeeklyIds,
  type FakeCredits,
  type FakeKeyData,
} from './builders';

import { analyticsReply, buildAnalyticsRows, checkAnalyticsBody, type AnalyticsMode } from './analytics';
import { weeklyRankingRows } from './weekly';
import { BYOK_ONLY_KEY, ODD_KEY_VALUES, byokOnlyActivity, isFakeScenario, oddActivityRows, type FakeScenario } from './scenarios';
import { catalogAtStep, isCatalogStep } from './scenarios';
import { GUARDED_KEY, userModelsReply } from './userModels';

export { INFERENCE_KEY, MANAGEMENT_KEY };
export { GUARDED_KEY };
export { FAKE_SCENARIOS, type FakeScenario } from './scenarios';

/**
 * Hostile server text (see hostileError/hostileBody): an error message full of terminal escapes; one echoing the
 * key it was sent; a 5 MB message; the sent key in a number field (a validation error quoting it); an as_of with
 * a forged line; model names and a key label with escapes and key-like strings.
 */
export const HOSTILE_FAULTS = ['escapes', 'keyEcho', 'hugeMessage', 'keyInNumber', 'asOfInjection', 'hostileNames'] as const;

export const FAKE_ENDPOINTS = ['models', 'models/count', 'datasets/rankings-daily', 'key', 'credits', 'activity', 'analytics/query', 'models/user', 'models/endpoints'] as const;
export type FakeEndpoint = (typeof FAKE_ENDPOINTS)[number];

export const FAULT_KINDS = [
  401, 402, 403, 404, 408, 429, 500, 502, 503, 'slow', 'reset', 'truncated', 'html', 'drift', 'huge',
  // Data scenarios for /datasets/rankings-daily (a 200 whose rows are off; see rankingsScenario):
  'duplicateRows', 'missingDays', 'mistypedRows',
  // For period=week: the third most recent week has no rows (inside the generated streak; see rankingsScenario).
  'missingWeek',
  ...HOSTILE_FAULTS,
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** Which endpoint to fault ("rankings" is accepted for datasets/rankings-daily); omitted = every API endpoint. */
  endpoint?: FakeEndpoint | 'rankings';
  fault: FaultKind;
  /** Fault the next n matching requests, then heal; omitted = until cleared. */
  times?: number;
  /** Retry-After for 429/503: seconds (number) or an HTTP-date (string). */
  retryAfter?: number | string;
  /** For `slow`: how long to hold the response (default: the server's slowMs). */
  delayMs?: number;
}

export type KeyRole = 'inference' | 'management';

export interface FakeRequest {
  method: string;
  /** Path with query, e.g. "/api/v1/models?sort=top-weekly". */
  path: string;
  endpoint: FakeEndpoint | null;
  /** An Authorization header was sent. */
  auth: boolean;
  /** Which known key it carried; "invalid" for any other. Never the key itself. */
  keyRole: KeyRole | 'invalid' | null;
  status: number | null;
  fault: FaultKind | null;
  referer: string | null;
  title: string | null;
  at: number;
}

export interface FakeOpenRouterOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Clock for /activity dates and request times. */
  now?: () => Date;
  fixturesDir?: string;
  /** How long `slow` holds a response unless the fault says otherwise. */
  slowMs?: number;
  /** What /credits does with an inference key: 403 (documented) or 200 with zeros (observed). */
  creditsForInferenceKey?: 'forbidden' | 'zeros';
  /**
   * Re-date the rankings capture so its last day is yesterday (by `now`): the e2e and the demo run on today's
   * clock, and the extension asks for the last completed days. Tokens and models are untouched.
   */
  rebaseRankingsToToday?: boolean;
}

export interface FakeOpenRouter {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + "/api/v1" */
  baseUrl: string;
  setFault(spec: FaultSpec): void;
  clearFaults(): void;
  /** Merge into a key's /key data. "inference"/"management" name the test keys; another string adds a key. */
  setKeyData(key: KeyRole | string, data: Partial<FakeKeyData>): void;
  setCredits(credits: Partial<FakeCredits> & { inferenceKey?: 'forbidden' | 'zeros' }): void;
  /** What /activity answers the management key, as given (odd values included); null = the built rows. */
  setActivityRows(rows: readonly unknown[] | null): void;
  /** Applies a named account scenario (see scenarios.ts) on top of the current state. */
  scenario(name: FakeScenario): void;
  /** Moves /models along the catalog timeline (scenarios.ts CATALOG_STEPS); 0 is the capture as is. */
  setCatalogStep(step: number): void;
  /** What /models/{author}/{slug}/endpoints answers for one model id (odd rows included), as given; null = the built rows. */
  setEndpointRows(modelId: string, rows: readonly unknown[] | null): void;
  readonly requests: readonly FakeRequest[];
  /** CORS preflights (OPTIONS) in arrival order; they are not in `requests`. */
  readonly preflights: readonly FakePreflight[];
  clearRequests(): void;
  /** Faults, key data, credits and the request log back to their initial state. */
  reset(): void;
  close(): Promise<void>;
}

interface KeyEntry {
  role: KeyRole;
  data: FakeKeyData;
  /** Guardrails that narrow /models/user (userModels.ts); absent: every model. */
  guarded?: boolean;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const DATASET_START = '2025-01-01';
const MAX_SPAN_DAYS = 366;
const HUGE_BYTES = 10 * 1024 * 1024;
const CONTROL_BODY_LIMIT = 64 * 1024;

const FAULT_ERRORS: Readonly<Record<number, { message: string; errorType: string }>> = {
  401: { message: 'User not found.', errorType: 'authentication' },
  402: { message: 'Insufficient credits. Add more using https://openrouter.ai/settings/credits', errorType: 'payment_required' },
  403: { message: 'Forbidden', errorType: 'permission_denied' },
  404: { message: 'Not Found', errorType: 'not_found' },
  408: { message: 'Request timed out', errorType: 'timeout' },
  429: { message: 'Rate limit exceeded', errorType: 'rate_limit_exceeded' },
  500: { message: 'Internal Server Error', errorType: 'server' },
  502: { message: 'Bad gateway', errorType: 'provider_unavailable' },
  503: { message: 'Service unavailable', errorType: 'provider_unavailable' },
};

export async function startFakeOpenRouter(options: FakeOpenRouterOptions = {}): Promise<FakeOpenRouter> {
  const now = options.now ?? ((): Date => new Date());
  const loaded = loadFixtures(options.fixturesDir);
  const fixtures = options.rebaseRankingsToToday ? rebaseRankings(loaded, now()) : loaded;
  const slowMs = options.slowMs ?? 20_000;
  const served = prepareStatic(fixtures);

  let keys = initialKeys();
  let credits = buildCredits();
  let creditsForInference = options.creditsForInferenceKey ?? 'forbidden';
  let faults: ActiveFault[] = [];
  let activityRows: readonly unknown[] | null = null;
  let catalogStep = 0;
  /** Per model id ("author/slug"): the endpoint rows served instead of the built ones. */
  const endpointRows = new Map<string, readonly unknown[]>();
  /** How POST /analytics/query answers the management key (see analytics.ts). */
  let analyticsMode: AnalyticsMode = 'normal';
  const requests: FakeRequest[] = [];
  const preflights: FakePreflight[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function takeFault(endpoint: FakeEndpoint): ActiveFault | null {
    const index = faults.findIndex((f) => f.remaining > 0 && (f.endpoint === undefined || f.endpoint === endpoint));
    const fault = faults[index];
    if (fault === undefined) return null;
    fault.remaining--;
    if (fault.remaining <= 0) faults.splice(index, 1);
    return fault;
  }

  function setFault(spec: FaultSpec): void {
    const endpoint = spec.endpoint === 'rankings' ? 'datasets/rankings-daily' : spec.endpoint;
    faults.push({ ...spec, endpoint, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  function setKeyData(key: KeyRole | string, data: Partial<FakeKeyData>): void {
    const literal = key === 'inference' ? INFERENCE_KEY : key === 'management' ? MANAGEMENT_KEY : key;
    const existing = keys.get(literal);
    if (existing) {
      existing.data = { ...existing.data, ...data };
      return;
    }
    const role: KeyRole = data.is_management_key ? 'management' : 'inference';
    const base = role === 'management' ? buildManagementKeyData() : buildInferenceKeyData();
    keys.set(literal, { role, data: { ...base, ...data } });
  }

  function authOf(req: IncomingMessage): { present: boolean; entry: KeyEntry | null } {
    const header = req.headers.authorization;
    if (header === undefined) return { present: false, entry: null };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    return { present: true, entry: token === undefined ? null : (keys.get(token) ?? null) };
  }

  function route(endpoint: FakeEndpoint, url: URL, auth: { present: boolean; entry: KeyEntry | null }, body?: Record<string, unknown>): Reply {
    switch (endpoint) {
      case 'analytics/query': {
        const denied = requireKey(auth);
        if (denied) return denied;
        if (auth.entry?.role !== 'management') return managementOnly();
        const problem = checkAnalyticsBody(body, now());
        if (problem !== null || body === undefined) return errorReply(400, problem ?? 'Body must be a JSON object', 'invalid_request');
        return analyticsReply(body, buildAnalyticsRows(fixtures.models, now()), analyticsMode, now());
      }
      case 'models': {
        // /models is public: OpenRouter answers 200 whether or not a key is sent or valid.
        const models = catalogAtStep(filterModalities(served, url.searchParams.get('output_modalities')), catalogStep, now());
        const sort = url.searchParams.get('sort');
        if (sort === 'top-weekly' || sort === 'most-popular') {
          const allowed = new Set(models.map((m) => (m as { id: string }).id));
          const byId = new Map(models.map((m) => [(m as { id: string }).id, m]));
          return { status: 200, body: { data: served.topWeekly.filter((id) => allowed.has(id)).map((id) => byId.get(id)) } };
        }
        return { status: 200, body: models === served.raw.data ? served.raw : { ...served.raw, data: models } };
      }
      case 'models/count':
        return { status: 200, body: { data: { count: catalogAtStep(filterModalities(served, url.searchParams.get('output_modalities')), catalogStep, now()).length } } };
      case 'models/endpoints':
        return endpointsReply(catalogAtStep(served.raw.data, catalogStep, now()) as ApiModel[], url.pathname, auth.present, endpointRows);
      case 'datasets/rankings-daily': {
        const denied = requireKey(auth);
        if (denied) return denied;
        if (url.searchParams.get('period') === 'week') return weeklyRankingsReply(now(), url.searchParams);
        return rankingsReply(fixtures, url.searchParams);
      }
      case 'key': {
        const denied = requireKey(auth);
        if (denied) return denied;
        return { status: 200, body: { data: auth.entry?.data } };
      }
      case 'credits': {
        const denied = requireKey(auth);
        if (denied) return denied;
        if (auth.entry?.role !== 'management') {
          if (creditsForInference === 'zeros') return { status: 200, body: { data: { total_credits: 0, total_usage: 0 } } };
          return managementOnly();
        }
        return { status: 200, body: { data: credits } };
      }
      case 'activity': {
        const denied = requireKey(auth);
        if (denied) return denied;
        if (auth.entry?.role !== 'management') return managementOnly();
        if (activityRows !== null) return { status: 200, body: { data: activityRows } };
        return activityReply(fixtures, now(), url.searchParams);
      }
      case 'models/user': {
        // Any valid key; the answer is the catalog (as /models lists it now) narrowed by that key's guardrails.
        const denied = requireKey(auth);
        if (denied) return denied;
        const models = catalogAtStep(filterModalities(served, null), catalogStep, now());
        return userModelsReply(models, auth.entry?.guarded === true, url.searchParams, `${url.origin}/api/v1`);
      }
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, entry: FakeRequest): Promise<void> {
    const endpoint = endpointOf(url.pathname);
    entry.endpoint = endpoint;
    if (endpoint === null) {
      sendJson(res, errorReply(404, 'Not Found'));
      return;
    }
    if (req.method !== (endpoint === 'analytics/query' ? 'POST' : 'GET')) {
      sendJson(res, errorReply(405, 'Method Not Allowed'));
      return;
    }
    // The one POST endpoint: its JSON body is read before any fault, as a server reads a request first.
    const body = endpoint === 'analytics/query' ? await readJson(req) : undefined;
    const fault = takeFault(endpoint);
    entry.fault = fault?.fault ?? null;
    if (fault) {
      if (fault.fault === 'reset') {
        req.socket.destroy();
        return;
      }
      if (typeof fault.fault === 'number') {
        const { message, errorType } = FAULT_ERRORS[fault.fault] ?? { message: `Fault ${fault.fault}`, errorType: 'fault' };
        const reply = errorReply(fault.fault, message, errorType);
        const headers: Record<string, string> = {};
        if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
        if (fault.fault === 429) {
          headers['X-RateLimit-Limit'] = '30';
          headers['X-RateLimit-Remaining'] = '0';
          headers['X-RateLimit-Reset'] = String(now().getTime() + 60_000);
        }
        sendJson(res, { ...reply, headers });
        return;
      }
      const hostileErr = hostileError(fault.fault, sentKey(req));
      if (hostileErr) {
        sendJson(res, hostileErr);
        return;
      }
      if (fault.fault === 'html') {
        send(res, 200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>');
        return;
      }
      if (fault.fault === 'slow') {
        const held = await hold(fault.delayMs ?? slowMs, res);
        if (!held) return;
      }
    }
    const reply = route(endpoint, url, authOf(req), body);
    if (fault?.fault === 'drift' && reply.status === 200) reply.body = drift(endpoint, reply.body);
    if (fault && reply.status === 200) reply.body = hostileBody(fault.fault, endpoint, reply.body, sentKey(req));
    if (fault?.fault === 'huge' && reply.status === 200) reply.body = { ...(reply.body as object), padding: 'x'.repeat(HUGE_BYTES) };
    if (endpoint === 'datasets/rankings-daily' && reply.status === 200 && fault !== null) reply.body = rankingsScenario(fault.fault, reply.body);
    let text = JSON.stringify(reply.body);
    if (fault?.fault === 'truncated') text = text.slice(0, Math.floor(text.length / 2));
    send(res, reply.status, 'application/json; charset=utf-8', text, reply.headers);
  }

  /** Resolves true after ms, or false if the client went away first. */
  function hold(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.off('close', onClose);
        resolve(!res.destroyed);
      }, ms);
      const onClose = (): void => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve(false);
      };
      timers.add(timer);
      res.once('close', onClose);
    });
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const action = url.pathname.slice('/__fake/'.length);
    if (req.method === 'GET' && action === 'requests') {
      sendJson(res, { status: 200, body: { requests, preflights } });
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, errorReply(405, 'Method Not Allowed'));
      return;
    }
    const body = await readJson(req);
    if (body === undefined) {
      sendJson(res, errorReply(400, 'Body must be a JSON object (at most 64 KB).'));
      return;
    }
    switch (action) {
      case 'fault': {
        const spec = toFaultSpec(body);
        if (typeof spec === 'string') {
          sendJson(res, errorReply(400, spec));
          return;
        }
        setFault(spec);
        break;
      }
      case 'clear':
        faults = [];
        break;
      case 'reset':
        reset();
        break;
      case 'key': {
        const { key, ...data } = body;
        if (key !== undefined && typeof key !== 'string') {
          sendJson(res, errorReply(400, '"key" must be "inference", "management" or a key string.'));
          return;
        }
        setKeyData(key ?? 'inference', data as Partial<FakeKeyData>);
        break;
      }
      case 'scenario': {
        if (!isFakeScenario(body.name)) {
          sendJson(res, errorReply(400, 'Expected { name: one of the FAKE_SCENARIOS }.'));
          return;
        }
        scenario(body.name);
        break;
      }
      case 'catalog': {
        if (!isCatalogStep(body.step)) {
          sendJson(res, errorReply(400, 'Expected { step: 0 … CATALOG_STEPS.length }.'));
          return;
        }
        catalogStep = body.step;
        break;
      }
      case 'credits': {
        const { total_credits, total_usage, inferenceKey } = body;
        if (
          (total_credits !== undefined && typeof total_credits !== 'number') ||
          (total_usage !== undefined && typeof total_usage !== 'number') ||
          (inferenceKey !== undefined && inferenceKey !== 'forbidden' && inferenceKey !== 'zeros')
        ) {
          sendJson(res, errorReply(400, 'Expected { total_credits?: number, total_usage?: number, inferenceKey?: "forbidden" | "zeros" }.'));
          return;
        }
        setCredits({ total_credits, total_usage, inferenceKey } as Partial<FakeCredits> & { inferenceKey?: 'forbidden' | 'zeros' });
        break;
      }
      default:
        sendJson(res, errorReply(404, `Unknown control action "${action}".`));
        return;
    }
    sendJson(res, { status: 200, body: { ok: true } });
  }

  function setCredits(update: Partial<FakeCredits> & { inferenceKey?: 'forbidden' | 'zeros' }): void {
    const { inferenceKey, ...values } = update;
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined) credits = { ...credits, [name]: value };
    }
    if (inferenceKey !== undefined) creditsForInference = inferenceKey;
  }

  function scenario(name: FakeScenario): void {
    switch (name) {
      case 'ordinaryKeyZeroCredits':
        creditsForInference = 'zeros';
        break;
      case 'oddKeyValues':
        setKeyData('inference', ODD_KEY_VALUES as Partial<FakeKeyData>);
        break;
      case 'oddActivityRows':
        activityRows = oddActivityRows(now());
        break;
      case 'byokOnly':
        setKeyData('inference', BYOK_ONLY_KEY);
        activityRows = byokOnlyActivity(buildActivity({ models: fixtures.models, now: now() }));
        break;
      case 'analyticsTruncated':
        analyticsMode = 'truncated';
        break;
      case 'analyticsRefused':
        analyticsMode = 'refused';
        break;
      case 'analyticsMalformed':
        analyticsMode = 'malformed';
        break;
      case 'guardrails': {
        const entry = keys.get(INFERENCE_KEY);
        if (entry) entry.guarded = true;
        break;
      }
    }
  }

  function reset(): void {
    activityRows = null;
    endpointRows.clear();
    catalogStep = 0;
    analyticsMode = 'normal';
    faults = [];
    keys = initialKeys();
    credits = buildCredits();
    creditsForInference = options.creditsForInferenceKey ?? 'forbidden';
    requests.length = 0;
    preflights.length = 0;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Cross-origin requests (a browser: the web extension host) are answered the way OpenRouter's CORS does.
    if (!url.pathname.startsWith('/__fake/') && answerCors(req, res, url, preflights)) return;
    const handler = url.pathname.startsWith('/__fake/')
      ? handleControl(req, res, url)
      : (() => {
          const auth = authOf(req);
          const entry: FakeRequest = {
            method: req.method ?? 'GET',
            path: `${url.pathname}${url.search}`,
            endpoint: null,
            auth: auth.present,
            keyRole: auth.present ? (auth.entry?.role ?? 'invalid') : null,
            status: null,
            fault: null,
            referer: headerValue(req, 'http-referer'),
            title: headerValue(req, 'x-openrouter-title'),
            at: now().getTime(),
          };
          requests.push(entry);
          res.once('finish', () => {
            entry.status = res.statusCode;
          });
          return handleApi(req, res, url, entry);
        })();
    handler.catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, errorReply(500, `Fake server error: ${String(err)}`));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseUrl: `${url}/api/v1`,
    setFault,
    clearFaults: () => {
      faults = [];
    },
    setKeyData,
    setCredits,
    setActivityRows: (rows) => {
      activityRows = rows === null ? null : [...rows];
    },
    scenario,
    setEndpointRows: (modelId, rows) => {
      if (rows === null) endpointRows.delete(modelId);
      else endpointRows.set(modelId, [...rows]);
    },
    setCatalogStep: (step) => {
      if (!isCatalogStep(step)) throw new Error(`catalog step ${step} is not one of 0…3`);
      catalogStep = step;
    },
    get requests(): readonly FakeRequest[] {
      return requests;
    },
    get preflights(): readonly FakePreflight[] {
      return preflights;
    },
    clearRequests: () => {
      requests.length = 0;
      preflights.length = 0;
    },
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------

interface StaticData {
  raw: FakeFixtures['modelsRaw'];
  topWeekly: string[];
  outputModalities: Map<unknown, string[]>;
}

function prepareStatic(fixtures: FakeFixtures): StaticData {
  const outputModalities = new Map<unknown, string[]>();
  for (const entry of fixtures.modelsRaw.data) {
    const arch = (entry as { architecture?: { output_modalities?: unknown } }).architecture;
    const list = Array.isArray(arch?.output_modalities) ? arch.output_modalities.filter((m): m is string => typeof m === 'string') : ['text'];
    outputModalities.set(entry, list);
  }
  return { raw: fixtures.modelsRaw, topWeekly: topWeeklyIds(fixtures.models, fixtures.rankings.data), outputModalities };
}

/** OpenRouter's default is text-output models only; "all" lifts the filter. */
function filterModalities(served: StaticData, param: string | null): unknown[] {
  const wanted = (param ?? 'text')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (wanted.includes('all')) return served.raw.data;
  const filtered = served.raw.data.filter((entry) => (served.outputModalities.get(entry) ?? []).some((m) => wanted.includes(m)));
  return filtered.length === served.raw.data.length ? served.raw.data : filtered;
}

/** A short inference key for hand-typed commands (`report --key test`); it shares nothing with the others. */
export const SHORT_TEST_KEY = 'test';

function initialKeys(): Map<string, KeyEntry> {
  return new Map<string, KeyEntry>([
    [INFERENCE_KEY, { role: 'inference', data: buildInferenceKeyData() }],
    [SHORT_TEST_KEY, { role: 'inference', data: buildInferenceKeyData() }],
    [MANAGEMENT_KEY, { role: 'management', data: buildManagementKeyData() }],
    [GUARDED_KEY, { role: 'inference', data: buildInferenceKeyData({ label: 'sk-or-v1-tes...ded' }), guarded: true }],
  ]);
}

function requireKey(auth: { present: boolean; entry: KeyEntry | null }): Reply | null {
  if (!auth.present) return errorReply(401, 'No auth credentials found', 'authentication');
  if (!auth.entry) return errorReply(401, 'User not found.', 'authentication');
  return null;
}

function managementOnly(): Reply {
  return { status: 403, body: { error: { code: 403, message: 'Only management keys can perform this operation' } } };
}

function errorReply(status: number, message: string, errorType?: string): Reply {
  const error: Record<string, unknown> = { code: status, message };
  if (errorType) error.metadata = { error_type: errorType };
  return { status, body: { error } };
}

function endpointOf(pathname: string): FakeEndpoint | null {
  const prefix = '/api/v1/';
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length).replace(/\/+$/, '');
  if (ENDPOINTS_PATH_RE.test(rest)) return 'models/endpoints';
  return (FAKE_ENDPOINTS as readonly string[]).includes(rest) ? (rest as FakeEndpoint) : null;
}

function rankingsReply(fixtures: FakeFixtures, params: URLSearchParams): Reply {
  const rows = fixtures.rankings.data;
  const lastDay = rows.reduce((max, r) => (r.date > max ? r.date : max), DATASET_START);
  const endRaw = params.get('end_date');
  const startRaw = params.get('start_date');
  const end = endRaw === null ? lastDay : dayValue(endRaw);
  if (end === null) return errorReply(400, 'end_date must be a valid YYYY-MM-DD date', 'invalid_request');
  let start = startRaw === null ? isoDay(Date.parse(`${end}T00:00:00Z`) - 29 * 86_400_000) : dayValue(startRaw);
  if (start === null) return errorReply(400, 'start_date must be a valid YYYY-MM-DD date', 'invalid_request');
  // The dataset starts on 2025-01-01; earlier start dates are clamped forward, as documented.
  if (start < DATASET_START) start = DATASET_START;
  if (start > end) return errorReply(400, 'start_date must be on or before end_date', 'invalid_request');
  const span = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1;
  if (span > MAX_SPAN_DAYS) return errorReply(400, `The date range may span at most ${MAX_SPAN_DAYS} days`, 'invalid_request');
  const data = rows.filter((r) => r.date >= start && r.date <= end);
  return { status: 200, body: { data, meta: { ...fixtures.rankings.meta, start_date: start, end_date: end } } };
}

/** period=week: generated weeks (see weekly.ts), the dates checked as for days. */
function weeklyRankingsReply(now: Date, params: URLSearchParams): Reply {
  const endRaw = params.get('end_date');
  const startRaw = params.get('start_date');
  const end = endRaw === null ? null : dayValue(endRaw);
  const start = startRaw === null ? null : dayValue(startRaw);
  if (endRaw !== null && end === null) return errorReply(400, 'end_date must be a valid YYYY-MM-DD date', 'invalid_request');
  if (startRaw !== null && start === null) return errorReply(400, 'start_date must be a valid YYYY-MM-DD date', 'invalid_request');
  if (start !== null && end !== null) {
    if (start > end) return errorReply(400, 'start_date must be on or before end_date', 'invalid_request');
    const span = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1;
    if (span > MAX_SPAN_DAYS) return errorReply(400, `The date range may span at most ${MAX_SPAN_DAYS} days`, 'invalid_request');
  }
  const data = weeklyRankingRows(now, start, end);
  const last = data.reduce((m, r) => (r.date > m ? r.date : m), DATASET_START);
  return { status: 200, body: { data, meta: { as_of: `${isoDay(Date.parse(`${last}T00:00:00Z`) + 6 * 86_400_000)}T23:59:59Z`, version: 'v1', start_date: start ?? data[0]?.date ?? last, end_date: end ?? last } } };
}

function activityReply(fixtures: FakeFixtures, now: Date, params: URLSearchParams): Reply {
  const rows = buildActivity({ models: fixtures.models, now });
  const date = params.get('date');
  if (date === null) return { status: 200, body: { data: rows } };
  const day = dayValue(date);
  const today = isoDay(now.getTime());
  const oldest = isoDay(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000);
  if (day === null || day >= today || day < oldest) {
    return errorReply(400, 'date must be a YYYY-MM-DD day within the last 30 completed UTC days', 'invalid_request');
  }
  return { status: 200, body: { data: rows.filter((r) => r.date === day) } };
}

/** The day if `raw` is a real YYYY-MM-DD calendar date. */
function dayValue(raw: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
  const ms = Date.parse(`${raw}T00:00:00Z`);
  return Number.isNaN(ms) || isoDay(ms) !== raw ? null : raw;
}

/** models/{author}/{slug}/endpoints, as OpenRouter's router matches it: two path segments before "endpoints". */
const ENDPOINTS_PATH_RE = /^models\/[^/]+\/[^/]+\/endpoints$/;

/**
 * One model's providers: the catalog model named by id or by canonical slug (variants share their base's
 * providers), 404 for any other. Without a key, latency and throughput are null, as OpenRouter documents.
 */
function endpointsReply(models: readonly ApiModel[], pathname: string, authenticated: boolean, overrides: ReadonlyMap<string, readonly unknown[]>): Reply {
  const [, author = '', slug = ''] = /\/models\/([^/]+)\/([^/]+)\/endpoints\/*$/.exec(pathname) ?? [];
  const wanted = `${decodeURIComponent(author)}/${decodeURIComponent(slug)}`.toLowerCase();
  const model = models.find((m) => m.id.toLowerCase() === wanted) ?? models.find((m) => (m.canonical_slug ?? '').toLowerCase() === wanted && !m.id.includes(':'));
  if (model === undefined) return errorReply(404, 'Model not found', 'not_found');
  const body = buildEndpointsResponse(model);
  const rows = overrides.get(model.id);
  const endpoints: unknown[] = rows === undefined ? body.data.endpoints : [...rows];
  if (!authenticated) for (const e of endpoints) if (typeof e === 'object' && e !== null) Object.assign(e, { latency_last_30m: null, throughput_last_30m: null });
  return { status: 200, body: { data: { ...body.data, endpoints } } };
}

/** Schema drift as OpenRouter might ship it: fields we rely on renamed or gone, in every entry. */
function drift(endpoint: FakeEndpoint, body: unknown): unknown {
  const rename = (obj: Record<string, unknown>, from: string, to: string): Record<string, unknown> => {
    const { [from]: value, ...rest } = obj;
    return { ...rest, [to]: value };
  };
  const data = (body as { data: unknown }).data;
  switch (endpoint) {
    case 'models':
      return {
        data: (data as Record<string, unknown>[]).map((m) => {
          const { name: _name, ...rest } = rename(m, 'pricing', 'price');
          return rest;
        }),
      };
    case 'models/count':
      return { count: (data as { count: number }).count };
    case 'datasets/rankings-daily':
      return {
        data: (data as Record<string, unknown>[]).map((r) => ({ ...rename(r, 'total_tokens', 'tokens'), tokens: Number(r.total_tokens) })),
        metadata: (body as { meta: unknown }).meta,
      };
    case 'key': {
      const { label: _label, ...rest } = rename(data as Record<string, unknown>, 'usage', 'usage_total');
      return { data: rest };
    }
    case 'credits':
      return { data: rename(data as Record<string, unknown>, 'total_credits', 'credits') };
    case 'activity':
      return { data: (data as Record<string, unknown>[]).map((r) => rename(r, 'model', 'model_name')) };
    case 'models/user':
      return { data: (data as Record<string, unknown>[]).map((m) => rename(m, 'id', 'slug')) };
    case 'analytics/query': {
      const inner = data as { data: Record<string, unknown>[] };
      return { data: { rows: inner.data.map((r) => rename(r, 'tokens_prompt', 'prompt_tokens')) } };
    }
    case 'models/endpoints':
      return { data: rename(data as Record<string, unknown>, 'endpoints', 'providers') };
  }
}

function toFaultSpec(body: Record<string, unknown>): FaultSpec | string {
  const { endpoint, fault, times, retryAfter, delayMs } = body;
  if (!(FAULT_KINDS as readonly unknown[]).includes(fault)) return `"fault" must be one of ${FAULT_KINDS.join(', ')}.`;
  if (endpoint !== undefined && endpoint !== 'rankings' && !(FAKE_ENDPOINTS as readonly unknown[]).includes(endpoint)) {
    return `"endpoint" must be one of ${FAKE_ENDPOINTS.join(', ')}, rankings.`;
  }
  if (times !== undefined && !(typeof times === 'number' && Number.isInteger(times) && times > 0)) return '"times" must be a positive integer.';
  if (retryAfter !== undefined && typeof retryAfter !== 'number' && typeof retryAfter !== 'string') return '"retryAfter" must be seconds or an HTTP-date.';
  if (delayMs !== undefined && !(typeof delayMs === 'number' && delayMs >= 0)) return '"delayMs" must be a non-negative number.';
  const spec: FaultSpec = { fault: fault as FaultKind };
  if (endpoint !== undefined) spec.endpoint = endpoint as FaultSpec['endpoint'];
  if (times !== undefined) spec.times = times as number;
  if (retryAfter !== undefined) spec.retryAfter = retryAfter as number | string;
  if (delayMs !== undefined) spec.delayMs = delayMs as number;
  return spec;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > CONTROL_BODY_LIMIT) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => resolve(undefined));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve({});
        return;
      }
      try {
        const value: unknown = JSON.parse(text);
        resolve(typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

// --- CORS (issue #16) -----------------------------------------------------------------------------------------

/** The request headers OpenRouter's CORS answer allows a browser to send (a preflight asking for more is refused). */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type'] as const;
const CORS_ALLOWED_METHODS = ['GET', 'POST'];

export interface FakePreflight {
  path: string;
  origin: string | null;
  /** Access-Control-Request-Method. */
  method: string | null;
  /** Access-Control-Request-Headers, lower-cased. */
  headers: string[];
  allowed: boolean;
}

/**
 * Answers a preflight (OPTIONS): allowed when the method is GET or POST and every header asked for is one of
 * CORS_ALLOWED_HEADERS: 204 with Access-Control-Allow-Origin for the requesting origin and the allowed headers;
 * refused otherwise: 403 without any CORS header, so the browser blocks the request that would have followed.
 * On any other request with an Origin, sets Access-Control-Allow-Origin for it. True when the request was answered.
 */
function answerCors(req: IncomingMessage, res: ServerResponse, url: URL, preflights: FakePreflight[]): boolean {
  const origin = headerValue(req, 'origin');
  if (req.method === 'OPTIONS') {
    const method = headerValue(req, 'access-control-request-method');
    const headers = (headerValue(req, 'access-control-request-headers') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== '');
    const allowed = origin !== null && method !== null && CORS_ALLOWED_METHODS.includes(method) && headers.every((h) => (CORS_ALLOWED_HEADERS as readonly string[]).includes(h));
    preflights.push({ path: `${url.pathname}${url.search}`, origin, method, headers, allowed });
    if (allowed) {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    } else {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    res.end(allowed ? undefined : 'CORS preflight refused');
    return true;
  }
  if (origin !== null) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  return false;
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function sendJson(res: ServerResponse, reply: Reply): void {
  send(res, reply.status, 'application/json; charset=utf-8', JSON.stringify(reply.body), reply.headers);
}

function send(res: ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(body.length), ...headers });
  res.end(body);
}

/**
 * Rankings replies with rows the way real data goes wrong, for the scenario faults:
 * - duplicateRows: every row sent twice, and the first row a third time with a different figure;
 * - missingDays: no rows for days whose day of month is odd (07-20..07-26 keeps 20, 22, 24, 26);
 * - mistypedRows: the real rows plus, on the last day, one row per mistake: tokens as a number, negative,
 *   "1e15", fractional, an impossible date (2026-02-30), a date that is not one, and no model.
 * Any other fault leaves the body alone.
 */
export function rankingsScenario(fault: FaultKind, body: unknown): unknown {
  const reply = body as { data: { date: string; model_permaslug: string; total_tokens: unknown }[]; meta: unknown };
  const rows = reply.data;
  switch (fault) {
    case 'duplicateRows': {
      const first = rows[0];
      const extra = first === undefined ? [] : [{ ...first, total_tokens: String(BigInt(String(first.total_tokens)) + 1n) }];
      return { ...reply, data: [...rows, ...rows, ...extra] };
    }
    case 'missingDays':
      return { ...reply, data: rows.filter((r) => Number(r.date.slice(8, 10)) % 2 === 0) };
    case 'missingWeek': {
      const dates = [...new Set(rows.map((r) => r.date))].sort();
      const gone = dates[dates.length - 3];
      return { ...reply, data: rows.filter((r) => r.date !== gone) };
    }
    case 'mistypedRows': {
      const last = rows.reduce((m, r) => (r.date > m ? r.date : m), DATASET_START);
      const bad = [
        { date: last, model_permaslug: 'openai/mistyped-number', total_tokens: 5_000_000_000_000 },
        { date: last, model_permaslug: 'openai/mistyped-negative', total_tokens: '-5000000000000' },
        { date: last, model_permaslug: 'openai/mistyped-exponent', total_tokens: '1e15' },
        { date: last, model_permaslug: 'openai/mistyped-fraction', total_tokens: '5000000000000.5' },
        { date: '2026-02-30', model_permaslug: 'openai/mistyped-date', total_tokens: '5000000000000' },
        { date: 'yesterday', model_permaslug: 'openai/mistyped-day', total_tokens: '5000000000000' },
        { date: last, model_permaslug: '', total_tokens: '5000000000000' },
      ];
      return { ...reply, data: [...rows, ...bad] };
    }
    default:
      return body;
  }
}

const DAY_MS = 86_400_000;

/** Shifts every rankings date (rows and meta) by whole days so the capture ends yesterday (UTC). */
export function rebaseRankings(fixtures: FakeFixtures, today: Date): FakeFixtures {
  const meta = fixtures.rankings.meta;
  const lastDay = meta.end_date ?? fixtures.rankings.data.reduce((m, r) => (r.date > m ? r.date : m), '0000-00-00');
  const yesterday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - DAY_MS;
  const shift = Math.round((yesterday - Date.parse(`${lastDay}T00:00:00Z`)) / DAY_MS);
  const move = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + shift * DAY_MS).toISOString().slice(0, 10);
  const data = fixtures.rankings.data.map((r) => ({ ...r, date: move(r.date) }));
  const end = move(lastDay);
  return {
    ...fixtures,
    rankings: {
      data,
      meta: { ...meta, as_of: `${end}T23:59:59Z`, ...(meta.start_date ? { start_date: move(meta.start_date) } : {}), end_date: end },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Hostile server text

const ESC = '\u001b';
/** Clears the screen, sets the window title, forges a line and colours the rest: what a terminal would obey. */
export const HOSTILE_TEXT = `${ESC}[2J${ESC}[H${ESC}]0;pwned\u0007Model Radar: balance is $0.00\r\n${ESC}[1A\u009b31mforged line\u202e`;
/** A key-like string that is none of the test keys (the pattern layer must catch it on its own). */
export const FOREIGN_KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab';
const HUGE_MESSAGE_CHARS = 5 * 1024 * 1024;

function sentKey(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function hostileError(fault: FaultKind, key: string | null): Reply | null {
  const echoed = key ?? '(no key)';
  switch (fault) {
    case 'escapes':
      return errorReply(400, `${HOSTILE_TEXT} Bad request`, 'invalid_request');
    case 'keyEcho':
      return errorReply(401, `Invalid API key: ${echoed}. Also tried ${FOREIGN_KEY}. Authorization: Bearer ${echoed}`, 'authentication');
    case 'hugeMessage': {
      const head = `${HOSTILE_TEXT} key ${echoed} `;
      return errorReply(400, head + `${ESC}[2Kline\n`.repeat(Math.ceil((HUGE_MESSAGE_CHARS - head.length) / 10)), 'invalid_request');
    }
    default:
      return null;
  }
}

function hostileBody(fault: FaultKind, endpoint: FakeEndpoint, body: unknown, key: string | null): unknown {
  const b = body as { data?: unknown; meta?: Record<string, unknown> };
  switch (fault) {
    case 'keyInNumber': {
      const value = key ?? FOREIGN_KEY;
      if (endpoint === 'key') return { data: { ...(b.data as object), usage: value } };
      if (endpoint === 'credits') return { data: { ...(b.data as object), total_credits: value } };
      if (Array.isArray(b.data) && (endpoint === 'datasets/rankings-daily' || endpoint === 'activity')) {
        const numberField = endpoint === 'datasets/rankings-daily' ? 'total_tokens' : 'usage';
        return { ...b, data: b.data.map((e) => ({ ...(e as object), [numberField]: value })) };
      }
      return body;
    }
    case 'asOfInjection':
      return b.meta ? { ...b, meta: { ...b.meta, as_of: `2026-07-26\nModel Radar: balance is $0.00 ${ESC}[2K` } } : body;
    case 'hostileNames':
      if (endpoint === 'key') return { data: { ...(b.data as object), label: `${HOSTILE_TEXT} ${FOREIGN_KEY}` } };
      if (endpoint === 'models' && Array.isArray(b.data)) {
        return {
          ...b,
          data: b.data.map((m) => {
            const model = m as { name?: string; architecture?: { input_modalities?: string[] } };
            const architecture = { ...model.architecture, input_modalities: [...(model.architecture?.input_modalities ?? []), HOSTILE_TEXT] };
            return { ...model, name: `${HOSTILE_TEXT} ${FOREIGN_KEY} ${model.name ?? ''}`, architecture };
          }),
        };
      }
      return body;
    default:
      return body;
  }
}
