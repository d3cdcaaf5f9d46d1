import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compressBuildingGlb, meshoptReady } from '../tiles3d/compressGlb.ts';

/** Sizes of a compressed tileset, bytes (tileset.json included in both). */
export interface CompressedTilesetSize {
  tiles: number;
  bytesBefore: number;
  bytesAfter: number;
}

/**
 * Copies the 3D Tiles tileset in `sourceDir` (tileset.json + tiles/*.glb, as `twin data tiles`
 * writes it) into `targetDir` with every GLB quantized and meshopt-compressed
 * ({@link compressBuildingGlb}); tileset.json is unchanged (same tile URIs and bounds).
 */
export async function compressTileset(sourceDir: string, targetDir: string): Promise<CompressedTilesetSize> {
  await meshoptReady();
  await mkdir(join(targetDir, 'tiles'), { recursive: true });
  const tileset = await readFile(join(sourceDir, 'tileset.json'));
  await writeFile(join(targetDir, 'tileset.json'), tileset);
  const size: CompressedTilesetSize = {
    tiles: 0,
    bytesBefore: tileset.byteLength,
    bytesAfter: tileset.byteLength,
  };
  const names = (await readdir(join(sourceDir, 'tiles'))).filter((name) => name.endsWith('.glb')).sort();
  for (const name of names) {
    const source = await readFile(join(sourceDir, 'tiles', name));
    const compressed = compressBuildingGlb(
      new Uint8Array(source.buffer, source.byteOffset, source.byteLength),
    );
    await writeFile(join(targetDir, 'tiles', name), compressed.glb);
    size.tiles++;
    size.bytesBefore += compressed.bytesBefore;
    size.bytesAfter += compressed.bytesAfter;
  }
  return size;
}
