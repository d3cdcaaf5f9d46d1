import { type FilterExpression, FilterSyntaxError, parseFilter } from './filterExpression.ts';

/**
 * The query options of a SensorThings request (`$top $skip $count $orderby $select $expand
 * $filter`), parsed. `$expand` items carry their own options, written in parentheses and
 * separated by `;` (`Datastreams($expand=Observations($top=1;$orderby=phenomenonTime desc))`).
 */
export interface QueryOptions {
  top?: number;
  skip?: number;
  count?: boolean;
  orderby?: Array<{ path: string[]; descending: boolean }>;
  select?: string[];
  expand?: ExpandItem[];
  filter?: FilterExpression;
  /** The options as written (`[name, value]`), to build `@iot.nextLink` from. */
  raw?: Array<[string, string]>;
}

/** One navigation property to expand, with the options applied to what it leads to. */
export interface ExpandItem {
  property: string;
  options: QueryOptions;
}

/** A query option that cannot be parsed (HTTP 400); the message names the option. */
export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
}

/** Splits `text` at `separator` characters outside parentheses and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function nonNegativeInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value.trim()))
    throw new QuerySyntaxError(`${name}: expected a non-negative integer, got "${value}"`);
  return Number(value);
}

function parseExpand(text: string): ExpandItem[] {
  return splitTopLevel(text, ',').map((item) => {
    const open = item.indexOf('(');
    const head = open < 0 ? item : item.slice(0, open).trim();
    let options: QueryOptions = {};
    if (open >= 0) {
      if (!item.endsWith(')')) throw new QuerySyntaxError(`$expand: expected ")" at the end of "${item}"`);
      const inner = item.slice(open + 1, -1);
      options = parseQueryOptions(
        splitTopLevel(inner, ';').map((pair) => {
          const eq = pair.indexOf('=');
          if (eq < 0) throw new QuerySyntaxError(`$expand: expected $option=value in "${pair}"`);
          return [pair.slice(0, eq).trim(), pair.slice(eq + 1)] as [string, string];
        }),
      );
    }
    // a path `Datastreams/Observations` expands the first step and, inside it, the rest
    const steps = head.split('/');
    if (steps.some((s) => !/^[A-Za-z]+$/.test(s)))
      throw new QuerySyntaxError(`$expand: bad property "${head}"`);
    let expanded: ExpandItem = { property: steps[steps.length - 1]!, options };
    for (let i = steps.length - 2; i >= 0; i--)
      expanded = { property: steps[i]!, options: { expand: [expanded] } };
    return expanded;
  });
}

/** Parses query options from `[name, value]` pairs (values already URL-decoded). Unknown `$` options are a 400. */
export function parseQueryOptions(pairs: Iterable<[string, string]>): QueryOptions {
  const options: QueryOptions = { raw: [] };
  for (const [name, value] of pairs) {
    options.raw!.push([name, value]);
    switch (name) {
      case '$top':
        options.top = nonNegativeInteger(name, value);
        break;
      case '$skip':
        options.skip = nonNegativeInteger(name, value);
        break;
      case '$count':
        if (value !== 'true' && value !== 'false')
          throw new QuerySyntaxError(`$count: expected true or false`);
        options.count = value === 'true';
        break;
      case '$orderby':
        options.orderby = splitTopLevel(value, ',').map((item) => {
          const [path, direction, ...rest] = item.split(/\s+/);
          if (rest.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc'))
            throw new QuerySyntaxError(`$orderby: expected "property [asc|desc]", got "${item}"`);
          return { path: path!.split('/'), descending: direction === 'desc' };
        });
        break;
      case '$select':
        options.select = splitTopLevel(value, ',');
        break;
      case '$expand':
        options.expand = [...(options.expand ?? []), ...parseExpand(value)];
        break;
      case '$filter':
        try {
          // an unencoded `+07:00` in a URL query arrives as ` 07:00`: put the plus back
          options.filter = parseFilter(
            value.replace(/(T\d\d:\d\d(?::\d\d(?:\.\d+)?)?) (\d\d:\d\d)\b/g, '$1+$2'),
          );
        } catch (error) {
          if (error instanceof FilterSyntaxError) throw new QuerySyntaxError(`$filter: ${error.message}`);
          throw error;
        }
        break;
      case '$resultFormat':
        throw new QuerySyntaxError('$resultFormat is not supported by this service');
      default:
        if (name.startsWith('$')) throw new QuerySyntaxError(`unknown query option ${name}`);
    }
  }
  return options;
}
