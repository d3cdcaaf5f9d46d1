import { join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import type { NowcastObservations } from '../../sensors/nowcast.ts';
import {
  assembleNowcastObservations,
  type DataWindow,
  inWindow,
  unitSymbol,
} from '../../sensors/nowcastObservations.ts';
import { SensorStore } from '../../sensors/sensorStore.ts';
import { readNumericObservation } from '../../sensors/sensorThingsClient.ts';
import { LOG_FILE, readLogRecords } from './jsonLinesLog.ts';

/**
 * The nowcast's observations in `window` from the durable store of `twin sensors serve`
 * (`DIR/entities.jsonl`, read without writing, so it can be read beside a running service).
 * From a service's URL: nowcastObservationsFromSta (src/sensors/nowcastObservations.ts).
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
  return assembleNowcastObservations(datastreams, source, (id) => {
    const datastream = store.get('Datastreams', id);
    if (datastream === undefined) return [];
    return store
      .navigate(datastream, 'Observations')
      .map((o, i) => readNumericObservation({ '@iot.id': o.id, ...o.props }, `Observations[${i}]`, source))
      .filter(inWindow(window))
      .sort((a, b) => a.phenomenonTimeMs - b.phenomenonTimeMs || a.id - b.id);
  });
}

/** InputError for a store or server with no river level observed in the window. */
export function checkRiverObserved(observations: NowcastObservations, source: string, atIso: string): void {
  if (observations.river.observations.length === 0)
    throw new InputError(`no river level observed in the 24 h up to --at ${atIso}`, source);
}
