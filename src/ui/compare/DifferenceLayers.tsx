import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { terrainGridOf } from '../../render/city/terrainGrid.ts';
import { DepthDifferenceSurface } from '../../render/flood/depthDifferenceSurface.ts';
import { FloorSpaceChangeLayer } from '../../render/landuse/floorSpaceChangeLayer.ts';
import { LinkFlowLayer } from '../../render/traffic/linkFlowLayer.ts';
import type { DatasetState } from '../city/useCityDataset.ts';
import { useApp } from '../context.tsx';
import { DIFFERENCE_LAYER_IDS, useScenarioDifferences } from './useScenarioDifferences.ts';

/**
 * The difference layers of scenario B against A inside view B's 3D canvas (comparison mode):
 * flood depth difference over the terrain, link volume difference (traffic flow layer in its
 * difference mode, widths by B's volume) and proposed floor space added or removed. Each is
 * drawn when both runs have it and its toggle (`layerVisible`, ids in DIFFERENCE_LAYER_IDS) is on.
 */
export function DifferenceLayers({ state }: { state: DatasetState }) {
  const differences = useScenarioDifferences();
  const visible = useApp((s) => s.layerVisible);
  const exaggeration = useApp((s) => s.verticalExaggeration);
  const size = useThree((s) => s.size);
  const dataset = state.status === 'ready' ? state.dataset : undefined;
  const terrain = useMemo(() => terrainGridOf(dataset?.data.terrain), [dataset]);

  const flood = useMemo(
    () => (differences.flood && terrain ? new DepthDifferenceSurface(differences.flood, terrain) : null),
    [differences.flood, terrain],
  );
  useEffect(() => () => flood?.dispose(), [flood]);

  const roads = dataset?.data.roads;
  const traffic = useMemo(() => {
    const d = differences.traffic;
    if (!d || !roads || roads.links.ids.length !== d.differencePcuPerHour.length) return null;
    const layer = new LinkFlowLayer(roads, terrain);
    layer.show({ volume: d.volumeBPcuPerHour, colourValue: d.differencePcuPerHour, mode: 'difference' });
    return layer;
  }, [differences.traffic, roads, terrain]);
  useEffect(() => () => traffic?.dispose(), [traffic]);
  useEffect(() => traffic?.setResolution(size.width, size.height), [traffic, size]);

  const floorSpace = useMemo(
    () =>
      differences.floorSpace
        ? new FloorSpaceChangeLayer(differences.floorSpace, terrain, exaggeration)
        : null,
    [differences.floorSpace, terrain, exaggeration],
  );
  useEffect(() => () => floorSpace?.dispose(), [floorSpace]);

  const shown = (id: string) => visible[id] ?? true;
  return (
    <>
      {flood && shown(DIFFERENCE_LAYER_IDS.flood) && (
        <primitive object={flood.mesh} scale={[1, exaggeration, 1]} />
      )}
      {traffic && shown(DIFFERENCE_LAYER_IDS.traffic) && <primitive object={traffic.group} />}
      {floorSpace && shown(DIFFERENCE_LAYER_IDS.floorSpace) && <primitive object={floorSpace.group} />}
    </>
  );
}
