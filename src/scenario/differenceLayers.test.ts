import { describe, expect, it } from 'vitest';
import { toSceneMetres } from '../core/geo.ts';
import { parseEsriAscii } from '../data/grid/esriAscii.ts';
import {
  floodDepthDifference,
  floodDifferenceEsriAscii,
  floorSpaceChanges,
  scenarioLayersOf,
  trafficDifferenceGeoJson,
  trafficVolumeDifference,
} from './differenceLayers.ts';
import { MORNING_PEAK_HOUR } from './eventClock.ts';
import type { FloodStageResult, LanduseStageResult, TrafficStageResult } from './stageResults.ts';

const grid = {
  xllCornerMetres: 700_000,
  yllCornerMetres: 1_190_000,
  cellSizeMetres: 20,
  columns: 2,
  rows: 2,
};

describe('floodDepthDifference', () => {
  it('subtracts A from B cell by cell and keeps NaN where either run has none', () => {
    const a = { grid, maxDepthMetres: Float32Array.of(0.5, 0, Number.NaN, 1) };
    const b = { grid, maxDepthMetres: Float32Array.of(0.25, 0.75, 2, Number.NaN) };
    const d = floodDepthDifference(a, b);
    expect(d.values[0]).toBeCloseTo(-0.25, 6);
    expect(d.values[1]).toBeCloseTo(0.75, 6);
    expect(d.values[2]).toBeNaN();
    expect(d.values[3]).toBeNaN();
    expect([d.columns, d.rows, d.xllCornerMetres, d.yllCornerMetres, d.cellSizeMetres]).toEqual([
      2, 2, 700_000, 1_190_000, 20,
    ]);
  });

  it('refuses grids of different frames', () => {
    const a = { grid, maxDepthMetres: new Float32Array(4) };
    const b = { grid: { ...grid, xllCornerMetres: 700_020 }, maxDepthMetres: new Float32Array(4) };
    expect(() => floodDepthDifference(a, b)).toThrow(/grids/);
  });

  it('exports an ESRI ASCII grid that reads back to the same frame and values, NaN as NODATA', () => {
    const a = { grid, maxDepthMetres: Float32Array.of(0, 0.5, 1, Number.NaN) };
    const b = { grid, maxDepthMetres: Float32Array.of(0.125, 0.5, 0.25, 1) };
    const text = floodDifferenceEsriAscii(a, b);
    expect(text).toMatch(/NODATA_value\s+-9999/i);
    const back = parseEsriAscii(text);
    expect([
      back.columns,
      back.rows,
      back.xllCornerMetres,
      back.yllCornerMetres,
      back.cellSizeMetres,
    ]).toEqual([2, 2, 700_000, 1_190_000, 20]);
    expect(back.values[0]).toBeCloseTo(0.125, 6);
    expect(back.values[1]).toBe(0);
    expect(back.values[2]).toBeCloseTo(-0.75, 6);
    expect(back.values[3]).toBeNaN();
  });
});

describe('traffic volume difference', () => {
  const roads = {
    links: { ids: ['10-0f', '10-0b'], geometry: [0, 0], reversed: [0, 1] },
    // one segment polyline from (0, 0) to (1000, 0) to (1000, 500) scene metres
    geometries: { offsets: [0, 3], coordinates: [0, 0, 1000, 0, 1000, 500] },
  };

  it('is B − A per link and refuses different link counts', () => {
    const d = trafficVolumeDifference(Float32Array.of(100, 250), Float32Array.of(400, 50));
    expect([...d]).toEqual([300, -200]);
    expect(() => trafficVolumeDifference(new Float32Array(2), new Float32Array(3))).toThrow(/link counts/);
  });

  it('writes one WGS84 LineString per link in its direction of travel with both volumes', () => {
    const geo = trafficDifferenceGeoJson(roads, Float32Array.of(100, 250), Float32Array.of(400, 50));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(2);
    const [forward, backward] = geo.features;
    expect(forward!.properties).toEqual({ id: '10-0f', volumeA: 100, volumeB: 400, difference: 300 });
    expect(backward!.properties).toEqual({ id: '10-0b', volumeA: 250, volumeB: 50, difference: -200 });
    // the scene origin is 10.82 N 106.77 E; points project back to their scene metres within 2 cm
    const first = forward!.geometry.coordinates[0]!;
    expect(first).toEqual([106.77, 10.82]);
    const last = forward!.geometry.coordinates[2]!;
    const [east, north] = toSceneMetres(last[0], last[1]);
    expect(east).toBeCloseTo(1000, 1);
    expect(north).toBeCloseTo(500, 1);
    // 1 km east at 10.82° N is about 0.00915° of longitude
    expect(forward!.geometry.coordinates[1]![0] - 106.77).toBeCloseTo(
      1000 / (111_320 * Math.cos(0.18885)),
      4,
    );
    expect(backward!.geometry.coordinates).toEqual([...forward!.geometry.coordinates].reverse());
  });
});

describe('floorSpaceChanges', () => {
  it('reports proposed floor space added by B (positive) and removed from A (negative), per site and use', () => {
    const a = {
      eastMetres: Float64Array.of(0, 100, 200),
      northMetres: Float64Array.of(0, 0, 0),
      grossFloorAreaM2: Float64Array.of(5000, 3000, 1000),
      use: Uint8Array.of(0, 1, 0),
    };
    const b = {
      eastMetres: Float64Array.of(0, 100, 300, 300),
      northMetres: Float64Array.of(0, 0, 50, 50),
      grossFloorAreaM2: Float64Array.of(5000, 4500, 2000, 500),
      use: Uint8Array.of(0, 1, 3, 3),
    };
    const c = floorSpaceChanges(a, b);
    const rows = [...c.use].map((use, i) => [
      c.eastMetres[i],
      c.northMetres[i],
      use,
      c.grossFloorAreaDifferenceM2[i],
    ]);
    expect(rows).toEqual([
      [100, 0, 1, 1500],
      [200, 0, 0, -1000],
      [300, 50, 3, 2500],
    ]);
  });
});

describe('scenarioLayersOf', () => {
  it('copies flood depth and its frames, link volumes and the proposed floor space, leaving the stage results intact', () => {
    const flood: FloodStageResult = {
      maxDepthMetres: Float32Array.of(0, 1, 2, 3),
      grid,
      impassableLinkIds: [],
      assignedHour: MORNING_PEAK_HOUR,
      closedInAssignedHourLinkIds: [],
      depthFramesMetres: [Float32Array.of(0, 0, 0, 0), Float32Array.of(0, 0.5, 1, 0)],
      frameTimesSeconds: [0, 1800],
      frameTideLevelsMetres: [0.4, 1.2],
      kpis: {},
    };
    const traffic = {
      linkVolumePcuPerHour: Float32Array.of(10, 20),
      linkVolumeCapacityRatio: new Float32Array(2),
      kpis: {},
    };
    const landuse = {
      floorSpace: {
        eastMetres: Float64Array.of(1, 2, 3),
        northMetres: Float64Array.of(4, 5, 6),
        grossFloorAreaM2: Float64Array.of(100, 200, 300),
        use: Uint8Array.of(0, 1, 2),
        proposed: Uint8Array.of(0, 1, 1),
      },
      kpis: {},
    };
    const { layers, transferables } = scenarioLayersOf({
      flood,
      traffic: traffic as TrafficStageResult,
      landuse: landuse as LanduseStageResult,
    });
    expect([...layers.flood!.maxDepthMetres]).toEqual([0, 1, 2, 3]);
    expect(layers.flood!.maxDepthMetres.buffer).not.toBe(flood.maxDepthMetres.buffer);
    expect(layers.flood!.frames.depthMetres.map((f) => [...f])).toEqual([
      [0, 0, 0, 0],
      [0, 0.5, 1, 0],
    ]);
    expect(layers.flood!.frames.depthMetres[1]!.buffer).not.toBe(flood.depthFramesMetres[1]!.buffer);
    expect(layers.flood!.frames.timesSeconds).toEqual([0, 1800]);
    expect(layers.flood!.frames.tideLevelsMetres).toEqual([0.4, 1.2]);
    expect([...layers.traffic!.linkVolumePcuPerHour]).toEqual([10, 20]);
    expect([...layers.newBuildings!.eastMetres]).toEqual([2, 3]);
    expect([...layers.newBuildings!.grossFloorAreaM2]).toEqual([200, 300]);
    expect([...layers.newBuildings!.use]).toEqual([1, 2]);
    expect(transferables).toHaveLength(8); // the frames are transferred too
    // transferring detaches the copies, not the cached results
    structuredClone(layers, { transfer: transferables });
    expect(layers.flood!.frames.depthMetres[0]!.length).toBe(0);
    expect(flood.maxDepthMetres.length).toBe(4);
    expect(flood.depthFramesMetres.map((f) => f.length)).toEqual([4, 4]);
    expect(landuse.floorSpace.eastMetres.length).toBe(3);
  });

  it('returns no layer for stages that did not run', () => {
    expect(scenarioLayersOf({}).layers).toEqual({});
  });
});
