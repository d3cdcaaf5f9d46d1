/**
 * Water surfaces of `water.geojson`: areas (rivers, canals, lakes) triangulated by ear clipping
 * with holes (earcut), linear waterways as flat ribbons of their `widthMetres`; all in one mesh.
 * The terrain has channels burned below the banks, so the surface is set at the bank: per
 * feature, the median over its vertices of the highest terrain within BANK_SEARCH_METRES, minus
 * FREEBOARD_METRES. True metres; the layer's `scale.y` applies the vertical exaggeration.
 */
import earcut from 'earcut';
import { BufferAttribute, BufferGeometry, Mesh, MeshLambertMaterial } from 'three';
import { WATER_COLOUR } from './cityColours.ts';
import { type FeatureCollection, sceneLines, scenePolygons } from './sceneGeoJson.ts';
import type { TerrainGrid } from './terrainGrid.ts';

const BANK_SEARCH_METRES = 80;
const FREEBOARD_METRES = 0.4;
/** At most this many vertices are sampled per feature for its level. */
const LEVEL_SAMPLES = 48;

function bankLevel(
  terrain: TerrainGrid | undefined,
  rings: readonly number[][],
  searchMetres: number,
): number {
  if (!terrain) return 0;
  const levels: number[] = [];
  const vertices = rings.reduce((n, r) => n + r.length / 2, 0);
  const step = Math.max(1, Math.floor(vertices / LEVEL_SAMPLES));
  let k = 0;
  for (const ring of rings) {
    for (let v = 0; v < ring.length; v += 2, k++) {
      if (k % step !== 0) continue;
      let max = -Infinity;
      for (let a = 0; a < 8; a++) {
        const angle = (a * Math.PI) / 4;
        const z = terrain.elevationAt(
          ring[v]! + searchMetres * Math.cos(angle),
          ring[v + 1]! + searchMetres * Math.sin(angle),
        );
        if (z > max) max = z;
      }
      levels.push(max);
    }
  }
  levels.sort((a, b) => a - b);
  return (levels[levels.length >> 1] ?? 0) - FREEBOARD_METRES;
}

/** Builds the single water mesh. */
export function createWaterMesh(collection: FeatureCollection, terrain: TerrainGrid | undefined): Mesh {
  const positions: number[] = [];
  const indices: number[] = [];
  for (const feature of collection.features) {
    for (const polygon of scenePolygons(feature)) {
      const level = bankLevel(terrain, polygon, BANK_SEARCH_METRES);
      const flat: number[] = [];
      const holes: number[] = [];
      for (const ring of polygon) {
        if (flat.length > 0) holes.push(flat.length / 2);
        flat.push(...ring);
      }
      const base = positions.length / 3;
      for (let v = 0; v < flat.length; v += 2) positions.push(flat[v]!, level, -flat[v + 1]!);
      const triangles = earcut(flat, holes);
      for (let i = 0; i < triangles.length; i += 3) {
        // earcut's winding follows the input; emit counter-clockwise seen from above
        const a = triangles[i]!;
        let b = triangles[i + 1]!;
        let c = triangles[i + 2]!;
        const cross =
          (flat[2 * b]! - flat[2 * a]!) * (flat[2 * c + 1]! - flat[2 * a + 1]!) -
          (flat[2 * c]! - flat[2 * a]!) * (flat[2 * b + 1]! - flat[2 * a + 1]!);
        if (cross < 0) [b, c] = [c, b];
        indices.push(base + a, base + b, base + c);
      }
    }
    const width = Math.max(3, Number(feature.properties.widthMetres) || 0);
    for (const line of sceneLines(feature)) {
      const level = bankLevel(terrain, [line], width / 2 + BANK_SEARCH_METRES / 2);
      ribbon(line, width, level, positions, indices);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setIndex(new BufferAttribute(new Uint32Array(indices), 1));
  // every surface is level: all normals point up
  const normals = new Float32Array(positions.length);
  for (let v = 1; v < normals.length; v += 3) normals[v] = 1;
  geometry.setAttribute('normal', new BufferAttribute(normals, 3));
  geometry.computeBoundingSphere();
  const material = new MeshLambertMaterial({
    color: WATER_COLOUR,
    polygonOffset: true,
    polygonOffsetFactor: -1,
    polygonOffsetUnits: -1,
  });
  const mesh = new Mesh(geometry, material);
  mesh.name = 'water';
  return mesh;
}

/** Appends a flat ribbon of `width` metres along `line` (flat east/north) at height `level`. */
function ribbon(
  line: readonly number[],
  width: number,
  level: number,
  positions: number[],
  indices: number[],
): void {
  const n = line.length / 2;
  if (n < 2) return;
  const base = positions.length / 3;
  for (let i = 0; i < n; i++) {
    const prev = Math.max(0, i - 1);
    const next = Math.min(n - 1, i + 1);
    let de = line[2 * next]! - line[2 * prev]!;
    let dn = line[2 * next + 1]! - line[2 * prev + 1]!;
    const length = Math.hypot(de, dn) || 1;
    de /= length;
    dn /= length;
    // left normal (−dn, de) in east/north
    const e = line[2 * i]!;
    const north = line[2 * i + 1]!;
    positions.push(e - (dn * width) / 2, level, -(north + (de * width) / 2));
    positions.push(e + (dn * width) / 2, level, -(north - (de * width) / 2));
  }
  for (let i = 0; i < n - 1; i++) {
    const left = base + 2 * i;
    const right = left + 1;
    // counter-clockwise seen from above: right_i, right_{i+1}, left_{i+1}; right_i, left_{i+1}, left_i
    indices.push(right, right + 2, left + 2, right, left + 2, left);
  }
}
