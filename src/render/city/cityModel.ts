/**
 * Every city layer built from one loaded dataset, the vertical exaggeration applied to all of
 * them, and CPU picking: ground point by ray-marching the exaggerated terrain heightfield
 * (then bisection), buildings by exact ray-vs-prism before the ground, roads by nearest segment
 * within a screen tolerance, land-use parcels by point-in-polygon.
 */
import type { Group, Mesh, Points } from 'three';
import type { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import type { BuildingPrisms } from '../../data/dataset/buildingPrisms.ts';
import type { RoadsDocument } from '../../data/formats/roads.ts';
import type { TerrainFiles } from '../../data/formats/terrain.ts';
import { type AdminLabel, createAdminLayer } from './adminLayer.ts';
import { BuildingsLayer } from './buildingsLayer.ts';
import { ParcelsLayer } from './parcelsLayer.ts';
import type { SceneRay } from './pickGeometry.ts';
import { createPoiPoints } from './poiLayer.ts';
import { RoadsLayer } from './roadsLayer.ts';
import type { FeatureCollection } from './sceneGeoJson.ts';
import type { TerrainGrid } from './terrainGrid.ts';
import { createTerrainMesh } from './terrainMesh.ts';
import { createWaterMesh } from './waterLayer.ts';

/** The dataset files, parsed (each optional: a missing file leaves its layer out). */
export interface CityData {
  terrain?: TerrainFiles;
  roads?: RoadsDocument;
  /** The buildings as prism buffers (data/dataset/buildingPrisms.ts). */
  buildings?: BuildingPrisms;
  landUse?: FeatureCollection;
  water?: FeatureCollection;
  pois?: FeatureCollection;
  admin?: FeatureCollection;
}

/** Layer ids (also the app store's `layerVisible` keys). */
export const CITY_LAYER_IDS = ['terrain', 'water', 'roads', 'buildings', 'admin', 'pois'] as const;
export type CityLayerId = (typeof CITY_LAYER_IDS)[number];

/** Terrain vertices every TERRAIN_STRIDE cells (the land-cover texture keeps full resolution). */
const TERRAIN_STRIDE = 2;
/** Ray-march step along the ground track, metres (half a 20 m terrain cell). */
const MARCH_STEP_METRES = 10;

/** What a pick found. */
export type CityPick =
  | { layer: 'buildings'; index: number; t: number }
  | { layer: 'roads'; index: number; t: number }
  | { layer: 'landuse'; index: number; t: number }
  | null;

/** All city layers of one view. */
export class CityModel {
  readonly terrain: TerrainGrid | undefined;
  readonly layers: Partial<Record<CityLayerId, Group | Mesh | Points>> = {};
  buildings: BuildingsLayer | undefined;
  roads: RoadsLayer | undefined;
  parcels: ParcelsLayer | undefined;
  labels: AdminLabel[] = [];
  readonly lineMaterials: LineMaterial[] = [];
  private currentExaggeration = 1;

  /**
   * `terrain` is the dataset's terrain grid (terrainGridOf(data.terrain)), shared with the other
   * layers; `data` may hold only some files (the rest comes through `add`).
   */
  constructor(data: CityData, terrain: TerrainGrid | undefined) {
    this.terrain = terrain;
    if (terrain) this.layers.terrain = createTerrainMesh(terrain, TERRAIN_STRIDE);
    this.add(data);
  }

  /**
   * Builds the layers of the files in `data` that have none yet (a dataset that arrives in parts:
   * outline and roads first, then buildings and water), at the current vertical exaggeration.
   */
  add(data: CityData): void {
    const terrain = this.terrain;
    if (data.water && !this.layers.water) this.layers.water = createWaterMesh(data.water, terrain);
    if (data.roads && !this.roads) {
      this.roads = new RoadsLayer(data.roads, terrain);
      this.layers.roads = this.roads.group;
      this.lineMaterials.push(...this.roads.materials);
    }
    if (data.buildings && !this.buildings) {
      this.buildings = new BuildingsLayer(data.buildings, terrain);
      this.layers.buildings = this.buildings.group;
    }
    if (data.admin && !this.layers.admin) {
      const admin = createAdminLayer(data.admin, terrain);
      this.layers.admin = admin.group;
      this.labels = admin.labels;
      this.lineMaterials.push(...admin.materials);
    }
    if (data.pois && !this.layers.pois) this.layers.pois = createPoiPoints(data.pois, terrain);
    if (data.landUse && !this.parcels) this.parcels = new ParcelsLayer(data.landUse);
    this.setExaggeration(this.currentExaggeration);
  }

  /** Scales terrain, water, roads, outlines and markers by `factor`; seats buildings on the result. */
  setExaggeration(factor: number): void {
    this.currentExaggeration = factor;
    for (const id of ['terrain', 'water', 'roads', 'admin', 'pois'] as const) {
      const object = this.layers[id];
      if (object) {
        object.scale.y = factor;
        object.updateMatrix();
      }
    }
    this.buildings?.setExaggeration(factor);
  }

  /** The vertical exaggeration applied last. */
  get exaggeration(): number {
    return this.currentExaggeration;
  }

  /** Ray parameter of the first terrain hit (or of the y = 0 plane without terrain), Infinity if none. */
  groundHit(ray: SceneRay): number {
    const terrain = this.terrain;
    if (!terrain) return ray.directionUp < 0 ? -ray.originUp / ray.directionUp : Infinity;
    if (ray.directionUp >= 0) return Infinity;
    const ex = this.currentExaggeration;
    const above = (t: number) =>
      ray.originUp +
      t * ray.directionUp -
      ex *
        terrain.elevationAt(ray.originEast + t * ray.directionEast, ray.originNorth + t * ray.directionNorth);
    const t0 = Math.max(0, (terrain.maxElevationMetres * ex - ray.originUp) / ray.directionUp);
    const t1 = (Math.min(0, terrain.minElevationMetres) * ex - ray.originUp) / ray.directionUp;
    const horizontal = Math.hypot(ray.directionEast, ray.directionNorth);
    const steps = Math.min(20_000, Math.max(1, Math.ceil(((t1 - t0) * horizontal) / MARCH_STEP_METRES)));
    const dt = (t1 - t0) / steps;
    let a = t0;
    if (above(a) <= 0) return a;
    for (let s = 1; s <= steps; s++) {
      const b = t0 + s * dt;
      if (above(b) <= 0) {
        let lo = a;
        let hi = b;
        for (let k = 0; k < 30; k++) {
          const mid = (lo + hi) / 2;
          if (above(mid) > 0) lo = mid;
          else hi = mid;
        }
        return hi;
      }
      a = b;
    }
    return t1;
  }

  /**
   * Picks along `ray` among the visible layers. `metresPerUnitT` converts a ray distance to the
   * road pick tolerance (tolerance = t × metresPerUnitT).
   */
  pick(ray: SceneRay, visible: (id: CityLayerId) => boolean, metresPerUnitT: number): CityPick {
    const tGround = this.groundHit(ray);
    if (this.buildings && visible('buildings')) {
      const hit = this.buildings.pick(ray, tGround);
      if (hit.building >= 0) return { layer: 'buildings', index: hit.building, t: hit.t };
    }
    if (!Number.isFinite(tGround)) return null;
    const east = ray.originEast + tGround * ray.directionEast;
    const north = ray.originNorth + tGround * ray.directionNorth;
    if (this.roads && visible('roads')) {
      const k = this.roads.pick(east, north, Math.max(2, tGround * metresPerUnitT));
      if (k >= 0) return { layer: 'roads', index: k, t: tGround };
    }
    if (this.parcels && visible('terrain')) {
      const p = this.parcels.pick(east, north);
      if (p >= 0) return { layer: 'landuse', index: p, t: tGround };
    }
    return null;
  }

  /** Frees GPU resources of every layer. */
  dispose(): void {
    for (const object of Object.values(this.layers)) {
      object?.traverse((o) => {
        const m = o as Mesh;
        m.geometry?.dispose();
        const material = m.material;
        if (Array.isArray(material)) for (const x of material) x.dispose();
        else material?.dispose();
      });
    }
  }
}
