import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { formatEsriAscii, parseEsriAscii } from './esriAscii.ts';
import { cellAt, cellCentre } from './rasterGrid.ts';

const SAMPLE = `ncols 3
nrows 2
xllcorner 1000
yllcorner 2000
cellsize 10
NODATA_value -9999
1 2 3
4 -9999 6.5
`;

function errorOf(text: string): InputError {
  try {
    parseEsriAscii(text);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('ESRI ASCII grid', () => {
  it('reads the header, row 0 as the northern edge and NODATA as NaN', () => {
    const g = parseEsriAscii(SAMPLE);
    expect([g.columns, g.rows, g.xllCornerMetres, g.yllCornerMetres, g.cellSizeMetres]).toEqual([
      3, 2, 1000, 2000, 10,
    ]);
    expect(Array.from(g.values)).toEqual([1, 2, 3, 4, Number.NaN, 6.5]);
    // Cell (0, 0) is the north-west cell: centre at x = 1005, y = 2000 + 2*10 - 5.
    expect(cellCentre(g, 0, 0)).toEqual([1005, 2015]);
    expect(cellAt(g, 1005, 2015)).toEqual([0, 0]);
    expect(cellAt(g, 1025, 2001)).toEqual([1, 2]);
    expect(cellAt(g, 999, 2001)).toBeUndefined();
  });

  it('honours xllcenter/yllcenter (half a cell inside the corner)', () => {
    const g = parseEsriAscii(
      SAMPLE.replace('xllcorner 1000', 'XLLCENTER 1005').replace('yllcorner', 'yllcenter'),
    );
    expect(g.xllCornerMetres).toBe(1000);
    expect(g.yllCornerMetres).toBe(1995);
  });

  it('round-trips values exactly through formatEsriAscii', () => {
    const g = parseEsriAscii(SAMPLE);
    g.values[0] = 0.1 + 0.2;
    const back = parseEsriAscii(formatEsriAscii(g));
    expect(back).toEqual(g);
  });

  it('names the line of a non-number', () => {
    const e = errorOf(SAMPLE.replace('4 -9999 6.5', '4 x 6.5'));
    expect(e.problems[0]).toEqual({ path: 'line 8', message: 'expected a number, got "x"' });
  });

  it('names the short row when values are missing', () => {
    const e = errorOf(SAMPLE.replace('1 2 3', '1 2'));
    expect(e.problems[0]!.path).toBe('line 7');
    expect(e.message).toMatch(/too few values.*this row has 2 values/);
  });

  it('names the line with too many values', () => {
    expect(errorOf(`${SAMPLE}7 8 9\n`).problems[0]!.path).toBe('line 9');
  });

  it('reports a missing header key', () => {
    expect(errorOf(SAMPLE.replace('cellsize 10\n', '')).message).toMatch(/missing header key "cellsize"/);
    expect(errorOf(SAMPLE.replace('nrows 2', 'nrows two')).message).toBe(
      'line 2: nrows: expected a number, got "two"',
    );
  });
});

describe('ESRI ASCII limits (docs/limits.md)', () => {
  it('refuses ncols × nrows above 5e7 cells before allocating, naming the ncols line', () => {
    const e = errorOf('ncols 100000\nnrows 1000\nxllcorner 0\nyllcorner 0\ncellsize 1\n1\n');
    expect(e.message).toBe(
      'line 1: ncols × nrows (100000 × 1000) is 100000000, above the maximum of 5e7 (docs/limits.md)',
    );
  });
  it('refuses a header whose cell count cannot fit in the rest of the file', () => {
    // 1000 × 1000 values need at least 2 × 10⁶ − 1 characters; the file has 4 after the header.
    const e = errorOf('ncols 1000\nnrows 1000\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n');
    expect(e.message).toMatch(
      /^line 1: ncols × nrows = 1000000 values cannot fit in the 5 characters after the header/,
    );
  });
  it('refuses non-finite and non-positive header numbers', () => {
    expect(errorOf(SAMPLE.replace('cellsize 10', 'cellsize 1e400')).message).toMatch(
      /cellsize: expected a number, got "1e400"/,
    );
    expect(errorOf(SAMPLE.replace('cellsize 10', 'cellsize -10')).message).toMatch(
      /cellsize: expected a positive number/,
    );
    expect(errorOf(SAMPLE.replace('ncols 3', 'ncols 1e400')).message).toMatch(/ncols: expected a number/);
  });
});
