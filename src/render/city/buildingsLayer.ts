/**
 * Buildings of `buildings.json` (twin-buildings/1) as extruded prisms batched into one mesh per
 * spatial chunk (CHUNK_METRES squares, ≈ 50 draw calls for the city). Flat roofs are triangulated
 * by ear clipping (earcut, Mapbox); normals come from screen-space derivatives (`flatShading`), so
 * vertices are shared between walls and roof: a 4-corner footprint costs 8 vertices, 10 triangles.
 * Level of detail: each chunk has a second mesh for the small synthetic buildings (row houses,
 * below SMALL_HEIGHT_METRES), drawn only while the camera is within SMALL_RANGE_METRES of the
 * chunk (they are under a pixel wide from farther away) and picked only while drawn.
 * Base height follows the terrain (sampled at the footprint centroid) × vertical exaggeration;
 * building heights are true metres. Picking is exact ray-vs-prism on candidates from a Flatbush
 * R-tree of footprint bounds (Agafonkin's packed Hilbert R-tree).
 */
import earcut from 'earcut';
import Flatbush from 'flatbush';
import { BufferAttribute, BufferGeometry, Group, Mesh, MeshLambertMaterial } from 'three';
import type { BuildingsDocument } from '../../data/formats/buildings.ts';
import type { LandUse } from '../../core/vocabulary.ts';
import { hexColor, rampColor, type Rgb } from '../legend.ts';
import { BUILDING_HEIGHT_STOPS, LAND_USE_COLOURS, lighten, SYNTHETIC_WHITE_SHARE } from './cityColours.ts';
import { rayPrism, type SceneRay } from './pickGeometry.ts';
import type { TerrainGrid } from './terrainGrid.ts';

/** Side of the square chunks buildings are batched by, metres. */
const CHUNK_METRES = 2500;
/** Synthetic buildings lower than this are "small" (drawn near the camera only), metres. */
const SMALL_HEIGHT_METRES = 20;
/** Small buildings are drawn while the camera is this close to their chunk's bounding sphere, metres. */
const SMALL_RANGE_METRES = 6000;
/** Walls reach this far below the sampled ground so sloped sites show no gap, metres. */
const FOUNDATION_METRES = 1;

/** How buildings are coloured. */
export type BuildingColourMode = 'use' | 'height';

/** Attributes of one building for the inspector. */
export interface BuildingAttributes {
  id: string;
  use: LandUse;
  heightMetres: number;
  floors: number;
  source: 'osm' | 'synthetic';
}

interface Chunk {
  /** True for the small-building (level of detail) mesh. */
  small: boolean;
  mesh: Mesh;
  buildings: Uint32Array;
  /** First vertex of each building in the chunk's geometry. */
  firstVertex: Uint32Array;
  geometry: BufferGeometry;
}

/** The decoded buildings with their batched meshes. */
export class BuildingsLayer {
  readonly count: number;
  readonly osmCount: number;
  /** Scene [east, north] metres of every footprint vertex, flat. */
  readonly coords: Float64Array;
  /** Footprint of building i spans vertices vertexStart[i] .. vertexStart[i+1]−1. */
  readonly vertexStart: Uint32Array;
  readonly heightMetres: Float32Array;
  /** Terrain elevation under each building (centroid), metres above MSL. */
  readonly groundMetres: Float32Array;
  readonly group = new Group();
  readonly material = new MeshLambertMaterial({ vertexColors: true, flatShading: true });
  private readonly chunks: Chunk[] = [];
  /** Chunk index of every building. */
  private readonly chunkOfBuilding: Uint32Array;
  private readonly index: Flatbush;
  private readonly maxHeightMetres: number;
  private exaggeration = 1;

  constructor(
    private readonly doc: BuildingsDocument,
    terrain: TerrainGrid | undefined,
  ) {
    this.count = doc.count;
    this.osmCount = doc.osmCount;
    this.vertexStart = new Uint32Array(doc.count + 1);
    for (let i = 0; i < doc.count; i++) this.vertexStart[i + 1] = this.vertexStart[i]! + doc.vertexCount[i]!;
    const total = this.vertexStart[doc.count]!;
    this.coords = new Float64Array(total * 2);
    this.heightMetres = new Float32Array(doc.count);
    this.groundMetres = new Float32Array(doc.count);
    this.index = new Flatbush(Math.max(1, doc.count));
    this.chunkOfBuilding = new Uint32Array(doc.count);
    const chunkOf = new Map<number, number[]>();
    let c = 0;
    let maxHeight = 0;
    for (let i = 0; i < doc.count; i++) {
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
        const v = this.vertexStart[i]! + k;
        const e = x / 10;
        const nn = y / 10;
        this.coords[2 * v] = e;
        this.coords[2 * v + 1] = nn;
        sumE += e;
        sumN += nn;
        if (e < minE) minE = e;
        if (e > maxE) maxE = e;
        if (nn < minN) minN = nn;
        if (nn > maxN) maxN = nn;
      }
      const h = doc.heightDm[i]! / 10;
      this.heightMetres[i] = h;
      if (h > maxHeight) maxHeight = h;
      const ce = sumE / n;
      const cn = sumN / n;
      this.groundMetres[i] = terrain ? terrain.elevationAt(ce, cn) : 0;
      this.index.add(minE, minN, maxE, maxN);
      const small = i >= doc.osmCount && h < SMALL_HEIGHT_METRES ? 1 : 0;
      const key = (Math.floor(ce / CHUNK_METRES) * 100_000 + Math.floor(cn / CHUNK_METRES)) * 2 + small;
      const list = chunkOf.get(key);
      if (list) list.push(i);
      else chunkOf.set(key, [i]);
    }
    if (doc.count === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
    this.maxHeightMetres = maxHeight + (terrain ? terrain.maxElevationMetres : 0);
    this.group.name = 'buildings';
    for (const [key, list] of chunkOf) {
      const buildings = Uint32Array.from(list);
      for (const b of buildings) this.chunkOfBuilding[b] = this.chunks.length;
      const chunk = this.buildChunk(buildings, (key & 1) === 1);
      this.chunks.push(chunk);
      this.group.add(chunk.mesh);
    }
  }

  /** Id of building i (`w…`/`r…` OSM ids, `s<k>` synthetic). */
  id(i: number): string {
    return i < this.osmCount ? this.doc.osmIds[i]! : `s${i - this.osmCount}`;
  }

  /** Land use of building i. */
  use(i: number): LandUse {
    return this.doc.uses[this.doc.use[i]!] as LandUse;
  }

  /** Inspector attributes of building i. */
  attributes(i: number): BuildingAttributes {
    return {
      id: this.id(i),
      use: this.use(i),
      heightMetres: this.heightMetres[i]!,
      floors: this.doc.floors[i]!,
      source: i < this.osmCount ? 'osm' : 'synthetic',
    };
  }

  /** Index of the building with this id, or −1. */
  indexOf(id: string): number {
    if (id.startsWith('s')) {
      const k = Number(id.slice(1));
      return Number.isInteger(k) && k >= 0 && k < this.count - this.osmCount ? this.osmCount + k : -1;
    }
    return this.doc.osmIds.indexOf(id);
  }

  /** Scene [east, north] of the vertex mean of building i's footprint. */
  centroid(i: number): [number, number] {
    const start = this.vertexStart[i]!;
    const end = this.vertexStart[i + 1]!;
    let e = 0;
    let n = 0;
    for (let v = start; v < end; v++) {
      e += this.coords[2 * v]!;
      n += this.coords[2 * v + 1]!;
    }
    return [e / (end - start), n / (end - start)];
  }

  /** Height of the base (foundation bottom) and roof of building i in scene y, metres. */
  verticalExtent(i: number): [baseUp: number, topUp: number] {
    const ground = this.groundMetres[i]! * this.exaggeration;
    return [ground - FOUNDATION_METRES, ground + this.heightMetres[i]!];
  }

  private buildChunk(buildings: Uint32Array, small: boolean): Chunk {
    let vertices = 0;
    let triangles = 0;
    const firstVertex = new Uint32Array(buildings.length);
    buildings.forEach((b, k) => {
      const n = this.vertexStart[b + 1]! - this.vertexStart[b]!;
      firstVertex[k] = vertices;
      vertices += 2 * n;
      triangles += 2 * n + (n - 2);
    });
    const positions = new Float32Array(vertices * 3);
    const colours = new Uint8Array(vertices * 3);
    const index = new Uint32Array(triangles * 3);
    let t = 0;
    for (let k = 0; k < buildings.length; k++) {
      const b = buildings[k]!;
      const start = this.vertexStart[b]!;
      const n = this.vertexStart[b + 1]! - start;
      const v0 = firstVertex[k]!;
      for (let j = 0; j < n; j++) {
        const e = this.coords[2 * (start + j)]!;
        const north = this.coords[2 * (start + j) + 1]!;
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
      t = this.roof(start, n, v0 + n, index, t);
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setAttribute('color', new BufferAttribute(colours, 3, true));
    geometry.setIndex(new BufferAttribute(index.subarray(0, t), 1));
    const mesh = new Mesh(geometry, this.material);
    mesh.matrixAutoUpdate = false;
    mesh.name = small ? 'buildings-small' : 'buildings-large';
    const chunk = { small, mesh, buildings, firstVertex, geometry };
    this.writeHeights(chunk);
    return chunk;
  }

  /** Roof triangles (counter-clockwise seen from above) for a footprint whose top vertices start at `top`. */
  private roof(start: number, n: number, top: number, index: Uint32Array, t: number): number {
    if (n === 4 || n === 3) {
      for (let i = 1; i < n - 1; i++) {
        index[t++] = top;
        index[t++] = top + i;
        index[t++] = top + i + 1;
      }
      return t;
    }
    const flat = this.coords.subarray(2 * start, 2 * (start + n));
    const triangles = earcut(flat as unknown as number[]);
    for (let i = 0; i < triangles.length; i += 3) {
      const a = triangles[i]!;
      let b = triangles[i + 1]!;
      let c = triangles[i + 2]!;
      const area =
        (flat[2 * b]! - flat[2 * a]!) * (flat[2 * c + 1]! - flat[2 * a + 1]!) -
        (flat[2 * c]! - flat[2 * a]!) * (flat[2 * b + 1]! - flat[2 * a + 1]!);
      if (area < 0) [b, c] = [c, b];
      index[t++] = top + a;
      index[t++] = top + b;
      index[t++] = top + c;
    }
    return t;
  }

  private writeHeights(chunk: Chunk): void {
    const position = chunk.geometry.getAttribute('position') as BufferAttribute;
    const positions = position.array as Float32Array;
    for (let k = 0; k < chunk.buildings.length; k++) {
      const b = chunk.buildings[k]!;
      const n = this.vertexStart[b + 1]! - this.vertexStart[b]!;
      const [base, top] = this.verticalExtent(b);
      const v0 = chunk.firstVertex[k]!;
      for (let j = 0; j < n; j++) {
        positions[3 * (v0 + j) + 1] = base;
        positions[3 * (v0 + n + j) + 1] = top;
      }
    }
    position.needsUpdate = true;
    chunk.geometry.computeBoundingSphere();
    chunk.geometry.computeBoundingBox();
  }

  /** Raises the buildings onto the terrain exaggerated by `factor` (heights stay true). */
  setExaggeration(factor: number): void {
    if (factor === this.exaggeration) return;
    this.exaggeration = factor;
    for (const chunk of this.chunks) this.writeHeights(chunk);
  }

  /** Recolours by land use (synthetic ones lighter) or by height (ramp, synthetic lighter too). */
  setColourMode(mode: BuildingColourMode): void {
    const useColours = new Map<number, [Rgb, Rgb]>();
    const colour: [number, number, number] = [0, 0, 0];
    for (const chunk of this.chunks) {
      const attribute = chunk.geometry.getAttribute('color') as BufferAttribute;
      const colours = attribute.array as Uint8Array;
      for (let k = 0; k < chunk.buildings.length; k++) {
        const b = chunk.buildings[k]!;
        const synthetic = b >= this.osmCount;
        let rgb: Rgb;
        if (mode === 'use') {
          const u = this.doc.use[b]!;
          let pair = useColours.get(u);
          if (!pair) {
            const base = hexColor(LAND_USE_COLOURS[this.use(b)]);
            pair = [base, lighten(base, SYNTHETIC_WHITE_SHARE)];
            useColours.set(u, pair);
          }
          rgb = synthetic ? pair[1] : pair[0];
        } else {
          rampColor(BUILDING_HEIGHT_STOPS, this.heightMetres[b]!, colour);
          rgb = synthetic ? lighten(colour, SYNTHETIC_WHITE_SHARE * 0.6) : colour;
        }
        const n = this.vertexStart[b + 1]! - this.vertexStart[b]!;
        const v0 = chunk.firstVertex[k]!;
        const r = Math.round(rgb[0] * 255);
        const g = Math.round(rgb[1] * 255);
        const bl = Math.round(rgb[2] * 255);
        for (let j = 0; j < 2 * n; j++) {
          colours[3 * (v0 + j)] = r;
          colours[3 * (v0 + j) + 1] = g;
          colours[3 * (v0 + j) + 2] = bl;
        }
      }
      attribute.needsUpdate = true;
    }
  }

  /**
   * The building the ray hits first before `maxT` (e.g. the terrain hit), or −1. Walks the ray's
   * horizontal track in windows of WINDOW_METRES from where it descends below the tallest roof,
   * testing the R-tree candidates of each window exactly.
   */
  pick(ray: SceneRay, maxT: number): { building: number; t: number } {
    const horizontal = Math.hypot(ray.directionEast, ray.directionNorth);
    let t0 = 0;
    if (ray.directionUp < 0 && ray.originUp > this.maxHeightMetres * Math.max(1, this.exaggeration)) {
      t0 = (this.maxHeightMetres * Math.max(1, this.exaggeration) - ray.originUp) / ray.directionUp;
    }
    const tEnd = Number.isFinite(maxT) ? maxT : t0 + 50_000 / Math.max(horizontal, 1e-9);
    const windowT = horizontal > 1e-9 ? WINDOW_METRES / horizontal : tEnd - t0;
    let best = -1;
    let bestT = Infinity;
    for (let a = t0; a < tEnd; a += windowT) {
      const b = Math.min(tEnd, a + windowT);
      const e0 = ray.originEast + a * ray.directionEast;
      const n0 = ray.originNorth + a * ray.directionNorth;
      const e1 = ray.originEast + b * ray.directionEast;
      const n1 = ray.originNorth + b * ray.directionNorth;
      const found = this.index.search(Math.min(e0, e1), Math.min(n0, n1), Math.max(e0, e1), Math.max(n0, n1));
      for (const i of found) {
        if (!this.chunks[this.chunkOfBuilding[i]!]!.mesh.visible) continue;
        const [base, top] = this.verticalExtent(i);
        const t = rayPrism(ray, this.coords, this.vertexStart[i]!, this.vertexStart[i + 1]!, base, top);
        if (t < bestT) {
          bestT = t;
          best = i;
        }
      }
      // every hit nearer than the end of this window has been tested by now
      if (bestT <= b) break;
    }
    return bestT <= tEnd ? { building: best, t: bestT } : { building: -1, t: Infinity };
  }

  /**
   * Shows each chunk's small buildings only while the camera (three.js coordinates) is within
   * SMALL_RANGE_METRES of the chunk. Called every frame; allocates nothing.
   */
  updateLevelOfDetail(cameraX: number, cameraY: number, cameraZ: number): void {
    for (const chunk of this.chunks) {
      if (!chunk.small) continue;
      const sphere = chunk.geometry.boundingSphere;
      if (!sphere) continue;
      const dx = sphere.center.x - cameraX;
      const dy = sphere.center.y - cameraY;
      const dz = sphere.center.z - cameraZ;
      chunk.mesh.visible = Math.sqrt(dx * dx + dy * dy + dz * dz) - sphere.radius < SMALL_RANGE_METRES;
    }
  }

  /** Triangles across all chunks. */
  get triangleCount(): number {
    let n = 0;
    for (const chunk of this.chunks) n += (chunk.geometry.index?.count ?? 0) / 3;
    return n;
  }

  /** Frees GPU buffers. */
  dispose(): void {
    for (const chunk of this.chunks) chunk.geometry.dispose();
    this.material.dispose();
  }
}

/** Length of the horizontal ray windows searched in turn when picking, metres. */
const WINDOW_METRES = 150;
