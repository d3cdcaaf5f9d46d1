import { InputError } from './errors.ts';

/**
 * Parses JSON text; a syntax error becomes an InputError naming the line and column.
 */
export function parseJsonText(text: string, file?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : undefined;
    const where = offset === undefined ? 'JSON' : lineColumn(text, offset);
    throw new InputError(
      [{ path: where, message: `invalid JSON: ${message.replace(/ in JSON at position.*$/, '')}` }],
      file,
    );
  }
}

/** "line L, column C" (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
