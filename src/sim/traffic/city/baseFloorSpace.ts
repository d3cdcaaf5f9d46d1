/**
 * Floor space of the existing buildings (`buildings.json`): one point per building at its
 * footprint centroid with GFA = footprint area × floors, in the `LanduseStageResult.floorSpace`
 * layout, so demand reads the same arrays with or without the land-use stage.
 */
import { decodeBuildings, type BuildingsDocument } from '../../../data/formats/buildings.ts';
import { LAND_USES } from '../../../core/vocabulary.ts';
import type { FloorSpace } from '../../floorSpace.ts';
import { polygonArea } from '../../../core/geometry/area.ts';
import { polygonCentroid } from '../../../core/geometry/centroid.ts';

/** Floor space of existing buildings (see the module comment); GFA in m², positions in scene metres. */
export function buildingFloorSpace(doc: BuildingsDocument): FloorSpace {
  const records = decodeBuildings(doc);
  const n = records.length;
  const out = {
    eastMetres: new Float64Array(n),
    northMetres: new Float64Array(n),
    grossFloorAreaM2: new Float64Array(n),
    use: new Uint8Array(n),
    proposed: new Uint8Array(n),
  };
  records.forEach((b, k) => {
    const [east, north] = polygonCentroid([b.footprint]);
    out.eastMetres[k] = east;
    out.northMetres[k] = north;
    out.grossFloorAreaM2[k] = polygonArea([b.footprint]) * b.floors;
    out.use[k] = Math.max(0, LAND_USES.indexOf(b.use));
  });
  return out;
}
