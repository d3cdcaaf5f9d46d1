import { useFrame, useThree } from '@react-three/fiber';
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { terrainGridOf } from '../../render/city/terrainGrid.ts';
import { LinkFlowLayer } from '../../render/traffic/linkFlowLayer.ts';
import { VEHICLE_TIME_LAPSE, VehicleInstances } from '../../render/traffic/vehicleInstances.ts';
import { VEHICLE_STRIDE } from '../../sim/traffic/vehicles.ts';
import { StoreContext, useApp, useScenarios } from '../context.tsx';
import { type LoadedDataset, loadDataset } from '../city/cityDataset.ts';
import { scenarioWorker } from '../run/scenarioWorker.ts';
import { useRunOf } from '../run/useRun.ts';
import { trafficUi } from './trafficState.ts';

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

/**
 * The traffic layers inside the 3D view (mounted in CityView's Canvas), drawing the traffic stage
 * of the current scenario's latest run with the current run options: assigned links coloured by
 * V/C or by the volume difference to the base scenario's run (same options), widths by volume,
 * and the animated vehicles of that assignment (stepped in the scenario worker, one request in
 * flight at a time, positions written into instanced meshes without allocation). Layer id
 * `traffic` in `layerVisible`.
 */
export function TrafficLayer({ enabled }: { enabled: boolean }) {
  const visible = useApp((s) => s.layerVisible.traffic ?? true);
  const store = useContext(StoreContext);
  const ui = useStore(trafficUi);
  const currentId = useScenarios((s) => s.currentId);
  const baseId = useScenarios((s) => s.scenarios[s.currentId]?.base ?? null);
  const run = useRunOf(currentId);
  const baseRun = useRunOf(baseId);
  const volume = run?.views?.layers.traffic?.linkVolumePcuPerHour;
  const ratio = run?.views?.views.traffic?.linkVolumeCapacityRatio;
  const trafficKey = run?.views?.views.traffic?.key;
  const baseVolume = baseRun?.views?.layers.traffic?.linkVolumePcuPerHour;
  const [dataset, setDataset] = useState<LoadedDataset | null>(null);
  const size = useThree((s) => s.size);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadDataset().then(
      (d) => live && setDataset(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  const terrain = useMemo(() => terrainGridOf(dataset?.data.terrain), [dataset]);
  const layer = useMemo(
    () => (dataset?.data.roads ? new LinkFlowLayer(dataset.data.roads, terrain) : null),
    [dataset, terrain],
  );
  const vehicles = useMemo(() => new VehicleInstances(VEHICLE_COUNT, terrain), [terrain]);
  useEffect(() => () => layer?.dispose(), [layer]);
  useEffect(() => () => vehicles.dispose(), [vehicles]);
  useEffect(() => layer?.setResolution(size.width, size.height), [layer, size]);

  const { colourBy, vehiclesOn } = ui;
  useEffect(() => {
    if (!layer) return;
    if (!volume || !ratio) {
      layer.clear();
      return;
    }
    if (colourBy === 'ratio' || !baseVolume || baseVolume.length !== volume.length) {
      layer.show({ volume, colourValue: ratio, mode: 'ratio' });
    } else {
      const difference = new Float32Array(volume.length);
      for (let i = 0; i < difference.length; i++) difference[i] = volume[i]! - baseVolume[i]!;
      layer.show({ volume, colourValue: difference, mode: 'difference' });
    }
  }, [layer, volume, ratio, baseVolume, colourBy]);

  const volumeRef = useRef(volume);
  volumeRef.current = volume;
  const stepping = useRef(false);
  const started = useRef(false);
  const placed = useRef(0);
  useEffect(() => {
    started.current = false;
    placed.current = 0;
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
          placed.current = positions.length / VEHICLE_STRIDE;
          started.current = true;
        },
        () => undefined,
      );
    return () => {
      live = false;
      started.current = false;
      void scenarioWorker().stopVehicles();
    };
  }, [vehiclesOn, trafficKey, vehicles]);

  const pendingSeconds = useRef(0);
  useFrame((_, delta) => {
    if (!started.current) return;
    pendingSeconds.current += Math.min(delta, MAX_FRAME_SECONDS);
    if (stepping.current) return;
    stepping.current = true;
    const dt = pendingSeconds.current * VEHICLE_TIME_LAPSE;
    pendingSeconds.current = 0;
    scenarioWorker()
      .stepVehicles(dt)
      .then((positions) => {
        if (started.current) {
          vehicles.update(positions);
          placed.current = positions.length / VEHICLE_STRIDE;
        }
      })
      .finally(() => {
        stepping.current = false;
      });
  });

  useEffect(() => {
    if (!enabled) return;
    window.__twin ??= {};
    const api: TrafficTestApi = {
      segmentCount: () => layer?.segmentCount ?? 0,
      vehicleCount: () => placed.current,
      busiestRoadId: () => {
        const ids = dataset?.data.roads?.links.ids;
        if (!volumeRef.current || !ids) return null;
        const shown = volumeRef.current;
        let best = -1;
        shown.forEach((v, i) => {
          if (best < 0 || v > shown[best]!) best = i;
        });
        return best >= 0 ? (ids[best] ?? null) : null;
      },
      selectRoad: (id) => {
        const roads = dataset?.data.roads;
        const i = roads?.links.ids.indexOf(id) ?? -1;
        store?.getState().select({
          layer: 'roads',
          attributes: { id, capacityPcuPerHour: i >= 0 ? (roads?.links.capacityPcuPerHour[i] ?? 0) : 0 },
        });
      },
    };
    window.__twin.traffic = api;
    return () => {
      if (window.__twin) delete window.__twin.traffic;
    };
  }, [enabled, layer, dataset, store]);

  if (!visible || !layer) return null;
  return (
    <>
      <primitive object={layer.group} />
      <primitive object={vehicles.group} />
    </>
  );
}
