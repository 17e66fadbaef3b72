import { type Command, UsageError } from './command.ts';
import { deleteAccountCommand } from './commands/delete-account.ts';
import { exportCommand } from './commands/export.ts';
import { fhirCommand } from './commands/fhir.ts';
import { importCommand } from './commands/import.ts';
import { insightsCommand } from './commands/insights.ts';
import { migrateCommand } from './commands/migrate.ts';
import { reportCommand } from './commands/report.ts';
import { resetPasswordCommand } from './commands/reset-password.ts';
import { serveCommand } from './commands/serve.ts';
import { closePrompts } from './prompt.ts';

/** Every sub-command, in the order `sunlog --help` lists them. */
const COMMANDS: Command[] = [
  serveCommand,
  migrateCommand,
  exportCommand,
  fhirCommand,
  reportCommand,
  importCommand,
  insightsCommand,
  resetPasswordCommand,
  deleteAccountCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Usage: sunlog <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `sunlog <command> --help` for a command’s options.',
  ].join('\n');
}

/** The one exit code for every usage error: a missing or unknown command, option or argument, bad input. */
export const USAGE_EXIT_CODE = 2;

/** A UsageError, or node:util parseArgs refusing the arguments (an unknown option, a missing value). */
function isUsageError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** argv → command → exit code (0 done, 1 failed, 2 usage error); a failure prints one line on stderr. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === undefined) {
      console.error(help());
      return USAGE_EXIT_CODE;
    }
    console.log(help());
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    console.error(`sunlog: unknown command "${name}" (run sunlog --help)`);
    return USAGE_EXIT_CODE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`Usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`sunlog ${command.name}: ${reason}`);
    return isUsageError(error) ? USAGE_EXIT_CODE : 1;
  } finally {
    closePrompts();
  }
}
