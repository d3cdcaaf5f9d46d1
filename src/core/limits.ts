/**
 * Maxima for input files, checked before memory is taken (issue 13). Each is documented with
 * its reason in docs/limits.md; a file over a limit is an InputError naming the file and line.
 */
import { InputError } from './errors.ts';

/** Largest input file read whole into memory, bytes (~140× the 3.7 MB Hồ Chí Minh City OSM extract). */
export const MAX_INPUT_FILE_BYTES = 512 * 1024 * 1024;

/** Largest raster (ESRI ASCII or GeoTIFF), cells: 400 MB of Float64 values; the city at 5 m is ~2.5e7. */
export const MAX_GRID_CELLS = 5e7;

/** Largest TNTP `<NUMBER OF NODES>`: the largest network of the TNTP collection has ~1.3e4. */
export const MAX_TNTP_NODES = 1e6;

/** Largest TNTP `<NUMBER OF LINKS>`. */
export const MAX_TNTP_LINKS = 5e6;

/**
 * Largest TNTP `<NUMBER OF ZONES>`: the trip matrix is dense, 8·zones² bytes (800 MB here);
 * the networks of the TNTP collection have at most a few thousand zones.
 */
export const MAX_TNTP_ZONES = 1e4;

/** Largest trips of one origin–destination pair per period: more than any city's population. */
export const MAX_TRIPS_PER_PAIR = 1e8;

/** Largest `twin bench flood --size` (cells per side): 8192² = 6.7e7 cells, ~2 GB of state. */
export const MAX_BENCH_FLOOD_SIZE = 8192;

/** Largest `twin bench flood --seconds` (simulated): one day. */
export const MAX_BENCH_SIMULATED_SECONDS = 86_400;

/** Largest `twin bench flood --repeat`: enough for a stable median. */
export const MAX_BENCH_REPEATS = 100;

/** Largest `twin traffic assign --max-iterations`: equilibria converge in hundreds. */
export const MAX_ASSIGNMENT_ITERATIONS = 1e5;

/** Largest `twin validate flood-spots --random` (random comparison points). */
export const MAX_RANDOM_POINTS = 1e6;

/** Largest `--threads` (worker threads): more than any machine this runs on has cores. */
export const MAX_THREADS = 256;

/** A limit as people write it: 1e-6 and 1e12 rather than 0.000001 and 1000000000000. */
export function formatLimit(n: number): string {
  return n !== 0 && (Math.abs(n) >= 1e5 || Math.abs(n) < 1e-3)
    ? n.toExponential().replace('e+', 'e')
    : String(n);
}

/**
 * Throws an InputError at `path` (e.g. `line 3`) when `count` exceeds `maximum`.
 * `what` names the quantity, e.g. `<NUMBER OF NODES>`.
 */
export function checkAtMost(count: number, maximum: number, what: string, path: string): void {
  if (count > maximum) {
    throw new InputError([
      { path, message: `${what} is ${count}, above the maximum of ${formatLimit(maximum)} (docs/limits.md)` },
    ]);
  }
}
