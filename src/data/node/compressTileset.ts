import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltTileset, TilesetTile } from '../tiles3d/buildTileset.ts';
import { compressBuildingGlb, meshoptReady } from '../tiles3d/compressGlb.ts';
import { readGlb } from '../tiles3d/glbWriter.ts';

/** One level of a written tileset (depth 0 = the root): tiles with content, their bytes and triangles. */
export interface TilesetLevel {
  tiles: number;
  bytes: number;
  triangles: number;
}

/** Sizes of a compressed tileset, bytes (tileset.json included in both), and its levels. */
export interface CompressedTilesetSize {
  tiles: number;
  bytesBefore: number;
  bytesAfter: number;
  levels: TilesetLevel[];
}

/** Triangles of a building glb (its one indexed primitive). */
function trianglesOf(glb: Uint8Array): number {
  const { json } = readGlb(glb);
  const gltf = json as {
    meshes: Array<{ primitives: Array<{ indices: number }> }>;
    accessors: Array<{ count: number }>;
  };
  return gltf.accessors[gltf.meshes[0]!.primitives[0]!.indices]!.count / 3;
}

/**
 * Writes a built 3D Tiles tileset into `targetDir` (tileset.json + tiles/*.glb) with every glb
 * quantized and meshopt-compressed ({@link compressBuildingGlb}); tileset.json is unchanged (same
 * tile URIs and bounds). Returns the sizes and, per depth of the tile tree, what it holds.
 */
export async function writeCompressedTileset(
  tileset: BuiltTileset,
  targetDir: string,
): Promise<CompressedTilesetSize> {
  await meshoptReady();
  await mkdir(join(targetDir, 'tiles'), { recursive: true });
  const json = JSON.stringify(tileset.tilesetJson);
  await writeFile(join(targetDir, 'tileset.json'), json);
  const depthOf = new Map<string, number>();
  const walk = (tile: TilesetTile, depth: number) => {
    if (tile.content) depthOf.set(tile.content.uri, depth);
    for (const child of tile.children ?? []) walk(child, depth + 1);
  };
  walk(tileset.tilesetJson.root, 0);
  const bytes = Buffer.byteLength(json);
  const size: CompressedTilesetSize = { tiles: 0, bytesBefore: bytes, bytesAfter: bytes, levels: [] };
  for (const tile of tileset.tiles) {
    const compressed = compressBuildingGlb(tile.glb);
    await writeFile(join(targetDir, tile.uri), compressed.glb);
    size.tiles++;
    size.bytesBefore += compressed.bytesBefore;
    size.bytesAfter += compressed.bytesAfter;
    const depth = depthOf.get(tile.uri)!;
    for (let d = size.levels.length; d <= depth; d++) size.levels.push({ tiles: 0, bytes: 0, triangles: 0 });
    const level = size.levels[depth]!;
    level.tiles++;
    level.bytes += compressed.bytesAfter;
    level.triangles += trianglesOf(tile.glb);
  }
  return size;
}
