import { describe, expect, it } from 'vitest';
import { toSceneMetres } from '../core/geo.ts';
import { parseEsriAscii } from '../data/grid/esriAscii.ts';
import {
  closedLinkIdsOfRun,
  floodMaxDepthEsriAscii,
  floodMaxDepthGrid,
  trafficLinksGeoJson,
} from './runLayers.ts';
import type { Scenario } from './scenario.ts';

const grid = {
  xllCornerMetres: 700_000,
  yllCornerMetres: 1_190_000,
  cellSizeMetres: 80,
  columns: 2,
  rows: 2,
};

describe('flood max-depth layer', () => {
  it('round-trips a 2×2 grid through the ESRI ASCII reader, NODATA outside the city', () => {
    const flood = { grid, maxDepthMetres: Float32Array.of(0.25, 1.5, 0.1234567, 3) };
    const inside = Uint8Array.of(1, 1, 1, 0);
    const text = floodMaxDepthEsriAscii(flood, inside);
    expect(text).toMatch(/^NODATA_value -9999$/m);
    expect(text).toMatch(/^xllcorner 700000$/m);
    const back = parseEsriAscii(text);
    expect([
      back.columns,
      back.rows,
      back.xllCornerMetres,
      back.yllCornerMetres,
      back.cellSizeMetres,
    ]).toEqual([2, 2, 700_000, 1_190_000, 80]);
    // Row 0 is north: the first data line holds cells 0 and 1.
    expect(text.trim().split('\n').slice(-2)).toEqual(['0.25 1.5', '0.123 -9999']);
    expect(Array.from(back.values.slice(0, 3))).toEqual([0.25, 1.5, 0.123]);
    expect(back.values[3]).toBeNaN();
  });

  it('writes every cell without a mask and clamps float noise below zero', () => {
    const g = floodMaxDepthGrid({ grid, maxDepthMetres: Float32Array.of(-1e-9, 0, 0.3, Number.NaN) });
    expect(Array.from(g.values.slice(0, 3))).toEqual([0, 0, 0.3]);
    expect(g.values[3]).toBeNaN();
  });

  it('refuses a mask of another size', () => {
    expect(() => floodMaxDepthGrid({ grid, maxDepthMetres: new Float32Array(4) }, new Uint8Array(3))).toThrow(
      /mask/,
    );
  });
});

describe('traffic links layer', () => {
  // One street of two vertices drawn by two links: a along the geometry, b against it.
  const [e0, n0] = toSceneMetres(106.75, 10.8);
  const [e1, n1] = toSceneMetres(106.76, 10.81);
  const roads = {
    links: {
      ids: ['100-0f', '100-0b'],
      geometry: [0, 0],
      reversed: [0, 1],
      capacityPcuPerHour: [1800, 900],
    },
    geometries: { offsets: [0, 2], coordinates: [e0, n0, e1, n1] },
  };

  it('writes one LineString per directed link with its properties and closed flag', () => {
    const geojson = trafficLinksGeoJson(
      roads,
      { linkVolumePcuPerHour: Float32Array.of(1234.5678, 0), linkSpeedKmh: Float32Array.of(31.25, 0) },
      new Set(['100-0b']),
    );
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toHaveLength(2);
    const [a, b] = geojson.features;
    expect(a!.properties).toEqual({
      id: '100-0f',
      volumePcuPerHour: 1234.57,
      capacityPcuPerHour: 1800,
      speedKmh: 31.25,
      closed: false,
    });
    expect(b!.properties).toEqual({
      id: '100-0b',
      volumePcuPerHour: 0,
      capacityPcuPerHour: 900,
      speedKmh: 0,
      closed: true,
    });
    expect(a!.geometry.type).toBe('LineString');
    expect(a!.geometry.coordinates[0]![0]).toBeCloseTo(106.75, 6);
    expect(a!.geometry.coordinates[0]![1]).toBeCloseTo(10.8, 6);
    // The reversed link runs from the geometry's end to its start.
    expect(b!.geometry.coordinates).toEqual([...a!.geometry.coordinates].reverse());
  });

  it('refuses a result that is not aligned with the roads', () => {
    expect(() =>
      trafficLinksGeoJson(
        roads,
        { linkVolumePcuPerHour: new Float32Array(3), linkSpeedKmh: new Float32Array(3) },
        [],
      ),
    ).toThrow(/links/);
  });

  it('closes the links of road-closure edits and the flood closures of the assigned hour', () => {
    const scenario = {
      edits: [
        { type: 'roadClosure', id: 'c1', linkIds: ['1-0f', '1-0b'] },
        { type: 'roadClosure', id: 'c2', linkIds: ['2-0f'] },
      ],
    } as unknown as Scenario;
    expect([...closedLinkIdsOfRun(scenario)].sort()).toEqual(['1-0b', '1-0f', '2-0f']);
    expect(
      [...closedLinkIdsOfRun(scenario, { closedInAssignedHourLinkIds: ['3-0f', '1-0f'] })].sort(),
    ).toEqual(['1-0b', '1-0f', '2-0f', '3-0f']);
  });
});
