/// <reference types="@webgpu/types" />
import type { TimeSeries } from '../../../core/timeSeries.ts';
import type { FloodModelInput } from '../floodInput.ts';
import type { FloodRunner, FloodRunnerFactory } from '../floodRun.ts';
import {
  CONTROL_HMAX,
  CONTROL_RAIN_VOLUME,
  CONTROL_SOURCE_VOLUME,
  CONTROL_STALLED_DEPTH,
  CONTROL_STALLED_STEP,
  CONTROL_STEPS,
  CONTROL_TIME,
  createFloodState,
  type FloodState,
} from '../floodState.ts';
import { stableCourantNumber, stalledStepError } from '../floodStepper.ts';
import { GPU_FLOOD_KERNEL_NAME } from './floodGpuChoice.ts';
import {
  CTL,
  FLOOD_WGSL,
  FOLD_FAN_IN,
  foldLevels,
  GRID_UNIFORM_BYTES,
  HISTORY_WIDTH,
  partialWords,
  WORKGROUP_CELLS,
} from './floodShader.ts';

/**
 * The WebGPU flood engine: floodShader.ts's WGSL kernel on an injected `GPUDevice` (this file
 * never asks `navigator` for one, so it stays in the pure sim layer). It uploads a FloodState in
 * float32, steps it on the GPU with advanceRows' adaptive time step computed on the GPU, and
 * after each advance copies depth, maximum depth, first wetting and the volume accounts back into
 * the FloodState (float64), so callers (runFloodCase, the flood stage) read it as they read the
 * CPU engines'.
 *
 * Time step without a read-back per step: a batch of K steps is queued in one compute pass; the
 * control buffer (time, the steps' history lines) is read back once per batch. K is guessed from
 * the last step (remaining time / last Δt + 1, at most `maxBatchSteps`); steps queued past the
 * target return at once, so a wrong guess costs a few empty dispatches or one more batch.
 *
 * Volume accounts in float32 without drift: every step's boundary inflow and losses are summed
 * on the GPU by 64-term folds (floodShader.ts) into one history line, and the host adds the lines in float64 (rain: the step's rain depth × the sum of
 * the float32 rain factors; sources: the step's source volume). The state's depths are rounded
 * to float32 at upload, so the account starts from the water the GPU holds. Boundary and loss
 * volumes go to row 0 of the state's per-row accounts (the per-row split is the CPU engines').
 *
 * The engine owns the state: between advances a caller may change `state.lossRate` (the drains'
 * control; re-uploaded when it changed) and nothing else.
 */

/** Usage bits of GPUBufferUsage and GPUMapMode (WebGPU spec values), without the browser globals. */
const USAGE = { mapRead: 0x1, copySrc: 0x4, copyDst: 0x8, uniform: 0x40, storage: 0x80 } as const;
const MAP_READ = 0x1;

/** Most steps queued per batch, by default. */
export const DEFAULT_MAX_BATCH_STEPS = 128;

/** Options of {@link gpuFloodEngine}. */
export interface GpuFloodOptions {
  /** Most steps queued between two read-backs of the control buffer (default 128). */
  maxBatchSteps?: number;
}

/** A flood runner on `device`: each run builds its state and a {@link gpuFloodEngine}. */
export function gpuFloodRunner(device: GPUDevice, options: GpuFloodOptions = {}): FloodRunnerFactory {
  return (input: FloodModelInput) => gpuFloodEngine(device, createFloodState(input), options);
}

/** A pass of a step: its entry point, override constants, bindings used (the automatic layout holds exactly these), workgroups. */
interface PassSpec {
  entry: string;
  constants?: Record<string, number>;
  bindings: readonly number[];
  groups: number;
}

/** The passes of one step on `cells` cells, in order (floodShader.ts). */
function stepPasses(cells: number): PassSpec[] {
  const perCell = Math.ceil(cells / WORKGROUP_CELLS);
  const folds: PassSpec[] = [];
  for (let level = 0, n = cells; level < foldLevels(cells); level++, n = Math.ceil(n / FOLD_FAN_IN))
    folds.push({
      entry: 'fold',
      constants: { FOLD_LEVEL: level },
      bindings: [0, 8],
      groups: Math.ceil(Math.ceil(n / FOLD_FAN_IN) / WORKGROUP_CELLS),
    });
  return [
    { entry: 'plan', bindings: [0, 8, 9], groups: 1 },
    { entry: 'faces', bindings: [0, 1, 2, 3, 4, 5, 8], groups: perCell },
    { entry: 'limiter', bindings: [0, 3, 5, 6, 8], groups: perCell },
    { entry: 'continuity', bindings: [0, 1, 2, 3, 4, 5, 6, 7, 8], groups: perCell },
    ...folds,
    { entry: 'reduce', bindings: [0, 8], groups: 1 },
  ];
}

/**
 * Uploads `state` to `device` and returns its engine. Throws when the grid needs more workgroups
 * than the device dispatches in one dimension or larger buffers than it binds (about 8 M cells
 * with the default limits).
 */
export function gpuFloodEngine(
  device: GPUDevice,
  state: FloodState,
  options: GpuFloodOptions = {},
): FloodRunner {
  const maxBatch = options.maxBatchSteps ?? DEFAULT_MAX_BATCH_STEPS;
  const { columns: nx, rows: ny } = state;
  const cells = nx * ny;
  const workgroups = Math.ceil(cells / WORKGROUP_CELLS);
  if (workgroups > device.limits.maxComputeWorkgroupsPerDimension)
    throw new Error(
      `WebGPU flood: ${cells} cells need ${workgroups} workgroups, more than this device allows`,
    );
  // the largest bound buffer holds 16 bytes per cell (bed, n², rain factor, loss rate)
  if (16 * cells > device.limits.maxStorageBufferBindingSize)
    throw new Error(`WebGPU flood: ${cells} cells need storage buffers larger than this device binds`);
  device.pushErrorScope('validation');
  roundToFloat32(state);

  const { directory, slots, points, slotCount } = packSeries(state);
  const flags = new Uint32Array(cells);
  for (let k = 0; k < cells; k++) flags[k] = state.wall[k]! | (state.held[k]! << 1) | (state.flap[k]! << 2);
  for (const [i, source] of state.sources.entries())
    flags[source.cell] = ((slots[i]! + 1) << 3) | (flags[source.cell]! & 7);
  const historyBase = CTL.sourceDepths + slotCount;
  const partialsBase = historyBase + maxBatch * HISTORY_WIDTH;
  const ctlWords = partialsBase + partialWords(cells);
  const headBytes = partialsBase * 4;

  const buffer = (bytes: number, usage: number) =>
    device.createBuffer({ size: Math.max(16, Math.ceil(bytes / 4) * 4), usage });
  const storage = USAGE.storage | USAGE.copyDst | USAGE.copySrc;
  const faceCount = (nx + 1) * ny + nx * (ny + 1);
  const buffers = {
    grid: buffer(GRID_UNIFORM_BYTES, USAGE.uniform | USAGE.copyDst),
    cellData: buffer(16 * cells, storage),
    flags: buffer(4 * cells, storage),
    depth: buffer(4 * cells, storage),
    q: buffer(4 * faceCount, storage),
    qRaw: buffer(4 * faceCount, storage),
    scale: buffer(4 * cells, storage),
    record: buffer(8 * cells, storage),
    ctl: buffer(4 * ctlWords, storage),
    series: buffer(8 * (directory.length / 2 + points.length / 2), storage),
    ctlRead: buffer(headBytes, USAGE.mapRead | USAGE.copyDst),
    fieldsRead: buffer(12 * cells, USAGE.mapRead | USAGE.copyDst),
  };
  const bound: GPUBuffer[] = [
    buffers.grid,
    buffers.cellData,
    buffers.flags,
    buffers.depth,
    buffers.q,
    buffers.qRaw,
    buffers.scale,
    buffers.record,
    buffers.ctl,
    buffers.series,
  ];

  const queue = device.queue;
  queue.writeBuffer(buffers.grid, 0, gridUniform(state, historyBase, partialsBase));
  const lossUploaded = new Float32Array(cells);
  const uploadCellData = () => {
    const data = new Float32Array(4 * cells);
    for (let k = 0; k < cells; k++) {
      data[4 * k] = state.bed[k]!;
      data[4 * k + 1] = state.manningSquared[k]!;
      data[4 * k + 2] = state.rainFactor[k]!;
      data[4 * k + 3] = state.lossRate[k]!;
      lossUploaded[k] = state.lossRate[k]!;
    }
    queue.writeBuffer(buffers.cellData, 0, data);
  };
  uploadCellData();
  queue.writeBuffer(buffers.flags, 0, flags);
  queue.writeBuffer(buffers.depth, 0, Float32Array.from(state.depth));
  const record = new Float32Array(2 * cells);
  for (let k = 0; k < cells; k++) {
    record[2 * k] = state.maxDepth[k]!;
    record[2 * k + 1] = state.firstWetSeconds[k]!;
  }
  queue.writeBuffer(buffers.record, 0, record);
  const ctl = new Float32Array(partialsBase);
  ctl[CTL.time] = state.control[CONTROL_TIME]!;
  ctl[CTL.maxDepth] = state.control[CONTROL_HMAX]!;
  queue.writeBuffer(buffers.ctl, 0, ctl);
  const seriesData = new Float32Array(directory.length + points.length);
  seriesData.set(directory);
  seriesData.set(points, directory.length);
  queue.writeBuffer(buffers.series, 0, seriesData);

  // sum of the float32 rain factors: the rain the GPU adds per metre of rain depth
  let rainFactorSum = 0;
  for (let k = 0; k < cells; k++) rainFactorSum += Math.fround(state.rainFactor[k]!);

  const passes = stepPasses(cells).map(({ entry, constants, bindings, groups }) => {
    const pipeline = floodPipeline(device, entry, constants);
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: bindings.map((binding) => ({ binding, resource: { buffer: bound[binding]! } })),
    });
    return { pipeline, bindGroup, groups };
  });
  // a validation error while building (a device without what the kernel needs) fails the first advance
  const creationError = device.popErrorScope();
  let stepsTaken = 0;
  let lastDt = 0;
  const cellArea = state.cellSizeMetres * state.cellSizeMetres;

  /** Queues `steps` steps towards `target`, then reads the control head back. */
  async function batch(target: number, steps: number): Promise<Float32Array> {
    queue.writeBuffer(buffers.ctl, CTL.target * 4, new Float32Array([target]));
    queue.writeBuffer(buffers.ctl, CTL.batchSteps * 4, new Float32Array([0]));
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    for (let s = 0; s < steps; s++)
      for (const { pipeline, bindGroup, groups } of passes) {
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(groups);
      }
    pass.end();
    encoder.copyBufferToBuffer(buffers.ctl, 0, buffers.ctlRead, 0, headBytes);
    queue.submit([encoder.finish()]);
    await buffers.ctlRead.mapAsync(MAP_READ);
    const head = new Float32Array(buffers.ctlRead.getMappedRange().slice(0));
    buffers.ctlRead.unmap();
    return head;
  }

  /** Adds a batch's history lines to the state's accounts (float64). */
  function account(head: Float32Array): void {
    const lines = head[CTL.batchSteps]!;
    let boundary = 0;
    let losses = 0;
    let rain = 0;
    let sources = 0;
    for (let s = 0; s < lines; s++) {
      const line = historyBase + s * HISTORY_WIDTH;
      lastDt = head[line]!;
      boundary += head[line + 1]!;
      losses += head[line + 2]!;
      rain += head[line + 3]!;
      sources += head[line + 4]!;
    }
    stepsTaken += lines;
    state.rowBoundaryVolume[0] = state.rowBoundaryVolume[0]! + boundary * cellArea;
    state.rowLossVolume[0] = state.rowLossVolume[0]! + losses * cellArea;
    state.control[CONTROL_RAIN_VOLUME] =
      state.control[CONTROL_RAIN_VOLUME]! + rain * rainFactorSum * cellArea;
    state.control[CONTROL_SOURCE_VOLUME] = state.control[CONTROL_SOURCE_VOLUME]! + sources;
    state.control[CONTROL_HMAX] = head[CTL.maxDepth]!;
  }

  /** Copies depth, maximum depth and first wetting from the GPU into the state. */
  async function readFields(): Promise<void> {
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(buffers.depth, 0, buffers.fieldsRead, 0, 4 * cells);
    encoder.copyBufferToBuffer(buffers.record, 0, buffers.fieldsRead, 4 * cells, 8 * cells);
    queue.submit([encoder.finish()]);
    await buffers.fieldsRead.mapAsync(MAP_READ);
    const fields = new Float32Array(buffers.fieldsRead.getMappedRange());
    state.depth.set(fields.subarray(0, cells));
    for (let k = 0; k < cells; k++) {
      state.maxDepth[k] = fields[cells + 2 * k]!;
      state.firstWetSeconds[k] = fields[cells + 2 * k + 1]!;
    }
    buffers.fieldsRead.unmap();
  }

  return {
    state,
    kernel: GPU_FLOOD_KERNEL_NAME,
    workers: 1,
    async advanceTo(targetSeconds) {
      if (!(targetSeconds > state.control[CONTROL_TIME]!)) return;
      const built = await creationError;
      if (built) throw new Error(`WebGPU flood: ${built.message}`);
      for (let k = 0; k < cells; k++)
        if (lossUploaded[k] !== Math.fround(state.lossRate[k]!)) {
          uploadCellData();
          break;
        }
      const target = Math.fround(targetSeconds);
      device.pushErrorScope('validation');
      let head: Float32Array;
      let steps = 8;
      for (;;) {
        head = await batch(target, steps);
        account(head);
        if (head[CTL.stalledStep] !== 0 || head[CTL.time]! >= target) break;
        const remaining = target - head[CTL.time]!;
        steps = Math.max(1, Math.min(maxBatch, Math.ceil(remaining / Math.max(lastDt, 1e-3)) + 1));
      }
      const error = await device.popErrorScope();
      if (error) throw new Error(`WebGPU flood: ${error.message}`);
      await readFields();
      state.control[CONTROL_STEPS] = stepsTaken;
      if (head[CTL.stalledStep] !== 0) {
        state.control[CONTROL_TIME] = head[CTL.time]!;
        state.control[CONTROL_STALLED_STEP] = head[CTL.stalledStep]!;
        state.control[CONTROL_STALLED_DEPTH] = head[CTL.stalledDepth]!;
        throw stalledStepError(state);
      }
      state.control[CONTROL_TIME] = targetSeconds;
    },
    async close() {
      for (const b of Object.values(buffers)) b.destroy();
    },
  };
}

/** The compiled pipelines of each device, by entry point and constants (compiling is slow on SwiftShader). */
const pipelines = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

/** The pipeline of `entry` (with override `constants`) on `device`, compiled once per device. */
function floodPipeline(
  device: GPUDevice,
  entry: string,
  constants: Record<string, number> | undefined,
): GPUComputePipeline {
  let byKey = pipelines.get(device);
  if (!byKey) {
    byKey = new Map();
    pipelines.set(device, byKey);
  }
  const key = `${entry} ${JSON.stringify(constants ?? {})}`;
  let pipeline = byKey.get(key);
  if (!pipeline) {
    const module = device.createShaderModule({ code: FLOOD_WGSL, label: 'flood' });
    pipeline = device.createComputePipeline({
      layout: 'auto',
      compute: { module, entryPoint: entry, ...(constants ? { constants } : {}) },
    });
    byKey.set(key, pipeline);
  }
  return pipeline;
}

/** Depths and their records as the GPU holds them (float32), so the volume account starts there. */
function roundToFloat32(state: FloodState): void {
  for (const array of [state.depth, state.maxDepth, state.firstWetSeconds])
    for (let k = 0; k < array.length; k++) array[k] = Math.fround(array[k]!);
  state.control[CONTROL_HMAX] = Math.fround(state.control[CONTROL_HMAX]!);
}

const finiteFloat32 = (x: number) => Math.max(-3.4e38, Math.min(3.4e38, x));

/** The uniform block `Grid` of floodShader.ts. */
function gridUniform(state: FloodState, historyBase: number, partialsBase: number): ArrayBuffer {
  const bytes = new ArrayBuffer(GRID_UNIFORM_BYTES);
  const u32 = new Uint32Array(bytes);
  const f32 = new Float32Array(bytes);
  const cells = state.columns * state.rows;
  u32.set([state.columns, state.rows, cells], 0);
  f32.set(
    [
      state.cellSizeMetres,
      state.solver.theta,
      state.solver.depthThreshold,
      stableCourantNumber(state.solver.alpha, state.solver.theta),
    ],
    4,
  );
  u32.set(state.edgeTypes, 8);
  // +∞ (no such cell) as the largest float32 finite value: WGSL may assume no infinities
  f32.set(Array.from(state.edgeMinBed, finiteFloat32), 12);
  f32[16] = finiteFloat32(state.heldFaceMinBed);
  u32.set([state.hasHeld ? 1 : 0, state.hasLosses ? 1 : 0, state.sources.length], 17);
  u32.set([historyBase, partialsBase, foldLevels(cells)], 20);
  return bytes;
}

/**
 * The series of the state for the shader: a directory of (offset, count) per series (edges 0-3,
 * held level 4, rain 5, sources 6..), the source-cell slot of each source, then the points.
 */
function packSeries(state: FloodState): {
  directory: Float32Array;
  slots: number[];
  points: Float32Array;
  slotCount: number;
} {
  const all: TimeSeries[] = [
    ...state.edgeLevels,
    state.heldLevel,
    state.rain,
    ...state.sources.map((s) => s.flow),
  ];
  const slotOfCell = new Map<number, number>();
  const slots = state.sources.map((s) => {
    if (!slotOfCell.has(s.cell)) slotOfCell.set(s.cell, slotOfCell.size);
    return slotOfCell.get(s.cell)!;
  });
  const directoryEntries = all.length + slots.length;
  const directory = new Float32Array(2 * directoryEntries);
  let offset = directoryEntries;
  const points: number[] = [];
  all.forEach((series, i) => {
    directory[2 * i] = offset;
    directory[2 * i + 1] = series.length;
    for (const [t, v] of series) points.push(t, v);
    offset += series.length;
  });
  slots.forEach((slot, i) => {
    directory[2 * (all.length + i)] = slot;
  });
  return { directory, slots, points: Float32Array.from(points), slotCount: slotOfCell.size };
}
