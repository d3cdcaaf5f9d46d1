import { describe, expect, it } from 'vitest';
import { encodeOsmPbf } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { smallTownBoundary, smallTownExtract } from '../../../tests/fixtures/osm/smallTown.ts';
import { InputError } from '../../core/errors.ts';
import { buildDataset, type DatasetInput } from './buildDataset.ts';
import { decodeBuildings } from '../formats/buildings.ts';

const input = (seed: number): DatasetInput => ({
  osmPbf: encodeOsmPbf(smallTownExtract()),
  boundary: smallTownBoundary(),
  districts: undefined,
  sourceNames: { osm: 'town.osm.pbf', boundary: 'town.geojson' },
  seed,
});

const bytesOf = (v: Uint8Array | string) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);

describe('buildDataset on the small-town fixture', () => {
  const a = buildDataset(input(7));

  it('writes every documented file, with golden counts', () => {
    expect([...a.files.keys()].sort()).toEqual([
      'admin.geojson',
      'buildings.bin',
      'buildings.json',
      'landcover.u8',
      'landuse.geojson',
      'manifest.json',
      'pois.geojson',
      'roads.bin',
      'roads.json',
      'terrain.i16',
      'terrain.json',
      'water.geojson',
    ]);
    // 35 grid nodes + 5 rectangles × 4 + 2 footway + 1 spur end + 1 station.
    expect(a.counts.osm).toEqual({ nodes: 59, ways: 13, relations: 0 });
    expect(a.counts.roads.links).toBe(27);
    expect(a.counts.landUse.areas).toBe(4);
    expect(a.counts.water).toEqual({ areas: 1, lines: 0 });
    expect(a.counts.pois).toEqual({ total: 3, metroStations: 1 }); // school (node-less area), park, station
    expect(a.counts.buildings.osm).toBe(1);
    expect(a.counts.buildings.synthetic).toBe(a.counts.buildings.total - 1);
    const terrain = JSON.parse(a.files.get('terrain.json') as string);
    expect(terrain.synthetic).toBe(true);
    expect((a.files.get('terrain.i16') as Uint8Array).length).toBe(2 * terrain.columns * terrain.rows);
    expect((a.files.get('landcover.u8') as Uint8Array).length).toBe(terrain.columns * terrain.rows);
  });

  it('lists every file with its byte size and the ODbL attribution in the manifest', () => {
    const manifest = JSON.parse(a.files.get('manifest.json') as string);
    expect(manifest.attribution).toMatch(/© OpenStreetMap contributors/);
    expect(manifest.seed).toBe(7);
    for (const f of manifest.files) expect(f.bytes).toBe(bytesOf(a.files.get(f.path)!).length);
  });

  it('is byte-identical for the same seed and differs in synthetic data for another', () => {
    const b = buildDataset(input(7));
    for (const [name, content] of a.files) expect(bytesOf(b.files.get(name)!)).toEqual(bytesOf(content));
    const c = buildDataset(input(8));
    expect(c.files.get('roads.json')).toBe(a.files.get('roads.json'));
    expect(c.files.get('buildings.json')).not.toBe(a.files.get('buildings.json'));
    const osmOnly = (text: string) => decodeBuildings(JSON.parse(text)).filter((r) => r.source === 'osm');
    expect(osmOnly(c.files.get('buildings.json') as string)).toEqual(
      osmOnly(a.files.get('buildings.json') as string),
    );
  });

  it('names the input file of an error', () => {
    expect(() => buildDataset({ ...input(1), osmPbf: new Uint8Array([0, 0, 0, 9, 1, 2]) })).toThrow(
      InputError,
    );
    expect(() => buildDataset({ ...input(1), osmPbf: new Uint8Array([0, 0, 0, 9, 1, 2]) })).toThrow(
      /^town\.osm\.pbf: blob 0/,
    );
    expect(() => buildDataset({ ...input(1), boundary: { type: 'Feature', geometry: null } })).toThrow(
      /^town\.geojson: /,
    );
  });
});
