import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { terrainGridOf } from '../../render/city/terrainGrid.ts';
import { WaterSurface } from '../../render/flood/waterSurface.ts';
import type { DatasetState } from '../city/useCityDataset.ts';
import { useApp } from '../context.tsx';
import { useRunOf } from '../run/useRun.ts';
import { floodPlayer, frameIndexAt } from './floodPlayer.ts';

/**
 * The flood water surface inside a 3D view (mounted in CityView's Canvas): the flood stage of
 * `scenarioId`'s latest run with the current run options, with the vertical exaggeration; its
 * maximum depth (the default) or its depth frame at the flood panel's time (floodPlayer). Layer
 * id `flood` in `layerVisible`.
 */
export function FloodLayer({ state, scenarioId }: { state: DatasetState; scenarioId: string }) {
  const exaggeration = useApp((s) => s.verticalExaggeration);
  const visible = useApp((s) => s.layerVisible.flood ?? true);
  const run = useRunOf(scenarioId);
  const surfaceGrid = run?.views?.views.flood?.surface;
  const maxDepth = run?.views?.layers.flood?.maxDepthMetres;
  const frames = run?.views?.layers.flood?.frames;
  const frameSeconds = useStore(floodPlayer, (s) => s.frameSeconds);
  const shown =
    frameSeconds === null || !frames?.depthMetres.length
      ? maxDepth
      : frames.depthMetres[frameIndexAt(frames.timesSeconds, frameSeconds)];
  const dataset = state.status === 'ready' ? state.dataset : undefined;
  const terrain = useMemo(() => terrainGridOf(dataset?.data.terrain), [dataset]);
  const surface = useMemo(
    () => (surfaceGrid && terrain ? new WaterSurface(surfaceGrid, terrain) : null),
    [surfaceGrid, terrain],
  );
  useEffect(() => () => surface?.dispose(), [surface]);
  useEffect(() => {
    if (surface && shown) surface.show(shown);
  }, [surface, shown]);
  if (!surface || !shown || !visible) return null;
  return <primitive object={surface.mesh} scale={[1, exaggeration, 1]} />;
}
