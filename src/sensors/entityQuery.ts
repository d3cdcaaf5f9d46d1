import { type EntitySetName, NAVIGATION, type StoredEntity } from './entityModel.ts';
import { compareValues, evaluateFilter } from './filterExpression.ts';
import { type QueryOptions, QuerySyntaxError } from './queryOptions.ts';
import type { SensorStore } from './sensorStore.ts';

/** Most entities in one page of a collection (server-driven paging, `@iot.nextLink`). */
export const MAX_PAGE_SIZE = 1000;

/** The JSON of one entity as the API returns it. */
export type EntityJson = Record<string, unknown>;

/** The JSON of a collection page. */
export interface CollectionJson {
  '@iot.count'?: number;
  '@iot.nextLink'?: string;
  value: EntityJson[];
}

/** URL of an entity: `BASE/v1.1/Things(1)`. */
export function selfLinkOf(baseUrl: string, entity: StoredEntity): string {
  return `${baseUrl}/v1.1/${entity.set}(${entity.id})`;
}

/** Checks that every `$expand` (nested too) names a navigation property of its entity set; QuerySyntaxError if not. */
export function checkExpand(set: EntitySetName, options: QueryOptions): void {
  for (const item of options.expand ?? []) {
    const nav = NAVIGATION[set][item.property];
    if (nav === undefined)
      throw new QuerySyntaxError(`$expand: ${set} have no navigation property "${item.property}"`);
    checkExpand(nav.target, item.options);
  }
}

/** Value of a property path on an entity: `id`, own properties, nested objects, one-valued links. */
export function readPath(store: SensorStore, entity: StoredEntity, path: readonly string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  if (head === 'id' || head === '@iot.id') return rest.length === 0 ? entity.id : undefined;
  const nav = NAVIGATION[entity.set][head];
  if (nav !== undefined) {
    if (nav.many) return undefined;
    const linked = store.navigate(entity, head)[0];
    return linked === undefined ? undefined : readPath(store, linked, rest);
  }
  let value: unknown = entity.props[head];
  for (const key of rest) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Applies `$filter` and `$orderby` (then id ascending) to a list of entities. */
export function filterAndOrder(
  store: SensorStore,
  entities: StoredEntity[],
  options: QueryOptions,
): StoredEntity[] {
  const filter = options.filter;
  const kept =
    filter === undefined
      ? entities
      : entities.filter((e) => evaluateFilter(filter, (p) => readPath(store, e, p)));
  const orderby = options.orderby ?? [];
  return kept.sort((a, b) => {
    for (const { path, descending } of orderby) {
      const order = compareValues(readPath(store, a, path), readPath(store, b, path)) ?? 0;
      if (order !== 0) return descending ? -order : order;
    }
    return a.id - b.id;
  });
}

/**
 * Renders one entity: `@iot.id`, `@iot.selfLink`, its properties, navigation links, and the
 * expanded navigation properties (each with its own options). `$select` keeps only the listed
 * properties (`id` stands for `@iot.id`); expanded properties are always kept.
 */
export function renderEntity(
  store: SensorStore,
  baseUrl: string,
  entity: StoredEntity,
  options: QueryOptions = {},
): EntityJson {
  const selfLink = selfLinkOf(baseUrl, entity);
  const full: EntityJson = { '@iot.id': entity.id, '@iot.selfLink': selfLink, ...entity.props };
  for (const nav of Object.keys(NAVIGATION[entity.set]))
    full[`${nav}@iot.navigationLink`] = `${selfLink}/${nav}`;
  let out = full;
  if (options.select !== undefined) {
    out = {};
    for (const name of options.select) {
      const key = name === 'id' ? '@iot.id' : name;
      if (key in full) out[key] = full[key];
      else if (NAVIGATION[entity.set][name] !== undefined)
        out[`${name}@iot.navigationLink`] = full[`${name}@iot.navigationLink`];
    }
  }
  for (const item of options.expand ?? []) {
    const nav = NAVIGATION[entity.set][item.property];
    if (nav === undefined) continue;
    const linked = store.navigate(entity, item.property);
    if (nav.many) {
      const page = renderCollection(store, baseUrl, linked, item.options, `${selfLink}/${item.property}`);
      out[item.property] = page.value;
      if (page['@iot.count'] !== undefined) out[`${item.property}@iot.count`] = page['@iot.count'];
      if (page['@iot.nextLink'] !== undefined) out[`${item.property}@iot.nextLink`] = page['@iot.nextLink'];
    } else if (linked[0] !== undefined) {
      out[item.property] = renderEntity(store, baseUrl, linked[0], item.options);
    }
  }
  return out;
}

/**
 * One page of a collection at `url` (the collection's URL without query): filtered, ordered,
 * `$skip`ped, at most `min($top, 1000)` entities, `@iot.count` when `$count=true` and
 * `@iot.nextLink` (same query, next `$skip`) when more entities follow.
 */
export function renderCollection(
  store: SensorStore,
  baseUrl: string,
  entities: StoredEntity[],
  options: QueryOptions,
  url: string,
): CollectionJson {
  const matched = filterAndOrder(store, entities, options);
  const skip = options.skip ?? 0;
  const pageSize = Math.min(options.top ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const page = matched.slice(skip, skip + pageSize);
  const out: Partial<CollectionJson> = {};
  if (options.count === true) out['@iot.count'] = matched.length;
  if (skip + pageSize < matched.length && pageSize > 0) {
    const query = (options.raw ?? [])
      .filter(([name]) => name !== '$skip' && name !== '$top')
      .concat([
        ['$top', String(pageSize)],
        ['$skip', String(skip + pageSize)],
      ])
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('&');
    out['@iot.nextLink'] = `${url}?${query}`;
  }
  return { ...out, value: page.map((e) => renderEntity(store, baseUrl, e, options)) };
}
