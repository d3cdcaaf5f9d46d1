import { InputError } from '../../core/errors.ts';
import { buildBuildingTile, type TileBuilding } from './buildingGlb.ts';
import { cleanFootprint } from './footprint.ts';
import { invertAffine, multiplyMatrices, transformPoint } from './matrix4.ts';
import { sceneToEcefMatrix } from './sceneFrame.ts';
import type { BuildingRecord } from './types.ts';

/** Options of buildTileset. */
export interface TilesetOptions {
  /** A leaf tile holds at most this many buildings (unless maxDepth stops the split). Default 4000. */
  maxBuildingsPerTile?: number;
  /** Deepest quadtree level. Default 10 (a 20 km city → ~20 m cells). */
  maxDepth?: number;
  /** Ellipsoid height of the scene origin, metres (z = 0 of the scene). Default 0. */
  originHeightMetres?: number;
  /**
   * How leaves sit on the Earth. 'scene' (default): every leaf in the one flat tangent plane at
   * SCENE_ORIGIN, exactly the workbench's flat scene frame (on a globe, buildings d metres from the
   * origin float d²/2R above the ellipsoid: 2 m at 5 km, 7.8 m at 10 km). 'globe': each leaf in the
   * tangent frame at its own centre (ellipsoid height originHeightMetres), so buildings sit on the
   * curved ellipsoid in CesiumJS (≤ 5 cm); leaf content bytes are identical.
   */
  placement?: 'scene' | 'globe';
}

/** A 3D Tiles 1.1 tileset: the tileset.json document and the glb content it references. */
export interface BuiltTileset {
  tilesetJson: Tileset;
  /** Content files; `uri` is relative to tileset.json (`tiles/<quadtree path>.glb`). */
  tiles: Array<{ uri: string; glb: Uint8Array }>;
}

/** The tileset.json document (3D Tiles 1.1, the parts written here). */
export interface Tileset {
  asset: { version: '1.1'; generator: string };
  geometricError: number;
  root: TilesetTile;
}

/** One tile of tileset.json. Boxes are 3D Tiles `box` volumes: centre then three half-axis vectors, metres. */
export interface TilesetTile {
  boundingVolume: { box: number[] };
  geometricError: number;
  refine?: 'ADD';
  transform?: number[];
  content?: { uri: string };
  children?: TilesetTile[];
}

/** Axis-aligned extent, metres, in some tile frame (x east, y north, z up). */
interface Extent {
  minEast: number;
  minNorth: number;
  minUp: number;
  maxEast: number;
  maxNorth: number;
  maxUp: number;
}

interface Item extends TileBuilding {
  centroidEast: number;
  centroidNorth: number;
}

/**
 * Builds a 3D Tiles 1.1 tileset of extruded buildings (pure: bytes in memory, no files).
 *
 * Layout: a region quadtree (Finkel & Bentley 1974) over the buildings' bounding box, split at cell
 * midpoints by footprint vertex centroid until a cell holds ≤ maxBuildingsPerTile; only leaves have
 * content (`refine: ADD`, internal tiles are empty), chains of single-child cells are collapsed.
 * Frames: the root `transform` is sceneToEcefMatrix(0, 0) — ENU→ECEF at SCENE_ORIGIN times the
 * scene-metre → ground-metre Jacobian of src/core/geo.ts — so tile coordinates are scene metres
 * (x east, y north, z up); each leaf's `transform` moves to its centre (see `placement`), and its
 * glb holds float32 y-up positions relative to that centre (3D Tiles rotates glTF y-up to z-up).
 * Deterministic: the same buildings in the same order give the same bytes.
 * Throws InputError (paths `buildings[i]...`) on an unusable building or an empty list.
 */
export function buildTileset(
  buildings: readonly BuildingRecord[],
  options: TilesetOptions = {},
): BuiltTileset {
  const maxBuildingsPerTile = options.maxBuildingsPerTile ?? 4000;
  const maxDepth = options.maxDepth ?? 10;
  if (buildings.length === 0) throw new InputError([{ path: 'buildings', message: 'no buildings to tile' }]);
  const items = buildings.map((record, i): Item => {
    const ring = cleanFootprint(record, i);
    let sumEast = 0;
    let sumNorth = 0;
    for (let k = 0; k < ring.length; k += 2) {
      sumEast += ring[k]!;
      sumNorth += ring[k + 1]!;
    }
    return {
      record,
      ring,
      centroidEast: (2 * sumEast) / ring.length,
      centroidNorth: (2 * sumNorth) / ring.length,
    };
  });
  const tiles: BuiltTileset['tiles'] = [];

  const buildNode = (
    cell: Extent,
    members: Item[],
    path: string,
    depth: number,
  ): { tile: TilesetTile; extent: Extent } => {
    if (members.length <= maxBuildingsPerTile || depth >= maxDepth) return buildLeaf(members, path);
    const midEast = (cell.minEast + cell.maxEast) / 2;
    const midNorth = (cell.minNorth + cell.maxNorth) / 2;
    const quadrants: Item[][] = [[], [], [], []];
    for (const item of members) {
      quadrants[(item.centroidEast >= midEast ? 1 : 0) + (item.centroidNorth >= midNorth ? 2 : 0)]!.push(
        item,
      );
    }
    const subCell = (q: number): Extent => ({
      minEast: q & 1 ? midEast : cell.minEast,
      maxEast: q & 1 ? cell.maxEast : midEast,
      minNorth: q & 2 ? midNorth : cell.minNorth,
      maxNorth: q & 2 ? cell.maxNorth : midNorth,
      minUp: 0,
      maxUp: 0,
    });
    const occupied = [0, 1, 2, 3].filter((q) => quadrants[q]!.length > 0);
    if (occupied.length === 1) {
      const q = occupied[0]!;
      return buildNode(subCell(q), members, `${path}${q}`, depth + 1);
    }
    const children = occupied.map((q) => buildNode(subCell(q), quadrants[q]!, `${path}${q}`, depth + 1));
    const extent = children.map((c) => c.extent).reduce(unionExtent);
    return {
      tile: {
        boundingVolume: { box: boxOf(extent) },
        geometricError: horizontalDiagonal(extent),
        children: children.map((c) => c.tile),
      },
      extent,
    };
  };

  const buildLeaf = (members: Item[], path: string): { tile: TilesetTile; extent: Extent } => {
    const footprintExtent = members.map(ringExtent).reduce(unionExtent);
    const centreEast = (footprintExtent.minEast + footprintExtent.maxEast) / 2;
    const centreNorth = (footprintExtent.minNorth + footprintExtent.maxNorth) / 2;
    const content = buildBuildingTile(members, centreEast, centreNorth);
    const uri = `tiles/${path === '' ? 'root' : path}.glb`;
    tiles.push({ uri, glb: content.glb });
    // glTF bounds [x=east, y=up, z=-north] → leaf-frame extent (x east, y north, z up).
    const [minX, minY, minZ, maxX, maxY, maxZ] = content.bounds;
    const localExtent: Extent = {
      minEast: minX,
      maxEast: maxX,
      minNorth: -maxZ,
      maxNorth: -minZ,
      minUp: minY,
      maxUp: maxY,
    };
    const transform = leafTransform(centreEast, centreNorth);
    return {
      tile: { boundingVolume: { box: boxOf(localExtent) }, geometricError: 0, transform, content: { uri } },
      extent: transformedExtent(localExtent, transform),
    };
  };

  const originHeightMetres = options.originHeightMetres ?? 0;
  const rootTransform = sceneToEcefMatrix(0, 0, originHeightMetres);
  const sceneFromEcef = invertAffine(rootTransform);
  const leafTransform = (centreEast: number, centreNorth: number): number[] => {
    if (options.placement !== 'globe')
      return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, centreEast, centreNorth, 0, 1];
    return multiplyMatrices(sceneFromEcef, sceneToEcefMatrix(centreEast, centreNorth, originHeightMetres));
  };

  const rootCell = items.map(ringExtent).reduce(unionExtent);
  const { tile: root, extent } = buildNode(rootCell, items, '', 0);
  const rootError = horizontalDiagonal(extent);
  const tilesetJson: Tileset = {
    asset: { version: '1.1', generator: 'thu-duc-twin src/data/tiles3d' },
    geometricError: rootError,
    root: {
      ...root,
      geometricError: rootError,
      refine: 'ADD',
      // A single leaf is the root: compose ENU→ECEF with the leaf's own transform.
      transform:
        root.transform === undefined ? rootTransform : multiplyMatrices(rootTransform, root.transform),
    },
  };
  return { tilesetJson, tiles };
}

function ringExtent(item: TileBuilding): Extent {
  const extent: Extent = {
    minEast: Infinity,
    minNorth: Infinity,
    maxEast: -Infinity,
    maxNorth: -Infinity,
    minUp: 0,
    maxUp: item.record.heightMetres,
  };
  for (let k = 0; k < item.ring.length; k += 2) {
    extent.minEast = Math.min(extent.minEast, item.ring[k]!);
    extent.maxEast = Math.max(extent.maxEast, item.ring[k]!);
    extent.minNorth = Math.min(extent.minNorth, item.ring[k + 1]!);
    extent.maxNorth = Math.max(extent.maxNorth, item.ring[k + 1]!);
  }
  return extent;
}

function unionExtent(a: Extent, b: Extent): Extent {
  return {
    minEast: Math.min(a.minEast, b.minEast),
    minNorth: Math.min(a.minNorth, b.minNorth),
    maxEast: Math.max(a.maxEast, b.maxEast),
    minUp: Math.min(a.minUp, b.minUp),
    maxNorth: Math.max(a.maxNorth, b.maxNorth),
    maxUp: Math.max(a.maxUp, b.maxUp),
  };
}

/** 3D Tiles `box` (centre, then x, y, z half-axis vectors) of an axis-aligned extent, metres. */
function boxOf(extent: Extent): number[] {
  const halfEast = (extent.maxEast - extent.minEast) / 2;
  const halfNorth = (extent.maxNorth - extent.minNorth) / 2;
  const halfUp = (extent.maxUp - extent.minUp) / 2;
  // biome-ignore format: centre, then one half-axis per line
  return [
    extent.minEast + halfEast, extent.minNorth + halfNorth, extent.minUp + halfUp,
    halfEast, 0, 0,
    0, halfNorth, 0,
    0, 0, halfUp,
  ];
}

/** Axis-aligned extent, in the parent frame, of the eight corners of `extent` moved by `transform`. */
function transformedExtent(extent: Extent, transform: readonly number[]): Extent {
  let result: Extent | undefined;
  for (const east of [extent.minEast, extent.maxEast]) {
    for (const north of [extent.minNorth, extent.maxNorth]) {
      for (const up of [extent.minUp, extent.maxUp]) {
        const [x, y, z] = transformPoint(transform, east, north, up);
        const corner = { minEast: x, maxEast: x, minNorth: y, maxNorth: y, minUp: z, maxUp: z };
        result = result === undefined ? corner : unionExtent(result, corner);
      }
    }
  }
  return result!;
}

function horizontalDiagonal(extent: Extent): number {
  return Math.hypot(extent.maxEast - extent.minEast, extent.maxNorth - extent.minNorth);
}
