import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { encodeOsmPbf } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { smallTownBoundary, smallTownExtract } from '../../../tests/fixtures/osm/smallTown.ts';
import { buildDataset } from './buildDataset.ts';
import { CENSUS_WARDS_ATTRIBUTION, censusWardsLayer, parseCensusTable, simplifyRing } from './censusWards.ts';
import type { Point } from './geometry.ts';
import { townCensus } from '../../../tests/fixtures/census/townCensus.ts';

describe('census wards layer', () => {
  it('parses the census table and names the line of a bad row', () => {
    const t = parseCensusTable(townCensus().csv);
    expect(t.get('1')).toEqual({
      code: '1',
      name: 'West',
      oldDistrict: 'Town',
      population2009: 800,
      population2019: 1000,
    });
    expect(() => parseCensusTable('ward_code,ward\n1,a\n')).toThrow(/line 1: missing columns/);
    expect(() =>
      parseCensusTable('ward_code,ward,old_district,population_2009,population_2019\n1,a,b,x,3\n'),
    ).toThrow(/line 2: population_2009 must be a non-negative integer/);
  });

  it('simplifies an outline within the tolerance and keeps a square intact', () => {
    const square: Point[] = [
      [0, 0],
      [0.01, 0],
      [0.01, 0.01],
      [0, 0.01],
      [0, 0],
    ];
    expect(simplifyRing(square, 2)).toEqual(square.slice(0, 4));
    const { geojson } = townCensus();
    const wiggly = (geojson as { features: Array<{ geometry: { coordinates: Point[][] } }> }).features[1]!
      .geometry.coordinates[0]!;
    const simple = simplifyRing(wiggly, 2);
    expect(simple.length).toBeLessThan(10); // the 1 cm wiggles go
    expect(simple.length).toBeGreaterThanOrEqual(4);
  });

  it('writes wards sorted by code with 2009 and 2019 populations and the attribution', () => {
    const { geojson, csv } = townCensus();
    const layer = censusWardsLayer(geojson, parseCensusTable(csv));
    const doc = JSON.parse(layer.text);
    expect(doc.format).toBe('twin-wards/1');
    expect(doc.attribution).toBe(CENSUS_WARDS_ATTRIBUTION);
    expect(doc.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { code: '1', name: 'West', oldDistrict: 'Town', population2009: 800, population2019: 1000 },
      { code: '2', name: 'East', oldDistrict: 'Town', population2009: 2500, population2019: 3000 },
    ]);
    expect(layer).toMatchObject({ wards: 2, population2009: 3300, population2019: 4000 });
    expect(censusWardsLayer(geojson, undefined).text).toContain('"population2009":null');
  });

  it('refuses a ward missing from the table or with a different count', () => {
    const { geojson } = townCensus();
    const table = parseCensusTable(
      'ward_code,ward,old_district,population_2009,population_2019\n1,West,Town,800,999\n2,East,Town,1,3000\n',
    );
    expect(() => censusWardsLayer(geojson, table)).toThrow(InputError);
    expect(() => censusWardsLayer(geojson, table)).toThrow(/population_2019: 1000 disagrees/);
    expect(() => censusWardsLayer(geojson, new Map())).toThrow(/ward 2 is not in the census table/);
  });

  it('is part of buildDataset when census input is given: listed in the manifest, byte-identical', () => {
    const { geojson, csv } = townCensus();
    const input = {
      osmPbf: encodeOsmPbf(smallTownExtract()),
      boundary: smallTownBoundary(),
      districts: undefined,
      census: geojson,
      censusTable: csv,
      sourceNames: {
        osm: 'town.osm.pbf',
        boundary: 'town.geojson',
        census: 'c.geojson',
        censusTable: 'c.csv',
      },
      seed: 1,
    };
    const a = buildDataset(input);
    const manifest = JSON.parse(a.files.get('manifest.json') as string);
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('wards.geojson');
    expect(manifest.attribution).toContain(CENSUS_WARDS_ATTRIBUTION);
    expect(a.counts.census).toMatchObject({ wards: 2, population2019: 4000 });
    expect(buildDataset(input).files.get('wards.geojson')).toBe(a.files.get('wards.geojson'));
    expect(() => buildDataset({ ...input, censusTable: 'ward_code\n' })).toThrow(/^c\.csv: line 1/);
  });
});
