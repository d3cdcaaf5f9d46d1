/**
 * The traffic stage of the current scenario's latest run with the current run options (main view
 * only): assigned links coloured by V/C or by the volume difference to the base scenario's run
 * (same options), widths by volume, and the animated vehicles of that assignment (stepped in the
 * scenario worker, one request in flight at a time, positions written into instanced meshes
 * without allocation). Publishes `window.__twin.traffic`.
 */
import { LinkFlowLayer, VOLUME_CAPACITY_LEGEND } from '../../render/traffic/linkFlowLayer.ts';
import { VEHICLE_TIME_LAPSE, VehicleInstances } from '../../render/traffic/vehicleInstances.ts';
import { VEHICLE_STRIDE } from '../../sim/traffic/vehicles.ts';
import { scenarioWorker } from '../run/scenarioWorker.ts';
import { registerTestHook } from '../testHooks.ts';
import { Effect } from './effect.ts';
import { type MapLayer, runViewsOf } from './mapLayer.ts';

/** Most vehicles drawn when the animation is on. */
const VEHICLE_COUNT = 20_000;
/** Vehicles drive this far right of a road's centreline, m (where the flow layer draws the link). */
const VEHICLE_SIDE_METRES = 6;
/** Longest real time one animation step covers, s (a stalled tab does not jump ahead). */
const MAX_FRAME_SECONDS = 0.25;

/** What `window.__twin.traffic` offers the e2e test. */
export interface TrafficTestApi {
  /** Link segments drawn by the flow layer. */
  segmentCount(): number;
  /** Vehicles placed by the last vehicle step. */
  vehicleCount(): number;
  /** Id of the loaded roads.json link with the highest volume in the run shown, or null. */
  busiestRoadId(): string | null;
  /** Selects a road as a map click would (then the panel offers "close this road"). */
  selectRoad(id: string): void;
}

export const trafficMapLayer: MapLayer = {
  id: 'traffic',
  label: 'layer.traffic',
  legend: VOLUME_CAPACITY_LEGEND,
  views: ['main'],
  mount({ root, dataset, terrain, app }) {
    const roads = dataset.data.roads;
    const flows = roads ? new LinkFlowLayer(roads, terrain) : null;
    const vehicles = new VehicleInstances(VEHICLE_COUNT, terrain);
    if (flows) root.add(flows.group, vehicles.group);
    let volume: Float32Array | undefined;
    let started = false;
    let stepping = false;
    let placed = 0;
    let pendingSeconds = 0;
    const colourEffect = new Effect();
    const vehicleEffect = new Effect();

    const unregister = registerTestHook('traffic', {
      segmentCount: () => flows?.segmentCount ?? 0,
      vehicleCount: () => placed,
      busiestRoadId: () => {
        const ids = roads?.links.ids;
        const shown = volume;
        if (!shown || !ids) return null;
        let best = -1;
        shown.forEach((v, i) => {
          if (best < 0 || v > shown[best]!) best = i;
        });
        return best >= 0 ? (ids[best] ?? null) : null;
      },
      selectRoad: (id) => {
        const i = roads?.links.ids.indexOf(id) ?? -1;
        app.getState().select({
          layer: 'roads',
          attributes: { id, capacityPcuPerHour: i >= 0 ? (roads?.links.capacityPcuPerHour[i] ?? 0) : 0 },
        });
      },
    });

    return {
      update(state) {
        const currentId = state.scenarios.currentId;
        const run = runViewsOf(state, currentId);
        const baseVolume = runViewsOf(state, state.scenarios.scenarios[currentId]?.base)?.layers.traffic
          ?.linkVolumePcuPerHour;
        volume = run?.layers.traffic?.linkVolumePcuPerHour;
        const ratio = run?.views.traffic?.linkVolumeCapacityRatio;
        const trafficKey = run?.views.traffic?.key;
        const { colourBy, vehiclesOn } = state.trafficDisplay;
        colourEffect.run([volume, ratio, baseVolume, colourBy], () => {
          if (!flows) return;
          if (!volume || !ratio) flows.clear();
          else if (colourBy === 'ratio' || !baseVolume || baseVolume.length !== volume.length)
            flows.show({ volume, colourValue: ratio, mode: 'ratio' });
          else {
            const difference = new Float32Array(volume.length);
            for (let i = 0; i < difference.length; i++) difference[i] = volume[i]! - baseVolume[i]!;
            flows.show({ volume, colourValue: difference, mode: 'difference' });
          }
        });
        vehicleEffect.run([vehiclesOn, trafficKey], () => {
          started = false;
          placed = 0;
          vehicles.update(new Float32Array(0));
          if (!vehiclesOn || !trafficKey) return;
          let live = true;
          scenarioWorker()
            .startVehicles(trafficKey, {
              maxVehicles: VEHICLE_COUNT,
              seed: 1,
              rightOffsetMetres: VEHICLE_SIDE_METRES,
            })
            .then(
              ({ positions }) => {
                if (!live) return;
                vehicles.update(positions);
                placed = positions.length / VEHICLE_STRIDE;
                started = true;
              },
              () => undefined,
            );
          return () => {
            live = false;
            started = false;
            void scenarioWorker().stopVehicles();
          };
        });
      },
      resize: (width, height) => flows?.setResolution(width, height),
      frame(deltaSeconds) {
        if (!started) return;
        pendingSeconds += Math.min(deltaSeconds, MAX_FRAME_SECONDS);
        if (stepping) return;
        stepping = true;
        const dt = pendingSeconds * VEHICLE_TIME_LAPSE;
        pendingSeconds = 0;
        scenarioWorker()
          .stepVehicles(dt)
          .then((positions) => {
            if (started) {
              vehicles.update(positions);
              placed = positions.length / VEHICLE_STRIDE;
            }
          })
          // a failed worker is reported by the run panel; the vehicles just stop moving
          .catch(() => {
            started = false;
          })
          .finally(() => {
            stepping = false;
          });
      },
      dispose() {
        unregister();
        vehicleEffect.dispose();
        flows?.dispose();
        vehicles.dispose();
      },
    };
  },
};
