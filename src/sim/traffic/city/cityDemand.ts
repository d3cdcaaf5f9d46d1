/**
 * Morning-peak-hour PCU demand of Thủ Đức (the first three steps of the four-step model,
 * Ortúzar & Willumsen 2011):
 *
 * 1. trip generation: daily person trips produced and attracted per zone = floor area × rate by
 *    use (the land-use indicators' rates), × the peak-hour share;
 * 2. mode split and occupancy turn person trips into vehicles per class, × PCU factors (pcu.ts);
 *    gateway zones produce and attract a share of the crossing roads' capacity (external and
 *    through traffic);
 * 3. internal attractions are scaled to total productions less the gateways' (balanceAttractions)
 *    and a doubly constrained gravity model with the
 *    gamma friction function distributes them on free-flow zone-to-zone times.
 *
 * Every number is an assumption with a source or marked as one in docs/traffic-city.md.
 */
import { LAND_USES } from '../../../core/vocabulary.ts';
import type { FloorSpace } from '../../floorSpace.ts';
import { DEFAULT_INDICATOR_ASSUMPTIONS, type TripRates } from '../../landuse/indicators.ts';
import type { OdDemand } from '../network.ts';
import { DEFAULT_PCU_FACTORS, type VehicleClass } from '../pcu.ts';
import { compileNetwork } from '../roadGraph.ts';
import { createShortestPathSolver } from '../shortestPath.ts';
import type { CityNetwork } from './cityNetwork.ts';
import type { CityTrafficModel } from './cityTrafficModel.ts';
import { doublyConstrainedGravity, type GammaFriction, gammaFriction } from './gravity.ts';
import { zoneOfPoint } from './zones.ts';

/** Demand parameters (defaults in DEFAULT_CITY_DEMAND_OPTIONS). */
export interface CityDemandOptions {
  /** Daily person trips per m² of floor area by use (index = LAND_USES order). */
  tripRates: Partial<Record<(typeof LAND_USES)[number], TripRates>>;
  /** Share of daily trips in the morning peak hour, 0..1. */
  peakHourShare: number;
  /** Share of person trips by vehicle class (the rest walk or cycle), 0..1. */
  modeShare: Record<Exclude<VehicleClass, 'truck'>, number>;
  /** Persons per vehicle by class. */
  occupancy: Record<Exclude<VehicleClass, 'truck'>, number>;
  /** Truck trips per person trip. */
  trucksPerPersonTrip: number;
  pcuFactors: Readonly<Record<VehicleClass, number>>;
  /** Peak-hour external traffic in and out at each gateway, as a share of the crossing links' capacity. */
  gatewayInboundShareOfCapacity: number;
  gatewayOutboundShareOfCapacity: number;
  friction: GammaFriction;
  /**
   * Multiplies the gateways' external and through traffic (growth outside the city). Growth inside
   * the city comes only from its floor space, so it is never counted twice.
   */
  externalGrowthFactor: number;
}

/**
 * Defaults (assumptions; docs/traffic-city.md has the table): peak hour 8 % of daily trips;
 * person-trip shares motorbike 70 %, car 8 %, bus 3 % (walk, bicycle, other 19 %); occupancy 1.2, 1.5,
 * 30; 0.01 trucks per person trip; gateways carry 50 % of capacity inbound and 40 % outbound;
 * friction α = 0.02, β = 0.123 (the home-based-work gamma of NCHRP Report 365, 1998, Table 14,
 * as cited by NCHRP 716 — not calibrated to Hồ Chí Minh City).
 */
export const DEFAULT_CITY_DEMAND_OPTIONS: CityDemandOptions = {
  tripRates: DEFAULT_INDICATOR_ASSUMPTIONS.tripRates,
  peakHourShare: 0.08,
  modeShare: { motorbike: 0.7, car: 0.08, bus: 0.03 },
  occupancy: { motorbike: 1.2, car: 1.5, bus: 30 },
  trucksPerPersonTrip: 0.01,
  pcuFactors: DEFAULT_PCU_FACTORS,
  gatewayInboundShareOfCapacity: 0.5,
  gatewayOutboundShareOfCapacity: 0.4,
  friction: { alpha: 0.02, beta: 0.123 },
  externalGrowthFactor: 1,
};

/** The peak-hour demand and its trip ends. */
export interface CityDemand {
  demand: OdDemand;
  /** PCU/h produced and attracted per zone (attractions balanced to total productions). */
  productionsPcu: Float64Array;
  attractionsPcu: Float64Array;
  /** Free-flow zone-to-zone times, minutes (Infinity when unreachable). */
  freeFlowMinutes: Float64Array;
  /** Peak-hour vehicles by class from the internal zones (gateway traffic is in PCU only). */
  internalVehicles: Record<VehicleClass, number>;
  /** PCU per person trip from the mode split, occupancy and PCU factors. */
  pcuPerPersonTrip: number;
  /** Trips within a zone (on local streets; not assigned), PCU/h. */
  intrazonalPcuPerHour: number;
  /** Productions the gravity model could not send (unreachable destinations), PCU/h. */
  unreachablePcuPerHour: number;
  /** Σ productions (internal and gateways), PCU/h: the trips the land use generates. */
  generatedPcuPerHour: number;
  /** generated − (distributed + not sent): ≈ 0 when the gravity model converged, PCU/h. */
  balanceResidualPcuPerHour: number;
}

/** PCU per person trip: Σ share/occupancy × PCU over classes + trucks per trip × truck PCU. */
export function pcuPerPersonTrip(o: CityDemandOptions): number {
  const classes = ['motorbike', 'car', 'bus'] as const;
  let pcu = o.trucksPerPersonTrip * o.pcuFactors.truck;
  for (const c of classes) pcu += (o.modeShare[c] / o.occupancy[c]) * o.pcuFactors[c];
  return pcu;
}

/** Free-flow shortest times between all zones, minutes, row-major by origin. */
export function freeFlowZoneTimes(city: CityNetwork): Float64Array {
  const graph = compileNetwork(city.network);
  const solver = createShortestPathSolver(graph);
  const z = city.zoneCount;
  const costs = graph.freeFlowTime;
  const out = new Float64Array(z * z);
  for (let o = 0; o < z; o++) {
    solver.run(o, costs);
    for (let d = 0; d < z; d++) out[o * z + d] = solver.distance[d]!;
  }
  return out;
}

/**
 * Scales attractions so that their total equals total productions: the internal zones' (the
 * first `internalCount`) only, keeping the gateways' external flows as given, unless the
 * gateways alone attract more than is produced (then all are scaled).
 */
export function balanceAttractions(
  productions: Float64Array,
  attractions: Float64Array,
  internalCount: number,
): void {
  const sum = (a: Float64Array, from: number, to: number) => {
    let s = 0;
    for (let k = from; k < to; k++) s += a[k]!;
    return s;
  };
  const total = sum(productions, 0, productions.length);
  const internal = sum(attractions, 0, internalCount);
  const external = sum(attractions, internalCount, attractions.length);
  const internalOnly = internal > 0 && total > external;
  const factor = internalOnly ? (total - external) / internal : total / (internal + external || 1);
  const end = internalOnly ? internalCount : attractions.length;
  for (let j = 0; j < end; j++) attractions[j]! *= factor;
}

/**
 * Intrazonal time of zone `i`: half the free-flow time to its nearest other zone, minutes (the
 * nearest-neighbour rule, Ortúzar & Willumsen 2011 §5.2).
 */
export function intrazonalMinutes(times: Float64Array, zoneCount: number, i: number): number {
  let nearest = Number.POSITIVE_INFINITY;
  for (let j = 0; j < zoneCount; j++) if (j !== i) nearest = Math.min(nearest, times[i * zoneCount + j]!);
  return nearest / 2;
}

/** Builds the peak-hour PCU demand for `city` from `floorSpace` (see the module comment). */
export function cityDemand(
  model: CityTrafficModel,
  city: CityNetwork,
  floorSpace: FloorSpace,
  options: Partial<CityDemandOptions> = {},
): CityDemand {
  const o = { ...DEFAULT_CITY_DEMAND_OPTIONS, ...options };
  const z = city.zoneCount;
  const internal = model.zones.count;
  const personProductions = new Float64Array(internal);
  const personAttractions = new Float64Array(internal);
  const rates = LAND_USES.map((use) => o.tripRates[use]);
  for (let k = 0; k < floorSpace.grossFloorAreaM2.length; k++) {
    const rate = rates[floorSpace.use[k]!];
    if (!rate) continue;
    const zone = zoneOfPoint(model.zones, floorSpace.eastMetres[k]!, floorSpace.northMetres[k]!);
    const gfa = floorSpace.grossFloorAreaM2[k]!;
    personProductions[zone]! += gfa * rate.productionsPerSquareMetre;
    personAttractions[zone]! += gfa * rate.attractionsPerSquareMetre;
  }
  const perTrip = pcuPerPersonTrip(o);
  const scale = o.peakHourShare;
  const productionsPcu = new Float64Array(z);
  const attractionsPcu = new Float64Array(z);
  let personTrips = 0;
  for (let i = 0; i < internal; i++) {
    productionsPcu[i] = personProductions[i]! * scale * perTrip;
    attractionsPcu[i] = personAttractions[i]! * scale * perTrip;
    personTrips += personProductions[i]! * scale;
  }
  model.gateways.forEach((g, k) => {
    productionsPcu[internal + k] =
      g.inboundCapacityPcuPerHour * o.gatewayInboundShareOfCapacity * o.externalGrowthFactor;
    attractionsPcu[internal + k] =
      g.outboundCapacityPcuPerHour * o.gatewayOutboundShareOfCapacity * o.externalGrowthFactor;
  });
  balanceAttractions(productionsPcu, attractionsPcu, internal);
  const freeFlowMinutes = freeFlowZoneTimes(city);
  const friction = new Float64Array(z * z);
  for (let k = 0; k < z * z; k++) friction[k] = gammaFriction(freeFlowMinutes[k]!, o.friction);
  for (let i = 0; i < internal; i++) {
    friction[i * z + i] = gammaFriction(intrazonalMinutes(freeFlowMinutes, z, i), o.friction);
  }
  const gravity = doublyConstrainedGravity(productionsPcu, attractionsPcu, friction);
  let intrazonalPcuPerHour = 0;
  let generated = 0;
  let distributed = 0;
  for (let k = 0; k < z; k++) generated += productionsPcu[k]!;
  for (let k = 0; k < z * z; k++) distributed += gravity.trips[k]!;
  for (let i = 0; i < z; i++) {
    intrazonalPcuPerHour += gravity.trips[i * z + i]!;
    gravity.trips[i * z + i] = 0;
  }
  const internalVehicles: Record<VehicleClass, number> = {
    motorbike: (personTrips * o.modeShare.motorbike) / o.occupancy.motorbike,
    car: (personTrips * o.modeShare.car) / o.occupancy.car,
    bus: (personTrips * o.modeShare.bus) / o.occupancy.bus,
    truck: personTrips * o.trucksPerPersonTrip,
  };
  return {
    demand: { zoneCount: z, flows: gravity.trips },
    productionsPcu,
    attractionsPcu,
    freeFlowMinutes,
    internalVehicles,
    pcuPerPersonTrip: perTrip,
    intrazonalPcuPerHour,
    unreachablePcuPerHour: gravity.undistributed,
    generatedPcuPerHour: generated,
    balanceResidualPcuPerHour: generated - distributed - gravity.undistributed,
  };
}
