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
import {
  damBreak,
  heldTideWithFlapGates,
  FLOOD_KERNEL_CASES,
  passingFloodOnDryLand,
} from '../../../tests/fixtures/flood/kernelCases.ts';

const root = new URL('../../../', import.meta.url);

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
  for (const { name, input, durationSeconds: seconds } of FLOOD_KERNEL_CASES)
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
