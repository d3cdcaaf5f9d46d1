import { InputError } from '../../core/errors.ts';
import { buildBuildingTile, type TileBuilding } from './buildingGlb.ts';
import { cleanFootprint } from './footprint.ts';
import { fromSceneMetres } from '../../core/geo.ts';
import { geodeticToEcef } from './enuFrame.ts';
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
   * tangent frame at its own centre (ellipsoid height originHeightMetres), each building lowered by
   * the curvature drop from that centre to its centroid, so buildings sit on the curved ellipsoid
   * in CesiumJS (≤ 5 cm) even in a parent tile that spans the city.
   */
  placement?: 'scene' | 'globe';
  /**
   * Ground under each building (the foot of its walls) above z = 0, metres, by the building's
   * index in the input. Default: every building stands on z = 0.
   */
  baseMetres?: (index: number) => number;
  /**
   * Levels of detail (refine ADD): a tile that is split keeps this many of its most prominent
   * buildings (largest of height and footprint diagonal, metres) as its own content, so a far view
   * draws the big buildings of the whole city from a few coarse tiles and the small ones appear as
   * the camera comes close. Each tile's geometricError is then the prominence of the largest
   * building below it, metres (0 for leaves). Default 0: only leaves have content.
   */
  buildingsPerParentTile?: number;
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
  /** Largest of height and footprint diagonal, metres: how far away the building still matters. */
  prominenceMetres: number;
}

/** A tile of the quadtree before it is written: its own buildings and its children. */
interface Node {
  path: string;
  content: Item[];
  children: Node[];
}

/**
 * Builds a 3D Tiles 1.1 tileset of extruded buildings (pure: bytes in memory, no files).
 *
 * Layout: a region quadtree (Finkel & Bentley 1974) over the buildings' bounding box, split at cell
 * midpoints by footprint vertex centroid until a cell holds ≤ maxBuildingsPerTile; chains of
 * single-child cells are collapsed; `refine: ADD`. Without `buildingsPerParentTile` only leaves have
 * content; with it, every split tile keeps its most prominent buildings (levels of detail).
 * Frames: the root `transform` is sceneToEcefMatrix(0, 0) — ENU→ECEF at SCENE_ORIGIN times the
 * scene-metre → ground-metre Jacobian of src/core/geo.ts — so tile coordinates are scene metres
 * (x east, y north, z up); each tile with content has a `transform` to its centre (see `placement`;
 * a child's transform is relative to its parent's, as 3D Tiles composes them), and its glb holds
 * float32 y-up positions relative to that centre (3D Tiles rotates glTF y-up to z-up).
 * Deterministic: the same buildings in the same order give the same bytes.
 * Throws InputError (paths `buildings[i]...`) on an unusable building or an empty list.
 */
export function buildTileset(
  buildings: readonly BuildingRecord[],
  options: TilesetOptions = {},
): BuiltTileset {
  const maxBuildingsPerTile = options.maxBuildingsPerTile ?? 4000;
  const maxDepth = options.maxDepth ?? 10;
  const perParent = options.buildingsPerParentTile ?? 0;
  if (buildings.length === 0) throw new InputError([{ path: 'buildings', message: 'no buildings to tile' }]);
  const items = buildings.map((record, i): Item => {
    const ring = cleanFootprint(record, i);
    let sumEast = 0;
    let sumNorth = 0;
    for (let k = 0; k < ring.length; k += 2) {
      sumEast += ring[k]!;
      sumNorth += ring[k + 1]!;
    }
    const item: Item = {
      record,
      ring,
      baseMetres: options.baseMetres?.(i) ?? 0,
      centroidEast: (2 * sumEast) / ring.length,
      centroidNorth: (2 * sumNorth) / ring.length,
      prominenceMetres: 0,
    };
    item.prominenceMetres = Math.max(record.heightMetres, horizontalDiagonal(ringExtent(item)));
    return item;
  });

  const split = (cell: Extent, members: Item[], path: string, depth: number): Node => {
    if (members.length <= maxBuildingsPerTile || depth >= maxDepth)
      return { path, content: members, children: [] };
    const midEast = (cell.minEast + cell.maxEast) / 2;
    const midNorth = (cell.minNorth + cell.maxNorth) / 2;
    const quadrantOf = (item: Item) =>
      (item.centroidEast >= midEast ? 1 : 0) + (item.centroidNorth >= midNorth ? 2 : 0);
    const subCell = (q: number): Extent => ({
      minEast: q & 1 ? midEast : cell.minEast,
      maxEast: q & 1 ? cell.maxEast : midEast,
      minNorth: q & 2 ? midNorth : cell.minNorth,
      maxNorth: q & 2 ? cell.maxNorth : midNorth,
      minUp: 0,
      maxUp: 0,
    });
    const occupied = new Set(members.map(quadrantOf));
    if (occupied.size === 1) {
      const q = [...occupied][0]!;
      return split(subCell(q), members, `${path}${q}`, depth + 1);
    }
    // the most prominent buildings stay in this tile (ties by input order: deterministic)
    const ranked =
      perParent > 0 ? [...members].sort((a, b) => b.prominenceMetres - a.prominenceMetres) : members;
    const content = ranked.slice(0, perParent);
    const quadrants: Item[][] = [[], [], [], []];
    for (const item of ranked.slice(perParent)) quadrants[quadrantOf(item)]!.push(item);
    const children = [0, 1, 2, 3]
      .filter((q) => quadrants[q]!.length > 0)
      .map((q) => split(subCell(q), quadrants[q]!, `${path}${q}`, depth + 1));
    return { path, content, children };
  };

  const tiles: BuiltTileset['tiles'] = [];
  const originHeightMetres = options.originHeightMetres ?? 0;
  const rootTransform = sceneToEcefMatrix(0, 0, originHeightMetres);
  const sceneFromEcef = invertAffine(rootTransform);
  /** Transform from a content tile's frame (at its centre) to the root's scene frame. */
  const contentTransform = (centreEast: number, centreNorth: number): number[] => {
    if (options.placement !== 'globe')
      return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, centreEast, centreNorth, 0, 1];
    return multiplyMatrices(sceneFromEcef, sceneToEcefMatrix(centreEast, centreNorth, originHeightMetres));
  };

  /**
   * Writes a node's tile; `frame` is the transform (to the root's scene frame) of the frame its
   * parent's children live in (undefined: the root's frame). Returns the tile, its extent in
   * that frame and the prominence of its largest building, metres.
   */
  const emit = (
    node: Node,
    frame: number[] | undefined,
  ): { tile: TilesetTile; extent: Extent; prominence: number } => {
    let own: number[] | undefined; // this tile's frame, to the root's scene frame
    let local: Extent | undefined; // extent of the content in the tile's own frame
    let uri: string | undefined;
    if (node.content.length > 0) {
      const footprintExtent = node.content.map(ringExtent).reduce(unionExtent);
      const centreEast = (footprintExtent.minEast + footprintExtent.maxEast) / 2;
      const centreNorth = (footprintExtent.minNorth + footprintExtent.maxNorth) / 2;
      const built = buildBuildingTile(
        options.placement === 'globe'
          ? node.content.map((item) => onCurvedGround(item, centreEast, centreNorth))
          : node.content,
        centreEast,
        centreNorth,
      );
      uri = `tiles/${node.path === '' ? 'root' : node.path}.glb`;
      tiles.push({ uri, glb: built.glb });
      // glTF bounds [x=east, y=up, z=-north] → tile-frame extent (x east, y north, z up).
      const [minX, minY, minZ, maxX, maxY, maxZ] = built.bounds;
      local = { minEast: minX, maxEast: maxX, minNorth: -maxZ, maxNorth: -minZ, minUp: minY, maxUp: maxY };
      own = contentTransform(centreEast, centreNorth);
    }
    const children = node.children.map((child) => emit(child, own ?? frame));
    const inOwnFrame = [...(local ? [local] : []), ...children.map((c) => c.extent)].reduce(unionExtent);
    const below = Math.max(0, ...children.map((c) => c.prominence));
    const prominence = Math.max(below, ...node.content.map((item) => item.prominenceMetres));
    const transform = own && (frame ? multiplyMatrices(invertAffine(frame), own) : own);
    const tile: TilesetTile = {
      boundingVolume: { box: boxOf(inOwnFrame) },
      // a leaf misses nothing; with levels of detail a tile misses its children's buildings, else
      // (content in leaves only) an empty tile misses everything under it
      geometricError: children.length === 0 ? 0 : perParent > 0 ? below : horizontalDiagonal(inOwnFrame),
      ...(transform ? { transform } : {}),
      ...(uri ? { content: { uri } } : {}),
      ...(children.length > 0 ? { children: children.map((c) => c.tile) } : {}),
    };
    return { tile, extent: transform ? transformedExtent(inOwnFrame, transform) : inOwnFrame, prominence };
  };

  /**
   * The building lowered by the Earth's curvature between the tile's centre and its centroid
   * (its ground's height in the tile's tangent frame: −d²/2R, 8 cm at 1 km), so that buildings of a
   * wide parent tile stand on the ellipsoid too; a building stays rigid (one offset for all its vertices).
   */
  const onCurvedGround = (item: Item, centreEast: number, centreNorth: number): Item => {
    const [longitude, latitude] = fromSceneMetres(item.centroidEast, item.centroidNorth);
    const tileFromEcef = invertAffine(sceneToEcefMatrix(centreEast, centreNorth, originHeightMetres));
    const [, , up] = transformPoint(tileFromEcef, ...geodeticToEcef(longitude, latitude, originHeightMetres));
    return { ...item, baseMetres: (item.baseMetres ?? 0) + up };
  };

  const rootCell = items.map(ringExtent).reduce(unionExtent);
  const { tile: root, extent } = emit(split(rootCell, items, '', 0), undefined);
  const rootError = horizontalDiagonal(extent);
  const tilesetJson: Tileset = {
    asset: { version: '1.1', generator: 'thu-duc-twin src/data/tiles3d' },
    geometricError: rootError,
    root: {
      ...root,
      geometricError: perParent > 0 ? root.geometricError : rootError,
      refine: 'ADD',
      // a root with content: compose ENU→ECEF with its own transform
      transform:
        root.transform === undefined ? rootTransform : multiplyMatrices(rootTransform, root.transform),
    },
  };
  return { tilesetJson, tiles };
}

function ringExtent(item: TileBuilding): Extent {
  const base = item.baseMetres ?? 0;
  const extent: Extent = {
    minEast: Infinity,
    minNorth: Infinity,
    maxEast: -Infinity,
    maxNorth: -Infinity,
    minUp: base,
    maxUp: base + item.record.heightMetres,
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
