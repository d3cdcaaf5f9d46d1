import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTileset, type TilesetOptions } from '../tiles3d/buildTileset.ts';
import type { BuildingRecord } from '../tiles3d/types.ts';
import { makeFolder, writeOutputFile } from './userFiles.ts';

/** What writeTileset wrote: file count and total bytes (tileset.json + glb files). */
export interface WrittenTileset {
  tilesetPath: string;
  tileCount: number;
  totalBytes: number;
}

/**
 * Builds the buildings tileset (see buildTileset) and writes `<outDir>/tileset.json` and
 * `<outDir>/tiles/*.glb`, creating folders as needed. Files of the same names are replaced, and
 * `.glb` files left in `<outDir>/tiles` by an earlier build that this one does not reference are deleted.
 */
export async function writeTileset(
  buildings: readonly BuildingRecord[],
  outDir: string,
  options: TilesetOptions = {},
): Promise<WrittenTileset> {
  const { tilesetJson, tiles } = buildTileset(buildings, options);
  const tilesetPath = join(outDir, 'tileset.json');
  const text = `${JSON.stringify(tilesetJson)}\n`;
  await makeFolder(join(outDir, 'tiles'));
  let totalBytes = Buffer.byteLength(text);
  for (const tile of tiles) {
    const path = join(outDir, tile.uri);
    await writeOutputFile(path, tile.glb, { createFolder: true });
    totalBytes += tile.glb.byteLength;
  }
  const written = new Set(tiles.map((tile) => tile.uri));
  for (const name of await readdir(join(outDir, 'tiles'))) {
    if (name.endsWith('.glb') && !written.has(`tiles/${name}`)) await rm(join(outDir, 'tiles', name));
  }
  await writeOutputFile(tilesetPath, text);
  return { tilesetPath, tileCount: tiles.length, totalBytes };
}
