/**
 * Errors with a location, shared by every layer. Bad input is reported as
 * `file: path: message` and never as a stack trace.
 */

/** One problem found in an input document: a JSON path (or line:column) and what was expected. */
export interface InputProblem {
  /** JSON path such as `edits[2].crestHeightMetres`, or `line 12, column 3` for text formats. */
  path: string;
  message: string;
}

/** Invalid input: a malformed scenario, DEM, OSM, TNTP file or sensor message. CLI exit code 1. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  readonly file: string | undefined;

  constructor(problems: InputProblem[] | string, file?: string) {
    const list = typeof problems === 'string' ? [{ path: '', message: problems }] : problems;
    super(formatProblems(list, file));
    this.name = 'InputError';
    this.problems = list;
    this.file = file;
  }

  /** The same problems, attributed to a file (used by loaders that learn the file name late). */
  inFile(file: string): InputError {
    return new InputError(this.problems, file);
  }
}

/** Wrong command-line usage: unknown command or option. CLI exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The user cancelled a long run. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

/** Formats problems one per line as `file: path: message`. */
export function formatProblems(problems: readonly InputProblem[], file?: string): string {
  return problems
    .map((p) => [file, p.path, p.message].filter((part) => part !== undefined && part !== '').join(': '))
    .join('\n');
}
