/**
 * `window.__twin.city`: what the e2e test and the render benchmark read. Readiness time
 * (`window.__twin.cityReady`, ms since navigation start), renderer counters, dataset bytes, and a
 * building that a click at a given canvas pixel will pick.
 */
import type { Camera, WebGLRenderer } from 'three';
import { Vector3 } from 'three';
import type { CityLayerId, CityModel } from '../../render/city/cityModel.ts';
import { ringCentroid } from '../../core/geometry/centroid.ts';
import { ringOfFlat } from '../../core/geometry/ring.ts';
import { registerTestHook } from '../testHooks.ts';
import { pickAtPixel } from './cityPointer.ts';

/** The installed hook: mark the city drawn, or remove the hook. */
export interface CityTestHook {
  /** Publishes `window.__twin.cityReady` (now, ms since navigation start). */
  markReady(): void;
  uninstall(): void;
}

/** What `window.__twin.city` offers. */
export interface CityTestApi {
  renderInfo(): { drawCalls: number; triangles: number; geometries: number; textures: number };
  /** Frames drawn since the city mounted (to wait for a redraw after a change). */
  frameCount(): number;
  datasetBytes: number;
  buildingCount: number;
  syntheticBuildingCount: number;
  /** A building whose roof is visible at canvas pixel (x, y) (CSS px): a click there picks it. */
  findPickableBuilding(): { id: string; x: number; y: number } | null;
  /** A road (midpoint of a polyline) or land-use parcel (centroid) that a click at (x, y) picks. */
  findPickableFeature(layer: 'roads' | 'landuse'): { layer: string; x: number; y: number } | null;
}

/** Publishes `window.__twin.city` for `model` (read from `datasetBytes` of files) drawn by `gl` through `camera`. */
export function installCityTestHook(
  model: CityModel,
  gl: WebGLRenderer,
  camera: Camera,
  datasetBytes: number,
  visible: (id: CityLayerId) => boolean,
  frameCount: () => number,
): CityTestHook {
  const point = new Vector3();
  const api: CityTestApi = {
    findPickableFeature: () => null,
    frameCount,
    renderInfo: () => ({
      drawCalls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
      geometries: gl.info.memory.geometries,
      textures: gl.info.memory.textures,
    }),
    datasetBytes,
    buildingCount: model.buildings?.count ?? 0,
    syntheticBuildingCount: model.buildings ? model.buildings.count - model.buildings.osmCount : 0,
    findPickableBuilding: () => {
      const b = model.buildings;
      if (!b) return null;
      const rect = gl.domElement.getBoundingClientRect();
      // tallest buildings first: their roofs are the least likely to be hidden
      const order = Array.from({ length: b.count }, (_, i) => i).sort(
        (x, y) => b.heightMetres[y]! - b.heightMetres[x]!,
      );
      for (const i of order.slice(0, 5000)) {
        const [e, n] = b.centroid(i);
        const [, top] = b.verticalExtent(i);
        point.set(e, top - 0.5, -n).project(camera);
        if (Math.abs(point.x) > 0.8 || Math.abs(point.y) > 0.8 || point.z > 1) continue;
        const x = ((point.x + 1) / 2) * rect.width;
        const y = ((1 - point.y) / 2) * rect.height;
        const pick = pickAtPixel(model, camera, x, y, rect.width, rect.height, visible);
        if (pick?.layer === 'buildings' && pick.index === i) return { id: b.id(i), x, y };
      }
      return null;
    },
  };
  /** Canvas pixel of a scene point on the ground, or null when off screen. */
  const groundPixel = (east: number, north: number, rect: DOMRect): [number, number] | null => {
    const ground = (model.terrain?.elevationAt(east, north) ?? 0) * model.exaggeration;
    point.set(east, ground, -north).project(camera);
    if (Math.abs(point.x) > 0.8 || Math.abs(point.y) > 0.8 || point.z > 1) return null;
    return [((point.x + 1) / 2) * rect.width, ((1 - point.y) / 2) * rect.height];
  };
  api.findPickableFeature = (layer) => {
    const rect = gl.domElement.getBoundingClientRect();
    const candidates: Array<[number, number, number]> = [];
    if (layer === 'roads' && model.roads) {
      for (let k = 0; k < model.roads.polylineCount && candidates.length < 4000; k += 7) {
        const line = model.roads.polyline(k);
        const v = 2 * Math.floor(line.length / 4);
        // midpoint of the middle piece: on the line, away from junctions
        if (line.length >= 4)
          candidates.push([k, (line[v - 2]! + line[v]!) / 2, (line[v - 1]! + line[v + 1]!) / 2]);
      }
    } else if (layer === 'landuse' && model.parcels) {
      for (let p = 0; p < model.parcels.polygonCount; p++) {
        const outer = model.parcels.rings(p)[0];
        if (outer) candidates.push([p, ...ringCentroid(ringOfFlat(outer))]);
      }
    }
    for (const [index, east, north] of candidates) {
      const pixel = groundPixel(east, north, rect);
      if (!pixel) continue;
      const pick = pickAtPixel(model, camera, pixel[0], pixel[1], rect.width, rect.height, visible);
      if (pick?.layer === layer && (layer === 'roads' || pick.index === index))
        return { layer, x: pixel[0], y: pixel[1] };
    }
    return null;
  };
  // cityReady stays after the view goes: it marks the page's first full city frame
  return {
    markReady: () => void registerTestHook('cityReady', performance.now()),
    uninstall: registerTestHook('city', api),
  };
}
