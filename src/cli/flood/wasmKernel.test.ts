import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FloodModelInput } from '../../sim/flood/floodInput.ts';
import { runFloodCase, singleThreadEngine } from '../../sim/flood/floodRun.ts';
import { CONTROL_STEPS, createFloodState } from '../../sim/flood/floodState.ts';
import { FloodSimulation } from '../../sim/flood/floodSimulation.ts';
import { placeInWasmMemory, wasmFloodKernel } from '../../sim/flood/wasmKernel.ts';
import {
  createFloodEngine,
  type FloodKernelName,
  floodKernelModule,
  nodeFloodKernelPlacement,
} from './threadedEngine.ts';

const root = new URL('../../../', import.meta.url);

/** A grid of `columns` × `rows` with bed z(i, j) (NaN: NODATA). */
function grid(columns: number, rows: number, z: (i: number, j: number) => number): Float64Array {
  const bed = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++) for (let i = 0; i < columns; i++) bed[j * columns + i] = z(i, j);
  return bed;
}

/** Closed box, water 1 m deep behind a dam in the west third, a NODATA block downstream. */
function damBreak(): FloodModelInput {
  const columns = 41;
  const rows = 23;
  const level = new Float64Array(columns * rows).fill(Number.NaN);
  for (let j = 0; j < rows; j++) for (let i = 0; i < 13; i++) level[j * columns + i] = 1;
  return {
    columns,
    rows,
    cellSizeMetres: 5,
    bedElevationMetres: grid(columns, rows, (i, j) =>
      i > 25 && i < 30 && j > 8 && j < 14 ? Number.NaN : 0.05 * Math.sin(i * 0.7) * Math.cos(j * 0.5),
    ),
    manningN: 0.02,
    initialLevelMetres: level,
  };
}

/** A flat channel filled through a rising west level edge (the wave-front test's setup). */
function waveFront(): FloodModelInput {
  return {
    columns: 121,
    rows: 3,
    cellSizeMetres: 25,
    bedElevationMetres: grid(121, 3, () => 0),
    manningN: 0.01,
    boundaries: [
      {
        edge: 'west',
        type: 'level',
        levelMetres: [
          [0, 0],
          [3600, 1.5],
        ],
      },
    ],
  };
}

/** A tidal river held at a rising then falling tide, a flap-gated drain and a low basin with rain. */
function heldTideWithFlapGates(): FloodModelInput {
  const columns = 31;
  const rows = 13;
  const held = new Uint8Array(columns * rows);
  const flap = new Uint8Array(columns * rows);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < 3; i++) held[j * columns + i] = 1;
    if (j > 3) flap[j * columns + 3] = 1;
  }
  return {
    columns,
    rows,
    cellSizeMetres: 20,
    bedElevationMetres: grid(columns, rows, (i) => (i < 3 ? -5 : 0.2 + 0.01 * (i - 3))),
    manningN: 0.03,
    rainMillimetresPerHour: [[0, 60]],
    heldLevel: {
      cells: held,
      levelMetres: [
        [0, 0.4],
        [1800, 1.1],
        [3600, 0.1],
      ],
    },
    flapGateCells: flap,
  };
}

/** A sloping plane with free south and east edges, varying rain, losses and a point source. */
function rainOnFreeEdges(): FloodModelInput {
  return {
    columns: 36,
    rows: 29,
    cellSizeMetres: 10,
    bedElevationMetres: grid(36, 29, (i, j) => 2 - 0.02 * i - 0.03 * j + 0.1 * Math.sin(i + j)),
    manningN: 0.04,
    rainMillimetresPerHour: [
      [0, 120],
      [1200, 20],
    ],
    lossMillimetresPerHour: 8,
    sources: [{ row: 5, col: 6, flowCubicMetresPerSecond: [[0, 2]] }],
    boundaries: [
      { edge: 'south', type: 'free' },
      { edge: 'east', type: 'free' },
    ],
  };
}

/**
 * Rain bringing a high, bumpy plateau (bed 250 m, ulp 6e-14 m) through the depth threshold
 * (3.6 mm/h: 1 mm after 1000 s) while a source floods one corner: the WASM kernel skips face
 * pairs whose cells are all just below the threshold, which must give the JS kernel's zeros.
 */
function rainThroughTheThreshold(): FloodModelInput {
  return {
    columns: 27,
    rows: 19,
    cellSizeMetres: 10,
    bedElevationMetres: grid(27, 19, (i, j) => 250 + 0.3 * Math.sin(i * 0.9) * Math.cos(j * 0.6) - 0.001 * i),
    manningN: 0.03,
    rainMillimetresPerHour: [[0, 3.6]],
    sources: [{ row: 3, col: 4, flowCubicMetresPerSecond: [[0, 1]] }],
  };
}

/**
 * A wide valley (7 row segments of 32 cells) that is dry most of the time: drainage (per cell,
 * 0–40 mm/h, none along a paved strip) takes the light rain, a burst of 90 mm/h overwhelms it
 * for ten minutes, and a source upstream switches on and off, so a flood passes down the valley
 * and drains away. The WASM kernel skips segments at rest and wakes them as water or rain
 * arrives; the JavaScript kernel computes every cell.
 */
function passingFloodOnDryLand(): FloodModelInput {
  const columns = 210;
  const rows = 24;
  const loss = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < columns; i++)
      loss[j * columns + i] = j === 17 ? 0 : 10 + 30 * ((i * 7 + j * 3) % 5) * 0.25;
  return {
    columns,
    rows,
    cellSizeMetres: 10,
    bedElevationMetres: grid(columns, rows, (i, j) =>
      i > 120 && i < 126 && j > 3 && j < 9
        ? Number.NaN
        : 3 - 0.012 * i + 0.02 * Math.abs(j - 12) + 0.03 * Math.sin(i * 0.5),
    ),
    manningN: 0.035,
    rainMillimetresPerHour: [
      [0, 6],
      [600, 6],
      [660, 90],
      [1260, 90],
      [1320, 4],
    ],
    lossMillimetresPerHour: loss,
    sources: [
      {
        row: 12,
        col: 40,
        flowCubicMetresPerSecond: [
          [0, 0],
          [200, 0],
          [260, 6],
          [700, 6],
          [760, 0],
        ],
      },
    ],
  };
}

const CASES: Array<[string, () => FloodModelInput, number]> = [
  ['a flood passing over dry, drained land (segments at rest)', passingFloodOnDryLand, 2400],
  ['rain through the depth threshold on a high plateau', rainThroughTheThreshold, 1500],
  ['dam break (closed, NODATA block)', damBreak, 300],
  ['wave front through a level edge', waveFront, 1800],
  ['held tide with flap gates and rain', heldTideWithFlapGates, 3600],
  ['rain, losses and a source on free edges', rainOnFreeEdges, 1800],
];

async function run(input: FloodModelInput, seconds: number, kernel: FloodKernelName, threads: number) {
  const engine = createFloodEngine(input, threads, kernel);
  try {
    const result = await runFloodCase(engine, seconds, seconds / 4, []);
    const s = engine.state;
    return {
      result,
      depth: Float64Array.from(s.depth),
      maxDepth: Float64Array.from(s.maxDepth),
      firstWet: Float64Array.from(s.firstWetSeconds),
    };
  } finally {
    await engine.close();
  }
}

function largestDifference(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k]! - b[k]!));
  return d;
}

describe('WebAssembly flood kernel against the JavaScript kernel', () => {
  for (const [name, input, seconds] of CASES)
    it(`gives the same depths and volume account: ${name}, 1 and 2 threads`, async () => {
      const js = await run(input(), seconds, 'js', 1);
      expect(js.result.steps).toBeGreaterThan(20);
      expect(Math.max(...js.depth)).toBeGreaterThan(0.05);
      for (const threads of [1, 2]) {
        const wasm = await run(input(), seconds, 'wasm', threads);
        expect(wasm.result.steps).toBe(js.result.steps);
        expect(largestDifference(wasm.depth, js.depth)).toBeLessThanOrEqual(1e-9);
        expect(largestDifference(wasm.maxDepth, js.maxDepth)).toBeLessThanOrEqual(1e-9);
        expect(largestDifference(wasm.firstWet, js.firstWet)).toBe(0);
        for (const key of ['initial', 'sources', 'rain', 'boundaryNet', 'losses', 'final'] as const)
          expect(Math.abs(wasm.result.volume[key] - js.result.volume[key])).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(js.result.volume[key])),
          );
      }
    });

  it('closes the mass balance of a closed case to 1e-12', async () => {
    const input = damBreak();
    let behindDam = 0;
    (input.initialLevelMetres as Float64Array).forEach((level, k) => {
      if (level === 1) behindDam += (1 - input.bedElevationMetres[k]!) * 25;
    });
    for (const threads of [1, 2]) {
      const wasm = await run(damBreak(), 300, 'wasm', threads);
      expect(wasm.result.volume.initial).toBeCloseTo(behindDam, 6);
      expect(wasm.result.volume.relativeError).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('segments at rest', () => {
  it('are skipped while dry and woken by the passing flood and the rain burst', async () => {
    const placed = placeInWasmMemory(createFloodState(passingFloodOnDryLand()), floodKernelModule());
    const kernel = wasmFloodKernel(placed.state, placed.wasm);
    const engine = singleThreadEngine(placed.state, kernel);
    const segments = 24 * Math.ceil(210 / 32);
    let skipped = 0;
    const share: number[] = [];
    for (const t of [200, 650, 1200, 2400]) {
      const steps = placed.state.control[CONTROL_STEPS]!;
      await engine.advanceTo(t);
      share.push(
        (kernel.restSegmentSteps!() - skipped) / ((placed.state.control[CONTROL_STEPS]! - steps) * segments),
      );
      skipped = kernel.restSegmentSteps!();
    }
    // Before the source and the burst most of the valley rests; the burst wakes all of it.
    expect(share[0]).toBeGreaterThan(0.3);
    expect(share[2]).toBeLessThan(share[0]! / 2);
    expect(Math.max(...placed.state.maxDepth)).toBeGreaterThan(0.1);
  });
});

describe('FloodSimulation (the scenario flood stage) with the WASM placement', () => {
  it("runs in WebAssembly memory and gives the JavaScript run's depths and volumes", () => {
    const js = new FloodSimulation();
    js.init(heldTideWithFlapGates());
    const wasm = new FloodSimulation();
    wasm.init(heldTideWithFlapGates(), 0, nodeFloodKernelPlacement());
    expect(wasm.state.depth.buffer).toBeInstanceOf(SharedArrayBuffer);
    js.advance(1800);
    wasm.advance(1800);
    expect(wasm.steps).toBe(js.steps);
    expect(largestDifference(wasm.state.depth, js.state.depth)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(wasm.volume().boundaryNet - js.volume().boundaryNet)).toBeLessThanOrEqual(1e-6);
    expect(wasm.volume().relativeError).toBeLessThanOrEqual(1e-12);
  });
});

describe('floodKernel.wasm', () => {
  it('is the build of wasm/floodKernel.ts (npm run build:wasm; recompiled here)', () => {
    const script: string = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).scripts[
      'build:wasm'
    ];
    const committed = 'src/sim/flood/floodKernel.wasm';
    expect(script).toContain(`--outFile ${committed}`);
    const folder = mkdtempSync(join(tmpdir(), 'flood-wasm-'));
    try {
      const out = join(folder, 'floodKernel.wasm');
      const args = script.split(/\s+/).slice(1);
      args[args.indexOf(committed)] = out;
      execFileSync(
        process.execPath,
        [new URL('node_modules/assemblyscript/bin/asc.js', root).pathname, ...args],
        {
          cwd: root,
        },
      );
      expect(readFileSync(out).equals(readFileSync(new URL(committed, root)))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
