import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.ts';

/** A `twin` sub-command. `run` returns the exit code (0 ok; errors are thrown). */
export interface Command {
  /** Words after `twin`, e.g. "flood run". */
  name: string;
  /** One line for `twin --help`. */
  summary: string;
  /** Full usage text for `twin <name> --help`. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
const COMMON: Options = {
  json: { type: 'boolean' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * Parses a command's arguments strictly (unknown options are a usage error, exit 2).
 * Returns the option values and positional arguments.
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({
      args: argv,
      options: { ...COMMON, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
}

/** Reads an integer option in `minimum..maximum`, or a usage error naming it and the range. */
export function integerOption(
  value: string | boolean | undefined,
  name: string,
  fallback: number,
  [minimum, maximum]: readonly [number, number],
): number {
  const n = numberOption(value, name, fallback);
  if (!Number.isInteger(n) || n < minimum || n > maximum)
    throw new UsageError(`--${name} expects an integer in ${minimum}..${maximum}, got ${String(value)}`);
  return n;
}

/** Reads a numeric option, or a usage error naming it. */
export function numberOption(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n)) {
    throw new UsageError(`--${name} expects a number, got ${JSON.stringify(value)}`);
  }
  return n;
}
