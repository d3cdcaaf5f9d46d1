/**
 * The TNTP text layout shared by `_net.tntp` and `_trips.tntp` (Transportation Networks for
 * Research Core Team, https://github.com/bstabler/TransportationNetworks): a metadata header
 * of `<KEY> value` lines ended by `<END OF METADATA>`, `~` starting a comment anywhere on a line.
 */
import { InputError } from '../../core/errors.ts';

/** One line of a TNTP file with its comment removed. */
export interface TntpLine {
  /** 1-based line number in the file. */
  lineNumber: number;
  /** The text before any `~`, trimmed. */
  text: string;
}

/** A TNTP file split into its metadata header and the non-empty body lines. */
export interface TntpDocument {
  /** Metadata values by upper-case key without brackets, e.g. `NUMBER OF NODES`. */
  metadata: Map<string, { value: string; lineNumber: number }>;
  body: TntpLine[];
}

/** Splits TNTP text into metadata and body; a missing `<END OF METADATA>` is an InputError. */
export function splitTntp(text: string): TntpDocument {
  const metadata = new Map<string, { value: string; lineNumber: number }>();
  const lines = text.split(/\r?\n/);
  let index = 0;
  for (; index < lines.length; index++) {
    const text = stripComment(lines[index]!);
    if (text === '') continue;
    const match = /^<([^>]+)>\s*(.*)$/.exec(text);
    if (!match) {
      throw new InputError([
        { path: `line ${index + 1}`, message: `expected a metadata line "<KEY> value", got "${text}"` },
      ]);
    }
    const key = match[1]!.trim().toUpperCase();
    if (key === 'END OF METADATA') break;
    metadata.set(key, { value: match[2]!.trim(), lineNumber: index + 1 });
  }
  if (index >= lines.length) {
    throw new InputError([
      { path: `line ${lines.length}`, message: 'expected <END OF METADATA>, reached the end' },
    ]);
  }
  const body: TntpLine[] = [];
  for (index++; index < lines.length; index++) {
    const text = stripComment(lines[index]!);
    if (text !== '') body.push({ lineNumber: index + 1, text });
  }
  return { metadata, body };
}

/** Reads an integer metadata value; missing (when required) or malformed is an InputError. */
export function metadataInteger(doc: TntpDocument, key: string, fallback?: number): number {
  const entry = doc.metadata.get(key);
  if (entry === undefined) {
    if (fallback !== undefined) return fallback;
    throw new InputError([{ path: 'line 1', message: `expected a <${key}> metadata line` }]);
  }
  const n = Number(entry.value);
  if (entry.value === '' || !Number.isInteger(n) || n < 0) {
    throw new InputError([
      {
        path: `line ${entry.lineNumber}`,
        message: `<${key}> expects a non-negative integer, got "${entry.value}"`,
      },
    ]);
  }
  return n;
}

/** Reads a numeric metadata value, or `fallback` when the key is absent. */
export function metadataNumber(doc: TntpDocument, key: string, fallback: number): number {
  const entry = doc.metadata.get(key);
  if (entry === undefined) return fallback;
  const n = Number(entry.value);
  if (entry.value === '' || !Number.isFinite(n)) {
    throw new InputError([
      { path: `line ${entry.lineNumber}`, message: `<${key}> expects a number, got "${entry.value}"` },
    ]);
  }
  return n;
}

function stripComment(line: string): string {
  const tilde = line.indexOf('~');
  return (tilde >= 0 ? line.slice(0, tilde) : line).trim();
}
