import { describe, expect, it } from 'vitest';
import { DEFAULT_PCU_FACTORS, toPcuDemand } from './pcu.ts';

describe('multi-class demand to PCU', () => {
  it('weights each class by its factor: 1000 motorbikes + 100 cars + 10 buses', () => {
    const od = (n: number) => ({ zoneCount: 2, flows: Float64Array.of(0, n, 0, 0) });
    const pcu = toPcuDemand([
      { vehicleClass: 'motorbike', demand: od(1000) },
      { vehicleClass: 'car', demand: od(100) },
      { vehicleClass: 'bus', demand: od(10) },
    ]);
    expect(pcu.flows[1]).toBeCloseTo(1000 * 0.3 + 100 + 10 * 2.5, 9);
    expect(DEFAULT_PCU_FACTORS.motorbike).toBeGreaterThanOrEqual(0.25);
    const custom = toPcuDemand([{ vehicleClass: 'truck', demand: od(10) }], {
      ...DEFAULT_PCU_FACTORS,
      truck: 3,
    });
    expect(custom.flows[1]).toBe(30);
  });

  it('rejects classes with different zone counts, naming the class', () => {
    expect(() =>
      toPcuDemand([
        { vehicleClass: 'car', demand: { zoneCount: 1, flows: Float64Array.of(0) } },
        { vehicleClass: 'truck', demand: { zoneCount: 2, flows: new Float64Array(4) } },
      ]),
    ).toThrow(/classes\[1\]\.demand\.zoneCount: expected 1 zones/);
  });
});
