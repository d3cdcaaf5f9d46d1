import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCityFolder } from '../node/readCityFolder.ts';
import { terrainGrids } from '../formats/terrain.ts';
import { readCityFiles } from './cityFiles.ts';

describe('the committed default dataset', () => {
  it('reads every listed file, with the grid sizes and counts its manifest gives', async () => {
    const files = await readCityFolder();
    expect(files.manifest.format).toBe('twin-dataset/1');
    // every listed file is read, except the JSON twins of buildings.bin and roads.bin
    const listed = new Set(files.manifest.files.map((f) => f.path));
    expect(listed).toContain('buildings.bin');
    expect(listed).toContain('roads.bin');
    const listedBytes = files.manifest.files
      .filter((f) => !(f.path.endsWith('.json') && listed.has(f.path.replace(/\.json$/, '.bin'))))
      .reduce((sum, f) => sum + f.bytes, 0);
    expect(files.bytesRead - listedBytes).toBeGreaterThan(0); // + the manifest itself
    expect(files.bytesRead - listedBytes).toBeLessThan(10_000);
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

  it('names the line and column of a broken JSON file of the dataset', async () => {
    const manifest = '{\n  "format": "twin-dataset/1",\n  "files": [],\n}';
    await expect(
      readCityFiles(async () => new TextEncoder().encode(manifest).buffer as ArrayBuffer),
    ).rejects.toThrow('manifest.json: line 3, column 14: invalid JSON: trailing comma before "}"');
  });
});

describe('the census wards of the committed dataset', () => {
  it('holds the 36 wards of 2019 with both censuses, and an old manifest without wards still loads', async () => {
    const files = await readCityFolder();
    const wards = files.wards!;
    expect(wards.format).toBe('twin-wards/1');
    expect(wards.attribution).toBe('GSO census 2019, ward polygons from CityScope CSL_HCMC');
    expect(wards.features).toHaveLength(36);
    const total = (k: 'population2009' | 'population2019') =>
      wards.features.reduce((s, f) => s + (f.properties[k] ?? 0), 0);
    expect(total('population2019')).toBe(1_169_967);
    expect(total('population2009')).toBe(845_924);
    // A manifest of before the census layer: only the files other than wards.geojson listed.
    const manifest = { ...files.manifest, files: [{ path: 'pois.geojson', bytes: 0 }] };
    const old = await readCityFiles(async (f) => {
      if (f === 'manifest.json')
        return new TextEncoder().encode(JSON.stringify(manifest)).buffer as ArrayBuffer;
      const bytes = readFileSync(join('public/data/thuduc', f));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    });
    expect(old.pois?.features.length).toBe(files.pois?.features.length);
    expect(old.wards).toBeUndefined();
  });
});
