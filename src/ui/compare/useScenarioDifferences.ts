import { useMemo } from 'react';
import type { RasterGrid } from '../../data/grid/rasterGrid.ts';
import {
  type FloorSpaceChanges,
  floodDepthDifference,
  floorSpaceChanges,
  type ScenarioLayers,
  trafficVolumeDifference,
} from '../../scenario/differenceLayers.ts';
import { runKey } from '../../scenario/runOptions.ts';
import { useApp } from '../context.tsx';
import { runViews } from '../run/runViews.ts';

/** The difference layers of the compared scenarios (B − A), each absent when either run lacks it. */
export interface ScenarioDifferences {
  a: ScenarioLayers | undefined;
  b: ScenarioLayers | undefined;
  /** Maximum flood depth B − A per cell, m. */
  flood?: RasterGrid;
  /** Link volume B − A, PCU/h, with B's volumes (for the line widths). */
  traffic?: { differencePcuPerHour: Float32Array; volumeBPcuPerHour: Float32Array };
  /** Proposed floor space B adds (> 0) or removes (< 0), m² per site. */
  floorSpace?: FloorSpaceChanges;
}

/** Layer ids of the three difference layers in `layerVisible` (default shown). */
export const DIFFERENCE_LAYER_IDS = {
  flood: 'difference.flood',
  traffic: 'difference.traffic',
  floorSpace: 'difference.floorSpace',
} as const;

/** The difference layers of run layers `b` against `a` (B − A), each absent when either lacks it. */
export function scenarioDifferences(
  a: ScenarioLayers | undefined,
  b: ScenarioLayers | undefined,
): ScenarioDifferences {
  const out: ScenarioDifferences = { a, b };
  if (!a || !b) return out;
  try {
    if (a.flood && b.flood) out.flood = floodDepthDifference(a.flood, b.flood);
  } catch {
    // different flood grids: no difference layer
  }
  const volumeA = a.traffic?.linkVolumePcuPerHour;
  const volumeB = b.traffic?.linkVolumePcuPerHour;
  if (volumeA && volumeB && volumeA.length === volumeB.length) {
    out.traffic = {
      differencePcuPerHour: trafficVolumeDifference(volumeA, volumeB),
      volumeBPcuPerHour: volumeB,
    };
  }
  if (a.newBuildings && b.newBuildings) out.floorSpace = floorSpaceChanges(a.newBuildings, b.newBuildings);
  return out;
}

/**
 * The difference layers of the scenarios chosen as A and B, from their latest runs with the
 * current run options (the same for both), recomputed when a run finishes.
 */
export function useScenarioDifferences(): ScenarioDifferences {
  const [idA, idB] = useApp((s) => s.compareIds);
  const options = useApp((s) => s.runOptions);
  const version = useApp((s) => s.runViewsVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks new runs in the run view store
  return useMemo(
    () => scenarioDifferences(runViews(runKey(idA, options))?.layers, runViews(runKey(idB, options))?.layers),
    [idA, idB, options, version],
  );
}
