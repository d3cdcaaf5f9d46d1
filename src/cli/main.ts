import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, UsageError } from '../core/errors.ts';
import { COMMANDS } from './commands/index.ts';

/** Exit code of an unexpected internal error (a bug): EX_SOFTWARE of sysexits.h. */
export const INTERNAL_ERROR_EXIT_CODE = 70;

const HELP = `twin — Thủ Đức Twin command line

Usage: npm run --silent twin -- <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(20)} ${c.summary}`).join('\n')}

Every command takes --help, and --json to print exactly one JSON object on stdout.
Exit codes: 0 success, 1 invalid input, 2 usage error, 70 internal error (a bug; details in a log file).`;

/** Routes `argv` (without node and script) to a command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      process.stdout.write(`${HELP}\n`);
      return argv.length === 0 ? 2 : 0;
    }
    const entry =
      COMMANDS.find((c) => c.name === argv.slice(0, 2).join(' ')) ?? COMMANDS.find((c) => c.name === argv[0]);
    if (!entry) {
      const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
      if (group.length > 0 && (argv.length === 1 || argv[1] === '--help')) {
        process.stdout.write(`${group.map((c) => `twin ${c.name.padEnd(20)} ${c.summary}`).join('\n')}\n`);
        return argv.length === 1 ? 2 : 0;
      }
      throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"\n\n${HELP}`);
    }
    const command = await entry.load();
    const rest = argv.slice(entry.name.split(' ').length);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`usage error: ${error.message}\n`);
      return 2;
    }
    return reportInternalError(error, argv);
  }
}

/**
 * Reports an unexpected error as ONE line on stderr, `internal error: <message> (details in
 * <log>)`, with the stack written to `twin-error-<time>-<pid>.log` in the system's temporary
 * folder; returns the exit code 70.
 */
export function reportInternalError(error: unknown, argv: readonly string[]): number {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const logFile = join(
    tmpdir(),
    `twin-error-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`,
  );
  const details = [
    `twin ${argv.join(' ')}`,
    `node ${process.version} on ${process.platform}`,
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  ].join('\n');
  let where: string;
  try {
    writeFileSync(logFile, `${details}\n`);
    where = `details in ${logFile}`;
  } catch (logError) {
    where = `no log written: ${logError instanceof Error ? logError.message : String(logError)}`;
  }
  process.stderr.write(`internal error: ${message} (${where})\n`);
  return INTERNAL_ERROR_EXIT_CODE;
}
