import { InputError, UsageError } from '../core/errors.ts';
import { COMMANDS } from './commands/index.ts';

const HELP = `twin — Thủ Đức Twin command line

Usage: npm run --silent twin -- <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(20)} ${c.summary}`).join('\n')}

Every command takes --help, and --json to print exactly one JSON object on stdout.
Exit codes: 0 success, 1 invalid input, 2 usage error.`;

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
    throw error;
  }
}
