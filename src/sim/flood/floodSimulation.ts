import type { FloodModelInput } from './floodInput.ts';
import {
  type FloodKernel,
  type FloodKernelPlacement,
  jsFloodKernel,
  jsKernelPlacement,
} from './floodKernel.ts';
import { singleThreadEngine } from './floodRun.ts';
import { CONTROL_STEPS, CONTROL_TIME, createFloodState, type FloodState } from './floodState.ts';
import { type FloodVolume, storedVolume, volumeAccount } from './floodVolume.ts';

/** What a flood simulation shows at one moment: plain typed arrays (row 0 north). */
export interface FloodSnapshot {
  /** Simulated time, s. */
  timeSeconds: number;
  columns: number;
  rows: number;
  /** Water depth per cell, m. */
  depthMetres: Float32Array;
  /** Cell-centred velocity east and NORTH, m/s (0 where depth ≤ threshold). */
  velocityEastMetresPerSecond: Float32Array;
  velocityNorthMetresPerSecond: Float32Array;
  /** Maximum depth so far, m. */
  maxDepthMetres: Float32Array;
  /** Time each cell first got wet, s; -1 if never. */
  firstWetSeconds: Float32Array;
}

/**
 * A single-threaded flood simulation (the architecture's Simulation shape): `init`, `advance`,
 * `snapshot`. Deterministic: the same input gives the same bytes (there is no randomness,
 * `seed` is accepted for the common interface and ignored).
 */
export class FloodSimulation {
  #state: FloodState | undefined;
  #kernel: FloodKernel = jsFloodKernel;
  #initialVolume = 0;

  /**
   * Validates the input (InputError listing every problem) and builds the t = 0 state, placed
   * for the kernel that will run it (default: the JavaScript kernel on the state as built).
   */
  init(input: FloodModelInput, _seed = 0, place: FloodKernelPlacement = jsKernelPlacement): void {
    const { state, kernel } = place(createFloodState(input));
    this.#state = state;
    this.#kernel = kernel;
    this.#initialVolume = storedVolume(state);
  }

  /** The engine state (typed arrays), e.g. to read depths without copying. */
  get state(): FloodState {
    if (!this.#state) throw new Error('FloodSimulation: call init() first');
    return this.#state;
  }

  /** Simulated time reached, s. */
  get timeSeconds(): number {
    return this.state.control[CONTROL_TIME]!;
  }

  /** The kernel that runs the steps ('JavaScript', 'WebAssembly SIMD'). */
  get kernelName(): string {
    return this.#kernel.name;
  }

  /** Time steps taken so far. */
  get steps(): number {
    return this.state.control[CONTROL_STEPS]!;
  }

  /** Advances simulated time by `seconds` (the last step is shortened to land on it); returns the time reached. */
  advance(seconds: number): number {
    singleThreadEngine(this.state, this.#kernel).advanceTo(this.timeSeconds + seconds);
    return this.timeSeconds;
  }

  /** The volume account so far, m³. */
  volume(): FloodVolume {
    return volumeAccount(this.state, this.#initialVolume);
  }

  /** Copies of the current fields. */
  snapshot(): FloodSnapshot {
    return floodSnapshot(this.state);
  }
}

/** Copies the state's fields into a {@link FloodSnapshot} (velocities from the applied face fluxes). */
export function floodSnapshot(s: FloodState): FloodSnapshot {
  const { columns: nx, rows: ny } = s;
  const n = nx * ny;
  const east = new Float32Array(n);
  const north = new Float32Array(n);
  const threshold = s.solver.depthThreshold;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const h = s.depth[k]!;
      if (h <= threshold) continue;
      const xf = j * (nx + 1) + i;
      east[k] = (0.5 * (s.qx[xf]! + s.qx[xf + 1]!)) / h;
      north[k] = (-0.5 * (s.qy[k]! + s.qy[k + nx]!)) / h;
    }
  }
  return {
    timeSeconds: s.control[CONTROL_TIME]!,
    columns: nx,
    rows: ny,
    depthMetres: Float32Array.from(s.depth),
    velocityEastMetresPerSecond: east,
    velocityNorthMetresPerSecond: north,
    maxDepthMetres: Float32Array.from(s.maxDepth),
    firstWetSeconds: Float32Array.from(s.firstWetSeconds),
  };
}
