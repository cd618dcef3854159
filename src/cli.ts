// Headless entry: the same core, printed for a terminal. `node dist/cli.js <report|refs> ...`
import { runReport } from './cli/report';
import { runRefs } from './cli/refs';
import { runSwapCli } from './cli/swap';
import { terminalSafe } from './shared/sanitize';

const USAGE = `usage: model-radar <command> [options]

commands:
  report   region shares and leaders from OpenRouter rankings (--json, --from, --to, --top, --base-url, --key)
  refs     OpenRouter model ids referenced in files and folders (--json, --base-url | --offline, PATH...)
  swap     replace one model with another in files and folders (--from, --to, --dry-run, --json, --allow-unknown, --offline, PATH...)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  switch (command) {
    case 'report':
      return runReport(rest, io);
    case 'refs':
      return runRefs(rest, io);
    case 'swap':
      return runSwapCli(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(terminalSafe(`model-radar: unknown command "${command}"\n${USAGE}`));
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(terminalSafe(`model-radar: ${err instanceof Error ? err.message : String(err)}\n`, process.env.OPENROUTER_API_KEY ? [process.env.OPENROUTER_API_KEY] : []));
    process.exitCode = 1;
  },
);
