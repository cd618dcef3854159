// The fake demo opens ready: its test keys land in the profile's SecretStorage, only for a loopback fake and only
// the fake's test keys; a real key or a remote base URL is never accepted this way.
import { describe, expect, it } from 'vitest';
import * as fake from '../support/fakeVscode';
import { DEMO_KEYS_ENV, demoKeysFrom, demoWelcome } from '../../src/core/service/demo';
import { KeyStore } from '../../src/host/secrets';
import { startDemo } from '../../src/host/demo';

const FAKE = 'http://127.0.0.1:43123/api/v1';
const KEYS = 'sk-or-v1-test-inference,sk-or-v1-test-management';

describe('demoKeysFrom', () => {
  it('reads both test keys for a loopback base URL', () => {
    expect(demoKeysFrom({ [DEMO_KEYS_ENV]: KEYS }, FAKE)).toEqual({ inference: 'sk-or-v1-test-inference', management: 'sk-or-v1-test-management' });
    expect(demoKeysFrom({ [DEMO_KEYS_ENV]: ' sk-or-v1-test-a , sk-or-v1-test-b ' }, 'http://localhost:9/api/v1')).toEqual({ inference: 'sk-or-v1-test-a', management: 'sk-or-v1-test-b' });
  });

  it.each([
    ['no variable', {}, FAKE],
    ['an empty variable', { [DEMO_KEYS_ENV]: '' }, FAKE],
    ['the real API', { [DEMO_KEYS_ENV]: KEYS }, 'https://openrouter.ai/api/v1'],
    ['https to loopback', { [DEMO_KEYS_ENV]: KEYS }, 'https://127.0.0.1:8443/api/v1'],
    ['a remote http host', { [DEMO_KEYS_ENV]: KEYS }, 'http://evil.example/api/v1'],
    ['a real-looking key', { [DEMO_KEYS_ENV]: 'sk-or-v1-0123456789abcdef,sk-or-v1-test-management' }, FAKE],
    ['one key only', { [DEMO_KEYS_ENV]: 'sk-or-v1-test-inference' }, FAKE],
    ['three keys', { [DEMO_KEYS_ENV]: `${KEYS},sk-or-v1-test-x` }, FAKE],
    ['not a URL', { [DEMO_KEYS_ENV]: KEYS }, 'not a url'],
  ])('refuses %s', (_name, env, url) => {
    expect(demoKeysFrom(env, url)).toBeNull();
  });

  it('says the data is fake, in one line', () => {
    const line = demoWelcome();
    expect(line).toMatch(/fake data/);
    expect(line).not.toMatch(/\n/);
    // A notification cuts longer text with an ellipsis.
    expect(line.length).toBeLessThanOrEqual(60);
  });
});

describe('startDemo', () => {
  const setup = (): { keys: KeyStore; secrets: { get(k: string): Promise<string | undefined> } } => {
    const ctx = fake.fakeExtensionContext();
    const secrets = ctx.secrets as { get(k: string): Promise<string | undefined>; store(k: string, v: string): Promise<void>; delete(k: string): Promise<void>; onDidChange: never };
    return { keys: new KeyStore(secrets as never, {}), secrets };
  };
  const log = { info: (_: string) => undefined };

  it('stores both keys in the profile SecretStorage and shows the fake-data welcome', async () => {
    const { keys } = setup();
    fake.recorded.messages.length = 0;
    expect(await startDemo({ keys, apiBaseUrl: FAKE, env: { [DEMO_KEYS_ENV]: KEYS }, log })).toBe(true);
    expect(await keys.state()).toMatchObject({ inference: 'stored', management: true });
    expect(fake.recorded.messages.map((m) => m.message)).toEqual([demoWelcome()]);
  });

  it('keeps keys the user stored in the demo profile', async () => {
    const { keys } = setup();
    await keys.setInference('sk-or-v1-test-mine');
    await startDemo({ keys, apiBaseUrl: FAKE, env: { [DEMO_KEYS_ENV]: KEYS }, log });
    expect((await keys.inference())?.key).toBe('sk-or-v1-test-mine');
    expect(await keys.management()).toBe('sk-or-v1-test-management');
  });

  it('does nothing outside the demo', async () => {
    const { keys } = setup();
    fake.recorded.messages.length = 0;
    expect(await startDemo({ keys, apiBaseUrl: 'https://openrouter.ai/api/v1', env: { [DEMO_KEYS_ENV]: KEYS }, log })).toBe(false);
    expect(await keys.state()).toMatchObject({ inference: 'none', management: false });
    expect(fake.recorded.messages).toEqual([]);
  });
});
