import type { LandUse } from '../../core/vocabulary.ts';
import { ownZoneRules, type ZoneRules } from './zoningRules.ts';
import type { BuildOutResult } from './buildout.ts';

/** What the indicators need to know about one parcel (from a build-out or from existing buildings). */
export interface ParcelFloorSpace {
  use: LandUse;
  lotAreaSquareMetres: number;
  /** Ground area covered by buildings. */
  footprintSquareMetres: number;
  grossFloorAreaSquareMetres: number;
  /** Traffic analysis zone the parcel belongs to (for trip ends); defaults to its zoning code. */
  trafficZone: string;
}

/** Trip-generation rates of one land use: daily person trips per m² of gross floor area. */
export interface TripRates {
  productionsPerSquareMetre: number;
  attractionsPerSquareMetre: number;
}

/** The assumptions behind the indicators (see docs/landuse.md, "Assumptions"). */
export interface IndicatorAssumptions {
  /** Residential floor area per resident, m²/person. */
  floorAreaPerResidentSquareMetres: number;
  /** Share of a mixed-use building's floor area that is housing (the rest is jobs), 0..1. */
  residentialShareOfMixed: number;
  /** Floor area per job by use, m²/job; uses not listed have no jobs. */
  floorAreaPerJobSquareMetres: Partial<Record<LandUse, number>>;
  /** Share of a lot's unbuilt ground that is paved (yards, drives, parking), 0..1. */
  pavedShareOfOpenGround: number;
  /** Uses whose open ground is all pervious (parks, water, farmland). */
  perviousUses: readonly LandUse[];
  /** Daily person-trip rates per m² of gross floor area, by use. */
  tripRates: Partial<Record<LandUse, TripRates>>;
}

/**
 * Default assumptions (table with sources in docs/landuse.md). 28 m² of housing per resident is
 * an assumption between the 2019 Population and Housing Census average floor area per person
 * (about 23 m² nationally, General Statistics Office of Vietnam) and the urban targets of the
 * National Housing Development Strategy (Decision 2161/QĐ-TTg, 2021, around 30 m²/person).
 * Floor area per job and trip rates are planning rules of thumb (offices ~20–25 m²/job, retail
 * ~30, factories 60–100; trip rates of the order of ITE Trip Generation daily rates per m²),
 * to be calibrated with local surveys.
 */
export const DEFAULT_INDICATOR_ASSUMPTIONS: IndicatorAssumptions = {
  floorAreaPerResidentSquareMetres: 28,
  residentialShareOfMixed: 0.5,
  floorAreaPerJobSquareMetres: {
    commercial: 25,
    mixed: 25,
    industrial: 80,
    education: 40,
    health: 30,
    public: 30,
    transport: 100,
  },
  pavedShareOfOpenGround: 0.5,
  perviousUses: ['green', 'water', 'agriculture'],
  tripRates: {
    // 2.5 person trips per resident per day / 28 m² per resident ≈ 0.09 trips per m².
    residential: { productionsPerSquareMetre: 0.09, attractionsPerSquareMetre: 0.01 },
    mixed: { productionsPerSquareMetre: 0.05, attractionsPerSquareMetre: 0.1 },
    commercial: { productionsPerSquareMetre: 0, attractionsPerSquareMetre: 0.2 },
    industrial: { productionsPerSquareMetre: 0, attractionsPerSquareMetre: 0.03 },
    education: { productionsPerSquareMetre: 0, attractionsPerSquareMetre: 0.1 },
    health: { productionsPerSquareMetre: 0, attractionsPerSquareMetre: 0.15 },
    public: { productionsPerSquareMetre: 0, attractionsPerSquareMetre: 0.05 },
  },
};

/** Area-wide land-use indicators. */
export interface LandUseIndicators {
  grossFloorAreaByUse: Partial<Record<LandUse, number>>;
  residents: number;
  jobs: number;
  lotAreaHectares: number;
  residentsPerHectare: number;
  jobsPerHectare: number;
  /** Lot area of green-use parcels, m². */
  greenSpaceSquareMetres: number;
  /** m² of green space per resident (0 when there are no residents). */
  greenSpacePerResidentSquareMetres: number;
  /** Impervious ground (roofs + paved open ground) over lot area, 0..1. */
  imperviousShare: number;
}

/** The parcels of a build-out as floor-space records (trafficZone = zoning code). */
export function floorSpaceFromBuildOut(
  result: BuildOutResult,
  zones: Readonly<Record<string, ZoneRules>>,
): ParcelFloorSpace[] {
  return result.parcels.map((p) => ({
    use: ownZoneRules(zones, p.zone)!.use,
    lotAreaSquareMetres: p.lotArea,
    footprintSquareMetres: p.footprintArea,
    grossFloorAreaSquareMetres: p.grossFloorArea,
    trafficZone: p.zone,
  }));
}

/** Housing floor area of a parcel: all of a residential one's GFA, the residential share of a mixed one's. */
export function housingFloorAreaOf(
  p: Pick<ParcelFloorSpace, 'use' | 'grossFloorAreaSquareMetres'>,
  a: IndicatorAssumptions,
): number {
  const share = p.use === 'residential' ? 1 : p.use === 'mixed' ? a.residentialShareOfMixed : 0;
  return share * p.grossFloorAreaSquareMetres;
}

/**
 * Residents housed by a parcel at the standard rate: housing floor area / floor area per
 * resident (the city's land-use stage uses census-calibrated rates for existing buildings,
 * city/censusResidents.ts, and this for new floor space).
 */
export function residentsOf(p: ParcelFloorSpace, a: IndicatorAssumptions): number {
  return housingFloorAreaOf(p, a) / a.floorAreaPerResidentSquareMetres;
}

/** Jobs in a parcel: non-residential floor area / floor area per job of its use. */
export function jobsOf(p: ParcelFloorSpace, a: IndicatorAssumptions): number {
  const perJob = a.floorAreaPerJobSquareMetres[p.use];
  if (!perJob) return 0;
  const share = p.use === 'mixed' ? 1 - a.residentialShareOfMixed : 1;
  return (share * p.grossFloorAreaSquareMetres) / perJob;
}

/** GFA by use, residents, jobs, densities per hectare, green space per resident and impervious share. */
export function landUseIndicators(
  parcels: readonly ParcelFloorSpace[],
  a: IndicatorAssumptions = DEFAULT_INDICATOR_ASSUMPTIONS,
): LandUseIndicators {
  const grossFloorAreaByUse: Partial<Record<LandUse, number>> = {};
  let residents = 0;
  let jobs = 0;
  let lotArea = 0;
  let green = 0;
  let impervious = 0;
  for (const p of parcels) {
    grossFloorAreaByUse[p.use] = (grossFloorAreaByUse[p.use] ?? 0) + p.grossFloorAreaSquareMetres;
    residents += residentsOf(p, a);
    jobs += jobsOf(p, a);
    lotArea += p.lotAreaSquareMetres;
    if (p.use === 'green') green += p.lotAreaSquareMetres;
    const open = p.lotAreaSquareMetres - p.footprintSquareMetres;
    impervious +=
      p.footprintSquareMetres + (a.perviousUses.includes(p.use) ? 0 : a.pavedShareOfOpenGround * open);
  }
  const hectares = lotArea / 10_000;
  return {
    grossFloorAreaByUse,
    residents,
    jobs,
    lotAreaHectares: hectares,
    residentsPerHectare: hectares > 0 ? residents / hectares : 0,
    jobsPerHectare: hectares > 0 ? jobs / hectares : 0,
    greenSpaceSquareMetres: green,
    greenSpacePerResidentSquareMetres: residents > 0 ? green / residents : 0,
    imperviousShare: lotArea > 0 ? impervious / lotArea : 0,
  };
}

/** Daily person-trip ends of one traffic zone. */
export interface TripEnds {
  productions: number;
  attractions: number;
}

/**
 * Trip productions and attractions per traffic zone: GFA × rate by use (trip generation, the
 * first step of the four-step model, Ortúzar & Willumsen, "Modelling Transport", ch. 4).
 * With `balance`, attractions are scaled so that their total equals total productions.
 */
export function tripEndsByZone(
  parcels: readonly ParcelFloorSpace[],
  a: IndicatorAssumptions = DEFAULT_INDICATOR_ASSUMPTIONS,
  balance = true,
): Record<string, TripEnds> {
  const byZone: Record<string, TripEnds> = {};
  let productions = 0;
  let attractions = 0;
  for (const p of parcels) {
    const rates = a.tripRates[p.use];
    const zone = byZone[p.trafficZone] ?? { productions: 0, attractions: 0 };
    byZone[p.trafficZone] = zone;
    if (!rates) continue;
    const produced = rates.productionsPerSquareMetre * p.grossFloorAreaSquareMetres;
    const attracted = rates.attractionsPerSquareMetre * p.grossFloorAreaSquareMetres;
    zone.productions += produced;
    zone.attractions += attracted;
    productions += produced;
    attractions += attracted;
  }
  if (balance && attractions > 0) {
    const factor = productions / attractions;
    for (const zone of Object.values(byZone)) zone.attractions *= factor;
  }
  return byZone;
}
