import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random.ts';
import { summarizeAssignment } from './assignmentSummary.ts';
import { DEFAULT_CITY_DEMAND_OPTIONS, pcuPerPersonTrip } from './city/cityDemand.ts';
import { solveUserEquilibrium } from './equilibrium.ts';
import { generateGridNetwork, generateRandomDemand } from './gridNetwork.ts';
import { DEFAULT_PCU_FACTORS } from './pcu.ts';
import { compileNetwork } from './roadGraph.ts';
import {
  createVehicleFleet,
  DEFAULT_VEHICLE_MIX,
  VEHICLE_CLASSES,
  VEHICLE_STRIDE,
  type VehicleFleetInput,
  vehicleMixOf,
} from './vehicles.ts';

/** A 6×6 grid (400 m blocks) with its user-equilibrium volumes and congested speeds. */
function assignedGrid() {
  const grid = generateGridNetwork(6, 6, 3);
  const graph = compileNetwork(grid.network);
  const demand = generateRandomDemand(36, 40, 4);
  const result = solveUserEquilibrium(graph, demand, { maxIterations: 20 });
  const summary = summarizeAssignment(graph, demand, result.volumes, result.odCosts);
  return { grid, graph, summary };
}
const assigned = assignedGrid();

function gridFleet(overrides: Partial<VehicleFleetInput> = {}) {
  const { grid, graph, summary } = assigned;
  return createVehicleFleet({
    graph,
    nodeXMetres: grid.nodeXMetres,
    nodeYMetres: grid.nodeYMetres,
    linkVolumePcuPerHour: summary.linkVolume,
    linkSpeedKmh: summary.linkSpeedKmh,
    maxVehicles: 20_000,
    seed: 1,
    ...overrides,
  });
}

describe('vehicle mix derived from the demand model', () => {
  it('turns the person-trip mode shares into vehicle shares and vehicles per PCU', () => {
    const o = DEFAULT_CITY_DEMAND_OPTIONS;
    const perTrip = {
      motorbike: o.modeShare.motorbike / o.occupancy.motorbike,
      car: o.modeShare.car / o.occupancy.car,
      bus: o.modeShare.bus / o.occupancy.bus,
      truck: o.trucksPerPersonTrip,
    };
    const total = perTrip.motorbike + perTrip.car + perTrip.bus + perTrip.truck;
    const mix = DEFAULT_VEHICLE_MIX;
    for (const c of VEHICLE_CLASSES) expect(mix.share[c]).toBeCloseTo(perTrip[c] / total, 12);
    // (0.7/1.2) / (0.7/1.2 + 0.08/1.5 + 0.03/30 + 0.01) ≈ 0.901; 0.08/1.5 / … ≈ 0.082
    expect(mix.share.motorbike).toBeCloseTo(0.9007, 4);
    expect(mix.share.car).toBeCloseTo(0.0823, 4);
    // PCU per vehicle × vehicles per person trip = the demand model's PCU per person trip
    expect(total / mix.vehiclesPerPcu).toBeCloseTo(pcuPerPersonTrip(o), 12);
    expect(mix.vehiclesPerPcu).toBeCloseTo(2.5316, 4);
  });

  it('rejects a mix without vehicles', () => {
    expect(() =>
      vehicleMixOf({
        modeShare: { motorbike: 0, car: 0, bus: 0 },
        occupancy: { motorbike: 1, car: 1, bus: 1 },
        trucksPerPersonTrip: 0,
        pcuFactors: DEFAULT_PCU_FACTORS,
      }),
    ).toThrow(/modeShare/);
  });
});

describe('vehicle animation of the assigned traffic', () => {
  it('never moves a vehicle faster than its link’s assigned speed (seeded random steps, long run)', () => {
    const fleet = gridFleet({ sampleFraction: 0.2 });
    const { summary } = assigned;
    const random = seededRandom(11);
    const before = new Map<number, { link: number; offset: number; x: number; y: number }>();
    let compared = 0;
    let fastest = 0; // largest (distance / dt) / assigned speed seen
    let slowest = Number.POSITIVE_INFINITY;
    let fastestDrawn = 0;
    let wrongLink = 0;
    let wrongShownSpeed = 0;
    for (let k = 0; k < 3000; k++) {
      before.clear();
      for (let s = 0; s < fleet.count; s++) {
        before.set(fleet.vehicleId[s]!, {
          link: fleet.vehicleLink[s]!,
          offset: fleet.vehicleOffsetMetres[s]!,
          x: fleet.positions[VEHICLE_STRIDE * s]!,
          y: fleet.positions[VEHICLE_STRIDE * s + 1]!,
        });
      }
      const dt = random.range(0.01, 2);
      fleet.step(dt);
      for (let s = 0; s < fleet.count; s++) {
        const link = fleet.vehicleLink[s]!;
        const limit = summary.linkSpeedKmh[link]! / 3.6;
        if (Math.abs(fleet.positions[VEHICLE_STRIDE * s + 4]! - summary.linkSpeedKmh[link]!) > 1e-3) {
          wrongShownSpeed++;
        }
        const was = before.get(fleet.vehicleId[s]!);
        if (!was) continue;
        if (was.link !== link) wrongLink++;
        const along = fleet.vehicleOffsetMetres[s]! - was.offset;
        fastest = Math.max(fastest, along / (limit * dt));
        slowest = Math.min(slowest, along / (limit * dt));
        // drawn positions are Float32: allow 1 cm
        const drawn = Math.hypot(
          fleet.positions[VEHICLE_STRIDE * s]! - was.x,
          fleet.positions[VEHICLE_STRIDE * s + 1]! - was.y,
        );
        fastestDrawn = Math.max(fastestDrawn, (drawn - 1e-2) / (limit * dt));
        compared++;
      }
    }
    expect(wrongLink).toBe(0);
    expect(wrongShownSpeed).toBe(0);
    expect(fastest).toBeLessThanOrEqual(1 + 1e-9);
    expect(fastestDrawn).toBeLessThanOrEqual(1);
    // and exactly that speed: the view never slows a vehicle either
    expect(slowest).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(fleet.simulatedSeconds).toBeGreaterThan(2500);
    expect(compared).toBeGreaterThan(100_000);
    expect(fleet.skippedEntries).toBe(0);
  });

  it('lets vehicles enter each link in proportion to its assigned volume (within ±1)', () => {
    const fleet = gridFleet({ sampleFraction: 0.5 });
    const { summary, graph } = assigned;
    const seconds = 1800;
    for (let k = 0; k < seconds / 0.5; k++) fleet.step(0.5);
    const perPcu = (0.5 * DEFAULT_VEHICLE_MIX.vehiclesPerPcu * seconds) / 3600;
    let withVolume = 0;
    for (let i = 0; i < graph.linkCount; i++) {
      const expected = summary.linkVolume[i]! * perPcu;
      expect(Math.abs(fleet.entriesPerLink[i]! - expected)).toBeLessThanOrEqual(1);
      if (summary.linkVolume[i]! > 0) withVolume++;
    }
    expect(withVolume).toBeGreaterThan(50);
    // and the vehicles on a link at once are flow × travel time (within ±1)
    const onLink = new Float64Array(graph.linkCount);
    for (let s = 0; s < fleet.count; s++) onLink[fleet.vehicleLink[s]!]!++;
    for (let i = 0; i < graph.linkCount; i++) {
      const travel = fleet.linkLengthMetres[i]! / (summary.linkSpeedKmh[i]! / 3.6);
      const expected = summary.linkVolume[i]! > 0 ? fleet.linkEntryRatePerSecond[i]! * travel : 0;
      expect(Math.abs(onLink[i]! - expected)).toBeLessThan(1 + 1e-9);
    }
  });

  it('draws motorbikes and cars in the derived shares on a large sample', () => {
    const fleet = gridFleet({ sampleFraction: 1, seed: 5 });
    for (let k = 0; k < 3600; k++) fleet.step(1);
    let total = 0;
    for (const n of fleet.entriesByType) total += n;
    expect(total).toBeGreaterThan(100_000);
    const share = (type: number) => fleet.entriesByType[type]! / total;
    expect(share(0)).toBeCloseTo(DEFAULT_VEHICLE_MIX.share.motorbike, 2);
    expect(share(1)).toBeCloseTo(DEFAULT_VEHICLE_MIX.share.car, 2);
    expect(Math.abs(share(0) - DEFAULT_VEHICLE_MIX.share.motorbike)).toBeLessThan(0.005);
    expect(Math.abs(share(1) - DEFAULT_VEHICLE_MIX.share.car)).toBeLessThan(0.005);
    // the types on the road now are drawn the same way
    let bikes = 0;
    for (let s = 0; s < fleet.count; s++) if (fleet.vehicleType[s] === 0) bikes++;
    expect(Math.abs(bikes / fleet.count - DEFAULT_VEHICLE_MIX.share.motorbike)).toBeLessThan(0.03);
  });

  it('puts no vehicle on a link with zero volume, an excluded link or one without speed', () => {
    const { summary, graph } = assigned;
    const volume = summary.linkVolume.slice();
    const speed = summary.linkSpeedKmh.slice();
    const excluded = new Uint8Array(graph.linkCount);
    volume[0] = 0;
    volume[1] = 0;
    excluded[2] = 1;
    speed[3] = 0;
    expect(volume[2]! * volume[3]!).toBeGreaterThan(0);
    const fleet = gridFleet({
      linkVolumePcuPerHour: volume,
      linkSpeedKmh: speed,
      excludedLinks: excluded,
      sampleFraction: 1,
    });
    expect(fleet.linksNotAnimated).toBe(2);
    let onEmptyLinks = 0;
    for (let k = 0; k < 2000; k++) {
      fleet.step(0.5);
      for (let s = 0; s < fleet.count; s++) if (fleet.vehicleLink[s]! <= 3) onEmptyLinks++;
    }
    expect(onEmptyLinks).toBe(0);
    expect([...fleet.entriesPerLink.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect(fleet.count).toBeGreaterThan(0);
  });

  it('keeps vehicles on their link’s drawn path and heading, and fills about 90 % of the buffer by default', () => {
    const fleet = gridFleet({ maxVehicles: 500 });
    expect(fleet.sampleFraction).toBeLessThan(1);
    for (let k = 0; k < 600; k++) {
      fleet.step(0.5);
      expect(fleet.count).toBeLessThanOrEqual(500);
    }
    expect(fleet.count).toBeGreaterThan(400);
    expect(fleet.skippedEntries).toBe(0);
    const p = fleet.positions;
    const { graph, grid } = assigned;
    for (let s = 0; s < fleet.count; s++) {
      const link = fleet.vehicleLink[s]!;
      const x0 = grid.nodeXMetres[graph.tail[link]!]!;
      const y0 = grid.nodeYMetres[graph.tail[link]!]!;
      const x1 = grid.nodeXMetres[graph.head[link]!]!;
      const y1 = grid.nodeYMetres[graph.head[link]!]!;
      const f = fleet.vehicleOffsetMetres[s]! / fleet.linkLengthMetres[link]!;
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      expect(p[VEHICLE_STRIDE * s]).toBeCloseTo(x0 + (x1 - x0) * f, 2);
      expect(p[VEHICLE_STRIDE * s + 1]).toBeCloseTo(y0 + (y1 - y0) * f, 2);
      expect(p[VEHICLE_STRIDE * s + 2]).toBeCloseTo(Math.atan2(y1 - y0, x1 - x0), 5);
      expect([0, 1, 2, 3]).toContain(p[VEHICLE_STRIDE * s + 3]);
    }
  });

  it('follows a given polyline at the link speed', () => {
    const { summary, graph } = assigned;
    // link 0 drawn as an L: 300 m east then 400 m north; every other link straight (no vertices)
    const offsets = new Int32Array(graph.linkCount + 1).fill(3);
    offsets[0] = 0;
    const coordinates = Float64Array.of(0, 0, 300, 0, 300, 400);
    const volume = new Float32Array(graph.linkCount);
    volume[0] = 1000;
    const speed = summary.linkSpeedKmh.slice();
    speed[0] = 36; // 10 m/s
    const fleet = gridFleet({
      linkVolumePcuPerHour: volume,
      linkSpeedKmh: speed,
      linkPolylines: { offsets, coordinates },
      sampleFraction: 1,
    });
    expect(fleet.linkLengthMetres[0]).toBe(700);
    for (let k = 0; k < 200; k++) {
      fleet.step(0.25);
      for (let s = 0; s < fleet.count; s++) {
        const d = fleet.vehicleOffsetMetres[s]!;
        const x = fleet.positions[VEHICLE_STRIDE * s]!;
        const y = fleet.positions[VEHICLE_STRIDE * s + 1]!;
        if (d <= 300) expect([x, y]).toEqual([expect.closeTo(d, 2), 0]);
        else expect([x, y]).toEqual([300, expect.closeTo(d - 300, 2)]);
      }
    }
    // 1000 PCU/h × 2.53 vehicles per PCU, 70 s on the link: about 49 vehicles
    expect(Math.abs(fleet.count - (1000 * DEFAULT_VEHICLE_MIX.vehiclesPerPcu * 70) / 3600)).toBeLessThan(1);
  });

  it('is deterministic for a seed, whatever the step sizes, and differs for another', () => {
    const a = gridFleet({ seed: 9, sampleFraction: 0.3 });
    const b = gridFleet({ seed: 9, sampleFraction: 0.3 });
    const c = gridFleet({ seed: 10, sampleFraction: 0.3 });
    for (let k = 0; k < 100; k++) {
      a.step(0.5);
      b.step(0.25);
      b.step(0.25);
      c.step(0.5);
    }
    const sorted = (f: typeof a) => {
      const rows: string[] = [];
      for (let s = 0; s < f.count; s++) {
        rows.push(`${f.vehicleLink[s]} ${f.vehicleType[s]} ${f.vehicleOffsetMetres[s]!.toFixed(6)}`);
      }
      return rows.sort();
    };
    expect(sorted(a)).toEqual(sorted(b));
    expect(sorted(a)).not.toEqual(sorted(c));
  });

  it('rejects bad input, naming the field', () => {
    expect(() => gridFleet({ maxVehicles: -1 })).toThrow(/maxVehicles/);
    expect(() => gridFleet({ sampleFraction: 2 })).toThrow(/sampleFraction/);
    expect(() => gridFleet({ linkSpeedKmh: new Float32Array(3) })).toThrow(/linkSpeedKmh: expected/);
    expect(() => gridFleet().step(-1)).toThrow(/dtSeconds/);
  });
});
