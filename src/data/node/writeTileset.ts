import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildTileset, type TilesetOptions } from '../tiles3d/buildTileset.ts';
import type { BuildingRecord } from '../tiles3d/types.ts';

/** What writeTileset wrote: file count and total bytes (tileset.json + glb files). */
export interface WrittenTileset {
  tilesetPath: string;
  tileCount: number;
  totalBytes: number;
}

/**
 * Builds the buildings tileset (see buildTileset) and writes `<outDir>/tileset.json` and
 * `<outDir>/tiles/*.glb`, creating folders as needed. Existing files of the same names are replaced;
 * stale glb files from an earlier, larger build are not removed.
 */
export async function writeTileset(
  buildings: readonly BuildingRecord[],
  outDir: string,
  options: TilesetOptions = {},
): Promise<WrittenTileset> {
  const { tilesetJson, tiles } = buildTileset(buildings, options);
  const tilesetPath = join(outDir, 'tileset.json');
  const text = `${JSON.stringify(tilesetJson)}\n`;
  await mkdir(join(outDir, 'tiles'), { recursive: true });
  let totalBytes = Buffer.byteLength(text);
  for (const tile of tiles) {
    const path = join(outDir, tile.uri);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, tile.glb);
    totalBytes += tile.glb.byteLength;
  }
  await writeFile(tilesetPath, text);
  return { tilesetPath, tileCount: tiles.length, totalBytes };
}
