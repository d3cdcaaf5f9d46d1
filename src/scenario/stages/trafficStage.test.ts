/**
 * The Thủ Đức traffic model on the committed dataset: zones connected, trip ends balanced,
 * closures remove volume and raise VHT, a new parallel road takes volume, and the morning peak
 * converges to a relative gap of 1e-3.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromSceneMetres } from '../../core/geo.ts';
import { readCityFolder } from '../../data/node/readCityFolder.ts';
import type { Scenario, ScenarioEdit } from '../scenario.ts';
import { MORNING_PEAK_HOUR } from '../eventClock.ts';
import type { FloodStageResult } from '../stageResults.ts';
import { type CityTrafficModel, prepareCityTraffic } from '../../sim/traffic/city/cityTrafficModel.ts';
import { buildCityNetwork } from '../../sim/traffic/city/cityNetwork.ts';
import { type CityTrafficResult, createTrafficStage, trafficScenarioInputs } from './trafficStage.ts';
import { cityDemand } from '../../sim/traffic/city/cityDemand.ts';

function scenario(edits: ScenarioEdit[], year = 2025): Scenario {
  return { format: 'twin-scenario/1', id: 's', name: { vi: 's', en: 's' }, base: null, year, edits };
}

let model: CityTrafficModel;
let files: Awaited<ReturnType<typeof readCityFolder>>;

beforeAll(async () => {
  files = await readCityFolder();
  model = prepareCityTraffic(files);
}, 60_000);

async function run(
  edits: ScenarioEdit[],
  relativeGap: number,
  closedByFlood?: string[],
): Promise<CityTrafficResult> {
  const flood: Pick<FloodStageResult, 'closedInAssignedHourLinkIds' | 'assignedHour'> | undefined =
    closedByFlood && { closedInAssignedHourLinkIds: closedByFlood, assignedHour: MORNING_PEAK_HOUR };
  const stage = createTrafficStage(files, { model, relativeGap });
  // the stage reads only these two fields of the flood result
  const upstream = flood ? { flood: flood as FloodStageResult } : {};
  return stage.run({ scenario: scenario(edits), upstream, onProgress: () => {} });
}

/** Every link touching the connector nodes of internal zone 0: closing them cuts the zone off. */
function isolatingClosure(): string[] {
  const { from, to, ids } = model.roads.links;
  const nodes = new Set(model.zones.connectorNodes[0] ?? []);
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) if (nodes.has(from[i]!) || nodes.has(to[i]!)) out.push(ids[i]!);
  return out;
}

describe('Thủ Đức traffic model (committed dataset)', () => {
  it('has 100–300 zones and gateways on the main entries, every zone connected', () => {
    const z = model.zones.count;
    expect(z).toBeGreaterThanOrEqual(100);
    expect(z).toBeLessThanOrEqual(300);
    const names = model.gateways.map((g) => g.name).join('|');
    for (const road of ['Xa Lộ Hà Nội', 'Cầu Sài Gòn', 'Hầm sông Sài Gòn', 'Cầu Thủ Thiêm', 'Long Thành']) {
      expect(names).toContain(road);
    }
    const city = buildCityNetwork(model, { closedLinkIds: new Set(), newRoads: [] });
    const { freeFlowMinutes } = cityDemand(model, city, model.baseFloorSpace);
    const total = city.zoneCount;
    for (let o = 0; o < total; o++) {
      for (let d = 0; d < total; d++) {
        if (o === d) continue;
        const gatewayOrigin = o >= z && model.gateways[o - z]!.entryNodes.length === 0;
        const gatewayDestination = d >= z && model.gateways[d - z]!.exitNodes.length === 0;
        if (gatewayOrigin || gatewayDestination) continue;
        expect(Number.isFinite(freeFlowMinutes[o * total + d]!), `zone ${o + 1} → ${d + 1}`).toBe(true);
      }
    }
  });

  it('balances productions and attractions, and the OD matrix keeps row and column totals', () => {
    const city = buildCityNetwork(model, { closedLinkIds: new Set(), newRoads: [] });
    const d = cityDemand(model, city, model.baseFloorSpace);
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    const productions = sum(d.productionsPcu);
    expect(productions).toBeGreaterThan(0);
    expect(sum(d.attractionsPcu)).toBeCloseTo(productions, 6);
    // gateways keep their external flows: 40 % of the outbound crossing capacity
    model.gateways.forEach((g, k) => {
      expect(d.attractionsPcu[model.zones.count + k]).toBeCloseTo(0.4 * g.outboundCapacityPcuPerHour, 9);
    });
    const assigned = sum(d.demand.flows);
    expect((assigned + d.intrazonalPcuPerHour) / productions).toBeCloseTo(1, 5);
    // Doubling the floor space doubles the internal trip ends.
    const doubled = {
      ...model.baseFloorSpace,
      grossFloorAreaM2: model.baseFloorSpace.grossFloorAreaM2.map((g) => 2 * g),
    };
    const d2 = cityDemand(model, city, doubled);
    const internal = (x: Float64Array) => sum(x.subarray(0, model.zones.count));
    expect(internal(d2.productionsPcu) / internal(d.productionsPcu)).toBeCloseTo(2, 9);
  });

  it('assigns the morning peak to a relative gap of 1e-3', async () => {
    const r = await run([], 1e-3);
    console.log(
      `Thủ Đức gap 1e-3: ${r.iterations} iterations, ${r.seconds.assignment.toFixed(1)} s assignment, ` +
        `${r.seconds.demand.toFixed(2)} s network+demand; VHT ${r.kpis.vehicleHoursTravelled!.toFixed(0)}, ` +
        `VKT ${r.kpis.vehicleKmTravelled!.toFixed(0)}, speed ${r.kpis.averageSpeedKmh!.toFixed(1)} km/h`,
    );
    expect(r.relativeGap).toBeLessThanOrEqual(1e-3);
    expect(r.kpis.vehicleHoursTravelled).toBeGreaterThan(0);
    expect(r.linkVolumePcuPerHour.length).toBe(model.roads.linkCount);
  }, 240_000);

  describe('scenario edits (relative gap 1e-2)', () => {
    let base: CityTrafficResult;
    let busiest = -1;
    beforeAll(async () => {
      base = await run([], 1e-2);
      let best = 0;
      const { roadClass } = model.roads.links;
      base.linkVolumePcuPerHour.forEach((v, i) => {
        if (roadClass[i]! >= 2 && roadClass[i]! <= 4 && v > best) {
          best = v;
          busiest = i;
        }
      });
    }, 240_000);

    it('a flooded (closed) loaded link carries nothing and VHT rises', async () => {
      const id = model.roads.links.ids[busiest]!;
      expect(base.linkVolumePcuPerHour[busiest]).toBeGreaterThan(100);
      const closed = await run([], 1e-2, [id]);
      expect(closed.linkVolumePcuPerHour[busiest]).toBe(0);
      expect(closed.kpis.vehicleHoursTravelled!).toBeGreaterThan(base.kpis.vehicleHoursTravelled!);
      expect(closed.kpis.closedLinkKm).toBeCloseTo(model.roads.links.lengthMetres[busiest]! / 1000, 9);
    }, 240_000);

    it('conserves trips: demand = served + unserved + intrazonal (within 0.5 %), dry and with closures', async () => {
      const conserved = (r: CityTrafficResult) => {
        const k = r.kpis;
        const parts = k.servedPcuPerHour! + k.unservedPcuPerHour! + k.intrazonalPcuPerHour!;
        expect(Math.abs(k.demandPcuPerHour! - parts)).toBeLessThanOrEqual(0.005 * k.demandPcuPerHour!);
      };
      conserved(base);
      expect(base.kpis.unservedPcuPerHour!).toBeLessThanOrEqual(0.01 * base.kpis.demandPcuPerHour!);
      conserved(await run([], 1e-2, isolatingClosure()));
    }, 240_000);

    it('cutting a zone off counts its trips as unserved, never drops them, and raises the burden', async () => {
      const cut = await run([], 1e-2, isolatingClosure());
      expect(cut.kpis.demandPcuPerHour).toBeCloseTo(base.kpis.demandPcuPerHour!, 6);
      expect(cut.kpis.unservedPcuPerHour!).toBeGreaterThan(base.kpis.unservedPcuPerHour! + 1);
      expect(cut.kpis.servedPcuPerHour!).toBeLessThan(base.kpis.servedPcuPerHour!);
      expect(cut.kpis.travelTimeBurdenHours!).toBeGreaterThan(base.kpis.travelTimeBurdenHours!);
    }, 240_000);

    it('demand follows the land-use stage floor space when present', async () => {
      const floorSpace = {
        ...model.baseFloorSpace,
        grossFloorAreaM2: model.baseFloorSpace.grossFloorAreaM2.map((g) => 1.5 * g),
      };
      const stage = createTrafficStage(files, { model, relativeGap: 1e-2 });
      const r = await stage.run({
        scenario: scenario([]),
        upstream: { landuse: { floorSpace, kpis: {} } },
        onProgress: () => {},
      });
      expect(r.totalDemandPcuPerHour).toBeGreaterThan(1.2 * base.totalDemandPcuPerHour);
      expect(r.kpis.vehicleHoursTravelled!).toBeGreaterThan(base.kpis.vehicleHoursTravelled!);
    }, 240_000);

    it('a new road parallel to the busiest link takes volume from it', async () => {
      const { from, to } = model.roads.links;
      const p = model.roads.nodePositions;
      const ax = p[2 * from[busiest]!]!;
      const ay = p[2 * from[busiest]! + 1]!;
      const bx = p[2 * to[busiest]!]!;
      const byy = p[2 * to[busiest]! + 1]!;
      const length = Math.hypot(bx - ax, byy - ay);
      // Midpoint offset 60 m to the side: a new node, not snapped to the existing road.
      const mx = (ax + bx) / 2 - ((byy - ay) / length) * 60;
      const my = (ay + byy) / 2 + ((bx - ax) / length) * 60;
      const edit: ScenarioEdit = {
        type: 'newRoad',
        id: 'parallel',
        coordinates: [fromSceneMetres(ax, ay), fromSceneMetres(mx, my), fromSceneMetres(bx, byy)],
        roadClass: 'primary',
        lanes: 3,
        maxSpeedKmh: 60,
        oneWay: false,
      };
      const r = await run([edit], 1e-2);
      expect(r.newRoadMaxVolumePcuPerHour.parallel).toBeGreaterThan(100);
      expect(r.linkVolumePcuPerHour[busiest]!).toBeLessThan(base.linkVolumePcuPerHour[busiest]!);
    }, 240_000);
  });

  it('scenario inputs: closures from edits, external (gateway) growth from the growth edit and year', () => {
    const inputs = trafficScenarioInputs(
      scenario(
        [
          { type: 'roadClosure', id: 'c', linkIds: ['b', 'a', 'b'] },
          {
            type: 'growth',
            id: 'g',
            toYear: 2035,
            seed: 1,
            excludeFloodProne: false,
            demandGrowthPercentPerYear: 3,
          },
        ],
        2030,
      ),
      2025,
    );
    expect(inputs.closedLinkIds).toEqual(['a', 'b']);
    expect(inputs.externalGrowthFactor).toBeCloseTo(1.03 ** 5, 12);
  });
});
