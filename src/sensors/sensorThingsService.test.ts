import { describe, expect, it } from 'vitest';
import type { StoredEntity } from './entityModel.ts';
import { evaluateFilter, parseFilter } from './filterExpression.ts';
import { parseQueryOptions } from './queryOptions.ts';
import { SensorStore } from './sensorStore.ts';
import { SensorThingsService } from './sensorThingsService.ts';

const OM_MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';

function thing(name: string) {
  return {
    name,
    description: 'x',
    Locations: [
      {
        name: 'here',
        encodingType: 'application/geo+json',
        location: { type: 'Point', coordinates: [106.8, 10.8] },
      },
    ],
    Datastreams: [
      {
        name: `${name} level`,
        unitOfMeasurement: { name: 'metre', symbol: 'm', definition: 'm' },
        observationType: OM_MEASUREMENT,
        Sensor: { name: 'gauge' },
        ObservedProperty: { name: 'water level' },
      },
    ],
  };
}

function setup() {
  const events: string[] = [];
  const store = new SensorStore({
    append: (records) => events.push(`log ${records.map((r) => r.set).join(',')}`),
  });
  const service = new SensorThingsService(store, 'http://h', (created) =>
    events.push(`push ${created.entity['@iot.id']}`),
  );
  const post = (path: string, body: unknown) =>
    service.handle({ method: 'POST', path, query: [], body: JSON.stringify(body) });
  const get = (path: string, query: Array<[string, string]> = []) => {
    const response = service.handle({ method: 'GET', path, query });
    return {
      status: response.status,
      json: response.headers['content-type']?.startsWith('application/json')
        ? JSON.parse(response.body)
        : response.body,
    };
  };
  return { service, store, events, post, get };
}

describe('$filter', () => {
  it('binds and tighter than or, and not tighter than both; parentheses override', () => {
    const e = parseFilter("id eq 1 or id eq 2 and name eq 'b'");
    expect(e.kind === 'logical' && e.op).toBe('or');
    const read = (values: Record<string, unknown>) => (path: readonly string[]) => values[path[0]!];
    expect(evaluateFilter(e, read({ id: 1, name: 'a' }))).toBe(true);
    expect(evaluateFilter(e, read({ id: 2, name: 'a' }))).toBe(false);
    const grouped = parseFilter("(id eq 1 or id eq 2) and not name eq 'b'");
    expect(evaluateFilter(grouped, read({ id: 2, name: 'a' }))).toBe(true);
    expect(evaluateFilter(grouped, read({ id: 2, name: 'b' }))).toBe(false);
  });

  it('compares ISO times as instants: 08:00+07:00 equals 01:00Z, and string literals with quotes', () => {
    const read = () => '2026-12-01T01:00:00Z';
    expect(evaluateFilter(parseFilter('phenomenonTime eq 2026-12-01T08:00:00+07:00'), read)).toBe(true);
    expect(evaluateFilter(parseFilter("phenomenonTime lt datetime'2026-12-01T08:30:00+07:00'"), read)).toBe(
      true,
    );
    expect(evaluateFilter(parseFilter("name eq 'it''s'"), () => "it's")).toBe(true);
    expect(() => parseFilter('result gt')).toThrow(/operand/);
    expect(() => parseFilter('(result gt 1')).toThrow(/\)/);
  });
});

describe('query options', () => {
  it('parses nested $expand with options separated by ; and a slash path', () => {
    const options = parseQueryOptions([
      [
        '$expand',
        'Datastreams($expand=Observations($top=1;$orderby=phenomenonTime desc);$select=name),Locations',
      ],
    ]);
    const [datastreams, locations] = options.expand!;
    expect(datastreams!.property).toBe('Datastreams');
    expect(datastreams!.options.select).toEqual(['name']);
    expect(datastreams!.options.expand![0]!.options.top).toBe(1);
    expect(datastreams!.options.expand![0]!.options.orderby).toEqual([
      { path: ['phenomenonTime'], descending: true },
    ]);
    expect(locations!.property).toBe('Locations');
    const slash = parseQueryOptions([['$expand', 'Datastreams/Observations']]);
    expect(slash.expand![0]!.options.expand![0]!.property).toBe('Observations');
    expect(() => parseQueryOptions([['$top', '-1']])).toThrow(/\$top/);
    expect(() => parseQueryOptions([['$bogus', '1']])).toThrow(/\$bogus/);
    // `+07:00` sent unencoded in a URL decodes to a space
    const filter = parseQueryOptions([['$filter', 'phenomenonTime eq 2026-12-01T08:00:00 07:00']]).filter!;
    expect(evaluateFilter(filter, () => '2026-12-01T01:00:00Z')).toBe(true);
  });
});

describe('SensorThings service', () => {
  it('deep insert: one log append for the whole tree, a HistoricalLocation, and navigation both ways', () => {
    const { events, post, get } = setup();
    const created = post('/v1.1/Things', thing('A'));
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('http://h/v1.1/Things(1)');
    expect(events).toEqual([
      'log Locations,Things,HistoricalLocations,Sensors,ObservedProperties,Datastreams',
    ]);
    expect(get('/v1.1/Things(1)/Datastreams').json.value[0].name).toBe('A level');
    expect(get('/v1.1/Locations(1)/Things').json.value[0]['@iot.id']).toBe(1);
    expect(get('/v1.1/Things(1)/HistoricalLocations').json.value).toHaveLength(1);
    expect(get('/v1.1/Datastreams(1)/Sensor').json.name).toBe('gauge');
  });

  it('a bad deep insert creates nothing and says where: 400 with the JSON path', () => {
    const { store, post } = setup();
    const body = thing('B');
    delete (body.Datastreams[0] as { Sensor?: unknown }).Sensor;
    const response = post('/v1.1/Things', body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).message).toBe('body.Datastreams[0]: Datastreams needs a Sensor');
    expect(store.count('Things') + store.count('Locations') + store.count('ObservedProperties')).toBe(0);
    const unknownRef = post('/v1.1/Things', { name: 'C', Locations: [{ '@iot.id': 42 }] });
    expect(JSON.parse(unknownRef.body).message).toContain('Locations(42) does not exist');
    expect(post('/v1.1/Things', '[1]').status).toBe(400);
  });

  it('an Observation is logged before it is pushed; $value, $select and 404s', () => {
    const { events, post, get } = setup();
    post('/v1.1/Things', thing('A'));
    events.length = 0;
    const response = post('/v1.1/Datastreams(1)/Observations', {
      phenomenonTime: '2026-12-01T08:00:00+07:00',
      result: 1.25,
    });
    expect(response.status).toBe(201);
    // the FeatureOfInterest (from the Thing's Location) and the Observation in one append, then the push
    expect(events).toEqual(['log FeaturesOfInterest,Observations', 'push 1']);
    expect(get('/v1.1/Observations(1)/result/$value').json).toBe('1.25');
    expect(get('/v1.1/Observations(1)/FeatureOfInterest').json.feature.coordinates).toEqual([106.8, 10.8]);
    expect(get('/v1.1/Observations(1)', [['$select', 'id,result']]).json).toEqual({
      '@iot.id': 1,
      result: 1.25,
    });
    expect(get('/v1.1/Things', [['$expand', 'Datastreams($expand=Observationz)']]).json.message).toBe(
      '$expand: Datastreams have no navigation property "Observationz"',
    );
    expect(get('/v1.1/Sensorz').status).toBe(404);
    expect(get('/v1.1/Observations(2)').status).toBe(404);
    expect(get('/v1.1/Observations(1)/nothing').status).toBe(404);
  });

  it('ingests MQTT messages: stored entity or a counted rejection', () => {
    const { service, post } = setup();
    post('/v1.1/Things', thing('A'));
    const ok = service.ingestMessage(1, '{"phenomenonTime":"2026-12-01T08:00:00Z","result":2}', 50);
    expect(ok.ok && ok.created.entity['@iot.selfLink']).toBe('http://h/v1.1/Observations(1)');
    expect(service.ingestMessage(2, '{}', 2)).toMatchObject({ ok: false, reason: 'unknownDatastream' });
    expect(service.ingestMessage(1, '{"phenomenonTime":"2026-12-01","result":2}', 40)).toMatchObject({
      ok: false,
      reason: 'invalidPhenomenonTime',
    });
    expect(service.rejected).toEqual({ unknownDatastream: 1, invalidPhenomenonTime: 1 });
  });

  it('store: ids per set from 1, continuing after the largest loaded id', () => {
    const store = new SensorStore();
    const loaded: StoredEntity = { set: 'Things', id: 7, props: { name: 'x' }, links: {} };
    store.load([loaded]);
    expect(store.create('Things', { name: 'y' }).id).toBe(8);
    expect(store.create('Sensors', { name: 's' }).id).toBe(1);
  });
});
