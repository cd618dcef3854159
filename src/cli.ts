// Headless entry: the same core, printed for a terminal. `node dist/cli.js <report|refs|swap> ...`
import { version } from '../package.json';
import { runReport } from './cli/report';
import { runRefs } from './cli/refs';
import { runSwapCli } from './cli/swap';
import { runWatch } from './cli/watch';
import { terminalSafe } from './shared/sanitize';
import { cliL10n as l10n, takeLanguage, useCliLanguage } from './cli/l10n';

/**
 * One line per command for `model-radar --help`. A new command adds its line here, a case below, and answers
 * its own `--help`; `--version` is answered here for every command.
 */
const COMMANDS: Readonly<Record<string, () => string>> = {
  report: () => l10n.t('region shares and leaders from OpenRouter rankings (--json, --from, --to, --top, --base-url, --key)'),
  refs: () => l10n.t('OpenRouter model ids referenced in files and folders (--json, --base-url | --offline, PATH...)'),
  swap: () => l10n.t('replace one model with another in files and folders (--from, --to, --dry-run, --json, --allow-unknown, --offline, PATH...)'),
  watch: () => l10n.t('catalog changes (price, retirement date, removal) to the models you use, as VS Code recorded them (--json, --since, --all, --file)'),
};

/** Built when printed, after the language is chosen. */
function usage(): string {
  return `${l10n.t('usage: model-radar <command> [options]')}

${l10n.t('commands:')}
${Object.entries(COMMANDS)
  .map(([name, line]) => `  ${name.padEnd(8)} ${line()}`)
  .join('\n')}

  model-radar <command> --help   ${l10n.t('options of one command')}
  model-radar --version          ${l10n.t('the version')}
  --lang zh-cn                   ${l10n.t('language of the output (default: LC_ALL, LC_MESSAGES or LANG)')}
`;
}

const isVersionFlag = (a: string | undefined): boolean => a === '--version' || a === '-V';

async function main(allArgs: string[]): Promise<number> {
  const lang = takeLanguage(allArgs, process.env);
  if (!lang.ok) {
    process.stderr.write(terminalSafe(`model-radar: ${lang.message}\n`));
    return 2;
  }
  useCliLanguage(lang.language);
  const [command, ...rest] = lang.argv;
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  // `model-radar --version` and `model-radar <command> --version` (before `--`, where paths begin).
  const flags = rest.indexOf('--') < 0 ? rest : rest.slice(0, rest.indexOf('--'));
  if (isVersionFlag(command) || command === 'version' || (command !== undefined && Object.hasOwn(COMMANDS, command) && flags.some(isVersionFlag))) {
    process.stdout.write(`model-radar ${version}\n`);
    return 0;
  }
  switch (command) {
    case 'report':
      return runReport(rest, io);
    case 'refs':
      return runRefs(rest, io);
    case 'swap':
      return runSwapCli(rest, io);
    case 'watch':
      return runWatch(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(usage());
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(terminalSafe(`model-radar: ${l10n.t('unknown command "{0}"', command)}\n${usage()}`));
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
