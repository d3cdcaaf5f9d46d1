import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCancelToken } from '../../core/cancel.ts';
import { parseTntpFlows } from '../../data/tntp/flow.ts';
import { parseTntpNetwork } from '../../data/tntp/net.ts';
import { parseTntpTrips } from '../../data/tntp/trips.ts';
import { sharedInput } from '../../../tests/helpers/shared.ts';
import { summarizeAssignment } from './assignmentSummary.ts';
import { solveUserEquilibrium } from './equilibrium.ts';
import { linkCost } from './linkCost.ts';
import { topOdPairsOnLink } from './pathSet.ts';
import { networkFromTntp } from './network.ts';
import { compileNetwork } from './roadGraph.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/traffic/${name}`, import.meta.url), 'utf8');

function load(net: string, trips: string) {
  return { graph: compileNetwork(networkFromTntp(parseTntpNetwork(net))), demand: parseTntpTrips(trips) };
}

/** Cost of each path of the result (time units). */
function pathCosts(costs: Float64Array, paths: ReturnType<typeof solveUserEquilibrium>['paths']) {
  return Array.from(paths.flow, (_, p) => {
    let sum = 0;
    for (let j = paths.linkStart[p]!; j < paths.linkStart[p + 1]!; j++) sum += costs[paths.links[j]!]!;
    return sum;
  });
}

describe('user equilibrium on the Braess network (solved by hand, see tests/fixtures/traffic/README.md)', () => {
  it('splits 27/13, 27/13, 24/13 over the three paths, each costing 1200/13', () => {
    const { graph, demand } = load(fixture('braess_net.tntp'), fixture('braess_trips.tntp'));
    const result = solveUserEquilibrium(graph, demand, { relativeGap: 1e-10 });
    expect(result.converged).toBe(true);
    // links: 1->2, 1->3, 2->4, 3->4, 2->3
    const expected = [6 - 27 / 13, 27 / 13, 27 / 13, 6 - 27 / 13, 24 / 13];
    expected.forEach((v, i) => {
      expect(result.volumes[i]).toBeCloseTo(v, 6);
    });
    expect(result.paths.flow.length).toBe(3);
    for (const cost of pathCosts(result.costs, result.paths)) expect(cost).toBeCloseTo(1200 / 13, 6);
    expect(result.odCosts[3]).toBeCloseTo(1200 / 13, 6);
    expect(result.totalTravelTime).toBeCloseTo((6 * 1200) / 13, 4);
  });

  it('shows the paradox: without the bridge both routes carry 3 and cost 84 < 1200/13', () => {
    const { graph, demand } = load(fixture('braess-without-bridge_net.tntp'), fixture('braess_trips.tntp'));
    const result = solveUserEquilibrium(graph, demand, { relativeGap: 1e-10 });
    for (let i = 0; i < 4; i++) expect(result.volumes[i]).toBeCloseTo(3, 6);
    expect(result.odCosts[3]).toBeCloseTo(84, 6);
  });

  it('attributes the bridge volume to the one OD pair that uses it', () => {
    const { graph, demand } = load(fixture('braess_net.tntp'), fixture('braess_trips.tntp'));
    const result = solveUserEquilibrium(graph, demand, { relativeGap: 1e-10 });
    const top = topOdPairsOnLink(result.paths, 4, 5);
    expect(top).toHaveLength(1);
    expect(top[0]!.origin).toBe(1);
    expect(top[0]!.destination).toBe(4);
    expect(top[0]!.flow).toBeCloseTo(24 / 13, 6);
  });
});

describe('user equilibrium on two tolled parallel routes', () => {
  it('equalizes generalized costs (BPR power 4 + 0.5·toll + 0.1·length) at the bisection root', () => {
    const { graph, demand } = load(fixture('two-route_net.tntp'), fixture('two-route_trips.tntp'));
    // analytic condition: c1(v) = c2(4000 - v), found by bisection on the hand-written costs
    const c1 = (v: number) => 10 * (1 + 0.15 * (v / 2000) ** 4) + 0.5 * 4 + 0.1 * 10;
    const c2 = (v: number) => 15 * (1 + 0.15 * (v / 1500) ** 4) + 0.1 * 12;
    let lo = 0;
    let hi = 4000;
    for (let k = 0; k < 100; k++) {
      const mid = (lo + hi) / 2;
      if (c1(mid) > c2(4000 - mid)) hi = mid;
      else lo = mid;
    }
    const result = solveUserEquilibrium(graph, demand, { relativeGap: 1e-9 });
    expect(result.volumes[0]).toBeCloseTo(lo, 2);
    expect(result.volumes[0]! + result.volumes[1]!).toBeCloseTo(4000, 8);
    expect(result.costs[0]).toBeCloseTo(c1(lo), 6);
    expect(linkCost(graph, 1, result.volumes[1]!)).toBeCloseTo(c2(4000 - lo), 6);
    // Beckmann: ∫ c1 over [0, v1] + ∫ c2 over [0, v2], closed form for BPR power 4
    const integral = (fft: number, cap: number, fixed: number, v: number) =>
      fft * (v + (0.15 * v * (v / cap) ** 4) / 5) + fixed * v;
    const v1 = result.volumes[0]!;
    const v2 = result.volumes[1]!;
    expect(result.objective).toBeCloseTo(integral(10, 2000, 3, v1) + integral(15, 1500, 1.2, v2), 4);
  });
});

describe('zone nodes below FIRST THRU NODE', () => {
  it('are never passed through even when that route is shorter', () => {
    const { graph, demand } = load(
      fixture('centroid-shortcut_net.tntp'),
      fixture('centroid-shortcut_trips.tntp'),
    );
    const result = solveUserEquilibrium(graph, demand);
    // links: 1->2, 2->3, 1->4, 4->3; zone 1 -> 3 (100) must avoid zone 2; zone 2 -> 3 (50) starts there
    expect([...result.volumes]).toEqual([0, 50, 100, 100]);
    expect(result.odCosts[2]).toBe(20);
    expect(result.odCosts[1 * 3 + 2]).toBe(1);
  });

  it('are passed through when FIRST THRU NODE is 1', () => {
    const text = fixture('centroid-shortcut_net.tntp').replace('<FIRST THRU NODE> 4', '<FIRST THRU NODE> 1');
    const { graph, demand } = load(text, fixture('centroid-shortcut_trips.tntp'));
    const result = solveUserEquilibrium(graph, demand);
    expect([...result.volumes]).toEqual([100, 150, 0, 0]);
  });
});

describe('solver controls', () => {
  it('reports progress each iteration and stops when cancelled', () => {
    const { graph, demand } = load(fixture('two-route_net.tntp'), fixture('two-route_trips.tntp'));
    const token = createCancelToken();
    const seen: number[] = [];
    expect(() =>
      solveUserEquilibrium(graph, demand, {
        relativeGap: -1, // unreachable: only the cancel flag stops it
        maxIterations: 100,
        cancelBuffer: token.buffer,
        onProgress: (p) => {
          seen.push(p.iteration);
          if (p.iteration === 3) token.cancel();
        },
      }),
    ).toThrow(/cancelled/);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('rejects demand between zones with no path', () => {
    const { graph } = load(fixture('centroid-shortcut_net.tntp'), fixture('centroid-shortcut_trips.tntp'));
    const demand = { zoneCount: 3, flows: Float64Array.of(0, 0, 0, 0, 0, 0, 5, 0, 0) };
    expect(() => solveUserEquilibrium(graph, demand)).toThrow(/zone 3 has demand to zone 1 but no path/);
  });
});

const siouxNet = sharedInput('tntp/SiouxFalls/SiouxFalls_net.tntp');
const siouxTrips = sharedInput('tntp/SiouxFalls/SiouxFalls_trips.tntp');
const siouxFlow = sharedInput('tntp/SiouxFalls/SiouxFalls_flow.tntp');

describe.skipIf(!siouxNet || !siouxTrips || !siouxFlow)(
  'Sioux Falls equilibrium (needs ../shared/data)',
  () => {
    // read lazily: a skipped describe body still runs at collection time
    const sioux = () => load(readFileSync(siouxNet!, 'utf8'), readFileSync(siouxTrips!, 'utf8'));

    it('reaches gap 1e-4 with the Beckmann objective within 0.1% of the published 4,231,335.29', () => {
      const { graph, demand } = sioux();
      const result = solveUserEquilibrium(graph, demand, { relativeGap: 1e-4 });
      expect(result.relativeGap).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(result.objective - 4231335.29) / 4231335.29).toBeLessThan(1e-3);
    });

    it('at gap 1e-6 matches the best-known link flows within 0.1% of the largest flow', () => {
      const { graph, demand } = sioux();
      const reference = parseTntpFlows(readFileSync(siouxFlow!, 'utf8'));
      const result = solveUserEquilibrium(graph, demand, { relativeGap: 1e-6 });
      const largest = Math.max(...reference.volume);
      for (let i = 0; i < graph.linkCount; i++) {
        expect(graph.tail[i]! + 1).toBe(reference.from[i]);
        expect(Math.abs(result.volumes[i]! - reference.volume[i]!)).toBeLessThan(1e-3 * largest);
      }
      expect(result.objective).toBeCloseTo(4231335.29, -1);
    });

    it('conserves trips: PCU-weighted path flows sum to 360,600 and summary totals are consistent', () => {
      const { graph, demand } = sioux();
      const result = solveUserEquilibrium(graph, demand, { relativeGap: 1e-4 });
      expect(result.paths.flow.reduce((a, b) => a + b, 0)).toBeCloseTo(360600, 3);
      // free-flow times are 0.01 h: 0.6 minutes per unit
      const summary = summarizeAssignment(graph, demand, result.volumes, result.odCosts, {
        minutesPerTimeUnit: 0.6,
      });
      expect(summary.vehicleHours).toBeCloseTo((result.totalTravelTime * 0.6) / 60, 3);
      // trips-weighted mean of zone origin times equals SPTT / trips
      let weighted = 0;
      for (let z = 0; z < 24; z++) {
        let trips = 0;
        for (let d = 0; d < 24; d++) trips += demand.flows[z * 24 + d]!;
        weighted += trips * summary.zoneOriginTravelMinutes[z]!;
      }
      expect(weighted / 0.6).toBeCloseTo(result.totalTravelTime * (1 - result.relativeGap), 0);
    });
  },
);
