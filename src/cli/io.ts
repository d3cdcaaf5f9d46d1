import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import { readTextFile } from '../data/node/userFiles.ts';

export {
  checkOutputFile,
  makeFolder,
  readArrayBufferFile,
  readTextFile,
  writeOutputFile,
} from '../data/node/userFiles.ts';

/** Reads and parses a JSON file, errors naming the file and line/column. */
export async function readJsonFile(file: string): Promise<unknown> {
  return parseJsonText(await readTextFile(file), file);
}

/** Runs `parse` on a document and attributes any InputError it throws to `file`. */
export function inFile<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError && error.file === undefined) throw error.inFile(file);
    throw error;
  }
}

/** Writes the one JSON object of a `--json` command to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Writes a log line to stderr (stdout is reserved for results). */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A progress reporter that writes to stderr only when it is a TTY or `--progress` was given. */
export function progressReporter(label: string, enabled: boolean): (fractionDone: number) => void {
  if (!enabled && !process.stderr.isTTY) return () => {};
  let lastPercent = -1;
  return (fractionDone) => {
    const percent = Math.floor(fractionDone * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    process.stderr.write(`${label} ${percent}%\n`);
  };
}
