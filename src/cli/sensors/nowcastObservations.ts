import { join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import {
  type NowcastDatastream,
  type NowcastObservations,
  nowcastDatastreams,
} from '../../sensors/nowcast.ts';
import { readAlarmLevelsMetres, readTideModel } from '../../sensors/operationsStatus.ts';
import { SensorStore } from '../../sensors/sensorStore.ts';
import {
  type NumericObservation,
  readNumericObservation,
  SensorThingsClient,
} from '../../sensors/sensorThingsClient.ts';
import { LOG_FILE, readLogRecords } from './jsonLinesLog.ts';

/** A data-time window, ms since the epoch: observations with fromMs < time ≤ toMs. */
export interface DataWindow {
  fromMs: number;
  toMs: number;
}

const inWindow = (window: DataWindow) => (o: NumericObservation) =>
  o.phenomenonTimeMs > window.fromMs && o.phenomenonTimeMs <= window.toMs;

function assemble(
  datastreams: NowcastDatastream[],
  source: string,
  observationsOf: (id: number) => NumericObservation[],
): NowcastObservations {
  const { river, rain } = nowcastDatastreams(datastreams, source);
  const riverSource = `${source} Datastreams(${river.id})`;
  return {
    river: {
      observations: observationsOf(river.id),
      alarmLevelsMetres: readAlarmLevelsMetres(river.properties, riverSource),
      tideModel: readTideModel(river.properties, riverSource),
    },
    rainGauges: rain.map((d) => ({ name: d.name, observations: observationsOf(d.id) })),
  };
}

function unitSymbol(props: Record<string, unknown>): string | undefined {
  const symbol = (props.unitOfMeasurement as { symbol?: unknown } | undefined)?.symbol;
  return typeof symbol === 'string' ? symbol : undefined;
}

/**
 * The nowcast's observations in `window` from the durable store of `twin sensors serve`
 * (`DIR/entities.jsonl`, read without writing, so it can be read beside a running service).
 */
export function nowcastObservationsFromStore(folder: string, window: DataWindow): NowcastObservations {
  const source = join(folder, LOG_FILE);
  const store = new SensorStore();
  store.load(readLogRecords(folder));
  const datastreams = store.all('Datastreams').map((d) => ({
    id: d.id,
    name: typeof d.props.name === 'string' ? d.props.name : `Datastream ${d.id}`,
    unitSymbol: unitSymbol(d.props),
    properties: d.props.properties,
  }));
  return assemble(datastreams, source, (id) => {
    const datastream = store.get('Datastreams', id);
    if (datastream === undefined) return [];
    return store
      .navigate(datastream, 'Observations')
      .map((o, i) => readNumericObservation({ '@iot.id': o.id, ...o.props }, `Observations[${i}]`, source))
      .filter(inWindow(window))
      .sort((a, b) => a.phenomenonTimeMs - b.phenomenonTimeMs || a.id - b.id);
  });
}

/** The nowcast's observations in `window` from a SensorThings API root URL (`http://HOST:PORT/v1.1`). */
export async function nowcastObservationsFromSta(
  rootUrl: string,
  window: DataWindow,
): Promise<NowcastObservations> {
  const client = new SensorThingsClient(rootUrl, (url) => fetch(url));
  const entities = await client.collection('Datastreams');
  const datastreams = entities.map((d) => ({
    id: d['@iot.id'],
    name: typeof d.name === 'string' ? d.name : `Datastream ${d['@iot.id']}`,
    unitSymbol: unitSymbol(d),
    properties: d.properties,
  }));
  const { river, rain } = nowcastDatastreams(datastreams, client.rootUrl);
  const fromIso = new Date(window.fromMs).toISOString();
  const byId = new Map<number, NumericObservation[]>();
  for (const d of [river, ...rain]) {
    const all = await client.observations(d.id, fromIso);
    byId.set(d.id, all.filter(inWindow(window)));
  }
  return assemble(datastreams, client.rootUrl, (id) => byId.get(id) ?? []);
}

/** InputError for a store or server with no river level observed in the window. */
export function checkRiverObserved(observations: NowcastObservations, source: string, atIso: string): void {
  if (observations.river.observations.length === 0)
    throw new InputError(`no river level observed in the 24 h up to --at ${atIso}`, source);
}
