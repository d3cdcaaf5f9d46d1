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
  geometry.computeVertexNormals();
  geometry.computeBoundingSphere();
  return geometry;
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
  const texture = new DataTexture(data, grid.columns, grid.rows, RGBAFormat);
  texture.colorSpace = SRGBColorSpace;
  texture.magFilter = LinearFilter;
  texture.minFilter = LinearMipmapLinearFilter;
  texture.generateMipmaps = true;
  texture.needsUpdate = true;
  return texture;
}

/** The terrain mesh (true-metre geometry; set `scale.y` to the vertical exaggeration). */
export function createTerrainMesh(grid: TerrainGrid, stride: number): Mesh {
  const material = new MeshLambertMaterial({ map: buildLandCoverTexture(grid) });
  const mesh = new Mesh(buildTerrainGeometry(grid, stride), material);
  mesh.name = 'terrain';
  return mesh;
}
