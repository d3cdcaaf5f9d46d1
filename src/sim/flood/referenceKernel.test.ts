import { describe, expect, it } from 'vitest';
import { benchModel, benchReferenceModel } from '../../../bench/floodBenchModel.ts';
import { FloodSimulation } from './floodSimulation.ts';
import { runReference } from './referenceKernel.ts';

describe('reference kernel (bench baseline) against the optimized kernel', () => {
  it('computes the same depths on the synthetic benchmark (to rounding)', () => {
    const size = 48;
    const reference = benchReferenceModel(size);
    const referenceSteps = runReference(reference, 120);
    const sim = new FloodSimulation();
    sim.init(benchModel(size));
    sim.advance(120);
    expect(sim.steps).toBe(referenceSteps);
    let largest = 0;
    let difference = 0;
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) {
        const h = sim.state.depth[r * size + c]!;
        largest = Math.max(largest, h);
        difference = Math.max(difference, Math.abs(h - reference.depth[r * size + c]!));
      }
    expect(largest).toBeGreaterThan(0.5);
    expect(difference).toBeLessThan(1e-9);
  });
});
