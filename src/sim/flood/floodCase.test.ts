import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { floodInputFromCase, parseFloodCase } from './floodCase.ts';

const valid = {
  format: 'twin-flood-case/1',
  name: 'a named case',
  dem: 'dem.asc',
  manning: 0.03,
  duration: 600,
  outputInterval: 60,
  sources: [{ x: 15, y: 5, flow: [[0, 1]] }],
  boundaries: [
    { edge: 'west', type: 'level', level: [[0, 1]] },
    { edge: 'east', type: 'free' },
  ],
  gauges: [{ name: 'P', x: 25, y: 15 }],
  solver: { theta: 0.8 },
};

function problems(doc: unknown): string[] {
  try {
    parseFloodCase(doc);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('twin-flood-case/1 parsing', () => {
  it('accepts the spec shape and places sources and gauges on cells (row 0 north)', () => {
    const kase = parseFloodCase(valid);
    expect(kase.solver).toEqual({ theta: 0.8 });
    const dem = {
      columns: 3,
      rows: 2,
      xllCornerMetres: 0,
      yllCornerMetres: 0,
      cellSizeMetres: 10,
      values: new Float64Array(6),
    };
    const { input, gauges } = floodInputFromCase(kase, { dem });
    // (15, 5) is in the southern row (row 1), column 1; (25, 15) in row 0, column 2.
    expect(input.sources).toEqual([{ row: 1, col: 1, flowCubicMetresPerSecond: [[0, 1]] }]);
    expect(gauges).toEqual([{ name: 'P', cell: 2 }]);
  });

  it('reports every problem with its JSON path', () => {
    expect(
      problems({
        ...valid,
        format: 'flood',
        outputInterval: 0,
        initalLevel: 2,
        gauges: [
          { name: 'P', x: 1, y: 1 },
          { name: 'P', x: 2 },
        ],
        solver: { alpha: 2, beta: 1 },
      }),
    ).toEqual([
      'format: expected "twin-flood-case/1", got "flood"',
      'initalLevel: unknown key',
      'outputInterval: expected a positive number, got 0',
      'gauges[1].y: expected a number, got undefined',
      'gauges[1].name: duplicate gauge name "P"',
      'solver.beta: unknown key',
      'solver.alpha: expected a number in [0.01, 1], got 2',
    ]);
  });

  it('refuses unphysical and runaway values, each at its JSON path', () => {
    expect(problems({ ...valid, rain: [[0, -5]] })).toEqual([
      'rain[0][1]: expected a rain rate (mm/h) in [0, 500], got -5',
    ]);
    expect(
      problems({
        ...valid,
        rain: [
          [0, 10],
          [60, 1e300],
        ],
      }),
    ).toEqual(['rain[1][1]: expected a rain rate (mm/h) in [0, 500], got 1e+300']);
    // A source only adds water: a negative flow would break the volume balance.
    expect(problems({ ...valid, sources: [{ x: 15, y: 5, flow: [[0, -2]] }] })).toEqual([
      'sources[0].flow[0][1]: expected an inflow (m³/s; a source cannot remove water) in [0, 100000], got -2',
    ]);
    expect(problems({ ...valid, duration: 1e300 })).toEqual([
      'duration: expected at most 2592000, got 1e+300',
    ]);
    // 3600 s every 1e-9 s would be 3.6e12 samples: refused before any memory is taken.
    expect(problems({ ...valid, duration: 3600, outputInterval: 1e-9 })[0]).toMatch(
      /^outputInterval: 3600 s every 1e-9 s gives 3600000000001 gauge samples, more than the 100000 allowed/,
    );
    expect(problems({ ...valid, boundaries: [{ edge: 'west', type: 'level', level: [[0, 1e12]] }] })).toEqual(
      ['boundaries[0].level[0][1]: expected a water level (m) in [-11010, 11010], got 1000000000000'],
    );
    expect(problems({ ...valid, rain: [[1e300, 1]] })).toEqual([
      'rain[0][0]: expected a time in [-1000000000, 1000000000] s, got 1e+300',
    ]);
    expect(problems({ ...valid, solver: { theta: 0 } })).toEqual([
      'solver.theta: expected a number in [0.5, 1], got 0',
    ]);
  });

  it('checks levels and grids against the DEM: within 10 m of its range', () => {
    const dem = {
      columns: 3,
      rows: 2,
      xllCornerMetres: 0,
      yllCornerMetres: 0,
      cellSizeMetres: 10,
      values: Float64Array.from([0, 1, 2, 3, 4, Number.NaN]),
    };
    const gridProblems = (doc: unknown, grids: Partial<Parameters<typeof floodInputFromCase>[1]> = {}) => {
      try {
        floodInputFromCase(parseFloodCase(doc), { dem, ...grids });
      } catch (error) {
        if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
        throw error;
      }
      return [];
    };
    // DEM 0 … 4 m: levels from -10 to 14 m are accepted.
    expect(gridProblems({ ...valid, initialLevel: 14 })).toEqual([]);
    expect(gridProblems({ ...valid, initialLevel: 14.5 })).toEqual([
      "initialLevel: 14.5 m is outside [-10, 14] m (the DEM's 0 … 4 m, ± 10 m)",
    ]);
    expect(
      gridProblems({
        ...valid,
        boundaries: [
          {
            edge: 'west',
            type: 'level',
            level: [
              [0, 1],
              [60, -10.5],
            ],
          },
        ],
      }),
    ).toEqual(["boundaries[0].level[1][1]: -10.5 m is outside [-10, 14] m (the DEM's 0 … 4 m, ± 10 m)"]);
    const level = { ...dem, values: Float64Array.from([1, 1, 1, 1e12, 1, 1]) };
    expect(gridProblems({ ...valid, initialLevel: 'level.asc' }, { initialLevel: level })).toEqual([
      "initialLevel: cell (row 1, column 0) holds 1000000000000, expected a water level in [-10, 14] m (the DEM's 0 … 4 m, ± 10 m)",
    ]);
    const manning = { ...dem, values: Float64Array.from([0.03, 0, 0.03, 0.03, 0.03, 0.03]) };
    expect(gridProblems({ ...valid, manning: 'n.asc' }, { manning })).toEqual([
      "manning: cell (row 0, column 1) holds 0, expected a Manning's n in [0.0001, 1]",
    ]);
    const high = { ...dem, values: Float64Array.from([0, 1, 2, 3, 1e12, 0]) };
    expect(gridProblems(valid, { dem: high })).toEqual([
      'dem: cell (row 1, column 1) has elevation 1000000000000 m, beyond ±11000 m',
    ]);
  });
});
