import {
  type FloodKernel,
  type FloodKernelPlacement,
  jsKernelPlacement,
  type StepForcing,
} from './floodKernel.ts';
import { CONTROL_STEPS, type FloodState } from './floodState.ts';

/**
 * The WebAssembly SIMD flood kernel (source wasm/floodKernel.ts, AssemblyScript; built by
 * `npm run build:wasm` into floodKernel.wasm next to this file). Its phases compute the same
 * scheme as floodKernel.ts on a state whose typed arrays live in one shared WebAssembly memory:
 * {@link placeInWasmMemory} moves a state there once, then every thread instantiates the module
 * on that memory ({@link wasmFloodKernel}) and runs its row range with no copies.
 */

/** The compiled kernel and the memory holding the state; both can be posted to workers. */
export interface WasmFloodMemory {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** Byte offset of one byte per row: 1 where the row holds a point source. */
  sourceRowsOffset: number;
  /** Byte offset of the kernel's two buffers of rest flags, one byte per row segment (zeroed). */
  restFlagsOffset: number;
}

/** Bytes per WebAssembly memory page. */
const PAGE_BYTES = 65536;
/** Alignment of each array in memory, bytes (one v128). */
const ALIGN_BYTES = 16;
/** First byte used for the state (the module itself keeps no data in memory). */
const FIRST_BYTE = 64;
/** Cells per row segment of the kernel's rest flags (SEGMENT_CELLS in wasm/floodKernel.ts). */
const SEGMENT_CELLS = 32;

type StateArray = Float64Array | Uint8Array | Int32Array;

/** The typed-array fields of a FloodState, each copied into the memory. */
const ARRAY_FIELDS = [
  'bed',
  'wall',
  'manningSquared',
  'depth',
  'maxDepth',
  'firstWetSeconds',
  'rainFactor',
  'lossRate',
  'qxRaw',
  'qyRaw',
  'qx',
  'qy',
  'outflowScale',
  'rowBoundaryVolume',
  'rowLossVolume',
  'control',
  'barrier',
  'edgeTypes',
  'edgeMinBed',
  'held',
  'flap',
] as const satisfies ReadonlyArray<keyof FloodState>;

/** True when this JavaScript engine can run the kernel (WebAssembly with threads and SIMD). */
export function wasmKernelAvailable(): boolean {
  try {
    return (
      typeof WebAssembly === 'object' &&
      typeof SharedArrayBuffer === 'function' &&
      new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer
    );
  } catch {
    return false;
  }
}

/**
 * A copy of `state` whose arrays are views into a new shared WebAssembly memory sized to hold
 * them (the original's arrays are left as they were), with the memory and module to post.
 */
export function placeInWasmMemory(
  state: FloodState,
  module: WebAssembly.Module,
): { state: FloodState; wasm: WasmFloodMemory } {
  const offsets: number[] = [];
  let end = FIRST_BYTE;
  for (const field of ARRAY_FIELDS) {
    offsets.push(end);
    end += Math.ceil(state[field].byteLength / ALIGN_BYTES) * ALIGN_BYTES;
  }
  const sourceRowsOffset = end;
  end += state.rows;
  const restFlagsOffset = end;
  end += 2 * state.rows * Math.ceil(state.columns / SEGMENT_CELLS);
  const pages = Math.max(1, Math.ceil(end / PAGE_BYTES));
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  const placed: FloodState = { ...state };
  ARRAY_FIELDS.forEach((field, i) => {
    const source: StateArray = state[field];
    const Kind = source.constructor as new (
      buffer: ArrayBufferLike,
      byteOffset: number,
      length: number,
    ) => StateArray;
    const view = new Kind(memory.buffer, offsets[i]!, source.length);
    view.set(source);
    (placed as unknown as Record<string, StateArray>)[field] = view;
  });
  const sourceRows = new Uint8Array(memory.buffer, sourceRowsOffset, state.rows);
  for (const source of state.sources) sourceRows[Math.floor(source.cell / state.columns)] = 1;
  return { state: placed, wasm: { module, memory, sourceRowsOffset, restFlagsOffset } };
}

/** The name of this kernel as results show it. */
export const wasmFloodKernelName = 'WebAssembly SIMD';

/** The exports of floodKernel.wasm (see wasm/floodKernel.ts). */
interface KernelExports {
  bind(...args: number[]): void;
  fluxPhase(
    rowStart: number,
    rowEnd: number,
    dt: number,
    n: number,
    s: number,
    w: number,
    e: number,
    timeAfter: number,
    rainDepth: number,
    heldLevel: number,
    losing: number,
    holding: number,
    step: number,
  ): void;
  continuityPhase(
    rowStart: number,
    rowEnd: number,
    dt: number,
    timeAfter: number,
    rainDepth: number,
    heldLevel: number,
    losing: number,
    holding: number,
  ): number;
  restSegmentSteps(): number;
}

/**
 * The kernel phases on this thread for a state placed by {@link placeInWasmMemory} (the same
 * memory, possibly received from another thread). The `s` passed to the phases must be that state.
 * The flux phase also updates every row whose fluxes are complete while they are in cache; the
 * continuity phase adds the point sources and updates the rows left (see wasm/floodKernel.ts).
 */
export function wasmFloodKernel(state: FloodState, wasm: WasmFloodMemory): FloodKernel {
  const instance = new WebAssembly.Instance(wasm.module, { env: { memory: wasm.memory } });
  const kernel = instance.exports as unknown as KernelExports;
  const offset = (array: StateArray) => {
    // A posted state's buffer is another object on the same memory: compare sizes, not identity.
    if (array.buffer.byteLength !== wasm.memory.buffer.byteLength)
      throw new Error('wasmFloodKernel: the state is not in the kernel memory');
    return array.byteOffset;
  };
  kernel.bind(
    state.columns,
    state.rows,
    state.cellSizeMetres,
    state.solver.theta,
    state.solver.depthThreshold,
    offset(state.bed),
    offset(state.wall),
    offset(state.manningSquared),
    offset(state.depth),
    offset(state.maxDepth),
    offset(state.firstWetSeconds),
    offset(state.rainFactor),
    offset(state.lossRate),
    offset(state.qxRaw),
    offset(state.qyRaw),
    offset(state.qx),
    offset(state.qy),
    offset(state.outflowScale),
    offset(state.rowBoundaryVolume),
    offset(state.rowLossVolume),
    offset(state.held),
    offset(state.flap),
    offset(state.edgeTypes),
    wasm.sourceRowsOffset,
    wasm.restFlagsOffset,
    state.threads,
  );
  return {
    name: wasmFloodKernelName,
    restSegmentSteps: () => kernel.restSegmentSteps(),
    fluxPhase(s, rowStart, rowEnd, f: StepForcing) {
      const levels = f.edgeLevels;
      kernel.fluxPhase(
        rowStart,
        rowEnd,
        f.dt,
        levels[0]!,
        levels[1]!,
        levels[2]!,
        levels[3]!,
        f.timeAfter,
        f.rainDepth,
        f.heldLevel,
        s.hasLosses ? 1 : 0,
        s.hasHeld ? 1 : 0,
        s.control[CONTROL_STEPS]!,
      );
    },
    continuityPhase(s, rowStart, rowEnd, f: StepForcing) {
      const firstCell = rowStart * s.columns;
      const endCell = rowEnd * s.columns;
      const cellArea = s.cellSizeMetres * s.cellSizeMetres;
      for (let i = 0; i < s.sources.length; i++) {
        const cell = s.sources[i]!.cell;
        if (cell >= firstCell && cell < endCell)
          s.depth[cell] = s.depth[cell]! + f.sourceVolumes[i]! / cellArea;
      }
      return kernel.continuityPhase(
        rowStart,
        rowEnd,
        f.dt,
        f.timeAfter,
        f.rainDepth,
        f.heldLevel,
        s.hasLosses ? 1 : 0,
        s.hasHeld ? 1 : 0,
      );
    },
  };
}

/**
 * The best kernel placement for a compiled floodKernel.wasm on this thread: each new state is
 * copied into its own shared WebAssembly memory and run by the WebAssembly kernel; where the
 * runtime has no shared WebAssembly memory (a browser page that is not cross-origin isolated),
 * the JavaScript kernel on the state as built (same results).
 */
export function wasmKernelPlacement(module: WebAssembly.Module): FloodKernelPlacement {
  if (!wasmKernelAvailable()) return jsKernelPlacement;
  return (state) => {
    const placed = placeInWasmMemory(state, module);
    return { state: placed.state, kernel: wasmFloodKernel(placed.state, placed.wasm) };
  };
}
