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
});
