import { InputError } from '../../core/errors.ts';
import { checkAtMost, MAX_GRID_CELLS } from '../../core/limits.ts';
import type { RasterGrid } from './rasterGrid.ts';

/**
 * ESRI ASCII grid (Arc/Info ASCII Grid, `.asc`) reader and writer.
 * Format: a header of `ncols`, `nrows`, `xllcorner|xllcenter`, `yllcorner|yllcenter`,
 * `cellsize` and optional `NODATA_value` (keys case-insensitive, any order), then
 * `nrows × ncols` numbers, the first data row being the northern edge.
 */

const REQUIRED = ['ncols', 'nrows', 'cellsize'] as const;

/**
 * Parses ESRI ASCII grid text. Values equal to NODATA_value become NaN.
 * Throws InputError with `line N` for a missing or bad header key, a non-number,
 * or a wrong count of values.
 */
export function parseEsriAscii(text: string): RasterGrid {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, { value: number; line: number }>();
  let lineIndex = 0;
  for (; lineIndex < lines.length; lineIndex++) {
    const words = lines[lineIndex]!.trim().split(/\s+/);
    const key = words[0]?.toLowerCase() ?? '';
    if (key === '') continue;
    if (!/^[a-z_]+$/.test(key)) break;
    const where = `line ${lineIndex + 1}`;
    if (words.length !== 2) throw new InputError([{ path: where, message: `expected "${key} <number>"` }]);
    const value = Number(words[1]);
    if (!Number.isFinite(value))
      throw new InputError([{ path: where, message: `${key}: expected a number, got "${words[1]}"` }]);
    header.set(key, { value, line: lineIndex + 1 });
  }
  const firstDataLine = lineIndex + 1;
  for (const key of REQUIRED) {
    if (!header.has(key))
      throw new InputError([{ path: `line ${firstDataLine}`, message: `missing header key "${key}"` }]);
  }
  const columns = header.get('ncols')!;
  const rows = header.get('nrows')!;
  const cellSize = header.get('cellsize')!;
  for (const [name, entry] of [
    ['ncols', columns],
    ['nrows', rows],
  ] as const) {
    if (!Number.isInteger(entry.value) || entry.value < 1)
      throw new InputError([
        { path: `line ${entry.line}`, message: `${name}: expected a positive integer, got ${entry.value}` },
      ]);
  }
  if (!(cellSize.value > 0))
    throw new InputError([
      { path: `line ${cellSize.line}`, message: 'cellsize: expected a positive number' },
    ]);
  const half = cellSize.value / 2;
  const x = origin(header, 'x', half, firstDataLine);
  const y = origin(header, 'y', half, firstDataLine);
  const noData = header.get('nodata_value')?.value;

  const count = columns.value * rows.value;
  const sizeLine = `line ${columns.line}`;
  checkAtMost(count, MAX_GRID_CELLS, `ncols × nrows (${columns.value} × ${rows.value})`, sizeLine);
  // Each value takes at least one character and one separator: a file too short for its header fails here.
  const dataCharacters = text.length - lines.slice(0, lineIndex).join('\n').length;
  if (count > (dataCharacters + 1) / 2)
    throw new InputError([
      {
        path: sizeLine,
        message: `ncols × nrows = ${count} values cannot fit in the ${dataCharacters} characters after the header`,
      },
    ]);
  const values = new Float64Array(count);
  let n = 0;
  let firstOddLine = 0;
  let firstOddCount = 0;
  for (let i = lineIndex; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const words = line.split(/\s+/);
    if (firstOddLine === 0 && words.length !== columns.value) {
      firstOddLine = i + 1;
      firstOddCount = words.length;
    }
    for (const word of words) {
      const v = Number(word);
      if (!Number.isFinite(v))
        throw new InputError([{ path: `line ${i + 1}`, message: `expected a number, got "${word}"` }]);
      if (n >= count)
        throw new InputError([
          {
            path: `line ${i + 1}`,
            message: `too many values: expected ${rows.value} rows × ${columns.value}`,
          },
        ]);
      values[n++] = v === noData ? Number.NaN : v;
    }
  }
  if (n !== count) {
    const where = firstOddLine > 0 ? firstOddLine : lines.length;
    const detail =
      firstOddLine > 0 ? ` (this row has ${firstOddCount} values, ncols is ${columns.value})` : '';
    throw new InputError([
      {
        path: `line ${where}`,
        message: `too few values: expected ${rows.value} rows × ${columns.value} = ${count}, got ${n}${detail}`,
      },
    ]);
  }
  return {
    columns: columns.value,
    rows: rows.value,
    xllCornerMetres: x,
    yllCornerMetres: y,
    cellSizeMetres: cellSize.value,
    values,
  };
}

/** The lower-left corner from `xllcorner` or `xllcenter` (minus half a cell). */
function origin(
  header: Map<string, { value: number; line: number }>,
  axis: 'x' | 'y',
  halfCell: number,
  line: number,
): number {
  const corner = header.get(`${axis}llcorner`);
  if (corner) return corner.value;
  const centre = header.get(`${axis}llcenter`);
  if (centre) return centre.value - halfCell;
  throw new InputError([{ path: `line ${line}`, message: `missing header key "${axis}llcorner"` }]);
}

/** Options of {@link formatEsriAscii}. */
export interface EsriAsciiOptions {
  /** Written for NaN cells; default -9999. */
  noDataValue?: number;
  /** Significant digits of each value; default: shortest exact (round-trips a Float64). */
  precision?: number;
}

/** Writes a grid as ESRI ASCII text (xllcorner/yllcorner header, NaN as NODATA_value). */
export function formatEsriAscii(grid: RasterGrid, options: EsriAsciiOptions = {}): string {
  const noData = options.noDataValue ?? -9999;
  const digits = options.precision;
  const format = (v: number) =>
    Number.isNaN(v)
      ? String(noData)
      : digits === undefined
        ? String(v)
        : String(Number(v.toPrecision(digits)));
  const out = [
    `ncols ${grid.columns}`,
    `nrows ${grid.rows}`,
    `xllcorner ${grid.xllCornerMetres}`,
    `yllcorner ${grid.yllCornerMetres}`,
    `cellsize ${grid.cellSizeMetres}`,
    `NODATA_value ${noData}`,
  ];
  for (let r = 0; r < grid.rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < grid.columns; c++) row.push(format(grid.values[r * grid.columns + c]!));
    out.push(row.join(' '));
  }
  return `${out.join('\n')}\n`;
}
