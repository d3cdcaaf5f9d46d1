/**
 * Buildings as extruded prisms batched into one mesh per spatial chunk, from the buffers of
 * data/dataset/buildingPrisms.ts (built in the dataset worker; this class only wraps them, seats
 * them on the terrain and colours them). Normals come from screen-space derivatives
 * (`flatShading`), so vertices are shared between walls and roof.
 * Level of detail: each chunk has a second mesh for the small synthetic buildings, drawn only
 * while the camera is within SMALL_RANGE_METRES of the chunk (they are under a pixel wide from
 * farther away) and picked only while drawn.
 * Base height follows the terrain (sampled at the footprint centroid) × vertical exaggeration;
 * building heights are true metres. Picking is exact ray-vs-prism on candidates from the Flatbush
 * R-tree of footprint bounds that came with the buffers.
 */
import Flatbush from 'flatbush';
import { Box3, BufferAttribute, BufferGeometry, Group, Mesh, MeshLambertMaterial, Sphere } from 'three';
import type { BuildingPrismChunk, BuildingPrisms } from '../../data/dataset/buildingPrisms.ts';
import type { LandUse } from '../../core/vocabulary.ts';
import { hexColor, rampColor, type Rgb } from '../legend.ts';
import { BUILDING_HEIGHT_STOPS, LAND_USE_COLOURS, lighten, SYNTHETIC_WHITE_SHARE } from './cityColours.ts';
import { rayPrism, type SceneRay } from './pickGeometry.ts';
import type { TerrainGrid } from './terrainGrid.ts';

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
    private readonly prisms: BuildingPrisms,
    terrain: TerrainGrid | undefined,
  ) {
    this.count = prisms.count;
    this.osmCount = prisms.osmCount;
    this.coords = prisms.coords;
    this.vertexStart = prisms.vertexStart;
    this.heightMetres = prisms.heightMetres;
    this.chunkOfBuilding = prisms.chunkOfBuilding;
    this.index = Flatbush.from(prisms.spatialIndex);
    this.groundMetres = new Float32Array(prisms.count);
    if (terrain) {
      for (let i = 0; i < prisms.count; i++)
        this.groundMetres[i] = terrain.elevationAt(prisms.centroids[2 * i]!, prisms.centroids[2 * i + 1]!);
    }
    this.maxHeightMetres = prisms.maxHeightMetres + (terrain ? terrain.maxElevationMetres : 0);
    this.group.name = 'buildings';
    for (const batch of prisms.chunks) {
      const chunk = this.meshOf(batch);
      this.chunks.push(chunk);
      this.group.add(chunk.mesh);
    }
  }

  /** Id of building i (`w…`/`r…` OSM ids, `s<k>` synthetic). */
  id(i: number): string {
    return i < this.osmCount ? this.prisms.osmIds[i]! : `s${i - this.osmCount}`;
  }

  /** Land use of building i. */
  use(i: number): LandUse {
    return this.prisms.uses[this.prisms.use[i]!] as LandUse;
  }

  /** Inspector attributes of building i. */
  attributes(i: number): BuildingAttributes {
    return {
      id: this.id(i),
      use: this.use(i),
      heightMetres: this.heightMetres[i]!,
      floors: this.prisms.floors[i]!,
      source: i < this.osmCount ? 'osm' : 'synthetic',
    };
  }

  /** Index of the building with this id, or −1. */
  indexOf(id: string): number {
    if (id.startsWith('s')) {
      const k = Number(id.slice(1));
      return Number.isInteger(k) && k >= 0 && k < this.count - this.osmCount ? this.osmCount + k : -1;
    }
    return this.prisms.osmIds.indexOf(id);
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

  /** A mesh around one batch of prism buffers (colours are set by setColourMode, heights here). */
  private meshOf(batch: BuildingPrismChunk): Chunk {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(batch.positions, 3));
    geometry.setAttribute('color', new BufferAttribute(new Uint8Array(batch.positions.length), 3, true));
    geometry.setIndex(new BufferAttribute(batch.index, 1));
    const mesh = new Mesh(geometry, this.material);
    mesh.matrixAutoUpdate = false;
    mesh.name = batch.small ? 'buildings-small' : 'buildings-large';
    const chunk = {
      small: batch.small,
      mesh,
      buildings: batch.buildings,
      firstVertex: batch.firstVertex,
      geometry,
    };
    this.writeHeights(chunk);
    return chunk;
  }

  private writeHeights(chunk: Chunk): void {
    const position = chunk.geometry.getAttribute('position') as BufferAttribute;
    const positions = position.array as Float32Array;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < chunk.buildings.length; k++) {
      const b = chunk.buildings[k]!;
      const n = this.vertexStart[b + 1]! - this.vertexStart[b]!;
      const [base, top] = this.verticalExtent(b);
      const v0 = chunk.firstVertex[k]!;
      for (let j = 0; j < n; j++) {
        positions[3 * (v0 + j) + 1] = base;
        positions[3 * (v0 + n + j) + 1] = top;
      }
      if (base < minY) minY = base;
      if (top > maxY) maxY = top;
    }
    position.needsUpdate = true;
    // bounds from the footprints' extent and the heights just written (three's generic
    // computeBoundingBox/Sphere walk every vertex through BufferAttribute getters: 10× slower)
    let minX = Infinity;
    let maxX = -Infinity;
    let minZ = Infinity;
    let maxZ = -Infinity;
    for (let i = 0; i < positions.length; i += 3) {
      const x = positions[i]!;
      const z = positions[i + 2]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    chunk.geometry.boundingBox ??= new Box3();
    chunk.geometry.boundingSphere ??= new Sphere();
    chunk.geometry.boundingBox.min.set(minX, minY, minZ);
    chunk.geometry.boundingBox.max.set(maxX, maxY, maxZ);
    chunk.geometry.boundingBox.getBoundingSphere(chunk.geometry.boundingSphere);
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
          const u = this.prisms.use[b]!;
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
