/**
 * The `$filter` language of SensorThings API 1.1 that the service implements: comparisons
 * `eq ne gt ge lt le`, `and or not`, parentheses; operands are property paths (`id`, `name`,
 * `phenomenonTime`, `result`, `properties/source`, `Datastream/id`) or literals (numbers,
 * 'strings', true/false/null, ISO 8601 times written bare or as datetime'…'). ISO times compare
 * as instants, whatever their offset. Pure.
 */

export type FilterExpression =
  | { kind: 'logical'; op: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'operand'; operand: Operand };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Operand =
  | { kind: 'path'; path: string[] }
  | { kind: 'literal'; value: string | number | boolean | null };

/** A `$filter` that cannot be parsed (HTTP 400). */
export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError';
}

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

type Token = { text: string; quoted: boolean };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ text: c, quoted: false });
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new FilterSyntaxError('unterminated string literal');
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i];
        i++;
      }
      tokens.push({ text, quoted: true });
    } else {
      const match = /^(datetime'[^']*'|[^\s()']+)/.exec(source.slice(i))!;
      tokens.push({ text: match[0], quoted: false });
      i += match[0].length;
    }
  }
  return tokens;
}

/** Parses a `$filter` value; throws FilterSyntaxError naming what was expected. */
export function parseFilter(source: string): FilterExpression {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isWord = (word: string): boolean => {
    const t = peek();
    return t !== undefined && !t.quoted && t.text === word;
  };

  const parseOr = (): FilterExpression => {
    let left = parseAnd();
    while (isWord('or')) {
      at++;
      left = { kind: 'logical', op: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterExpression => {
    let left = parseNot();
    while (isWord('and')) {
      at++;
      left = { kind: 'logical', op: 'and', left, right: parseNot() };
    }
    return left;
  };
  const parseNot = (): FilterExpression => {
    if (isWord('not')) {
      at++;
      return { kind: 'not', operand: parseNot() };
    }
    return parseComparison();
  };
  const parseComparison = (): FilterExpression => {
    if (isWord('(')) {
      at++;
      const inner = parseOr();
      if (!isWord(')')) throw new FilterSyntaxError(`expected ")" at token ${at + 1}`);
      at++;
      return inner;
    }
    const left = parseOperand();
    const t = peek();
    if (t !== undefined && !t.quoted && COMPARE_OPS.has(t.text)) {
      at++;
      return { kind: 'compare', op: t.text as CompareOp, left, right: parseOperand() };
    }
    return { kind: 'operand', operand: left };
  };
  const parseOperand = (): Operand => {
    const t = peek();
    if (t === undefined) throw new FilterSyntaxError('expected an operand at the end of $filter');
    at++;
    if (t.quoted) return { kind: 'literal', value: t.text };
    const text = t.text;
    if (text === '(' || text === ')' || COMPARE_OPS.has(text) || ['and', 'or', 'not'].includes(text))
      throw new FilterSyntaxError(`expected an operand, got "${text}"`);
    if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true' };
    if (text === 'null') return { kind: 'literal', value: null };
    const datetime = /^datetime'([^']*)'$/.exec(text);
    if (datetime) return { kind: 'literal', value: datetime[1]! };
    if (ISO_TIME.test(text)) return { kind: 'literal', value: text };
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { kind: 'literal', value: Number(text) };
    if (/^[A-Za-z@][\w@.]*(\/[A-Za-z@][\w@.]*)*$/.test(text)) return { kind: 'path', path: text.split('/') };
    throw new FilterSyntaxError(`cannot read "${text}" in $filter`);
  };

  const expression = parseOr();
  if (at < tokens.length) throw new FilterSyntaxError(`unexpected "${tokens[at]!.text}" in $filter`);
  return expression;
}

/** Reads the value of a property path on an entity (`id` is `@iot.id`; `Datastream/id` follows a link). */
export type PathReader = (path: readonly string[]) => unknown;

/** Epoch milliseconds of an ISO 8601 instant (the start of an interval `a/b`), or undefined. */
export function isoTimeMillis(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const start = value.includes('/') ? value.slice(0, value.indexOf('/')) : value;
  if (!ISO_TIME.test(start)) return undefined;
  const ms = Date.parse(start);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Orders two property values: times as instants, numbers as numbers, otherwise as strings;
 * null and missing values sort first. Returns undefined for values of different kinds.
 */
export function compareValues(a: unknown, b: unknown): number | undefined {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  const ta = isoTimeMillis(a);
  const tb = isoTimeMillis(b);
  if (ta !== undefined && tb !== undefined) return Math.sign(ta - tb);
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

function operandValue(operand: Operand, read: PathReader): unknown {
  return operand.kind === 'literal' ? operand.value : read(operand.path);
}

/** Evaluates a filter on one entity. Comparisons of values of different kinds are false (`ne`: true). */
export function evaluateFilter(expression: FilterExpression, read: PathReader): boolean {
  switch (expression.kind) {
    case 'logical':
      return expression.op === 'and'
        ? evaluateFilter(expression.left, read) && evaluateFilter(expression.right, read)
        : evaluateFilter(expression.left, read) || evaluateFilter(expression.right, read);
    case 'not':
      return !evaluateFilter(expression.operand, read);
    case 'operand':
      return operandValue(expression.operand, read) === true;
    case 'compare': {
      const order = compareValues(operandValue(expression.left, read), operandValue(expression.right, read));
      if (order === undefined) return expression.op === 'ne';
      switch (expression.op) {
        case 'eq':
          return order === 0;
        case 'ne':
          return order !== 0;
        case 'gt':
          return order > 0;
        case 'ge':
          return order >= 0;
        case 'lt':
          return order < 0;
        case 'le':
          return order <= 0;
      }
    }
  }
}
