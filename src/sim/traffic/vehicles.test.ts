import { describe, expect, it } from 'vitest';
import { solveUserEquilibrium } from './equilibrium.ts';
import { generateGridNetwork, generateRandomDemand } from './gridNetwork.ts';
import { IDM_HIGHWAY_CAR } from './idm.ts';
import { compileNetwork } from './roadGraph.ts';
import { createVehicleFleet } from './vehicles.ts';

function gridFleet(vehicleCount: number, seed: number) {
  const grid = generateGridNetwork(6, 6, 3);
  const graph = compileNetwork(grid.network);
  const demand = generateRandomDemand(36, 20, 4);
  const { paths } = solveUserEquilibrium(graph, demand, { maxIterations: 3 });
  return createVehicleFleet({
    graph,
    nodeXMetres: grid.nodeXMetres,
    nodeYMetres: grid.nodeYMetres,
    paths,
    vehicleCount,
    seed,
  });
}

describe('vehicle fleet (IDM on assigned paths)', () => {
  it('keeps every vehicle on the grid, at legal speeds, without overlaps, and completes trips', () => {
    const fleet = gridFleet(300, 1);
    for (let k = 0; k < 1200; k++) fleet.step(0.25);
    expect(fleet.simulatedSeconds).toBeCloseTo(300, 9);
    expect(fleet.completedTrips).toBeGreaterThan(0);
    expect(fleet.minimumGapMetres()).toBeGreaterThan(0);
    const { positions, speeds } = fleet;
    expect(positions.length).toBe(4 * 300);
    for (let v = 0; v < 300; v++) {
      const x = positions[4 * v]!;
      const y = positions[4 * v + 1]!;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(2000);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(2000);
      // on a grid line: one coordinate is a multiple of the 400 m block
      const onLine = Math.min(
        Math.abs(x - 400 * Math.round(x / 400)),
        Math.abs(y - 400 * Math.round(y / 400)),
      );
      expect(onLine).toBeLessThan(1e-2);
      // heading along the grid
      expect(Math.abs(Math.sin(2 * positions[4 * v + 2]!))).toBeLessThan(1e-6);
      expect([0, 1, 2, 3]).toContain(positions[4 * v + 3]);
      expect(speeds[v]).toBeGreaterThanOrEqual(0);
      expect(speeds[v]).toBeLessThanOrEqual(IDM_HIGHWAY_CAR.desiredSpeedMetresPerSecond + 1e-3);
    }
  });

  it('is deterministic for a seed and differs for another', () => {
    const a = gridFleet(200, 9);
    const b = gridFleet(200, 9);
    const c = gridFleet(200, 10);
    for (let k = 0; k < 100; k++) {
      a.step(0.5);
      b.step(0.5);
      c.step(0.5);
    }
    expect(Buffer.from(a.positions.buffer).equals(Buffer.from(b.positions.buffer))).toBe(true);
    expect(Buffer.from(a.positions.buffer).equals(Buffer.from(c.positions.buffer))).toBe(false);
  });

  it('moves a lone vehicle from rest by about a·t²/2 on a free road', () => {
    const grid = generateGridNetwork(10, 1, 5); // a straight 3.6 km road, both directions
    const graph = compileNetwork(grid.network);
    const eastbound = Int32Array.from({ length: 9 }, (_, i) => 2 * i);
    const paths = {
      origin: Int32Array.of(1),
      destination: Int32Array.of(10),
      flow: Float64Array.of(1),
      linkStart: Int32Array.of(0, 9),
      links: eastbound,
    };
    const fleet = createVehicleFleet({ ...grid, graph, paths, vehicleCount: 1, seed: 2 });
    const x0 = fleet.positions[0]!;
    for (let k = 0; k < 100; k++) fleet.step(0.1);
    // 10 s at ~1 m/s²: 50 m, slightly less as (v/v0)^4 grows (v ≈ 10 m/s, v0 = 33.3 m/s)
    const travelled = fleet.positions[0]! - x0;
    expect(travelled).toBeGreaterThan(49.5);
    expect(travelled).toBeLessThan(50);
    expect(fleet.positions[2]).toBe(0);
  });
});
