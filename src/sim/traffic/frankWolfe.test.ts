import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTntpNetwork } from '../../data/tntp/net.ts';
import { parseTntpTrips } from '../../data/tntp/trips.ts';
import { solveUserEquilibrium } from './equilibrium.ts';
import { solveFrankWolfe } from './frankWolfe.ts';
import { generateGridNetwork, generateRandomDemand } from './gridNetwork.ts';
import { networkFromTntp } from './network.ts';
import { compileNetwork } from './roadGraph.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/traffic/${name}`, import.meta.url), 'utf8');

describe('Frank-Wolfe reference', () => {
  it('approaches the hand-computed Braess equilibrium', () => {
    const graph = compileNetwork(networkFromTntp(parseTntpNetwork(fixture('braess_net.tntp'))));
    const demand = parseTntpTrips(fixture('braess_trips.tntp'));
    const result = solveFrankWolfe(graph, demand, { relativeGap: 1e-6 });
    expect(result.relativeGap).toBeLessThanOrEqual(1e-6);
    expect(result.volumes[4]).toBeCloseTo(24 / 13, 3);
  });

  it('agrees with gradient projection on the Beckmann objective of a congested grid', () => {
    const graph = compileNetwork(generateGridNetwork(5, 5, 1).network);
    const demand = generateRandomDemand(25, 60, 2);
    const fw = solveFrankWolfe(graph, demand, { relativeGap: 1e-4 });
    const gp = solveUserEquilibrium(graph, demand, { relativeGap: 1e-6 });
    expect(fw.relativeGap).toBeLessThanOrEqual(1e-4);
    // the objective is minimized by the equilibrium: FW is above it, by less than the gap bound
    expect(fw.objective).toBeGreaterThanOrEqual(gp.objective * (1 - 1e-9));
    expect((fw.objective - gp.objective) / gp.objective).toBeLessThan(1e-3);
  });
});
