import { describe, expect, it } from 'vitest';
import { encodeOsmPbf, type FixtureExtract } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { smallTownBoundary, smallTownExtract } from '../../../tests/fixtures/osm/smallTown.ts';
import { InputError } from '../../core/errors.ts';
import { readOsmPbf } from '../osm/pbfReader.ts';
import { ringSignedArea } from '../../core/geometry/area.ts';
import type { Ring } from './geometry.ts';
import { landUseOfTags } from './landUseTags.ts';
import { joinRings } from './osmAreas.ts';
import { createRegion, polygonsFromGeoJson } from './region.ts';
import { extractLandUse } from './landUse.ts';
import { extractPois } from './pois.ts';
import { extractWater } from './water.ts';

const region = createRegion(polygonsFromGeoJson(smallTownBoundary()).flatMap((p) => p.polygons));

describe('land-use tag mapping', () => {
  it('maps OSM tags to the scenario land-use codes', () => {
    expect(landUseOfTags({ landuse: 'residential' })).toBe('residential');
    expect(landUseOfTags({ landuse: 'retail' })).toBe('commercial');
    expect(landUseOfTags({ landuse: 'meadow' })).toBe('green');
    expect(landUseOfTags({ leisure: 'park' })).toBe('green');
    expect(landUseOfTags({ amenity: 'university', landuse: 'residential' })).toBe('education');
    expect(landUseOfTags({ amenity: 'clinic' })).toBe('health');
    expect(landUseOfTags({ landuse: 'farmland' })).toBe('agriculture');
    expect(landUseOfTags({ landuse: 'construction' })).toBeUndefined();
  });
});

describe('vector layers on the small-town fixture', () => {
  const osm = readOsmPbf(encodeOsmPbf(smallTownExtract()));

  it('clips the residential area to the boundary', () => {
    const { areas, features } = extractLandUse(osm, region);
    expect(features.map((f) => f.properties.use).sort()).toEqual([
      'education',
      'green',
      'residential',
      'water',
    ]);
    const residential = areas.find((a) => a.use === 'residential')!;
    // 0.0068° × 0.0048° clipped by the 0.006° × 0.005° boundary: 0.0059° × 0.0048° remain.
    expect(Math.abs(ringSignedArea(residential.polygons[0]![0]!))).toBeCloseTo(0.0059 * 0.0048, 9);
  });

  it('names Metro Line 1 stations by their current names', () => {
    const { features, metroStations } = extractPois(osm, region);
    expect(metroStations).toBe(1);
    const station = features.find((f) => f.properties.kind === 'metro_station')!;
    expect(station.properties).toMatchObject({ name: 'Bình Thái', line: 'Metro Line 1' });
    expect(features.find((f) => f.properties.kind === 'school')?.properties.name).toBe('Trường A');
  });

  it('assembles a multipolygon river with a hole from split member ways', () => {
    const extract: FixtureExtract = {
      nodes: [
        { id: 1, lon: 106.75, lat: 10.8 },
        { id: 2, lon: 106.752, lat: 10.8 },
        { id: 3, lon: 106.752, lat: 10.802 },
        { id: 4, lon: 106.75, lat: 10.802 },
        { id: 5, lon: 106.7505, lat: 10.8005 },
        { id: 6, lon: 106.7515, lat: 10.8005 },
        { id: 7, lon: 106.7515, lat: 10.8015 },
        { id: 8, lon: 106.7505, lat: 10.8015 },
      ],
      ways: [
        { id: 1, refs: [1, 2, 3] },
        { id: 2, refs: [1, 4, 3] }, // reversed direction: must still join
        { id: 3, refs: [5, 6, 7, 8, 5] },
      ],
      relations: [
        {
          id: 9,
          members: [
            { type: 'way', ref: 1, role: 'outer' },
            { type: 'way', ref: 2, role: 'outer' },
            { type: 'way', ref: 3, role: 'inner' },
          ],
          tags: { type: 'multipolygon', natural: 'water', water: 'river', name: 'Rạch thử' },
        },
      ],
    };
    const water = extractWater(readOsmPbf(encodeOsmPbf(extract)), region);
    expect(water.areaCount).toBe(1);
    const polygon = water.areas[0]![0]!;
    expect(polygon).toHaveLength(2);
    const area = (r: Ring) => Math.abs(ringSignedArea(r));
    expect(area(polygon[0]!) - area(polygon[1]!)).toBeCloseTo(0.002 * 0.002 - 0.001 * 0.001, 12);
    expect(water.terrainAreas[0]!.river).toBe(true);
  });

  it('joins open chains into rings and drops chains that never close', () => {
    expect(
      joinRings([
        [1, 2],
        [3, 2],
        [3, 1],
      ]),
    ).toEqual([[1, 2, 3, 1]]);
    expect(
      joinRings([
        [1, 2],
        [2, 3],
      ]),
    ).toEqual([]);
  });
});

describe('boundary GeoJSON validation', () => {
  it('names the JSON path of a bad position', () => {
    const bad = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          ['x', 1],
          [0, 0],
        ],
      ],
    };
    expect(() => polygonsFromGeoJson(bad)).toThrow(InputError);
    expect(() => polygonsFromGeoJson(bad)).toThrow(
      /coordinates\[0\]\[2\]: expected a \[longitude, latitude\] position/,
    );
    expect(() => polygonsFromGeoJson({ type: 'Point', coordinates: [0, 0] })).toThrow(
      /type: expected FeatureCollection/,
    );
  });
});
