import { cityMapLayer } from './cityMapLayer.ts';
import { differenceMapLayer } from './differenceMapLayer.ts';
import { floodMapLayer } from './floodMapLayer.ts';
import type { MapLayer } from './mapLayer.ts';
import { sensorsMapLayer } from './sensorsMapLayer.ts';
import { trafficMapLayer } from './trafficMapLayer.ts';
import { zoningMapLayer } from './zoningMapLayer.ts';

/** Every layer of the 3D views, in drawing order; `<MapLayers>` mounts those of each view. */
export const MAP_LAYERS: readonly MapLayer[] = [
  floodMapLayer,
  cityMapLayer,
  zoningMapLayer,
  trafficMapLayer,
  differenceMapLayer,
  sensorsMapLayer,
];
