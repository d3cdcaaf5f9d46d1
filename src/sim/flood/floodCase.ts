import { Checker, type SeriesLimits } from '../../core/check.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import type { TimeSeries } from '../../core/timeSeries.ts';
import { cellAt, type RasterGrid, sameGridShape } from '../../data/grid/rasterGrid.ts';
import {
  LEVEL_MARGIN_METRES,
  MANNING_RANGE,
  MAX_ABS_ELEVATION_METRES,
  MAX_ABS_LEVEL_METRES,
  MAX_ABS_SERIES_SECONDS,
  MAX_DURATION_SECONDS,
  MAX_GAUGE_SAMPLES,
  MAX_OUTPUT_SAMPLES,
  MAX_RAIN_MILLIMETRES_PER_HOUR,
  MAX_SERIES_POINTS,
  MAX_SOURCE_FLOW_CUBIC_METRES_PER_SECOND,
} from './floodLimits.ts';
import {
  type FloodBoundary,
  type FloodEdge,
  FLOOD_EDGES,
  type FloodModelInput,
  type FloodSolverSettings,
} from './floodInput.ts';

/** A `twin-flood-case/1` document after validation; file names are as written (relative to the case file). */
export interface FloodCase {
  /** DEM file (ESRI ASCII or GeoTIFF). */
  dem: string;
  /** Manning's n, or a grid file of the DEM's shape. */
  manning: number | string;
  /** Initial water-surface elevation (m), or a grid file; absent = dry. */
  initialLevel?: number | string;
  /** Simulated duration, s. */
  durationSeconds: number;
  /** Seconds between gauge samples (t = 0 included). */
  outputIntervalSeconds: number;
  sources: Array<{ x: number; y: number; flow: TimeSeries }>;
  /** Rain, mm/h. */
  rain?: TimeSeries;
  boundaries: FloodBoundary[];
  gauges: Array<{ name: string; x: number; y: number }>;
  solver: Partial<FloodSolverSettings>;
}

/** Parses a `twin-flood-case/1` document, reporting every problem with its JSON path. */
export function parseFloodCase(doc: unknown): FloodCase {
  const c = new Checker();
  const root = c.object(doc, '(root)');
  if (!root) throw new InputError(c.problems);
  if (root.format !== 'twin-flood-case/1')
    c.fail('format', `expected "twin-flood-case/1", got ${JSON.stringify(root.format)}`);
  const known = ['format', 'dem', 'manning', 'initialLevel', 'duration', 'outputInterval', 'sources', 'rain'];
  // Unknown keys are errors (they are usually misspelt optional keys), except free-text ones.
  const described = ['name', 'title', 'description', 'comment', '$schema'];
  for (const key of Object.keys(root))
    if (![...known, ...described, 'boundaries', 'gauges', 'solver'].includes(key)) c.fail(key, 'unknown key');
  const dem = c.string(root.dem, 'dem');
  const manning = numberOrFile(c, root.manning, 'manning', ...MANNING_RANGE);
  const initialLevel =
    root.initialLevel === undefined
      ? undefined
      : numberOrFile(c, root.initialLevel, 'initialLevel', -MAX_ABS_LEVEL_METRES, MAX_ABS_LEVEL_METRES);
  const duration = positive(c, root.duration, 'duration', MAX_DURATION_SECONDS);
  const outputInterval = positive(c, root.outputInterval, 'outputInterval');
  const sources: FloodCase['sources'] = [];
  (root.sources === undefined ? [] : (c.array(root.sources, 'sources') ?? [])).forEach((s, i) => {
    const p = `sources[${i}]`;
    const o = c.object(s, p);
    if (!o) return;
    const x = c.number(o.x, `${p}.x`);
    const y = c.number(o.y, `${p}.y`);
    const flow = c.boundedTimeSeries(o.flow, `${p}.flow`, CASE_SERIES, {
      min: 0,
      max: MAX_SOURCE_FLOW_CUBIC_METRES_PER_SECOND,
      what: 'an inflow (m³/s; a source cannot remove water)',
    });
    if (x !== undefined && y !== undefined && flow) sources.push({ x, y, flow });
  });
  const rain =
    root.rain === undefined
      ? undefined
      : c.boundedTimeSeries(root.rain, 'rain', CASE_SERIES, {
          min: 0,
          max: MAX_RAIN_MILLIMETRES_PER_HOUR,
          what: 'a rain rate (mm/h)',
        });
  const boundaries: FloodBoundary[] = [];
  (root.boundaries === undefined ? [] : (c.array(root.boundaries, 'boundaries') ?? [])).forEach((b, i) => {
    const p = `boundaries[${i}]`;
    const o = c.object(b, p);
    if (!o) return;
    const edge = c.oneOf<FloodEdge>(o.edge, `${p}.edge`, FLOOD_EDGES);
    const type = c.oneOf(o.type, `${p}.type`, ['level', 'free'] as const);
    if (edge && boundaries.some((other) => other.edge === edge))
      c.fail(`${p}.edge`, `edge "${edge}" given twice`);
    if (type === 'level') {
      const level = c.boundedTimeSeries(o.level, `${p}.level`, CASE_SERIES, {
        min: -MAX_ABS_LEVEL_METRES,
        max: MAX_ABS_LEVEL_METRES,
        what: 'a water level (m)',
      });
      if (edge && level) boundaries.push({ edge, type, levelMetres: level });
    } else if (type === 'free' && edge) boundaries.push({ edge, type });
  });
  const gauges: FloodCase['gauges'] = [];
  (root.gauges === undefined ? [] : (c.array(root.gauges, 'gauges') ?? [])).forEach((g, i) => {
    const p = `gauges[${i}]`;
    const o = c.object(g, p);
    if (!o) return;
    const name = c.string(o.name, `${p}.name`);
    const x = c.number(o.x, `${p}.x`);
    const y = c.number(o.y, `${p}.y`);
    if (name && gauges.some((other) => other.name === name))
      c.fail(`${p}.name`, `duplicate gauge name "${name}"`);
    if (name && x !== undefined && y !== undefined) gauges.push({ name, x, y });
  });
  const solver: Partial<FloodSolverSettings> = {};
  if (root.solver !== undefined) {
    const o = c.object(root.solver, 'solver');
    if (o) {
      for (const key of Object.keys(o))
        if (!['alpha', 'theta', 'depthThreshold'].includes(key)) c.fail(`solver.${key}`, 'unknown key');
      const alpha = o.alpha === undefined ? undefined : c.number(o.alpha, 'solver.alpha', 0.01, 1);
      const theta = o.theta === undefined ? undefined : c.number(o.theta, 'solver.theta', 0.5, 1);
      const threshold =
        o.depthThreshold === undefined
          ? undefined
          : c.number(o.depthThreshold, 'solver.depthThreshold', 0, 0.999);
      if (alpha !== undefined) solver.alpha = alpha;
      if (theta !== undefined) solver.theta = theta;
      if (threshold !== undefined) solver.depthThreshold = threshold;
    }
  }
  if (duration !== undefined && outputInterval !== undefined) {
    const samples = Math.floor(duration / outputInterval) + 1;
    if (samples > MAX_OUTPUT_SAMPLES)
      c.fail(
        'outputInterval',
        `${duration} s every ${outputInterval} s gives ${samples} gauge samples, more than the ${MAX_OUTPUT_SAMPLES} allowed`,
      );
    else if (samples * gauges.length > MAX_GAUGE_SAMPLES)
      c.fail(
        'gauges',
        `${gauges.length} gauges × ${samples} samples is more than the ${MAX_GAUGE_SAMPLES} gauge samples allowed`,
      );
  }
  if (c.problems.length > 0) throw new InputError(c.problems);
  const kase: FloodCase = {
    dem: dem!,
    manning: manning!,
    durationSeconds: duration!,
    outputIntervalSeconds: outputInterval!,
    sources,
    boundaries,
    gauges,
    solver,
  };
  if (initialLevel !== undefined) kase.initialLevel = initialLevel;
  if (rain) kase.rain = rain;
  return kase;
}

/** A positive number of at most `max`, or a problem. */
function positive(c: Checker, value: unknown, path: string, max = Infinity): number | undefined {
  const n = c.number(value, path);
  if (n === undefined) return undefined;
  if (n <= 0) return c.fail(path, `expected a positive number, got ${n}`);
  if (n > max) return c.fail(path, `expected at most ${max}, got ${n}`);
  return n;
}

/** A case's time series: at most MAX_SERIES_POINTS points, times within ±MAX_ABS_SERIES_SECONDS s. */
const CASE_SERIES: SeriesLimits = {
  maxPoints: MAX_SERIES_POINTS,
  seconds: [-MAX_ABS_SERIES_SECONDS, MAX_ABS_SERIES_SECONDS],
};

function numberOrFile(c: Checker, value: unknown, path: string, min = -Infinity, max = Infinity) {
  if (typeof value === 'string') return c.string(value, path);
  if (typeof value === 'number') return c.number(value, path, min, max);
  return c.fail(path, 'expected a number or a grid file name');
}

/** The grids a case refers to, already read. */
export interface FloodCaseGrids {
  dem: RasterGrid;
  manning?: RasterGrid;
  initialLevel?: RasterGrid;
}

/** A gauge located on the grid. */
export interface PlacedGauge {
  name: string;
  /** Cell index (row * columns + col). */
  cell: number;
}

/**
 * Turns a parsed case and its grids into the engine input and the gauge cells. Problems
 * (a point outside the grid or on NODATA, a grid of another shape) name the case's JSON path.
 */
export function floodInputFromCase(
  kase: FloodCase,
  grids: FloodCaseGrids,
): { input: FloodModelInput; gauges: PlacedGauge[] } {
  const { dem } = grids;
  const problems: InputProblem[] = [];
  const locate = (x: number, y: number, path: string): [number, number] | undefined => {
    const cell = cellAt(dem, x, y);
    if (!cell) problems.push({ path, message: `point (${x}, ${y}) lies outside the DEM` });
    else if (Number.isNaN(dem.values[cell[0] * dem.columns + cell[1]]!))
      problems.push({ path, message: `point (${x}, ${y}) lies on a NODATA cell of the DEM` });
    else return cell;
    return undefined;
  };
  const grid = (value: number | string, g: RasterGrid | undefined, path: string) => {
    if (typeof value === 'number') return value;
    if (!g || !sameGridShape(g, dem)) {
      problems.push({ path, message: "the grid must have the DEM's columns, rows, origin and cell size" });
      return Number.NaN;
    }
    return g.values;
  };
  problems.push(...physicalProblems(kase, grids));
  const input: FloodModelInput = {
    columns: dem.columns,
    rows: dem.rows,
    cellSizeMetres: dem.cellSizeMetres,
    bedElevationMetres: dem.values,
    manningN: grid(kase.manning, grids.manning, 'manning'),
    sources: [],
    boundaries: kase.boundaries,
    solver: kase.solver,
  };
  if (kase.initialLevel !== undefined)
    input.initialLevelMetres = grid(kase.initialLevel, grids.initialLevel, 'initialLevel');
  if (kase.rain) input.rainMillimetresPerHour = kase.rain;
  const sources: NonNullable<FloodModelInput['sources']>[number][] = [];
  kase.sources.forEach((s, i) => {
    const cell = locate(s.x, s.y, `sources[${i}]`);
    if (cell) sources.push({ row: cell[0], col: cell[1], flowCubicMetresPerSecond: s.flow });
  });
  input.sources = sources;
  const gauges: PlacedGauge[] = [];
  kase.gauges.forEach((g, i) => {
    const cell = locate(g.x, g.y, `gauges[${i}]`);
    if (cell) gauges.push({ name: g.name, cell: cell[0] * dem.columns + cell[1] });
  });
  if (problems.length > 0) throw new InputError(problems);
  return { input, gauges };
}

/**
 * Problems that need the grids: a DEM cell beyond ±MAX_ABS_ELEVATION_METRES, a Manning cell
 * outside MANNING_RANGE, and water levels (initial, boundary) outside the DEM's range widened
 * by LEVEL_MARGIN_METRES. Grids of another shape are reported elsewhere and skipped here.
 */
function physicalProblems(kase: FloodCase, grids: FloodCaseGrids): InputProblem[] {
  const { dem } = grids;
  const problems: InputProblem[] = [];
  const where = (k: number) => `row ${Math.floor(k / dem.columns)}, column ${k % dem.columns}`;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < dem.values.length; k++) {
    const z = dem.values[k]!;
    if (Number.isNaN(z)) continue;
    if (!(Math.abs(z) <= MAX_ABS_ELEVATION_METRES)) {
      problems.push({
        path: 'dem',
        message: `cell (${where(k)}) has elevation ${z} m, beyond ±${MAX_ABS_ELEVATION_METRES} m`,
      });
      return problems;
    }
    lowest = Math.min(lowest, z);
    highest = Math.max(highest, z);
  }
  if (lowest > highest) return problems; // no data cell: the engine reports an empty domain
  const low = lowest - LEVEL_MARGIN_METRES;
  const high = highest + LEVEL_MARGIN_METRES;
  const range = `[${low}, ${high}] m (the DEM's ${lowest} … ${highest} m, ± ${LEVEL_MARGIN_METRES} m)`;
  const outside = (level: number) => !(level >= low && level <= high);
  /** The first data cell of a same-shape grid whose value fails `bad`, as a problem at `path`. */
  const checkGrid = (
    g: RasterGrid | undefined,
    path: string,
    bad: (v: number) => boolean,
    expected: string,
  ) => {
    if (!g || !sameGridShape(g, dem)) return;
    for (let k = 0; k < g.values.length; k++) {
      if (Number.isNaN(dem.values[k]!) || Number.isNaN(g.values[k]!)) continue;
      if (bad(g.values[k]!)) {
        problems.push({ path, message: `cell (${where(k)}) holds ${g.values[k]}, expected ${expected}` });
        return;
      }
    }
  };
  const [minN, maxN] = MANNING_RANGE;
  checkGrid(
    grids.manning,
    'manning',
    (n) => !(n >= minN && n <= maxN),
    `a Manning's n in [${minN}, ${maxN}]`,
  );
  checkGrid(grids.initialLevel, 'initialLevel', outside, `a water level in ${range}`);
  if (typeof kase.initialLevel === 'number' && outside(kase.initialLevel))
    problems.push({ path: 'initialLevel', message: `${kase.initialLevel} m is outside ${range}` });
  kase.boundaries.forEach((b, i) => {
    if (b.type !== 'level') return;
    b.levelMetres.forEach(([, level], j) => {
      if (outside(level))
        problems.push({ path: `boundaries[${i}].level[${j}][1]`, message: `${level} m is outside ${range}` });
    });
  });
  return problems;
}
