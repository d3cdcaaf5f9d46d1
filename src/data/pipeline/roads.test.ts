import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeOsmPbf } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { smallTownBoundary, smallTownExtract } from '../../../tests/fixtures/osm/smallTown.ts';
import { sharedInput } from '../../../tests/helpers/shared.ts';
import { ROAD_CLASSES } from '../../core/vocabulary.ts';
import { readOsmPbf } from '../osm/pbfReader.ts';
import { createRegion, polygonsFromGeoJson } from './region.ts';
import { parseMaxSpeedKmh, roadClassOf } from './roadClasses.ts';
import { LINK_FLAG } from '../formats/roads.ts';
import { buildRoadGraph, lanesInDirection, onewayDirection } from './roads.ts';

const town = () => {
  const osm = readOsmPbf(encodeOsmPbf(smallTownExtract()));
  const region = createRegion(polygonsFromGeoJson(smallTownBoundary()).flatMap((p) => p.polygons));
  return buildRoadGraph(osm, region);
};

describe('road graph on the small-town fixture', () => {
  it('accounts for every highway way (footway dropped as non-vehicular)', () => {
    const { report } = town();
    expect(report.highwayWays).toBe(8);
    expect(report.keptWays).toBe(7);
    expect(report.dropped.nonVehicular).toEqual({ footway: 1 });
  });

  it('makes nodes at way ends and intersections only, and splits ways there', () => {
    const { graph, report } = town();
    // 9 grid intersections + the spur's two ends (one is mid-way on row 0).
    expect(report.nodes).toBe(11);
    // Row 0: 3 segments, rows 2 and 4: 2 each, 3 columns: 2 each, spur: 1.
    expect(report.segments).toBe(14);
    // 13 two-way segments × 2 + the one-way spur.
    expect(report.links).toBe(27);
    expect(graph.geometries.offsets).toHaveLength(15);
  });

  it('measures lengths on the WGS84 ellipsoid (Vincenty reference within 5 cm)', () => {
    const { graph } = town();
    const l = graph.links;
    const rowSegment = l.ids.indexOf('10-0f'); // row j = 0 from i = 0 to i = 3
    const columnSegment = l.ids.indexOf('20-0f'); // column i = 0 from j = 0 to j = 2
    expect(l.lengthMetres[rowSegment]).toBeCloseTo(328.08, 1);
    expect(l.lengthMetres[columnSegment]).toBeCloseTo(221.23, 1);
  });

  it('applies oneway=-1, lanes, maxspeed and capacity defaults', () => {
    const { graph } = town();
    const l = graph.links;
    const spur = l.wayId.flatMap((w, i) => (w === 31 ? [i] : []));
    expect(spur).toHaveLength(1);
    expect(l.reversed[spur[0]!]).toBe(1);
    expect(l.oneway[spur[0]!]).toBe(1);
    const tertiary = l.ids.indexOf('23-0b');
    expect(ROAD_CLASSES[l.roadClass[tertiary]!]).toBe('tertiary');
    expect(l.lanes[tertiary]).toBe(2); // lanes=4 on a two-way road
    expect(l.speedKmh[tertiary]).toBe(40);
    expect(l.capacityPcuPerHour[tertiary]).toBe(2 * 800);
    const residential = l.ids.indexOf('12-0f');
    expect([l.lanes[residential], l.speedKmh[residential], l.capacityPcuPerHour[residential]]).toEqual([
      1, 30, 600,
    ]);
  });

  it('flags links that leave the boundary and keeps them', () => {
    const { graph } = town();
    const outside = graph.links.flags.filter((f) => f & LINK_FLAG.partlyOutside).length;
    // Row segments reaching i = 6 (3) and the two column-6 segments, both directions.
    expect(outside).toBe(10);
  });
});

describe('road tag rules', () => {
  it('maps highway values to classes', () => {
    expect(roadClassOf('primary_link')).toBe('primary');
    expect(roadClassOf('unclassified')).toBe('residential');
    expect(roadClassOf('track')).toBe('service');
    expect(roadClassOf('steps')).toBeUndefined();
  });
  it('reads directions, lanes and speeds', () => {
    expect(onewayDirection({ junction: 'roundabout' }, 'primary')).toBe(1);
    expect(onewayDirection({}, 'motorway')).toBe(1);
    expect(onewayDirection({ oneway: 'no' }, 'motorway')).toBe(0);
    expect(onewayDirection({ oneway: '-1' }, 'residential')).toBe(-1);
    expect(lanesInDirection({ lanes: '3' }, 'primary', true, true)).toBe(3);
    expect(lanesInDirection({ lanes: '3' }, 'primary', false, true)).toBe(1);
    expect(lanesInDirection({ 'lanes:forward': '2', lanes: '3' }, 'primary', false, true)).toBe(2);
    expect(lanesInDirection({}, 'trunk', false, false)).toBe(2);
    expect(parseMaxSpeedKmh('50')).toBe(50);
    expect(parseMaxSpeedKmh('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxSpeedKmh('VN:urban')).toBeUndefined();
  });
});

const extract = sharedInput('thuduc/thuduc-2018.osm.pbf');
const boundary = sharedInput('thuduc/boundary.geojson');
describe.skipIf(!extract || !boundary)('road graph on the 2018 extract (needs ../shared/data)', () => {
  it('accounts for all 7,229 highway ways and matches the published total length', () => {
    const osm = readOsmPbf(new Uint8Array(readFileSync(extract!)));
    const region = createRegion(
      polygonsFromGeoJson(JSON.parse(readFileSync(boundary!, 'utf8'))).flatMap((p) => p.polygons),
    );
    const { report } = buildRoadGraph(osm, region);
    const dropped = Object.values(report.dropped.nonVehicular).reduce((a, b) => a + b, 0);
    expect(report.highwayWays).toBe(7_229);
    expect(report.keptWays + dropped + report.dropped.area + report.dropped.tooShort).toBe(7_229);
    // SOURCES.md: 2,016.7 km of highway ways, 1,560.5 km inside the boundary.
    expect(Math.abs(report.highwayLengthKm - 2016.7) / 2016.7).toBeLessThan(0.005);
    expect(Math.abs(report.keptLengthInsideKm - 1560.5) / 1560.5).toBeLessThan(0.03);
  });
});
