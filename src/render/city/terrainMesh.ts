/**
 * Terrain surface: a regular triangle mesh over the elevation grid (every `stride`-th cell centre),
 * y = elevation in true metres (the layer's `scale.y` applies the vertical exaggeration), textured
 * with the land-cover grid at full resolution (one texel per 20 m cell).
 */
import {
  BufferAttribute,
  BufferGeometry,
  DataTexture,
  LinearFilter,
  LinearMipmapLinearFilter,
  Mesh,
  MeshLambertMaterial,
  RGBAFormat,
  SRGBColorSpace,
} from 'three';
import { landCoverColour } from './cityColours.ts';
import type { TerrainGrid } from './terrainGrid.ts';

/** Builds the terrain geometry: positions (x east, y elevation m, z −north) and UVs into the land-cover texture. */
export function buildTerrainGeometry(grid: TerrainGrid, stride: number): BufferGeometry {
  const columns = Math.floor((grid.columns - 1) / stride) + 1;
  const rows = Math.floor((grid.rows - 1) / stride) + 1;
  const positions = new Float32Array(columns * rows * 3);
  const uvs = new Float32Array(columns * rows * 2);
  const centre: [number, number] = [0, 0];
  for (let r = 0; r < rows; r++) {
    const row = r * stride;
    for (let c = 0; c < columns; c++) {
      const column = c * stride;
      const v = r * columns + c;
      grid.cellCentre(column, row, centre);
      positions[3 * v] = centre[0];
      positions[3 * v + 1] = grid.elevationMetres[row * grid.columns + column]!;
      positions[3 * v + 2] = -centre[1];
      uvs[2 * v] = (column + 0.5) / grid.columns;
      uvs[2 * v + 1] = (row + 0.5) / grid.rows;
    }
  }
  const index = new Uint32Array((columns - 1) * (rows - 1) * 6);
  let k = 0;
  for (let r = 0; r < rows - 1; r++) {
    for (let c = 0; c < columns - 1; c++) {
      const nw = r * columns + c;
      const ne = nw + 1;
      const sw = nw + columns;
      const se = sw + 1;
      // counter-clockwise seen from above (north = −z)
      index[k++] = nw;
      index[k++] = sw;
      index[k++] = ne;
      index[k++] = ne;
      index[k++] = sw;
      index[k++] = se;
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('uv', new BufferAttribute(uvs, 2));
  geometry.setIndex(new BufferAttribute(index, 1));
  geometry.setAttribute('normal', new BufferAttribute(gridNormals(positions, columns, rows), 3));
  geometry.computeBoundingSphere();
  return geometry;
}

/**
 * Unit normals of a regular grid surface (`columns` × `rows` vertices, xyz, row-major) from
 * central differences of the neighbouring vertices (one-sided at the edges): the cross product of
 * the tangents along rows and along columns, turned to face up (+y). One pass, no triangle walk.
 */
export function gridNormals(positions: Float32Array, columns: number, rows: number): Float32Array {
  const normals = new Float32Array(positions.length);
  for (let r = 0; r < rows; r++) {
    const up = 3 * (Math.max(0, r - 1) * columns);
    const down = 3 * (Math.min(rows - 1, r + 1) * columns);
    for (let c = 0; c < columns; c++) {
      const left = 3 * (r * columns + Math.max(0, c - 1));
      const right = 3 * (r * columns + Math.min(columns - 1, c + 1));
      const ax = positions[right]! - positions[left]!;
      const ay = positions[right + 1]! - positions[left + 1]!;
      const az = positions[right + 2]! - positions[left + 2]!;
      const bx = positions[down + 3 * c]! - positions[up + 3 * c]!;
      const by = positions[down + 3 * c + 1]! - positions[up + 3 * c + 1]!;
      const bz = positions[down + 3 * c + 2]! - positions[up + 3 * c + 2]!;
      // b × a: rows run south (+z), columns east (+x), so (0,0,1) × (1,0,0) = (0,1,0) is up
      let nx = by * az - bz * ay;
      let ny = bz * ax - bx * az;
      let nz = bx * ay - by * ax;
      const length = Math.hypot(nx, ny, nz) || 1;
      const sign = ny < 0 ? -1 : 1;
      nx *= sign / length;
      ny *= sign / length;
      nz *= sign / length;
      const v = 3 * (r * columns + c);
      normals[v] = nx;
      normals[v + 1] = ny;
      normals[v + 2] = nz;
    }
  }
  return normals;
}

/** RGBA texture of the land-cover grid, one texel per cell, row 0 = north (v = 0). */
export function buildLandCoverTexture(grid: TerrainGrid): DataTexture {
  const palette = new Uint8Array(256 * 3);
  for (const cls of grid.meta.landCover.classes) {
    const [r, g, b] = landCoverColour(cls.name);
    palette[3 * cls.code] = Math.round(r * 255);
    palette[3 * cls.code + 1] = Math.round(g * 255);
    palette[3 * cls.code + 2] = Math.round(b * 255);
  }
  const cells = grid.columns * grid.rows;
  const data = new Uint8Array(cells * 4);
  for (let i = 0; i < cells; i++) {
    const code = grid.landCover[i]!;
    data[4 * i] = palette[3 * code]!;
    data[4 * i + 1] = palette[3 * code + 1]!;
    data[4 * i + 2] = palette[3 * code + 2]!;
    data[4 * i + 3] = 255;
  }
  return landCoverTexture(data, grid.columns, grid.rows);
}

/** The terrain's land-cover texture of `rgba` texels (`columns` × `rows`, sRGB, mipmapped). */
export function landCoverTexture(rgba: Uint8Array, columns: number, rows: number): DataTexture {
  const texture = new DataTexture(rgba, columns, rows, RGBAFormat);
  texture.colorSpace = SRGBColorSpace;
  texture.magFilter = LinearFilter;
  texture.minFilter = LinearMipmapLinearFilter;
  texture.generateMipmaps = true;
  texture.needsUpdate = true;
  return texture;
}

/** The terrain's material, textured with `landCover`. */
export function terrainMaterial(landCover: DataTexture): MeshLambertMaterial {
  return new MeshLambertMaterial({ map: landCover });
}

/** The terrain mesh (true-metre geometry; set `scale.y` to the vertical exaggeration). */
export function createTerrainMesh(grid: TerrainGrid, stride: number): Mesh {
  const mesh = new Mesh(buildTerrainGeometry(grid, stride), terrainMaterial(buildLandCoverTexture(grid)));
  mesh.name = 'terrain';
  return mesh;
}
