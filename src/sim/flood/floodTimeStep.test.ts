import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import type { FloodModelInput } from './floodInput.ts';
import { nonFiniteFigure, runFloodCase, singleThreadEngine } from './floodRun.ts';
import { createFloodState } from './floodState.ts';
import { MIN_TIME_STEP_SECONDS } from './floodStepper.ts';

/** A flat 10 × 10 grid of 10 m cells at z = 0, closed unless `extra` opens it. */
function flat(extra: Partial<FloodModelInput> = {}): FloodModelInput {
  return {
    columns: 10,
    rows: 10,
    cellSizeMetres: 10,
    bedElevationMetres: new Float64Array(100),
    manningN: 0.03,
    ...extra,
  };
}

/** Runs `input` for `seconds` and returns the error it stops with and the wall time, ms. */
function stall(input: FloodModelInput, seconds: number): { error: unknown; wallMs: number } {
  const started = performance.now();
  try {
    singleThreadEngine(createFloodState(input)).advanceTo(seconds);
  } catch (error) {
    return { error, wallMs: performance.now() - started };
  }
  return { error: undefined, wallMs: performance.now() - started };
}

describe('flood stepper: minimum time step', () => {
  it('stops a 1e12 m tide at once instead of crawling (within 2 s)', () => {
    // dt = 0.59 × 10 m / √(9.81 × 1e12 m) ≈ 1.9e-6 s < 1e-3 s: the very first step is refused.
    const { error, wallMs } = stall(
      flat({ boundaries: [{ edge: 'west', type: 'level', levelMetres: [[0, 1e12]] }] }),
      3600,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toMatch(
      /the flow became too fast for the grid: time step 1\.89e-6 s < 0\.001 s at t = 0\.0 s/,
    );
    expect(wallMs).toBeLessThan(2000);
  });

  it('stops after the step where a 1e12 m³/s source piles up water, not before', () => {
    // First step on a dry grid: dt = 0.59 × 10 / √(9.81 × 0.01) ≈ 18.9 s; the source then puts
    // 1.9e13 m³ on one 100 m² cell (1.9e11 m deep), so the next step would be ≈ 4e-6 s.
    const { error, wallMs } = stall(
      flat({ sources: [{ row: 5, col: 5, flowCubicMetresPerSecond: [[0, 1e12]] }] }),
      3600,
    );
    expect((error as Error).message).toMatch(/too fast for the grid: .* at t = 18\.9 s/);
    expect(wallMs).toBeLessThan(2000);
  });

  it('stops when an accepted but impossible inflow makes the water a kilometre deep', () => {
    // 1e5 m³/s (the case limit) into one 100 m² cell: after the first 18.9 s step the cell holds
    // 1e5 × 18.9 / 100 ≈ 18 900 m of water; the next step (0.014 s) is above the floor, the depth is not.
    const { error, wallMs } = stall(
      flat({ sources: [{ row: 5, col: 5, flowCubicMetresPerSecond: [[0, 1e5]] }] }),
      30 * 86_400,
    );
    expect((error as Error).message).toMatch(
      /^the water became 1\.89e\+4 m deep at t = 18\.9 s, deeper than the 1000 m any flood reaches/,
    );
    expect(wallMs).toBeLessThan(2000);
  });

  it('leaves an ordinary run alone: a 1 m tide takes steps far above the floor', () => {
    const engine = singleThreadEngine(
      createFloodState(flat({ boundaries: [{ edge: 'west', type: 'level', levelMetres: [[0, 1]] }] })),
    );
    engine.advanceTo(600);
    // dt ≥ 0.59 × 10 / √(9.81 × 1) ≈ 1.9 s, so at most ~320 steps over 600 s.
    expect(engine.state.control[1]!).toBeLessThan(600 / (100 * MIN_TIME_STEP_SECONDS));
  });

  it('fails runFloodCase clearly rather than printing null when a figure is not finite', async () => {
    const engine = singleThreadEngine(createFloodState(flat({ initialLevelMetres: 1 })));
    const result = await runFloodCase(engine, 60, 60, [{ name: 'P', cell: 0 }]);
    expect(nonFiniteFigure(result)).toBeUndefined();
    const broken = { ...result, gauges: { P: [[0, Number.NaN, 1] as [number, number, number]] } };
    expect(nonFiniteFigure(broken)).toMatchObject({ path: 'gauges.P[0]' });
    const infinite = { ...result, volume: { ...result.volume, final: Number.POSITIVE_INFINITY } };
    expect(nonFiniteFigure(infinite)).toMatchObject({ path: 'volume.final' });
  });
});
