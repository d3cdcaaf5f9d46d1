import { useEffect, useMemo } from 'react';
import { WaterSurface } from '../../render/flood/waterSurface.ts';
import { useApp } from '../context.tsx';

/**
 * The flood water surface inside the 3D view (mounted in CityView's Canvas): draws the store's
 * flood result at the chosen frame (or the maximum depth), with the vertical exaggeration.
 * Layer id `flood` in `layerVisible`.
 */
export function FloodLayer() {
  const flood = useApp((s) => s.flood);
  const frame = useApp((s) => s.floodFrame);
  const exaggeration = useApp((s) => s.verticalExaggeration);
  const visible = useApp((s) => s.layerVisible.flood ?? true);
  const surface = useMemo(() => (flood ? new WaterSurface(flood.grid, flood.terrain) : null), [flood]);
  useEffect(() => () => surface?.dispose(), [surface]);
  useEffect(() => {
    if (!surface || !flood) return;
    surface.show(
      frame >= 0 ? (flood.frames[frame]?.depthMetres ?? flood.maxDepthMetres) : flood.maxDepthMetres,
    );
  }, [surface, flood, frame]);
  if (!surface || !visible) return null;
  return <primitive object={surface.mesh} scale={[1, exaggeration, 1]} />;
}
