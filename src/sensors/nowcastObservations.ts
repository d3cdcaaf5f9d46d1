import {
  NOWCAST_LOOK_BACK_MS,
  type NowcastDatastream,
  type NowcastObservations,
  nowcastDatastreams,
} from './nowcast.ts';
import { readAlarmLevelsMetres, readTideModel } from './operationsStatus.ts';
import { type FetchLike, type NumericObservation, SensorThingsClient } from './sensorThingsClient.ts';

/**
 * Reading a nowcast's observations from a SensorThings service, pure (`fetch` injected): the
 * one reader of `twin nowcast --sta` and of the operations view's nowcast, so both run on the
 * same observations.
 */

/** A data-time window, ms since the epoch: observations with fromMs < time ≤ toMs. */
export interface DataWindow {
  fromMs: number;
  toMs: number;
}

/** The window of a nowcast at `atMs`: the 24 h up to it. */
export const nowcastWindow = (atMs: number): DataWindow => ({
  fromMs: atMs - NOWCAST_LOOK_BACK_MS,
  toMs: atMs,
});

/** Whether an observation lies in `window`. */
export const inWindow = (window: DataWindow) => (o: NumericObservation) =>
  o.phenomenonTimeMs > window.fromMs && o.phenomenonTimeMs <= window.toMs;

/** A Datastream's `unitOfMeasurement.symbol`, if it is a string. */
export function unitSymbol(props: Record<string, unknown>): string | undefined {
  const symbol = (props.unitOfMeasurement as { symbol?: unknown } | undefined)?.symbol;
  return typeof symbol === 'string' ? symbol : undefined;
}

/**
 * The nowcast's observations from its Datastreams (river level and rain gauges picked by
 * nowcastDatastreams) and each one's observations (`observationsOf(id)`, oldest first).
 */
export function assembleNowcastObservations(
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

/**
 * The nowcast's observations in `window` from a SensorThings API root URL
 * (`http://HOST:PORT/v1.1`): the Datastreams, then the river level's and the gauges'
 * Observations since the window's start ($filter on phenomenonTime, every page).
 */
export async function nowcastObservationsFromSta(
  rootUrl: string,
  window: DataWindow,
  fetchJson: FetchLike,
): Promise<NowcastObservations> {
  const client = new SensorThingsClient(rootUrl, fetchJson);
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
  return assembleNowcastObservations(datastreams, client.rootUrl, (id) => byId.get(id) ?? []);
}
