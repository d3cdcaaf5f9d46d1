/**
 * The synthetic flood benchmark's case (workload of `twin bench flood`, bench/floodBench.ts, and
 * of the reference-kernel tests): a fixed tilted, bumpy plane with a lake, rain and an inflow.
 */
import type { FloodModelInput } from '../src/sim/flood/floodInput.ts';
import type { ReferenceModel } from '../src/sim/flood/referenceKernel.ts';

/** Cell size of the synthetic benchmark, m (its parameters are fixed so runs are comparable). */
export const BENCH_CELL_SIZE_METRES = 5;
/** Benchmark rain, mm/h. */
export const BENCH_RAIN_MM_PER_HOUR = 100;
/** Benchmark point inflow, m³/s. */
export const BENCH_INFLOW_CUBIC_METRES_PER_SECOND = 50;
/** Benchmark Manning's n, s/m^(1/3). */
export const BENCH_MANNING_N = 0.03;

/**
 * The synthetic benchmark terrain, size × size cells of 5 m: a plane falling 3 m from the
 * north-west corner to the south-east corner with deterministic sinusoidal bumps (±0.4 m), a
 * lake over the south-east (initial level 1.0 m, about a quarter of the grid wet), 100 mm/h
 * rain everywhere and a 50 m³/s inflow in the north-west. Bed in metres.
 */
export function benchBed(size: number): Float64Array {
  const bed = new Float64Array(size * size);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++)
      bed[r * size + c] = (1.5 * (2 * size - r - c)) / size + 0.4 * Math.sin(c * 0.11) * Math.cos(r * 0.07);
  return bed;
}

/** The benchmark as engine input. */
export function benchModel(size: number): FloodModelInput {
  return {
    columns: size,
    rows: size,
    cellSizeMetres: BENCH_CELL_SIZE_METRES,
    bedElevationMetres: benchBed(size),
    manningN: BENCH_MANNING_N,
    initialLevelMetres: 1.0,
    rainMillimetresPerHour: [[0, BENCH_RAIN_MM_PER_HOUR]],
    sources: [
      {
        row: Math.floor(size / 8),
        col: Math.floor(size / 8),
        flowCubicMetresPerSecond: [[0, BENCH_INFLOW_CUBIC_METRES_PER_SECOND]],
      },
    ],
  };
}

/** The same benchmark for the reference kernel. */
export function benchReferenceModel(size: number): ReferenceModel {
  const bed = benchBed(size);
  return {
    columns: size,
    rows: size,
    cellSizeMetres: BENCH_CELL_SIZE_METRES,
    bed,
    depth: bed.map((z) => Math.max(0, 1.0 - z)),
    manningN: BENCH_MANNING_N,
    rainMillimetresPerHour: BENCH_RAIN_MM_PER_HOUR,
    sources: [
      {
        row: Math.floor(size / 8),
        col: Math.floor(size / 8),
        flowCubicMetresPerSecond: BENCH_INFLOW_CUBIC_METRES_PER_SECOND,
      },
    ],
    alpha: 0.7,
    theta: 0.7,
    depthThreshold: 0.001,
  };
}
