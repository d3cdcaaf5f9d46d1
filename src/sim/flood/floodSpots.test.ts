import { describe, expect, it } from 'vitest';
import {
  binomialUpperTail,
  type FloodSpot,
  isEvaluable,
  maxDepthNear,
  parseFloodSpotsCsv,
  type ProjectedSpot,
  randomPointsAlong,
  type SpotDepthLayer,
  skillAgainstChance,
  streetCentrelines,
  validateFloodSpots,
} from './floodSpots.ts';
import { floodSpotsMapSvg } from './floodSpotsMap.ts';

/**
 * A 4 × 4 grid of 100 m cells, west edge x = 0, south edge y = 0 (row 0 north, y 300–400):
 *   row 0: 0.5  0    0    [water, 2.0 m]
 *   row 1: 0    0    0    0
 *   row 2: 0    0.2  0    0
 *   row 3: 0    0    0    0.05
 */
const depth = [0.5, 0, 0, 2, 0, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0, 0.05];
const land = depth.map((_, k) => (k === 3 ? 0 : 1));
const layer: SpotDepthLayer = {
  columns: 4,
  rows: 4,
  xllCornerMetres: 0,
  yllCornerMetres: 0,
  cellSizeMetres: 100,
  maxDepthMetres: Float32Array.from(depth),
  land,
};

function spot(id: string, x: number, y: number): ProjectedSpot {
  return { id, title: id, latitudeDegrees: 0, longitudeDegrees: 0, line: 2, x, y };
}

describe('maxDepthNear', () => {
  it('takes the deepest land cell touching the disc, never water', () => {
    expect(maxDepthNear(layer, 50, 350, 10)).toEqual({
      status: 'evaluated',
      maxDepthMetres: 0.5,
      landCells: 1,
    });
    // 5 m east of cell (0,0): a 4 m disc stays in cell (0,1), a 10 m disc reaches (0,0).
    expect(maxDepthNear(layer, 105, 350, 4)).toMatchObject({ maxDepthMetres: 0 });
    expect(maxDepthNear(layer, 105, 350, 10)).toMatchObject({ maxDepthMetres: 0.5 });
    // 5 m east and 5 m south of cell (0,0)'s corner: 7.07 m away.
    expect(maxDepthNear(layer, 105, 295, 7)).toMatchObject({ maxDepthMetres: 0, landCells: 3 });
    expect(maxDepthNear(layer, 105, 295, 7.1)).toMatchObject({ maxDepthMetres: 0.5, landCells: 4 });
    // In the water cell: nothing of the land within 10 m; within 60 m its dry neighbours, not its 2 m.
    expect(maxDepthNear(layer, 350, 350, 10)).toEqual({ status: 'noLand' });
    expect(maxDepthNear(layer, 350, 350, 60)).toMatchObject({ status: 'evaluated', maxDepthMetres: 0 });
    expect(maxDepthNear(layer, 500, 100, 50)).toEqual({ status: 'outsideGrid' });
    expect(maxDepthNear(layer, 50, -1, 50)).toEqual({ status: 'outsideGrid' });
    expect(isEvaluable(layer, 350, 350, 10)).toBe(false);
    expect(isEvaluable(layer, 50, 50, 0)).toBe(true);
  });
});

describe('validateFloodSpots on a hand-worked grid', () => {
  const spots = [
    spot('a', 50, 350), // 0.5 m: hit
    spot('b', 150, 150), // 0.2 m: hit
    spot('c', 350, 50), // 0.05 m: miss
    spot('d', 350, 350), // water only within 10 m: excluded
    spot('e', 500, 100), // off the grid: excluded
    spot('f', 250, 250), // 0 m: miss
  ];
  // 10 street points: 2 flooded (cells (0,0) and (2,1)), 8 dry; one off the grid is not counted.
  const street: Array<[number, number]> = [
    [20, 380],
    [120, 120],
    [250, 350],
    [150, 250],
    [250, 250],
    [350, 250],
    [50, 150],
    [250, 150],
    [50, 50],
    [150, 50],
    [900, 900],
  ];
  const v = validateFloodSpots(layer, spots, street, { radiusMetres: 10 });

  it('reports every spot, excludes those off the grid or without land', () => {
    expect(v.spots.map((s) => [s.id, s.evaluated, s.maxDepthMetres, s.flooded])).toEqual([
      ['a', true, 0.5, true],
      ['b', true, expect.closeTo(0.2, 6), true],
      ['c', true, expect.closeTo(0.05, 6), false],
      ['d', false, null, null],
      ['e', false, null, null],
      ['f', true, 0, false],
    ]);
    expect(v.spots[3]!.excludedBecause).toBe('no land of the city within the search radius');
    expect(v.spots[4]!.excludedBecause).toBe('outside the flood grid');
    expect([v.spotsCount, v.spotsFlooded, v.spotsExcluded]).toEqual([4, 2, 2]);
  });

  it('computes H = 2/4, B = 2/10, skill (H − B)/(1 − B) = 0.375 and P(X ≥ 2 | 4, 0.2) = 0.1808', () => {
    expect(v.hitRate).toBe(0.5);
    expect([v.randomPoints, v.randomPointsFlooded]).toEqual([10, 2]);
    expect(v.streetBaseRate).toBeCloseTo(0.2, 12);
    expect(v.streetBaseRateStdError).toBeCloseTo(Math.sqrt(0.016), 12);
    expect(v.skill).toBeCloseTo(0.375, 12);
    // 1 − 0.8⁴ − 4 · 0.2 · 0.8³ = 1 − 0.4096 − 0.4096
    expect(v.pValue).toBeCloseTo(0.1808, 10);
  });

  it('draws the map with one mark per spot and the figures', () => {
    const svg = floodSpotsMapSvg({
      layer,
      water: land.map((l) => 1 - l),
      spots,
      validation: v,
      title: 'test <map>',
      subtitle: 'synthetic',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('test &#60;map&#62;');
    expect(svg.match(/<g><title>/g)).toHaveLength(6);
    expect(svg).toContain('Spots flooded (H): 2 of 4 = 50.0 %');
    expect(svg).toContain('Skill (H − B)/(1 − B): 0.375');
    expect(svg).toBe(
      floodSpotsMapSvg({
        layer,
        water: land.map((l) => 1 - l),
        spots,
        validation: v,
        title: 'test <map>',
        subtitle: 'synthetic',
      }),
    );
  });

  it('gives null rates without spots or street points', () => {
    const none = validateFloodSpots(layer, [], []);
    expect([none.hitRate, none.streetBaseRate, none.skill, none.pValue]).toEqual([null, null, null, null]);
  });
});

describe('skill and p-value', () => {
  it('skill is 1 for a perfect hit rate, 0 at chance, negative below it, null when B = 1', () => {
    expect(skillAgainstChance(1, 0.3)).toBe(1);
    expect(skillAgainstChance(0.3, 0.3)).toBe(0);
    expect(skillAgainstChance(0.1, 0.3)).toBeCloseTo(-2 / 7, 12);
    expect(skillAgainstChance(1, 1)).toBeNull();
  });

  it('sums the binomial upper tail exactly', () => {
    const direct = (n: number, k: number, p: number) => {
      let sum = 0;
      let c = 1; // C(n, 0)
      for (let j = 0; j <= n; j++) {
        if (j >= k) sum += c * p ** j * (1 - p) ** (n - j);
        c = (c * (n - j)) / (j + 1);
      }
      return sum;
    };
    expect(binomialUpperTail(4, 2, 0.2)).toBeCloseTo(0.1808, 12);
    expect(binomialUpperTail(50, 20, 0.3)).toBeCloseTo(direct(50, 20, 0.3), 12);
    expect(binomialUpperTail(16, 16, 0.5)).toBeCloseTo(0.5 ** 16, 15);
    expect(binomialUpperTail(16, 0, 0.1)).toBe(1);
    expect(binomialUpperTail(16, 17, 0.9)).toBe(0);
    expect(binomialUpperTail(16, 3, 0)).toBe(0);
    expect(binomialUpperTail(16, 3, 1)).toBe(1);
  });
});

describe('randomPointsAlong', () => {
  const lines: Array<Array<[number, number]>> = [
    [
      [0, 0],
      [300, 0],
    ],
    [
      [0, 100],
      [0, 200],
    ],
  ];

  it('is deterministic for a seed and weights the streets by length', () => {
    const a = randomPointsAlong(lines, 4000, 7);
    expect(a).toEqual(randomPointsAlong(lines, 4000, 7));
    expect(a).not.toEqual(randomPointsAlong(lines, 4000, 8));
    const onFirst = a.filter(([, y]) => y === 0).length;
    expect(onFirst / a.length).toBeGreaterThan(0.72);
    expect(onFirst / a.length).toBeLessThan(0.78);
    for (const [x, y] of a)
      expect((y === 0 && x >= 0 && x <= 300) || (x === 0 && y >= 100 && y <= 200)).toBe(true);
  });

  it('draws again where the acceptance test refuses, and stops when the draws run out', () => {
    const east = randomPointsAlong(lines, 100, 1, (x) => x > 150);
    expect(east).toHaveLength(100);
    for (const [x] of east) expect(x).toBeGreaterThan(150);
    expect(randomPointsAlong(lines, 10, 1, () => false, 500)).toEqual([]);
  });
});

describe('streetCentrelines', () => {
  it('takes each street polyline once, at ground level only', () => {
    const roads = {
      // Geometry 0 drawn by two links (both directions), 1 by a bridge, 2 by no link.
      links: { geometry: [0, 0, 1], flags: [0, 0, 1] },
      geometries: { offsets: [0, 2, 4, 6], coordinates: [0, 0, 10, 0, 20, 0, 30, 0, 40, 0, 50, 0] },
    };
    expect(streetCentrelines(roads, (e, n) => [e + 1000, n])).toEqual([
      [
        [1000, 0],
        [1010, 0],
      ],
    ]);
  });
});

describe('parseFloodSpotsCsv', () => {
  it('reads the columns it needs by name, with quoted fields and a BOM', () => {
    const text =
      '\uFEFFid,title,cause,lat,lon,extra\n' +
      'a,"Street A, near the ""market""",rain,10.85,106.75,x\n' +
      '\n' +
      ',Untitled,,10.8,106.76,\n';
    const spots: FloodSpot[] = parseFloodSpotsCsv(text);
    expect(spots).toEqual([
      {
        id: 'a',
        title: 'Street A, near the "market"',
        cause: 'rain',
        latitudeDegrees: 10.85,
        longitudeDegrees: 106.75,
        line: 2,
      },
      { id: 'line 4', title: 'Untitled', latitudeDegrees: 10.8, longitudeDegrees: 106.76, line: 4 },
    ]);
    expect(parseFloodSpotsCsv('LATITUDE,Longitude\n1,2\n')[0]).toMatchObject({
      id: 'line 2',
      latitudeDegrees: 1,
      longitudeDegrees: 2,
    });
  });

  it('names the line of a bad coordinate or a missing column', () => {
    expect(() => parseFloodSpotsCsv('id,lat,lon\na,10.8,east\n')).toThrow(
      /line 2: lon: expected degrees, got "east"/,
    );
    expect(() => parseFloodSpotsCsv('id,lat,lon\na,95,106\n')).toThrow(/line 2: lat/);
    expect(() => parseFloodSpotsCsv('id,lat\na,10\n')).toThrow(/line 1: expected columns "lat" and "lon"/);
    expect(() => parseFloodSpotsCsv('')).toThrow(/empty file/);
  });
});
