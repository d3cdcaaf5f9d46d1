import { useFrame, useThree } from '@react-three/fiber';
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { TerrainGrid } from '../../render/city/terrainGrid.ts';
import { LinkFlowLayer } from '../../render/traffic/linkFlowLayer.ts';
import { VehicleInstances } from '../../render/traffic/vehicleInstances.ts';
import { StoreContext, useApp } from '../context.tsx';
import { type LoadedDataset, loadDataset } from '../city/cityDataset.ts';
import { trafficApi, trafficUi } from './trafficState.ts';

/** Vehicles drawn when the animation is on. */
const VEHICLE_COUNT = 20_000;
/** Simulated seconds per rendered frame (faster than real time so movement shows at city scale). */
const SIMULATED_SECONDS_PER_FRAME = 0.5;

/** What `window.__twin.traffic` offers the e2e test. */
export interface TrafficTestApi {
  /** Link segments drawn by the flow layer. */
  segmentCount(): number;
  /** Vehicles placed by the last vehicle step. */
  vehicleCount(): number;
  /** Id of the loaded roads.json link with the highest volume in the current run, or null. */
  busiestRoadId(): string | null;
  /** Selects a road as a map click would (then the panel offers "close this road"). */
  selectRoad(id: string): void;
}

/**
 * The traffic layers inside the 3D view (mounted in CityView's Canvas): assigned links coloured
 * by V/C or by the difference to the baseline, widths by volume, and the animated vehicle fleet
 * (20,000 vehicles stepped in the traffic worker, one request in flight at a time, positions
 * written into instanced meshes without allocation). Layer id `traffic` in `layerVisible`.
 */
export function TrafficLayer({ enabled }: { enabled: boolean }) {
  const visible = useApp((s) => s.layerVisible.traffic ?? true);
  const store = useContext(StoreContext);
  const ui = useStore(trafficUi);
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
  const terrain = useMemo(() => {
    const t = dataset?.data.terrain;
    return t ? new TerrainGrid(t.meta, t.elevation, t.landCover) : undefined;
  }, [dataset]);
  const layer = useMemo(
    () => (dataset?.data.roads ? new LinkFlowLayer(dataset.data.roads, terrain) : null),
    [dataset, terrain],
  );
  const vehicles = useMemo(() => new VehicleInstances(VEHICLE_COUNT, terrain), [terrain]);
  useEffect(() => () => layer?.dispose(), [layer]);
  useEffect(() => () => vehicles.dispose(), [vehicles]);
  useEffect(() => layer?.setResolution(size.width, size.height), [layer, size]);

  const { current, baseline, colourBy, vehiclesOn } = ui;
  useEffect(() => {
    if (!layer) return;
    if (!current) {
      layer.clear();
      return;
    }
    if (colourBy === 'ratio' || !baseline) {
      layer.show({ volume: current.volume, colourValue: current.volumeCapacityRatio, mode: 'ratio' });
    } else {
      const difference = new Float32Array(current.volume.length);
      for (let i = 0; i < difference.length; i++) difference[i] = current.volume[i]! - baseline.volume[i]!;
      layer.show({ volume: current.volume, colourValue: difference, mode: 'difference' });
    }
  }, [layer, current, baseline, colourBy]);

  const stepping = useRef(false);
  const started = useRef(false);
  const placed = useRef(0);
  useEffect(() => {
    started.current = false;
    placed.current = 0;
    vehicles.update(new Float32Array(0));
    const run = current;
    if (!vehiclesOn || !run) return;
    let live = true;
    trafficApi()
      .startVehicles({
        nodeXMetres: run.city.nodeEastMetres,
        nodeYMetres: run.city.nodeNorthMetres,
        vehicleCount: VEHICLE_COUNT,
        seed: 1,
      })
      .then((positions) => {
        if (!live) return;
        vehicles.update(positions);
        placed.current = positions.length / 4;
        started.current = true;
      });
    return () => {
      live = false;
      started.current = false;
    };
  }, [vehiclesOn, current, vehicles]);

  useFrame(() => {
    if (!started.current || stepping.current) return;
    stepping.current = true;
    trafficApi()
      .stepVehicles(SIMULATED_SECONDS_PER_FRAME)
      .then((positions) => {
        if (started.current) {
          vehicles.update(positions);
          placed.current = positions.length / 4;
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
        const run = trafficUi.getState().current;
        const ids = dataset?.data.roads?.links.ids;
        if (!run || !ids) return null;
        let best = -1;
        run.volume.forEach((v, i) => {
          if (best < 0 || v > run.volume[best]!) best = i;
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
