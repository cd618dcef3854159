// `npm run demo -- --fake`: the demo starts VS Code with the fake OpenRouter's two test keys in this variable so
// the window opens ready. Honoured only when it cannot reach anything real: the configured API base URL is a
// plain-http loopback address (the fake server) and both keys are the fake's "sk-or-v1-test-…" keys. A cloned
// repository cannot set the extension host's environment, and a real key is never accepted this way.
import { isLoopbackHost } from '../openrouter/baseUrl';
import { ENGLISH, type L10n } from '../l10n';

export const DEMO_KEYS_ENV = 'MODEL_RADAR_DEMO_KEYS';

export interface DemoKeys {
  inference: string;
  management: string;
}

const TEST_KEY_RE = /^sk-or-v1-test-[a-z0-9-]{1,64}$/;

/** The demo's test keys, or null when the environment or the base URL does not allow them. */
export function demoKeysFrom(env: Readonly<Record<string, string | undefined>>, apiBaseUrl: string): DemoKeys | null {
  const raw = env[DEMO_KEYS_ENV];
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !isLoopbackHost(url.hostname)) return null;
  const parts = raw.split(',').map((s) => s.trim());
  const [inference, management] = parts;
  if (parts.length !== 2 || inference === undefined || management === undefined) return null;
  if (!TEST_KEY_RE.test(inference) || !TEST_KEY_RE.test(management)) return null;
  return { inference, management };
}

/** The one-line welcome the demo window shows; short enough that a notification shows it whole. */
export function demoWelcome(l10n: L10n = ENGLISH): string {
  return l10n.t('Model Radar demo: every figure here is fake data.');
}
