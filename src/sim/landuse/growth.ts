import { Checker } from '../../core/check.ts';
import { InputError } from '../../core/errors.ts';
import { type SeededRandom, seededRandom } from '../../core/random.ts';

/**
 * Urban growth as a constrained cellular automaton in the spirit of SLEUTH (Clarke, Hoppen &
 * Gaydos 1997, "A self-modifying cellular automaton model of historical urbanization in the San
 * Francisco Bay area", Environment and Planning B 24: 247–261). Each year applies four growth
 * rules, in SLEUTH's order: spontaneous growth, new spreading centres, edge (organic) growth and
 * road-influenced growth, each gated by slope resistance and an exclusion layer. SLEUTH's
 * self-modification of coefficients and its Monte Carlo calibration are not implemented: one
 * seeded run gives one deterministic future.
 */

/** Land-use codes of the growth grid (Uint8). */
export const GROWTH_LAND_USE = {
  /** Undeveloped land that may urbanize (farmland, vacant land). */
  undeveloped: 0,
  urban: 1,
  /** Never urbanizes. */
  water: 2,
  /** Parks and protected green: never urbanizes. */
  park: 3,
} as const;

/** The five SLEUTH growth coefficients, each 0..100. */
export interface GrowthCoefficients {
  /** Spontaneous growth: dispersion × 0.005 × grid diagonal cells are tried per year; also road-walk steps. */
  dispersion: number;
  /** Probability (%) that a spontaneous cell becomes a spreading centre; road trips per year. */
  breed: number;
  /** Probability (%) that an urban edge cell grows into a neighbour each year. */
  spread: number;
  /** Slope penalty: growth on slope s is refused with probability (s / critical slope)^(50 / slopeResistance). */
  slopeResistance: number;
  /** Road search radius = roadGravity / 100 × (width + height) / 16 cells. */
  roadGravity: number;
}

/** Input of a growth run; every grid is row-major, width × height cells. */
export interface GrowthInput {
  width: number;
  height: number;
  cellSizeMetres: number;
  /** GROWTH_LAND_USE codes at the start year. */
  landUse: Uint8Array;
  /** Slope in percent (0..255); absent: flat. */
  slopePercent?: Uint8Array;
  /** 1 on road cells. */
  roads?: Uint8Array;
  /** 1 on flood-prone cells. */
  floodProne?: Uint8Array;
  /** Extra exclusion 0..100: percent chance an urbanization attempt is refused (100 = never). */
  exclusion?: Uint8Array;
  /** Policy switch: flood-prone cells never urbanize. */
  excludeFloodProne: boolean;
  coefficients: GrowthCoefficients;
  /** Slope (percent) at and above which nothing is built; SLEUTH's usual 21 %. */
  criticalSlopePercent?: number;
  startYear: number;
  endYear: number;
  seed: number;
}

/** What one simulated year did. */
export interface GrowthYear {
  year: number;
  urbanCells: number;
  newUrbanCells: number;
  newUrbanAreaHectares: number;
  spontaneous: number;
  spreadingCentres: number;
  edge: number;
  road: number;
}

/** A stepping growth model (init once, then one `stepYear()` per year). */
export interface UrbanGrowth {
  /** The year the current land-use map describes. */
  readonly year: number;
  /** Advances one year and returns its indicators. */
  stepYear(): GrowthYear;
  /** A copy of the current land-use map (GROWTH_LAND_USE codes). */
  snapshot(): Uint8Array;
  /** Year each cell became urban during the run (0: never, or urban from the start). */
  readonly urbanizationYear: Uint16Array;
}

const NEIGHBOUR_DX = [-1, 0, 1, -1, 1, -1, 0, 1] as const;
const NEIGHBOUR_DY = [-1, -1, -1, 0, 0, 1, 1, 1] as const;

/** Validates the input (InputError with field paths) and prepares a growth model at startYear. */
export function createUrbanGrowth(input: GrowthInput): UrbanGrowth {
  validateGrowthInput(input);
  const { width, height, coefficients: k } = input;
  const cells = width * height;
  const landUse = input.landUse.slice();
  const urbanizationYear = new Uint16Array(cells);
  const random = seededRandom(input.seed);
  const refusePercent = exclusionPercent(input);
  const slopeAccept = slopeAcceptance(k.slopeResistance, input.criticalSlopePercent ?? 21);
  const slope = input.slopePercent;
  const roads = input.roads;
  const spontaneousTries = Math.round(k.dispersion * 0.005 * Math.hypot(width, height));
  const roadRadius = Math.floor((k.roadGravity / 100) * ((width + height) / 16));
  const newCells = new Int32Array(cells);
  const roadStep = new Int32Array(8);
  let newCount = 0;
  let year = input.startYear;

  /** Urbanizes cell i if allowed (undeveloped, passes exclusion and slope draws); true if it did. */
  const tryUrbanize = (i: number): boolean => {
    if (landUse[i] !== GROWTH_LAND_USE.undeveloped) return false;
    if (refusePercent[i]! > 0 && random.next() * 100 < refusePercent[i]!) return false;
    if (slope && random.next() >= slopeAccept[slope[i]!]!) return false;
    landUse[i] = GROWTH_LAND_USE.urban;
    urbanizationYear[i] = year;
    newCells[newCount++] = i;
    return true;
  };

  /** Tries to urbanize one random 8-neighbour of cell i. */
  const tryNeighbour = (i: number): number => {
    const n = random.int(8);
    const x = (i % width) + NEIGHBOUR_DX[n]!;
    const y = Math.floor(i / width) + NEIGHBOUR_DY[n]!;
    if (x < 0 || y < 0 || x >= width || y >= height) return -1;
    const j = y * width + x;
    return tryUrbanize(j) ? j : -1;
  };

  return {
    get year() {
      return year;
    },
    urbanizationYear,
    snapshot: () => landUse.slice(),
    stepYear() {
      year++;
      newCount = 0;
      const counts = { spontaneous: 0, spreadingCentres: 0, edge: 0, road: 0 };
      // 1. Spontaneous growth: random cells anywhere.
      for (let t = 0; t < spontaneousTries; t++) if (tryUrbanize(random.int(cells))) counts.spontaneous++;
      // 2. New spreading centres: some spontaneous cells urbanize two neighbours.
      const spontaneousEnd = newCount;
      for (let s = 0; s < spontaneousEnd; s++) {
        if (random.next() * 100 >= k.breed) continue;
        for (let t = 0; t < 2; t++) if (tryNeighbour(newCells[s]!) >= 0) counts.spreadingCentres++;
      }
      // 3. Edge growth from cells urban at the start of this year with 2..7 urban neighbours.
      if (k.spread > 0) {
        for (let i = 0; i < cells; i++) {
          if (landUse[i] !== GROWTH_LAND_USE.urban || urbanizationYear[i] === year) continue;
          if (random.next() * 100 >= k.spread) continue;
          const around = urbanNeighbours(landUse, width, height, i, urbanizationYear, year);
          if (around >= 2 && around <= 7 && tryNeighbour(i) >= 0) counts.edge++;
        }
      }
      // 4. Road-influenced growth: from a random new cell, find the nearest road, walk along it,
      //    and start a new spreading centre beside it.
      const candidates = newCount;
      if (roads && roadRadius > 0 && candidates > 0) {
        for (let trip = 0; trip < Math.floor(k.breed); trip++) {
          const from = newCells[random.int(candidates)]!;
          let at = nearestRoad(roads, width, height, from, roadRadius);
          if (at < 0) continue;
          at = roadWalk(roads, width, height, at, Math.floor(k.dispersion), random, roadStep);
          const centre = tryNeighbour(at);
          if (centre < 0) continue;
          counts.road++;
          for (let t = 0; t < 2; t++) if (tryNeighbour(centre) >= 0) counts.road++;
        }
      }
      let urbanCells = 0;
      for (let i = 0; i < cells; i++) if (landUse[i] === GROWTH_LAND_USE.urban) urbanCells++;
      const cellHectares = (input.cellSizeMetres * input.cellSizeMetres) / 10_000;
      return {
        year,
        urbanCells,
        newUrbanCells: newCount,
        newUrbanAreaHectares: newCount * cellHectares,
        ...counts,
      };
    },
  };
}

/** The result of a whole run: one map per year from startYear (the input) to endYear. */
export interface GrowthResult {
  years: number[];
  landUseByYear: Uint8Array[];
  indicators: GrowthYear[];
  urbanizationYear: Uint16Array;
}

/**
 * Runs a growth model from startYear to endYear. `onYearDone` gets the fraction of years done
 * after each year and is awaited, so a worker's event loop turns between years (progress; throw
 * from it to cancel).
 */
export async function simulateGrowth(
  input: GrowthInput,
  onYearDone?: (fractionDone: number) => void | Promise<void>,
): Promise<GrowthResult> {
  const model = createUrbanGrowth(input);
  const years = [model.year];
  const landUseByYear = [model.snapshot()];
  const indicators: GrowthYear[] = [];
  const span = input.endYear - input.startYear;
  while (model.year < input.endYear) {
    indicators.push(model.stepYear());
    years.push(model.year);
    landUseByYear.push(model.snapshot());
    await onYearDone?.((model.year - input.startYear) / span);
  }
  return { years, landUseByYear, indicators, urbanizationYear: model.urbanizationYear };
}

function urbanNeighbours(
  landUse: Uint8Array,
  width: number,
  height: number,
  i: number,
  urbanizationYear: Uint16Array,
  year: number,
): number {
  const x = i % width;
  const y = (i - x) / width;
  let count = 0;
  for (let n = 0; n < 8; n++) {
    const nx = x + NEIGHBOUR_DX[n]!;
    const ny = y + NEIGHBOUR_DY[n]!;
    if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
    const j = ny * width + nx;
    if (landUse[j] === GROWTH_LAND_USE.urban && urbanizationYear[j] !== year) count++;
  }
  return count;
}

/** The first road cell on square rings of growing radius around cell i, or -1 beyond `radius`. */
function nearestRoad(roads: Uint8Array, width: number, height: number, i: number, radius: number): number {
  const x0 = i % width;
  const y0 = (i - x0) / width;
  if (roads[i] === 1) return i;
  for (let r = 1; r <= radius; r++) {
    for (let dy = -r; dy <= r; dy++) {
      const y = y0 + dy;
      if (y < 0 || y >= height) continue;
      const step = dy === -r || dy === r ? 1 : 2 * r;
      for (let dx = -r; dx <= r; dx += step) {
        const x = x0 + dx;
        if (x >= 0 && x < width && roads[y * width + x] === 1) return y * width + x;
      }
    }
  }
  return -1;
}

/** Walks `steps` random steps along road cells (8-neighbourhood) from road cell `at`. */
function roadWalk(
  roads: Uint8Array,
  width: number,
  height: number,
  start: number,
  steps: number,
  random: SeededRandom,
  options: Int32Array,
): number {
  let at = start;
  for (let s = 0; s < steps; s++) {
    const x = at % width;
    const y = (at - x) / width;
    let count = 0;
    for (let n = 0; n < 8; n++) {
      const nx = x + NEIGHBOUR_DX[n]!;
      const ny = y + NEIGHBOUR_DY[n]!;
      if (nx >= 0 && ny >= 0 && nx < width && ny < height && roads[ny * width + nx] === 1) {
        options[count++] = ny * width + nx;
      }
    }
    if (count === 0) break;
    at = options[random.int(count)]!;
  }
  return at;
}

/** Per cell, the percent chance an urbanization attempt is refused (water, parks, flood policy, layer). */
function exclusionPercent(input: GrowthInput): Uint8Array {
  const out = new Uint8Array(input.landUse.length);
  for (let i = 0; i < out.length; i++) {
    const use = input.landUse[i];
    const excluded =
      use === GROWTH_LAND_USE.water ||
      use === GROWTH_LAND_USE.park ||
      (input.excludeFloodProne && input.floodProne?.[i] === 1);
    out[i] = excluded ? 100 : (input.exclusion?.[i] ?? 0);
  }
  return out;
}

/**
 * Probability that a cell of slope s (percent, 0..255) accepts growth:
 * 1 − (s / critical)^(50 / slopeResistance), 0 from the critical slope up, 1 everywhere below it
 * when slopeResistance is 0. Higher resistance keeps growth off steeper land, as in SLEUTH's slope
 * lookup table (the exact SLEUTH curve differs; this one is monotone in both slope and resistance).
 */
function slopeAcceptance(slopeResistance: number, criticalSlopePercent: number): Float64Array {
  const table = new Float64Array(256);
  for (let s = 0; s < 256; s++) {
    if (s >= criticalSlopePercent) table[s] = 0;
    else table[s] = slopeResistance === 0 ? 1 : 1 - (s / criticalSlopePercent) ** (50 / slopeResistance);
  }
  return table;
}

function validateGrowthInput(input: GrowthInput): void {
  const c = new Checker();
  const width = c.integer(input.width, 'width', 1, 100_000);
  const height = c.integer(input.height, 'height', 1, 100_000);
  c.number(input.cellSizeMetres, 'cellSizeMetres', 1e-3, 1e5);
  const cells = (width ?? 0) * (height ?? 0);
  const grids = ['landUse', 'slopePercent', 'roads', 'floodProne', 'exclusion'] as const;
  for (const name of grids) {
    const grid = input[name];
    if (grid === undefined) {
      if (name === 'landUse') c.fail(name, 'expected a Uint8Array of width × height cells');
      continue;
    }
    if (!(grid instanceof Uint8Array)) c.fail(name, 'expected a Uint8Array');
    else if (cells > 0 && grid.length !== cells) c.fail(name, `expected ${cells} cells, got ${grid.length}`);
  }
  if (input.landUse instanceof Uint8Array) {
    const bad = input.landUse.findIndex((v) => v > GROWTH_LAND_USE.park);
    if (bad >= 0) c.fail(`landUse[${bad}]`, `unknown land-use code ${input.landUse[bad]} (0..3)`);
  }
  const k = c.object(input.coefficients, 'coefficients');
  if (k) {
    for (const name of ['dispersion', 'breed', 'spread', 'slopeResistance', 'roadGravity'] as const) {
      c.number(k[name], `coefficients.${name}`, 0, 100);
    }
  }
  if (input.criticalSlopePercent !== undefined)
    c.number(input.criticalSlopePercent, 'criticalSlopePercent', 0.1, 255);
  const start = c.integer(input.startYear, 'startYear', 1900, 2200);
  c.integer(input.endYear, 'endYear', start ?? 1900, 2200);
  c.integer(input.seed, 'seed', 0, 2 ** 32 - 1);
  c.boolean(input.excludeFloodProne, 'excludeFloodProne');
  if (c.problems.length > 0) throw new InputError(c.problems);
}
