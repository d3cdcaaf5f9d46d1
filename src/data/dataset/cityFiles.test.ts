import { describe, expect, it } from 'vitest';
import { readCityFolder } from '../node/readCityFolder.ts';
import { readCityFiles, terrainGrids } from './cityFiles.ts';

describe('the committed default dataset', () => {
  it('reads every listed file, with the grid sizes and counts its manifest gives', async () => {
    const files = await readCityFolder();
    expect(files.manifest.format).toBe('twin-dataset/1');
    const listedBytes = files.manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    expect(files.bytesRead - listedBytes).toBeGreaterThan(0); // + the manifest itself
    expect(files.bytesRead).toBeLessThan(25 * 1024 * 1024);
    const grids = terrainGrids(files.terrain!);
    expect(grids.elevation.values.length).toBe(files.terrain!.meta.columns * files.terrain!.meta.rows);
    let low = Infinity;
    let high = -Infinity;
    for (const v of grids.elevation.values) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    expect(low).toBeGreaterThan(-20); // channels are burned a few metres below MSL
    expect(high).toBeLessThan(40); // north-east uplands reach 20–30 m
    expect(files.roads!.links.ids.length).toBe(files.roads!.linkCount);
    expect(files.buildings!.count).toBe(files.buildings!.osmCount + files.buildings!.syntheticCount);
  });

  it('names the file that is listed but missing, and refuses a foreign manifest', async () => {
    const manifest = { format: 'twin-dataset/1', name: 'x', files: [{ path: 'roads.json', bytes: 2 }] };
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).buffer as ArrayBuffer;
    await expect(
      readCityFiles(async (f) => (f === 'manifest.json' ? bytes(manifest) : undefined)),
    ).rejects.toThrow(/roads\.json: listed in the manifest but missing/);
    await expect(readCityFiles(async () => bytes({ format: 'other' }))).rejects.toThrow(
      /manifest\.json: format: expected/,
    );
  });
});
