import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildTileset } from '../tiles3d/buildTileset.ts';
import { handMadeBuildings } from '../tiles3d/handMadeBuildings.ts';
import { writeTileset } from './writeTileset.ts';

test('writeTileset writes tileset.json and tiles/*.glb byte-identical to buildTileset, removing stale tiles', async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'tiles3d-'));
  try {
    await writeTileset(handMadeBuildings(), outDir, { maxBuildingsPerTile: 2 }); // an earlier build with more tiles
    const written = await writeTileset(handMadeBuildings(), outDir, { maxBuildingsPerTile: 10 });
    const expected = buildTileset(handMadeBuildings(), { maxBuildingsPerTile: 10 });
    const tilesetText = await readFile(join(outDir, 'tileset.json'), 'utf8');
    expect(JSON.parse(tilesetText)).toEqual(expected.tilesetJson);
    expect((await readdir(join(outDir, 'tiles'))).sort()).toEqual(
      expected.tiles.map((t) => t.uri.slice('tiles/'.length)).sort(),
    );
    let total = Buffer.byteLength(tilesetText);
    for (const tile of expected.tiles) {
      const bytes = await readFile(join(outDir, tile.uri));
      expect(Buffer.compare(bytes, Buffer.from(tile.glb))).toBe(0);
      total += bytes.byteLength;
    }
    expect(written).toEqual({
      tilesetPath: join(outDir, 'tileset.json'),
      tileCount: expected.tiles.length,
      totalBytes: total,
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
