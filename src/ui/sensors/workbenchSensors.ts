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

let held: { streams: FollowedStream[]; live: LiveObservations } | undefined;

/** Follows the server at `staRoot` into the sensors store; returns a function that stops it. */
export function followWorkbenchSensors(staRoot: string): () => void {
  const store = sensors.getState();
  held = undefined;
  store.setConnection('loading');
  const stop = openSensorFeed(staRoot, {
    loaded: (streams, live) => {
      held = { streams, live };
      sensors.getState().setConnection('ready');
      sensors.getState().dataChanged();
    },
    changed: () => sensors.getState().dataChanged(),
    failed: (detail) => {
      held = undefined;
      sensors.getState().setConnection('unreachable', detail);
    },
  });
  return () => {
    stop();
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

/** The data now, or undefined before it is read (or when the server is unreachable). */
export function workbenchSensors(nowMs: number): WorkbenchSensors | undefined {
  if (!held) return undefined;
  const { streams, live } = held;
  const observations = (id: number) => live.observations(id);
  const snapshot = sensorSnapshot(streams, observations, nowMs);
  return { snapshot, markers: sensorMarkers(snapshot, (id) => live.health(id)), observations };
}
