import {
  ENTITY_SETS,
  type EntitySetName,
  isEntitySet,
  NAVIGATION,
  REQUIRED_LINKS,
  REQUIRED_PROPERTIES,
  type StoredEntity,
} from './entityModel.ts';
import { checkExpand, type EntityJson, renderCollection, renderEntity, selfLinkOf } from './entityQuery.ts';
import {
  checkObservation,
  checkObservationMessage,
  MAX_MESSAGE_BYTES,
  type ObservationCheck,
  type RejectionReason,
} from './observationMessage.ts';
import { type QueryOptions, QuerySyntaxError, parseQueryOptions } from './queryOptions.ts';
import type { SensorStore } from './sensorStore.ts';

/** An HTTP request as the service sees it: path below the host (`/v1.1/Things(1)`), decoded query pairs, body text. */
export interface ApiRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  body?: string;
}

/** An HTTP response: status, headers, body text. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A created Observation, ready to push to MQTT subscribers of its Datastream. */
export interface CreatedObservation {
  datastreamId: number;
  entity: EntityJson;
}

/** The result of ingesting one message: the created entity, or why it was rejected. */
export type IngestResult =
  | { ok: true; created: CreatedObservation }
  | { ok: false; reason: RejectionReason; message: string };

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: RejectionReason,
  ) {
    super(message);
  }
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

/** A placeholder for an entity of a deep insert while it is only being checked (not created). */
const DRY_ID = -1;

/**
 * The SensorThings API 1.1 over a `SensorStore`: the HTTP routes (GET entity sets, entities,
 * navigation, properties, `$value`; POST with deep insert), MQTT ingestion of Observations,
 * and the rejection counters of `/health`. Every accepted Observation is in the store (and so
 * in its durable log) before `onObservation` hears of it. Pure: adapters in src/cli wire it to
 * node:http, the MQTT broker and the log file.
 */
/** A path that names one entity. */
interface ResolvedEntity {
  kind: 'entity';
  entity: StoredEntity;
}

/** A path that names a collection: its entities, the URL it lives at, and the parent link it is navigated from. */
interface ResolvedCollection {
  kind: 'collection';
  set: EntitySetName;
  entities: StoredEntity[];
  url: string;
  parentLink?: [string, StoredEntity];
}

export class SensorThingsService {
  /** Rejected messages by reason (MQTT and HTTP). */
  readonly rejected: Partial<Record<RejectionReason, number>> = {};

  /**
   * @param store the entity store
   * @param baseUrl `http://HOST:PORT` of the HTTP API (for `@iot.selfLink` and `Location`)
   * @param onObservation told of every Observation created by HTTP, by deep insert or by
   *   `createObservations`, so the broker pushes it; MQTT ingestion returns its entity instead
   */
  constructor(
    readonly store: SensorStore,
    readonly baseUrl: string,
    private readonly onObservation: (created: CreatedObservation) => void = () => {},
  ) {}

  /** Number of stored Observations. */
  observationCount(): number {
    return this.store.count('Observations');
  }

  /** Checks and stores an MQTT message published to `v1.1/Datastreams(ID)/Observations`; counts a rejection. */
  ingestMessage(datastreamId: number, payload: string, byteLength: number): IngestResult {
    const datastream = this.store.get('Datastreams', datastreamId);
    const check = checkObservationMessage(payload, byteLength, datastream);
    if (!check.ok) return this.reject(check);
    return { ok: true, created: this.storeObservation(datastream!, check.props) };
  }

  /**
   * Stores Observations the service makes itself (the replay) in one log append, then pushes
   * them to subscribers when `push`. Items that fail the checks are skipped (not counted as
   * rejected messages). Returns how many were stored.
   */
  createObservations(
    items: ReadonlyArray<{ datastreamId: number; body: Record<string, unknown> }>,
    push: boolean,
  ): number {
    const created = this.store.batch(() =>
      items.flatMap(({ datastreamId, body }) => {
        const datastream = this.store.get('Datastreams', datastreamId);
        const check = checkObservation(body, datastream);
        return check.ok ? [this.storeObservation(datastream!, check.props)] : [];
      }),
    );
    if (push) for (const observation of created) this.onObservation(observation);
    return created.length;
  }

  /**
   * Creates an entity with its nested entities (deep insert) and returns it; throws an error
   * with an HTTP status for bad input. Used by POST and by the replay to set up its Things.
   */
  createEntity(set: EntitySetName, body: unknown, presetLinks: StoredEntity['links'] = {}): StoredEntity {
    this.insert(set, body, presetLinks, true, 'body');
    const created: CreatedObservation[] = [];
    const entity = this.store.batch(() => this.insert(set, body, presetLinks, false, 'body', created));
    // pushed only now that the batch is in the log
    for (const observation of created) this.onObservation(observation);
    return entity;
  }

  /** Handles one HTTP request below `/v1.1`. */
  handle(request: ApiRequest): ApiResponse {
    try {
      const method = request.method.toUpperCase();
      if (method === 'GET') return this.get(request);
      if (method === 'POST') return this.post(request);
      throw new ApiError(405, `method ${method} is not supported (GET and POST are)`);
    } catch (error) {
      if (error instanceof ApiError)
        return json(error.status, { code: error.status, type: 'error', message: error.message });
      if (error instanceof QuerySyntaxError)
        return json(400, { code: 400, type: 'error', message: error.message });
      throw error;
    }
  }

  private reject(check: Extract<ObservationCheck, { ok: false }>): IngestResult {
    this.rejected[check.reason] = (this.rejected[check.reason] ?? 0) + 1;
    return check;
  }

  private storeObservation(datastream: StoredEntity, props: Record<string, unknown>): CreatedObservation {
    const links: StoredEntity['links'] = { Datastream: datastream.id };
    const feature = this.featureOfInterestFor(datastream);
    if (feature !== undefined) links.FeatureOfInterest = feature;
    const entity = this.store.batch(() => this.store.create('Observations', props, links));
    return { datastreamId: datastream.id, entity: renderEntity(this.store, this.baseUrl, entity) };
  }

  /** The FeatureOfInterest of the Datastream's Thing's first Location, created on first use. */
  private featureOfInterestFor(datastream: StoredEntity): number | undefined {
    const location = this.store
      .navigate(datastream, 'Thing')
      .flatMap((thing) => this.store.navigate(thing, 'Locations'))[0];
    if (location === undefined) return undefined;
    const existing = this.store.referrers('FeaturesOfInterest', 'Location', location.id)[0];
    if (existing !== undefined) return existing.id;
    return this.store.batch(
      () =>
        this.store.create(
          'FeaturesOfInterest',
          {
            name: location.props.name,
            description: location.props.description ?? '',
            encodingType: location.props.encodingType ?? 'application/geo+json',
            feature: location.props.location,
          },
          { Location: location.id },
        ).id,
    );
  }

  /** Resolves a path below `/v1.1` to an entity, a collection (with the URL it lives at) or a property. */
  private resolve(
    path: string,
  ):
    | { kind: 'index' }
    | ResolvedEntity
    | ResolvedCollection
    | { kind: 'property'; name: string; value: unknown; raw: boolean } {
    const trimmed = path.replace(/^\/v1\.1/, '').replace(/\/+$/, '');
    if (trimmed === '') return { kind: 'index' };
    const segments = trimmed.slice(1).split('/');
    const first = /^([A-Za-z]+)(?:\((\d+)\))?$/.exec(segments[0]!);
    if (!first || !isEntitySet(first[1]!)) throw new ApiError(404, `no entity set "${segments[0]}"`);
    const set = first[1] as EntitySetName;
    let current: ResolvedEntity | ResolvedCollection;
    if (first[2] !== undefined) {
      const entity = this.store.get(set, Number(first[2]));
      if (entity === undefined) throw new ApiError(404, `${set}(${first[2]}) not found`);
      current = { kind: 'entity', entity };
    } else {
      current = {
        kind: 'collection',
        set,
        entities: this.store.all(set),
        url: `${this.baseUrl}/v1.1/${set}`,
      };
    }
    for (let i = 1; i < segments.length; i++) {
      const segment = segments[i]!;
      if (current.kind !== 'entity') throw new ApiError(404, `cannot address "${segment}" in a collection`);
      const entity: StoredEntity = current.entity;
      const match = /^([A-Za-z]+)(?:\((\d+)\))?$/.exec(segment);
      const nav = match ? NAVIGATION[entity.set][match[1]!] : undefined;
      if (match && nav !== undefined) {
        const linked = this.store.navigate(entity, match[1]!);
        if (match[2] !== undefined || !nav.many) {
          const target = match[2] === undefined ? linked[0] : linked.find((e) => e.id === Number(match[2]));
          if (target === undefined)
            throw new ApiError(404, `${segments.slice(0, i + 1).join('/')} not found`);
          current = { kind: 'entity', entity: target };
        } else {
          current = {
            kind: 'collection',
            set: nav.target,
            entities: linked,
            url: `${selfLinkOf(this.baseUrl, entity)}/${match[1]}`,
            parentLink: [nav.held === 'reverse' ? nav.key : '', entity],
          };
        }
        continue;
      }
      if (segment === 'id' || segment in entity.props) {
        const value = segment === 'id' ? entity.id : entity.props[segment];
        const raw = segments[i + 1] === '$value';
        if (segments.length > i + (raw ? 2 : 1)) throw new ApiError(404, `nothing below ${segment}`);
        return { kind: 'property', name: segment === 'id' ? '@iot.id' : segment, value, raw };
      }
      throw new ApiError(404, `${entity.set} have no property or navigation "${segment}"`);
    }
    return current;
  }

  private get(request: ApiRequest): ApiResponse {
    const target = this.resolve(request.path);
    const options: QueryOptions = parseQueryOptions(request.query);
    if (target.kind === 'entity') checkExpand(target.entity.set, options);
    if (target.kind === 'collection') checkExpand(target.set, options);
    switch (target.kind) {
      case 'index':
        return json(200, {
          value: ENTITY_SETS.map((name) => ({ name, url: `${this.baseUrl}/v1.1/${name}` })),
          serverSettings: {
            conformance: [
              'http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel',
              'http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities',
              'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
              'http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete/create-entity',
              'http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete/deep-insert',
              'http://www.opengis.net/spec/iot_sensing/1.1/req/create-observations-via-mqtt/observations-creation',
              'http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates',
            ],
          },
        });
      case 'entity':
        return json(200, renderEntity(this.store, this.baseUrl, target.entity, options));
      case 'collection':
        return json(200, renderCollection(this.store, this.baseUrl, target.entities, options, target.url));
      case 'property':
        if (target.raw)
          return {
            status: 200,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
            body: typeof target.value === 'string' ? target.value : JSON.stringify(target.value ?? null),
          };
        return json(200, { [target.name]: target.value ?? null });
    }
  }

  private post(request: ApiRequest): ApiResponse {
    const target = this.resolve(request.path);
    if (target.kind !== 'collection') throw new ApiError(400, 'POST goes to a collection, e.g. /v1.1/Things');
    const text = request.body ?? '';
    const byteLength = new TextEncoder().encode(text).length;
    if (target.set === 'Observations' && byteLength > MAX_MESSAGE_BYTES) {
      this.reject({ ok: false, reason: 'tooLarge', message: '' });
      throw new ApiError(400, `Observation over ${MAX_MESSAGE_BYTES} bytes`, 'tooLarge');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (target.set === 'Observations') this.reject({ ok: false, reason: 'notJson', message: '' });
      throw new ApiError(400, 'the body is not JSON');
    }
    const links: StoredEntity['links'] = {};
    if (target.parentLink !== undefined) {
      const [key, parent] = target.parentLink;
      if (key === '') throw new ApiError(400, `cannot create entities through ${target.url}`);
      links[key] = key === 'Locations' ? [parent.id] : parent.id;
    }
    const entity = this.createEntity(target.set, body, links);
    const selfLink = selfLinkOf(this.baseUrl, entity);
    return json(201, renderEntity(this.store, this.baseUrl, entity), { location: selfLink });
  }

  /**
   * Checks (`dry`) or creates one entity of a deep insert: own links first (refs or nested
   * entities), the entity, then the entities that link back to it (a Thing's Datastreams).
   */
  private insert(
    set: EntitySetName,
    body: unknown,
    presetLinks: StoredEntity['links'],
    dry: boolean,
    where: string,
    created: CreatedObservation[] = [],
  ): StoredEntity {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new ApiError(400, `${where}: expected a JSON object for ${set}`);
    const o = body as Record<string, unknown>;
    const navigation = NAVIGATION[set];
    const props: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(o)) {
      if (navigation[key] === undefined && !key.startsWith('@iot.')) props[key] = value;
    }
    const links: StoredEntity['links'] = { ...presetLinks };
    const later: Array<[string, unknown]> = [];
    for (const [name, nav] of Object.entries(navigation)) {
      const value = o[name];
      if (value === undefined) continue;
      if (nav.held === 'reverse') {
        if (!Array.isArray(value)) throw new ApiError(400, `${where}.${name}: expected an array`);
        later.push([name, value]);
      } else if (nav.many) {
        if (!Array.isArray(value)) throw new ApiError(400, `${where}.${name}: expected an array`);
        links[nav.key] = value.map((item, i) =>
          this.linkOrInsert(nav.target, item, dry, `${where}.${name}[${i}]`, created),
        );
      } else {
        links[nav.key] = this.linkOrInsert(nav.target, value, dry, `${where}.${name}`, created);
      }
    }
    for (const link of REQUIRED_LINKS[set]) {
      if (links[link] === undefined) throw new ApiError(400, `${where}: ${set} needs a ${link}`);
    }
    let entity: StoredEntity;
    if (set === 'Observations') {
      const datastreamId = links.Datastream as number;
      const datastream =
        datastreamId === DRY_ID
          ? { set: 'Datastreams' as const, id: DRY_ID, props: {}, links: {} }
          : this.store.get('Datastreams', datastreamId);
      const check = checkObservation(o, datastream);
      if (!check.ok) {
        if (dry) this.reject(check);
        throw new ApiError(400, `${where}: ${check.message}`, check.reason);
      }
      if (dry) entity = { set, id: DRY_ID, props: check.props, links };
      else {
        const observation = this.storeObservation(datastream!, check.props);
        created.push(observation);
        entity = this.store.get('Observations', observation.entity['@iot.id'] as number)!;
      }
    } else {
      for (const name of REQUIRED_PROPERTIES[set]) {
        if (props[name] === undefined) throw new ApiError(400, `${where}: ${set} needs "${name}"`);
      }
      if (set === 'Things' || set === 'Datastreams' || set === 'Sensors' || set === 'ObservedProperties')
        props.description ??= '';
      entity = dry ? { set, id: DRY_ID, props, links } : this.store.create(set, props, links);
      if (!dry && set === 'Things' && Array.isArray(links.Locations) && links.Locations.length > 0)
        this.store.create(
          'HistoricalLocations',
          { time: new Date().toISOString() },
          {
            Thing: entity.id,
            Locations: links.Locations,
          },
        );
    }
    for (const [name, items] of later) {
      const nav = navigation[name]!;
      (items as unknown[]).forEach((item, i) => {
        if (typeof item === 'object' && item !== null && '@iot.id' in item)
          throw new ApiError(
            400,
            `${where}.${name}[${i}]: linking existing ${nav.target} is not supported; create new ones`,
          );
        this.insert(
          nav.target,
          item,
          { [nav.key]: nav.key === 'Locations' ? [entity.id] : entity.id },
          dry,
          `${where}.${name}[${i}]`,
          created,
        );
      });
    }
    return entity;
  }

  /** The id of an existing entity (`{"@iot.id": n}`) or of a nested one, checked or created. */
  private linkOrInsert(
    set: EntitySetName,
    value: unknown,
    dry: boolean,
    where: string,
    created: CreatedObservation[],
  ): number {
    if (typeof value === 'object' && value !== null && '@iot.id' in value) {
      const id = (value as Record<string, unknown>)['@iot.id'];
      if (typeof id !== 'number' || this.store.get(set, id) === undefined)
        throw new ApiError(400, `${where}: ${set}(${String(id)}) does not exist`);
      return id;
    }
    return this.insert(set, value, {}, dry, where, created).id;
  }
}
