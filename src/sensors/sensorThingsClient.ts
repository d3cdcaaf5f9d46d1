import { InputError } from '../core/errors.ts';
import { isoTimeMillis } from './filterExpression.ts';

/**
 * A SensorThings API 1.1 client for the browser and Node: `fetch` is injected, so it runs on
 * `globalThis.fetch`, in a worker or against a stub. Responses are checked as they are read; a
 * malformed one is an `InputError` naming the URL and the JSON path (`value[3]["@iot.id"]`).
 */

/** The part of `fetch` the client uses. */
export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Query options of a request (`$filter`, `$orderby`, …); `expand` is built with {@link expandOption}. */
export interface SensorThingsQuery {
  filter?: string;
  orderby?: string;
  expand?: string;
  select?: string;
  top?: number;
  skip?: number;
  count?: boolean;
}

/** An entity as the server renders it: `@iot.id` and its properties. */
export interface SensorThingsEntity {
  '@iot.id': number;
  [property: string]: unknown;
}

/** An Observation with a numeric result, read from an entity. */
export interface NumericObservation {
  id: number;
  /** The phenomenon time (the start of an interval), ms since the epoch. */
  phenomenonTimeMs: number;
  result: number;
}

/**
 * One `$expand` item: a navigation property with its own options in parentheses, separated by `;`
 * (`Observations($top=1;$orderby=phenomenonTime desc)`).
 */
export function expandOption(navigationProperty: string, nested: SensorThingsQuery = {}): string {
  const options = queryPairs(nested).map(([key, value]) => `${key}=${value}`);
  return options.length === 0 ? navigationProperty : `${navigationProperty}(${options.join(';')})`;
}

/** The query string of the options, `?$filter=…&$orderby=…` (URL-encoded), or `` when there are none. */
export function queryString(query: SensorThingsQuery): string {
  const pairs = queryPairs(query).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

function queryPairs(query: SensorThingsQuery): [string, string][] {
  const pairs: [string, string][] = [];
  if (query.filter !== undefined) pairs.push(['$filter', query.filter]);
  if (query.orderby !== undefined) pairs.push(['$orderby', query.orderby]);
  if (query.expand !== undefined) pairs.push(['$expand', query.expand]);
  if (query.select !== undefined) pairs.push(['$select', query.select]);
  if (query.top !== undefined) pairs.push(['$top', String(query.top)]);
  if (query.skip !== undefined) pairs.push(['$skip', String(query.skip)]);
  if (query.count) pairs.push(['$count', 'true']);
  return pairs;
}

/** A client of one service root, e.g. `http://127.0.0.1:8787/v1.1`. */
export class SensorThingsClient {
  readonly rootUrl: string;
  private readonly fetchJson: FetchLike;

  constructor(rootUrl: string, fetchJson: FetchLike) {
    this.rootUrl = rootUrl.replace(/\/+$/, '');
    this.fetchJson = fetchJson;
  }

  /** The URL of a resource path (`Datastreams(7)/Observations`) with its query options. */
  url(path: string, query: SensorThingsQuery = {}): string {
    return `${this.rootUrl}/${path.replace(/^\/+/, '')}${queryString(query)}`;
  }

  /** One entity (`Things(1)`). */
  async entity(path: string, query: SensorThingsQuery = {}): Promise<SensorThingsEntity> {
    const url = this.url(path, query);
    return checkEntity(await this.read(url), '', url);
  }

  /**
   * Every entity of a collection, following `@iot.nextLink` page after page until there is none
   * or `maxEntities` are read. A next link must stay under the service root (never another host).
   */
  async collection(
    path: string,
    query: SensorThingsQuery = {},
    maxEntities = 100_000,
  ): Promise<SensorThingsEntity[]> {
    const entities: SensorThingsEntity[] = [];
    let url: string | undefined = this.url(path, query);
    while (url !== undefined && entities.length < maxEntities) {
      const page = await this.read(url);
      if (!isObject(page) || !Array.isArray(page.value))
        throw new InputError([{ path: 'value', message: 'a collection has a "value" array' }], url);
      const pageUrl = url;
      page.value.forEach((item, i) => {
        entities.push(checkEntity(item, `value[${i}]`, pageUrl));
      });
      url = this.nextLink(page['@iot.nextLink'], url);
    }
    return entities.slice(0, maxEntities);
  }

  /** The numeric Observations of a Datastream, oldest first, optionally from a time on. */
  async observations(datastreamId: number, fromIso?: string): Promise<NumericObservation[]> {
    const query: SensorThingsQuery = { orderby: 'phenomenonTime asc', select: 'id,phenomenonTime,result' };
    if (fromIso !== undefined) query.filter = `phenomenonTime ge ${fromIso}`;
    const url = this.url(`Datastreams(${datastreamId})/Observations`, query);
    const entities = await this.collection(`Datastreams(${datastreamId})/Observations`, query);
    return entities.map((entity, i) => readNumericObservation(entity, `value[${i}]`, url));
  }

  private nextLink(link: unknown, from: string): string | undefined {
    if (link === undefined) return undefined;
    if (typeof link !== 'string' || !link.startsWith(`${this.rootUrl}/`)) {
      throw new InputError(
        [{ path: '@iot.nextLink', message: `a link under ${this.rootUrl}/, got ${JSON.stringify(link)}` }],
        from,
      );
    }
    return link;
  }

  private async read(url: string): Promise<unknown> {
    const response = await this.fetchJson(url);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new InputError(`HTTP ${response.status}: the body is not JSON`, url);
    }
    if (!response.ok) {
      const message = isObject(body) && typeof body.message === 'string' ? body.message : 'request failed';
      throw new InputError(`HTTP ${response.status}: ${message}`, url);
    }
    return body;
  }
}

/**
 * An Observation entity as a {@link NumericObservation}: `phenomenonTime` an ISO 8601 instant or
 * interval (its start), `result` a finite number.
 */
export function readNumericObservation(
  entity: SensorThingsEntity,
  path: string,
  url: string,
): NumericObservation {
  const time = entity.phenomenonTime;
  const phenomenonTimeMs = isoTimeMillis(time);
  if (phenomenonTimeMs === undefined) {
    throw new InputError(
      [{ path: `${path}.phenomenonTime`, message: `an ISO 8601 time, got ${JSON.stringify(time)}` }],
      url,
    );
  }
  if (typeof entity.result !== 'number' || !Number.isFinite(entity.result)) {
    throw new InputError(
      [{ path: `${path}.result`, message: `a finite number, got ${JSON.stringify(entity.result)}` }],
      url,
    );
  }
  return { id: entity['@iot.id'], phenomenonTimeMs, result: entity.result };
}

function checkEntity(value: unknown, path: string, url: string): SensorThingsEntity {
  if (!isObject(value))
    throw new InputError([{ path: path || '(body)', message: 'an entity is a JSON object' }], url);
  const id = value['@iot.id'];
  if (!Number.isInteger(id)) {
    throw new InputError(
      [{ path: `${path}["@iot.id"]`, message: `an integer id, got ${JSON.stringify(id)}` }],
      url,
    );
  }
  return value as SensorThingsEntity;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
