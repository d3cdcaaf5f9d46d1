/**
 * `buildings.json` (format `twin-buildings/1`): BuildingRecords in compact columns, one schema for
 * the writer (data/pipeline: OSM and synthetic buildings, buildDataset) and the readers
 * (`decodeBuildings`: the land-use, flood and traffic models, render, `twin data tiles`).
 *
 * - `osmIds`: ids of the first `osmCount` records (source `osm`); the rest are synthetic with id
 *   `s<k>` (k counts synthetic records from 0).
 * - `use[i]`: index into `uses` (core/vocabulary's LAND_USES); `floors[i]`; `heightDm[i]`: height in
 *   decimetres (integer).
 * - `vertexCount[i]`: footprint vertices; `coordsDm`: all footprints, decimetre integers, each
 *   ring as its first vertex [east, north] absolute, then each next vertex as a delta from the
 *   previous one (counter-clockwise, not closed).
 */
import { InputError } from '../../core/errors.ts';
import { LAND_USES, type LandUse } from '../../core/vocabulary.ts';

/**
 * One building, OSM or synthetic. Scene metres are the east/north frame of `core/geo` (origin
 * 10.82 N 106.77 E).
 */
export interface BuildingRecord {
  /** 'w<wayId>' / 'r<relationId>' (OSM, `-2`, `-3` for further outer rings) or 's<n>' (synthetic). */
  id: string;
  source: 'osm' | 'synthetic';
  /** Land use (core/vocabulary's LAND_USES). */
  use: LandUse;
  /** Roof height above ground, metres (a multiple of 0.1 m). */
  heightMetres: number;
  /** Storeys (≥ 1). */
  floors: number;
  /** Outer ring [east, north] scene metres, counter-clockwise, not closed, 0.1 m grid. */
  footprint: Array<[number, number]>;
}

/** The JSON document. */
export interface BuildingsDocument {
  format: 'twin-buildings/1';
  crs: string;
  count: number;
  osmCount: number;
  syntheticCount: number;
  uses: readonly string[];
  osmIds: string[];
  use: number[];
  floors: number[];
  heightDm: number[];
  vertexCount: number[];
  coordsDm: number[];
}

/** Encodes records (all OSM records first, then synthetic) into the columnar document. */
export function encodeBuildings(buildings: readonly BuildingRecord[]): BuildingsDocument {
  const doc: BuildingsDocument = {
    format: 'twin-buildings/1',
    crs: 'scene east/north metres ×10 (decimetres), origin 10.82 N 106.77 E (src/core/geo.ts)',
    count: buildings.length,
    osmCount: 0,
    syntheticCount: 0,
    uses: LAND_USES,
    osmIds: [],
    use: [],
    floors: [],
    heightDm: [],
    vertexCount: [],
    coordsDm: [],
  };
  for (const b of buildings) {
    if (b.source === 'osm') {
      if (doc.syntheticCount > 0)
        throw new Error('encodeBuildings: OSM records must come before synthetic ones');
      doc.osmIds.push(b.id);
      doc.osmCount++;
    } else doc.syntheticCount++;
    doc.use.push(LAND_USES.indexOf(b.use));
    doc.floors.push(b.floors);
    doc.heightDm.push(Math.round(b.heightMetres * 10));
    doc.vertexCount.push(b.footprint.length);
    let px = 0;
    let py = 0;
    b.footprint.forEach(([x, y], i) => {
      const dx = Math.round(x * 10);
      const dy = Math.round(y * 10);
      doc.coordsDm.push(i === 0 ? dx : dx - px, i === 0 ? dy : dy - py);
      px = dx;
      py = dy;
    });
  }
  return doc;
}

/** Decodes a `twin-buildings/1` document back into records; InputError on a malformed one. */
export function decodeBuildings(doc: BuildingsDocument): BuildingRecord[] {
  if (doc.format !== 'twin-buildings/1')
    throw new InputError([{ path: 'format', message: 'expected "twin-buildings/1"' }]);
  for (const key of ['use', 'floors', 'heightDm', 'vertexCount'] as const) {
    if (!Array.isArray(doc[key]) || doc[key].length !== doc.count) {
      throw new InputError([{ path: key, message: `expected an array of ${doc.count} numbers` }]);
    }
  }
  const out: BuildingRecord[] = [];
  let c = 0;
  for (let i = 0; i < doc.count; i++) {
    const n = doc.vertexCount[i]!;
    const footprint: Array<[number, number]> = [];
    let x = 0;
    let y = 0;
    for (let k = 0; k < n; k++) {
      const a = doc.coordsDm[c++];
      const b = doc.coordsDm[c++];
      if (a === undefined || b === undefined)
        throw new InputError([{ path: 'coordsDm', message: 'too short for vertexCount' }]);
      x = k === 0 ? a : x + a;
      y = k === 0 ? b : y + b;
      footprint.push([x / 10, y / 10]);
    }
    const use = LAND_USES[doc.use[i]!];
    if (use === undefined) throw new InputError([{ path: `use[${i}]`, message: 'unknown land-use index' }]);
    const osm = i < doc.osmCount;
    out.push({
      id: osm ? doc.osmIds[i]! : `s${i - doc.osmCount}`,
      source: osm ? 'osm' : 'synthetic',
      use,
      heightMetres: doc.heightDm[i]! / 10,
      floors: doc.floors[i]!,
      footprint,
    });
  }
  return out;
}
