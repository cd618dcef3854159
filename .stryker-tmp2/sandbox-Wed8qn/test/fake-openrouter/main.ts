// Runs the fake OpenRouter as its own process for the e2e tests and the demo:
//   node dist-test/fake-openrouter.js [--port N] [--fixtures DIR] [--credits-for-inference forbidden|zeros] [--as-captured]
// Prints the API base URL (http://127.0.0.1:PORT/api/v1) as its first stdout line; control it over /__fake/*.
import { startFakeOpenRouter, type FakeOpenRouterOptions } from './server';

function parseArgs(argv: readonly string[]): FakeOpenRouterOptions | string {
  // Out of process (e2e, demo) the extension runs on today's clock, so the rankings end yesterday by default.
  const options: FakeOpenRouterOptions = { rebaseRankingsToToday: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    switch (arg) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port needs a number from 0 to 65535, got ${String(value)}`;
        options.port = port;
        i++;
        break;
      }
      case '--fixtures':
        if (!value) return '--fixtures needs a directory';
        options.fixturesDir = value;
        i++;
        break;
      case '--credits-for-inference':
        if (value !== 'forbidden' && value !== 'zeros') return '--credits-for-inference is "forbidden" or "zeros"';
        options.creditsForInferenceKey = value;
        i++;
        break;
      case '--as-captured':
        options.rebaseRankingsToToday = false;
        break;
      default:
        return `unknown argument ${arg}`;
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`fake-openrouter: ${options}\n`);
    process.exit(2);
  }
  const fake = await startFakeOpenRouter(options);
  process.stdout.write(`${fake.baseUrl}\n`);
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-openrouter: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
