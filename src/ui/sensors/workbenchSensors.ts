/**
 * The workbench's live sensor data: one feed of the server in the sensors store, held here
 * (the store in state/ counts its changes); read by the sensors panel, the popup and the map layer.
 */
import type { LiveObservations } from '../../sensors/liveObservations.ts';
import type { NumericObservation } from '../../sensors/sensorThingsClient.ts';
import { sensors } from '../../state/sensorsStore.ts';
import { type FollowedStream, type SensorSnapshot, sensorSnapshot } from '../operations/operationsData.ts';
import { openSensorFeed } from '../operations/sensorFeed.ts';
import { type SensorMarker, sensorMarkers } from './sensorMarkers.ts';

/**
 * The feed's changes reach the sensors store at most this often, ms: a city of 1,000 stations
 * reporting every second would otherwise redraw the layer and the panel 1,000 times a second.
 */
const SENSORS_REDRAW_INTERVAL_MS = 1000;

let held: { streams: FollowedStream[]; live: LiveObservations } | undefined;
let changesReported = 0;

/** How many changes (live values, connection states) the feeds have reported since the page loaded. */
export function workbenchSensorChanges(): number {
  return changesReported;
}

/** Follows the server at `staRoot` into the sensors store; returns a function that stops it. */
export function followWorkbenchSensors(staRoot: string): () => void {
  const store = sensors.getState();
  held = undefined;
  store.setConnection('loading');
  let redraw: ReturnType<typeof setTimeout> | undefined;
  const stop = openSensorFeed(staRoot, {
    loaded: (streams, live) => {
      held = { streams, live };
      sensors.getState().setConnection('ready');
      sensors.getState().dataChanged();
    },
    changed: () => {
      changesReported += 1;
      redraw ??= setTimeout(() => {
        redraw = undefined;
        sensors.getState().dataChanged();
      }, SENSORS_REDRAW_INTERVAL_MS);
    },
    failed: (detail) => {
      held = undefined;
      sensors.getState().setConnection('unreachable', detail);
    },
  });
  return () => {
    stop();
    clearTimeout(redraw);
    held = undefined;
    sensors.getState().setConnection('off');
    sensors.getState().dataChanged();
  };
}

/** What the workbench shows at `nowMs`: the stations, their markers and the alerts. */
export interface WorkbenchSensors {
  snapshot: SensorSnapshot;
  markers: SensorMarker[];
  observations(datastreamId: number): readonly NumericObservation[];
}

/** The last answer of workbenchSensors and what it was computed from. */
let computed: { from: typeof held; changes: number; second: number; data: WorkbenchSensors } | undefined;

/**
 * The data now, or undefined before it is read (or when the server is unreachable). Computed once
 * per change of the feed and second of `nowMs`: the panel and the map layer share it.
 */
export function workbenchSensors(nowMs: number): WorkbenchSensors | undefined {
  if (!held) return undefined;
  const second = Math.floor(nowMs / 1000);
  if (computed?.from === held && computed.changes === changesReported && computed.second === second)
    return computed.data;
  const { streams, live } = held;
  const observations = (id: number) => live.observations(id);
  const snapshot = sensorSnapshot(streams, observations, nowMs);
  const data = { snapshot, markers: sensorMarkers(snapshot, (id) => live.health(id)), observations };
  computed = { from: held, changes: changesReported, second, data };
  return data;
}
