/**
 * The buildings of a `twin-buildings/1` document as render-ready buffers, in plain typed arrays
 * (no three.js): the workbench's dataset worker builds them off the main thread and transfers
 * them, and render/city/buildingsLayer.ts only wraps them in meshes (MapLibre's workers prepare
 * buffers the main thread only uploads).
 *
 * Footprints are extruded into prisms batched by spatial chunk (CHUNK_METRES squares, ≈ 50 draw
 * calls for the city), with a second batch per chunk for the small synthetic buildings (below
 * SMALL_HEIGHT_METRES) that the layer draws near the camera only. Vertices are shared between
 * walls and roof (normals come from screen-space derivatives): a footprint of n vertices costs 2n
 * vertices (n at the base, then n at the roof) and 2n + (n − 2) triangles; flat roofs are
 * triangulated by ear clipping (earcut, Mapbox). Positions are three.js scene coordinates
 * (x = east, z = −north) with y left at 0: the layer seats them on the terrain. The footprint
 * bounds go into a Flatbush R-tree (Agafonkin's packed Hilbert R-tree) whose buffer travels along.
 */
import Flatbush from 'flatbush';
import type { BuildingsDocument } from '../formats/buildings.ts';
import { orientedRoofTriangles } from '../tiles3d/extrudeBuildings.ts';

/** Side of the square chunks buildings are batched by, metres. */
const CHUNK_METRES = 2500;
/** Synthetic buildings lower than this are "small" (drawn near the camera only), metres. */
const SMALL_HEIGHT_METRES = 20;

/** One batch of prisms: the geometry of one mesh. */
export interface BuildingPrismChunk {
  /** True for the small-building (level of detail) batch. */
  small: boolean;
  /** Building indices in the batch. */
  buildings: Uint32Array;
  /** First vertex of each of `buildings` in `positions` (its base ring; the roof ring follows). */
  firstVertex: Uint32Array;
  /** xyz per vertex, scene metres (x east, y 0, z −north). */
  positions: Float32Array;
  /** Triangle list, counter-clockwise seen from outside. */
  index: Uint32Array;
}

/** Every building's footprint, attributes and prism batches. */
export interface BuildingPrisms {
  count: number;
  osmCount: number;
  /** Ids of the first `osmCount` buildings (`w…`/`r…`); the others are `s<k>`. */
  osmIds: string[];
  /** Land-use names that `use` indexes. */
  uses: readonly string[];
  use: Uint8Array;
  floors: Uint16Array;
  /** Roof height above ground, metres. */
  heightMetres: Float32Array;
  /** Scene [east, north] metres of every footprint vertex, flat. */
  coords: Float64Array;
  /** Footprint of building i spans vertices vertexStart[i] .. vertexStart[i+1]−1. */
  vertexStart: Uint32Array;
  /** Scene [east, north] of each footprint's vertex mean, metres. */
  centroids: Float64Array;
  /** Batch index of every building. */
  chunkOfBuilding: Uint32Array;
  chunks: BuildingPrismChunk[];
  /** Flatbush R-tree of footprint bounds (`Flatbush.from(spatialIndex)`). */
  spatialIndex: ArrayBuffer;
  /** Tallest roof above its ground, metres. */
  maxHeightMetres: number;
}

/** Extrudes the buildings of `doc` into prism batches (see the file comment). */
export function buildingPrisms(doc: BuildingsDocument): BuildingPrisms {
  const count = doc.count;
  const vertexStart = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) vertexStart[i + 1] = vertexStart[i]! + doc.vertexCount[i]!;
  const coords = new Float64Array(vertexStart[count]! * 2);
  const heightMetres = new Float32Array(count);
  const centroids = new Float64Array(2 * count);
  const index = new Flatbush(Math.max(1, count));
  const chunkOf = new Map<number, number[]>();
  let c = 0;
  let maxHeightMetres = 0;
  for (let i = 0; i < count; i++) {
    let x = 0;
    let y = 0;
    let minE = Infinity;
    let minN = Infinity;
    let maxE = -Infinity;
    let maxN = -Infinity;
    let sumE = 0;
    let sumN = 0;
    const n = doc.vertexCount[i]!;
    for (let k = 0; k < n; k++) {
      const a = doc.coordsDm[c++]!;
      const b = doc.coordsDm[c++]!;
      x = k === 0 ? a : x + a;
      y = k === 0 ? b : y + b;
      const v = vertexStart[i]! + k;
      const e = x / 10;
      const north = y / 10;
      coords[2 * v] = e;
      coords[2 * v + 1] = north;
      sumE += e;
      sumN += north;
      if (e < minE) minE = e;
      if (e > maxE) maxE = e;
      if (north < minN) minN = north;
      if (north > maxN) maxN = north;
    }
    const h = doc.heightDm[i]! / 10;
    heightMetres[i] = h;
    if (h > maxHeightMetres) maxHeightMetres = h;
    const ce = sumE / n;
    const cn = sumN / n;
    centroids[2 * i] = ce;
    centroids[2 * i + 1] = cn;
    index.add(minE, minN, maxE, maxN);
    const small = i >= doc.osmCount && h < SMALL_HEIGHT_METRES ? 1 : 0;
    const key = (Math.floor(ce / CHUNK_METRES) * 100_000 + Math.floor(cn / CHUNK_METRES)) * 2 + small;
    const list = chunkOf.get(key);
    if (list) list.push(i);
    else chunkOf.set(key, [i]);
  }
  if (count === 0) index.add(0, 0, 0, 0);
  index.finish();
  const chunkOfBuilding = new Uint32Array(count);
  const chunks: BuildingPrismChunk[] = [];
  for (const [key, list] of chunkOf) {
    const buildings = Uint32Array.from(list);
    for (const b of buildings) chunkOfBuilding[b] = chunks.length;
    chunks.push(prismChunk(coords, vertexStart, buildings, (key & 1) === 1));
  }
  return {
    count,
    osmCount: doc.osmCount,
    osmIds: doc.osmIds,
    uses: doc.uses,
    use: Uint8Array.from(doc.use),
    floors: Uint16Array.from(doc.floors),
    heightMetres,
    coords,
    vertexStart,
    centroids,
    chunkOfBuilding,
    chunks,
    spatialIndex: index.data as ArrayBuffer,
    maxHeightMetres,
  };
}

/** The buffers of `prisms`, to transfer them (not copy) to another thread. */
export function buildingPrismBuffers(prisms: BuildingPrisms): ArrayBuffer[] {
  const arrays = [
    prisms.use,
    prisms.floors,
    prisms.heightMetres,
    prisms.coords,
    prisms.vertexStart,
    prisms.centroids,
    prisms.chunkOfBuilding,
    ...prisms.chunks.flatMap((c) => [c.buildings, c.firstVertex, c.positions, c.index]),
  ];
  return [...arrays.map((a) => a.buffer as ArrayBuffer), prisms.spatialIndex];
}

/** Walls and roofs of `buildings` in one batch. */
function prismChunk(
  coords: Float64Array,
  vertexStart: Uint32Array,
  buildings: Uint32Array,
  small: boolean,
): BuildingPrismChunk {
  let vertices = 0;
  let triangles = 0;
  const firstVertex = new Uint32Array(buildings.length);
  buildings.forEach((b, k) => {
    const n = vertexStart[b + 1]! - vertexStart[b]!;
    firstVertex[k] = vertices;
    vertices += 2 * n;
    triangles += 2 * n + (n - 2);
  });
  const positions = new Float32Array(vertices * 3);
  const index = new Uint32Array(triangles * 3);
  let t = 0;
  for (let k = 0; k < buildings.length; k++) {
    const b = buildings[k]!;
    const start = vertexStart[b]!;
    const n = vertexStart[b + 1]! - start;
    const v0 = firstVertex[k]!;
    for (let j = 0; j < n; j++) {
      const e = coords[2 * (start + j)]!;
      const north = coords[2 * (start + j) + 1]!;
      positions[3 * (v0 + j)] = e;
      positions[3 * (v0 + j) + 2] = -north;
      positions[3 * (v0 + n + j)] = e;
      positions[3 * (v0 + n + j) + 2] = -north;
    }
    // walls: quad (bottom i, bottom j, top j, top i) is counter-clockwise seen from outside
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      index[t++] = v0 + i;
      index[t++] = v0 + j;
      index[t++] = v0 + n + j;
      index[t++] = v0 + i;
      index[t++] = v0 + n + j;
      index[t++] = v0 + n + i;
    }
    t = roof(coords.subarray(2 * start, 2 * (start + n)), v0 + n, index, t);
  }
  return { small, buildings, firstVertex, positions, index: index.slice(0, t) };
}

/** Roof triangles (counter-clockwise seen from above) of footprint `flat` whose top vertices start at `top`. */
function roof(flat: Float64Array, top: number, index: Uint32Array, t: number): number {
  const n = flat.length / 2;
  if (n === 4 || n === 3) {
    for (let i = 1; i < n - 1; i++) {
      index[t++] = top;
      index[t++] = top + i;
      index[t++] = top + i + 1;
    }
    return t;
  }
  for (const corner of orientedRoofTriangles(flat as unknown as number[])) index[t++] = top + corner;
  return t;
}
