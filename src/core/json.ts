import { InputError } from './errors.ts';

/** A syntax problem of a JSON text: where (UTF-16 offset) and what. */
interface JsonSyntaxProblem {
  offset: number;
  message: string;
}

/** Numbers whose exponent or digits may overflow a float (1e400, 400 digits): worth a scan. */
const MAYBE_OVERFLOWING = /[eE]\+?0*[1-9]\d{2}|\d{309}/;

/**
 * Parses JSON text; a syntax error becomes an InputError naming the line and column (found by
 * {@link findJsonSyntaxProblem}, since Node 20's messages often lack a position). A leading
 * UTF-8 byte-order mark is ignored; a number too large for a float (1e400) is an error.
 */
export function parseJsonText(text: string, file?: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const problem = findJsonSyntaxProblem(body) ?? {
      offset: body.length,
      message: error instanceof Error ? error.message : String(error),
    };
    throw new InputError(
      [{ path: lineColumn(body, problem.offset), message: `invalid JSON: ${problem.message}` }],
      file,
    );
  }
  if (MAYBE_OVERFLOWING.test(body)) {
    const problem = findJsonSyntaxProblem(body);
    if (problem)
      throw new InputError([{ path: lineColumn(body, problem.offset), message: problem.message }], file);
  }
  return value;
}

/** "line L, column C" (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw U+0000–U+001F
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const WORD = /[^\s,:[\]{}"]{1,20}/y;
const WHITESPACE = /[ \t\n\r]*/y;

/**
 * Finds the first syntax error of a JSON text (RFC 8259), or a number that overflows a float;
 * undefined when the text is valid. Iterative, so deep nesting cannot overflow the stack.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  let pos = 0;
  const open: string[] = [];
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const found = (): string => {
    if (pos >= text.length) return 'the end of the document';
    WORD.lastIndex = pos;
    return `'${WORD.exec(text)?.[0] ?? text[pos]}'`;
  };
  const notANumberHint = () =>
    /^-?(NaN|Infinity)/.test(text.slice(pos, pos + 9)) ? ' (JSON has no NaN or Infinity)' : '';
  const readString = (): JsonSyntaxProblem | undefined => {
    const start = pos;
    STRING_BODY.lastIndex = pos + 1;
    STRING_BODY.exec(text);
    pos = STRING_BODY.lastIndex;
    if (text[pos] === '"') {
      pos++;
      return undefined;
    }
    if (pos >= text.length)
      return { offset: start, message: 'string not closed before the end of the document' };
    const code = text.charCodeAt(pos);
    return {
      offset: pos,
      message:
        code < 0x20 ? 'control character (e.g. a line break) inside a string' : 'invalid escape in a string',
    };
  };
  /** Reads `"key" :` at pos (whitespace skipped before). */
  const readKey = (): JsonSyntaxProblem | undefined => {
    if (text[pos] !== '"')
      return { offset: pos, message: `expected a property name in double quotes, got ${found()}` };
    const problem = readString();
    if (problem) return problem;
    skipWhitespace();
    if (text[pos] !== ':')
      return { offset: pos, message: `expected ":" after the property name, got ${found()}` };
    pos++;
    return undefined;
  };
  for (;;) {
    // A value is expected here.
    skipWhitespace();
    const c = text[pos];
    if (c === '{' || c === '[') {
      open.push(c);
      pos++;
      skipWhitespace();
      if (text[pos] === (c === '{' ? '}' : ']')) {
        open.pop();
        pos++;
      } else if (c === '{') {
        const problem = readKey();
        if (problem) return problem;
        continue;
      } else continue;
    } else if (c === '"') {
      const problem = readString();
      if (problem) return problem;
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = pos;
      const token = NUMBER.exec(text)?.[0];
      if (token === undefined)
        return { offset: pos, message: `expected a number, got ${found()}${notANumberHint()}` };
      if (!Number.isFinite(Number(token)))
        return { offset: pos, message: `the number ${token.slice(0, 20)} is too large for a float` };
      pos += token.length;
    } else if (text.startsWith('true', pos) || text.startsWith('null', pos)) pos += 4;
    else if (text.startsWith('false', pos)) pos += 5;
    else {
      return { offset: pos, message: `expected a value, got ${found()}${notANumberHint()}` };
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      skipWhitespace();
      const container = open.at(-1);
      if (container === undefined) {
        return pos < text.length
          ? { offset: pos, message: `unexpected ${found()} after the JSON value` }
          : undefined;
      }
      const close = container === '{' ? '}' : ']';
      if (text[pos] === close) {
        open.pop();
        pos++;
        continue;
      }
      if (text[pos] !== ',') return { offset: pos, message: `expected "," or "${close}", got ${found()}` };
      const comma = pos;
      pos++;
      skipWhitespace();
      if (text[pos] === close) return { offset: comma, message: `trailing comma before "${close}"` };
      if (container === '{') {
        const problem = readKey();
        if (problem) return problem;
      }
      break;
    }
  }
}
