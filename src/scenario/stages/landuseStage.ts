import { isCancelled } from '../../core/cancel.ts';
import { CancelledError } from '../../core/errors.ts';
import { bbox } from '../../core/geometry/bbox.ts';
import type { CityFiles } from '../../data/dataset/cityFiles.ts';
import type { Kpis } from '../kpis.ts';
import type { Stage } from '../pipeline.ts';
import { LAND_USES, type LandUse } from '../../core/vocabulary.ts';
import type { GrowthEdit, Scenario } from '../scenario.ts';
import type { LanduseStageResult } from '../stageResults.ts';
import { buildOutParcel, type ParcelBuildOut } from '../../sim/landuse/buildout.ts';
import { GROWTH_LAND_USE, type GrowthCoefficients, simulateGrowth } from '../../sim/landuse/growth.ts';
import {
  DEFAULT_INDICATOR_ASSUMPTIONS,
  housingFloorAreaOf,
  type IndicatorAssumptions,
  jobsOf,
  residentsOf,
} from '../../sim/landuse/indicators.ts';
import { snapToNodes } from '../../sim/landuse/networkAccess.ts';
import { accessSharesOfSnappedHomes } from '../../sim/landuse/city/accessShares.ts';
import {
  type CensusCalibration,
  calibrateWards,
  DEFAULT_CENSUS_CALIBRATION,
  type WardCalibration,
} from '../../sim/landuse/city/censusResidents.ts';
import type { LonLat } from '../../sim/landuse/parcels.ts';
import {
  ACCESS_POI_KINDS,
  type AccessCategory,
  type CityLanduseModel,
  prepareCityLanduse,
} from '../../sim/landuse/city/cityLanduseModel.ts';
import { type ParcelZoning, type ZoningChange, zoningChanges } from '../../sim/landuse/city/zoningChanges.ts';

/** Assumptions of the land-use stage (documented in docs/landuse-city.md). */
export interface LanduseStageOptions {
  assumptions?: IndicatorAssumptions;
  /** Year the dataset describes and growth starts from (default 2025). */
  baseYear?: number;
  /** SLEUTH coefficients (default DEFAULT_CITY_GROWTH_COEFFICIENTS, not calibrated). */
  growthCoefficients?: GrowthCoefficients;
  /** Residential floor area per m² of a newly urbanized growth cell (default 1.0). */
  newUrbanFloorAreaRatio?: number;
  /** Census calibration of the residents of existing floor space (default DEFAULT_CENSUS_CALIBRATION). */
  census?: CensusCalibration;
  /** A prepared city model (else prepared from the files on the first run). */
  model?: CityLanduseModel;
}

/** Default growth coefficients (0..100): moderate edge and road-influenced growth; NOT calibrated. */
export const DEFAULT_CITY_GROWTH_COEFFICIENTS: GrowthCoefficients = {
  dispersion: 20,
  breed: 40,
  spread: 30,
  slopeResistance: 30,
  roadGravity: 50,
};

/** Walking distances of the accessibility indicators, m. */
export const ACCESS_THRESHOLDS_METRES = [500, 1000] as const;

/** KPI key of an accessibility share, e.g. `schoolWithin500mShare`, `metroWithin1kmShare`. */
export function accessKpiKey(category: AccessCategory, metres: number): string {
  return `${category}Within${metres >= 1000 ? `${metres / 1000}km` : `${metres}m`}Share`;
}

/** One parcel rebuilt by a zoning edit: its build-out and envelope (WGS84 MultiPolygon coordinates). */
export interface ProposedParcel extends ParcelBuildOut {
  parcel: number;
  use: LandUse;
  editId: string;
  envelope: LonLat[][][];
}

/** The land-use stage's result: the pipeline contract plus what the workbench draws. */
export interface CityLanduseResult extends LanduseStageResult {
  floorSpace: Required<LanduseStageResult['floorSpace']>;
  /** Index into the model's census wards of each floor-space entry, −1 outside every ward. */
  floorSpaceWard: Int16Array;
  /** The census calibration of existing floor space (absent when the dataset has no wards). */
  wardCalibration?: WardCalibration;
  proposedParcels: ProposedParcel[];
  /** Parcels whose build-out failed in the geometry engine (kept at zero floor area). */
  buildOutFailures: string[];
  growth?: {
    years: number[];
    urbanCellsByYear: number[];
    /** Growth-grid cells urban at the horizon that were not at the start. */
    newUrbanCells: Int32Array;
    /** Year each of `newUrbanCells` became urban. */
    newUrbanYears: Uint16Array;
  };
  seconds: { prepare: number; buildOut: number; growth: number; indicators: number };
}

/**
 * The land-use stage of the scenario pipeline (`id: 'landuse'`, needs nothing):
 *
 * - floor space = every existing building (GFA = footprint × floors), except those standing on
 *   parcels changed by zoning edits, which are replaced by the parcel's build-out (buildOut);
 * - a growth edit runs the SLEUTH-style model from `baseYear` to `toYear` with its seed and
 *   flood-prone policy; each newly urban 1 ha cell gets residential floor space
 *   `newUrbanFloorAreaRatio × cell area`;
 * - residents per floor-space entry: existing housing at its census ward's calibrated floor space
 *   per resident (censusResidents.ts; the standard 28 m² outside every ward or without wards),
 *   proposed housing at the standard 28 m² per resident;
 * - imperviousness per terrain cell when anything changed; KPIs: GFA (total and by use),
 *   residents, jobs, density, green space per resident, impervious share, accessibility.
 */
export function createLanduseStage(
  files: CityFiles,
  options: LanduseStageOptions = {},
): Stage<'landuse', CityLanduseResult> {
  let model = options.model;
  return {
    id: 'landuse',
    needs: [],
    inputs: (scenario: Scenario) => ({
      year: scenario.year,
      edits: scenario.edits.filter((e) => e.type === 'zoning' || e.type === 'growth'),
    }),
    async run(context) {
      const started = performance.now();
      model ??= prepareCityLanduse(files);
      const prepare = (performance.now() - started) / 1000;
      context.onProgress(0.1);
      return runLanduse(model, context.scenario, options, prepare, context.onProgress, context.cancelBuffer);
    },
    kpis: (result) => result.kpis,
  };
}

/** The zoning changes of a scenario's zoning edits, in order, each with its path (`edits[i]`). */
export function scenarioZonings(scenario: Scenario): ZoningChange[] {
  return scenario.edits.flatMap((e, i) => (e.type === 'zoning' ? [{ ...e, path: `edits[${i}]` }] : []));
}

/** The land-use stage on a prepared model (see createLanduseStage). */
export async function runLanduse(
  model: CityLanduseModel,
  scenario: Scenario,
  options: LanduseStageOptions,
  prepareSeconds: number,
  onProgress: (fractionDone: number) => void = () => {},
  cancelBuffer?: SharedArrayBuffer,
): Promise<CityLanduseResult> {
  const a = options.assumptions ?? DEFAULT_INDICATOR_ASSUMPTIONS;
  const t0 = performance.now();
  const changes = zoningChanges(scenarioZonings(scenario), model.parcels, model.parcelIndexById);
  const proposedParcels: ProposedParcel[] = [];
  const buildOutFailures: string[] = [];
  for (const [k, zoning] of changes) {
    if (isCancelled(cancelBuffer)) throw new CancelledError();
    proposedParcels.push(buildOutCityParcel(model, k, zoning, buildOutFailures));
  }
  const t1 = performance.now();
  onProgress(0.3);

  const growthEdit = scenario.edits.find((e): e is GrowthEdit => e.type === 'growth');
  const growth = growthEdit ? await runCityGrowth(model, growthEdit, options, cancelBuffer) : undefined;
  const t2 = performance.now();
  onProgress(0.6);

  const wardCalibration = calibrateCity(model, options, a);
  const { floorSpace, sourceBuilding, floorSpaceWard } = collectFloorSpace(
    model,
    changes,
    proposedParcels,
    growth?.newUrbanCells,
    options,
    a,
    wardCalibration,
  );
  const imperviousness =
    changes.size > 0 || (growth && growth.newUrbanCells.length > 0)
      ? imperviousnessOf(model, proposedParcels, growth?.newUrbanCells, a)
      : undefined;
  const kpis = landuseKpis(
    model,
    floorSpace,
    sourceBuilding,
    changes,
    imperviousness ?? model.terrain.baseImperviousness,
    a,
  );
  if (growth)
    kpis.newUrbanAreaHa = (growth.newUrbanCells.length * model.growthGrid.cellSizeMetres ** 2) / 10_000;
  const t3 = performance.now();
  onProgress(1);
  return {
    floorSpace,
    floorSpaceWard,
    ...(wardCalibration ? { wardCalibration } : {}),
    ...(imperviousness ? { imperviousness } : {}),
    kpis,
    proposedParcels,
    buildOutFailures,
    ...(growth ? { growth } : {}),
    seconds: {
      prepare: prepareSeconds,
      buildOut: (t1 - t0) / 1000,
      growth: (t2 - t1) / 1000,
      indicators: (t3 - t2) / 1000,
    },
  };
}

function buildOutCityParcel(
  model: CityLanduseModel,
  k: number,
  zoning: ParcelZoning,
  failures: string[],
): ProposedParcel {
  const parcel = model.parcels[k]!;
  const base = { parcel: k, use: zoning.rules.use, editId: zoning.editId };
  try {
    const { result, envelope } = buildOutParcel({ ...parcel, zone: zoning.zone }, zoning.rules);
    return { ...result, ...base, envelope };
  } catch {
    failures.push(parcel.id);
    return {
      ...base,
      id: parcel.id,
      zone: zoning.zone,
      lotArea: parcel.areaSquareMetres,
      envelopeArea: 0,
      footprintArea: 0,
      floors: 0,
      grossFloorArea: 0,
      height: 0,
      reason: 'envelope could not be computed (geometry engine failure)',
      envelope: [],
    };
  }
}

async function runCityGrowth(
  model: CityLanduseModel,
  edit: GrowthEdit,
  options: LanduseStageOptions,
  cancelBuffer?: SharedArrayBuffer,
): Promise<NonNullable<CityLanduseResult['growth']>> {
  const g = model.growthGrid;
  const baseYear = options.baseYear ?? 2025;
  const result = await simulateGrowth(
    {
      width: g.width,
      height: g.height,
      cellSizeMetres: g.cellSizeMetres,
      landUse: g.landUse,
      slopePercent: g.slopePercent,
      roads: g.roads,
      floodProne: g.floodProne,
      excludeFloodProne: edit.excludeFloodProne,
      coefficients: options.growthCoefficients ?? DEFAULT_CITY_GROWTH_COEFFICIENTS,
      startYear: baseYear,
      endYear: Math.max(baseYear, edit.toYear),
      seed: edit.seed,
    },
    () => {
      if (isCancelled(cancelBuffer)) throw new CancelledError();
    },
  );
  const first = result.landUseByYear[0]!;
  const last = result.landUseByYear[result.landUseByYear.length - 1]!;
  const fresh: number[] = [];
  for (let i = 0; i < last.length; i++) {
    if (last[i] === GROWTH_LAND_USE.urban && first[i] !== GROWTH_LAND_USE.urban) fresh.push(i);
  }
  return {
    years: result.years,
    urbanCellsByYear: result.indicators.map((y) => y.urbanCells),
    newUrbanCells: Int32Array.from(fresh),
    newUrbanYears: Uint16Array.from(fresh, (i) => result.urbanizationYear[i]!),
  };
}

/** Centre of a growth cell in scene metres (through the terrain cell at its centre). */
export function growthCellCentre(model: CityLanduseModel, cell: number): [number, number] {
  const g = model.growthGrid;
  const row = Math.floor(cell / g.width);
  const col = cell - row * g.width;
  const f = g.coarsenFactor;
  const t = model.terrain;
  const r = Math.min(t.rows - 1, row * f + Math.floor(f / 2));
  const c = Math.min(t.columns - 1, col * f + Math.floor(f / 2));
  return t.toScene.cellCentre(r * t.columns + c);
}

/**
 * The census calibration of the existing buildings (the baseline's floor space, whatever the
 * scenario's edits): per ward, census 2019 grown to the base year over its housing floor area,
 * clamped. Undefined when the dataset has no census wards.
 */
export function calibrateCity(
  model: CityLanduseModel,
  options: LanduseStageOptions,
  a: IndicatorAssumptions = options.assumptions ?? DEFAULT_INDICATOR_ASSUMPTIONS,
): WardCalibration | undefined {
  if (model.wards.length === 0) return undefined;
  const b = model.buildings;
  const housing = new Float64Array(b.count);
  for (let k = 0; k < b.count; k++) {
    housing[k] = housingFloorAreaOf(
      { use: LAND_USES[b.use[k]!] ?? 'residential', grossFloorAreaSquareMetres: b.grossFloorAreaM2[k]! },
      a,
    );
  }
  return calibrateWards(
    model.wards,
    b.ward,
    housing,
    options.baseYear ?? 2025,
    a.floorAreaPerResidentSquareMetres,
    options.census ?? DEFAULT_CENSUS_CALIBRATION,
  );
}

function collectFloorSpace(
  model: CityLanduseModel,
  changes: ReadonlyMap<number, ParcelZoning>,
  proposed: readonly ProposedParcel[],
  newUrbanCells: Int32Array | undefined,
  options: LanduseStageOptions,
  a: IndicatorAssumptions,
  calibration: WardCalibration | undefined,
): {
  floorSpace: CityLanduseResult['floorSpace'];
  sourceBuilding: Int32Array;
  floorSpaceWard: Int16Array;
} {
  const b = model.buildings;
  const keep: number[] = [];
  for (let k = 0; k < b.count; k++) if (!changes.has(b.parcel[k]!)) keep.push(k);
  const grown = newUrbanCells?.length ?? 0;
  const n = keep.length + proposed.length + grown;
  const out = {
    eastMetres: new Float64Array(n),
    northMetres: new Float64Array(n),
    grossFloorAreaM2: new Float64Array(n),
    use: new Uint8Array(n),
    proposed: new Uint8Array(n),
    residents: new Float64Array(n),
  };
  const ward = new Int16Array(n);
  const sourceBuilding = new Int32Array(n).fill(-1);
  // Standard rate for proposed floor space, for entries outside every ward and without wards.
  const standard = (i: number) =>
    residentsOf(
      {
        use: LAND_USES[out.use[i]!] ?? 'residential',
        lotAreaSquareMetres: 0,
        footprintSquareMetres: 0,
        grossFloorAreaSquareMetres: out.grossFloorAreaM2[i]!,
        trafficZone: '',
      },
      a,
    );
  let i = 0;
  for (const k of keep) {
    sourceBuilding[i] = k;
    out.eastMetres[i] = b.eastMetres[k]!;
    out.northMetres[i] = b.northMetres[k]!;
    out.grossFloorAreaM2[i] = b.grossFloorAreaM2[k]!;
    out.use[i] = b.use[k]!;
    const w = b.ward[k]!;
    ward[i] = w;
    out.residents[i] =
      calibration && w >= 0
        ? housingFloorAreaOf(
            {
              use: LAND_USES[out.use[i]!] ?? 'residential',
              grossFloorAreaSquareMetres: out.grossFloorAreaM2[i]!,
            },
            a,
          ) / calibration.floorAreaPerResidentM2[w]!
        : standard(i);
    i++;
  }
  for (const p of proposed) {
    const parcel = model.parcels[p.parcel]!;
    out.eastMetres[i] = parcel.eastMetres;
    out.northMetres[i] = parcel.northMetres;
    out.grossFloorAreaM2[i] = p.grossFloorArea;
    out.use[i] = LAND_USES.indexOf(p.use);
    out.proposed[i] = 1;
    out.residents[i] = standard(i);
    ward[i] = model.wardLocate(parcel.eastMetres, parcel.northMetres);
    i++;
  }
  const cellArea = model.growthGrid.cellSizeMetres ** 2;
  const ratio = options.newUrbanFloorAreaRatio ?? 1;
  const residential = LAND_USES.indexOf('residential');
  for (let j = 0; j < grown; j++) {
    const [e, nn] = growthCellCentre(model, newUrbanCells![j]!);
    out.eastMetres[i] = e;
    out.northMetres[i] = nn;
    out.grossFloorAreaM2[i] = ratio * cellArea;
    out.use[i] = residential;
    out.proposed[i] = 1;
    out.residents[i] = standard(i);
    ward[i] = model.wardLocate(e, nn);
    i++;
  }
  return { floorSpace: out, sourceBuilding, floorSpaceWard: ward };
}

/**
 * Imperviousness per terrain cell: the land-cover table's value, replaced on rebuilt parcels by
 * (footprint + paved share × open ground) / lot (open ground pervious for green, water,
 * agriculture), and raised on newly urban growth cells to the residential class's value.
 */
function imperviousnessOf(
  model: CityLanduseModel,
  proposed: readonly ProposedParcel[],
  newUrbanCells: Int32Array | undefined,
  a: IndicatorAssumptions,
): Float32Array {
  const t = model.terrain;
  const out = t.baseImperviousness.slice();
  const step = t.cellSizeMetres;
  for (const p of proposed) {
    const parcel = model.parcels[p.parcel]!;
    const lot = Math.max(1e-9, p.lotArea);
    const open = Math.max(0, lot - p.footprintArea);
    const share = Math.min(
      1,
      (p.footprintArea + (a.perviousUses.includes(p.use) ? 0 : a.pavedShareOfOpenGround * open)) / lot,
    );
    const [minE, minN, maxE, maxN] = bbox(parcel.ringsMetres[0]!);
    for (let n = minN + step / 2; n < maxN; n += step) {
      for (let e = minE + step / 2; e < maxE; e += step) {
        const cell = t.toScene.cellAt(e, n);
        if (cell >= 0 && model.parcelLocate(e, n) === p.parcel) out[cell] = share;
      }
    }
  }
  if (newUrbanCells && newUrbanCells.length > 0) {
    const urban = t.classImperviousness[Math.max(0, t.classNames.indexOf('residential'))]!;
    const g = model.growthGrid;
    const f = g.coarsenFactor;
    for (const cell of newUrbanCells) {
      const row = Math.floor(cell / g.width);
      const col = cell - row * g.width;
      for (let r = row * f; r < Math.min(t.rows, (row + 1) * f); r++) {
        for (let c = col * f; c < Math.min(t.columns, (col + 1) * f); c++) {
          const k = r * t.columns + c;
          if (out[k]! < urban) out[k] = urban;
        }
      }
    }
  }
  return out;
}

/** KPIs of a floor-space layout (see createLanduseStage). */
function landuseKpis(
  model: CityLanduseModel,
  floorSpace: CityLanduseResult['floorSpace'],
  sourceBuilding: Int32Array,
  changes: ReadonlyMap<number, ParcelZoning>,
  imperviousness: Float32Array,
  a: IndicatorAssumptions,
): Kpis {
  const kpis: Kpis = {};
  const n = floorSpace.grossFloorAreaM2.length;
  const residentsAt = floorSpace.residents;
  let total = 0;
  let residents = 0;
  let jobs = 0;
  const byUse = new Float64Array(LAND_USES.length);
  for (let i = 0; i < n; i++) {
    const gfa = floorSpace.grossFloorAreaM2[i]!;
    const use = LAND_USES[floorSpace.use[i]!] ?? 'residential';
    const record = {
      use,
      lotAreaSquareMetres: 0,
      footprintSquareMetres: 0,
      grossFloorAreaSquareMetres: gfa,
      trafficZone: '',
    };
    total += gfa;
    byUse[floorSpace.use[i]!]! += gfa;
    residents += residentsAt[i]!;
    jobs += jobsOf(record, a);
  }
  kpis.grossFloorAreaM2 = total;
  LAND_USES.forEach((use, u) => {
    if (byUse[u]! > 0) kpis[`grossFloorAreaM2.${use}`] = byUse[u]!;
  });
  kpis.residents = residents;
  kpis.jobs = jobs;
  let lotArea = 0;
  let green = 0;
  model.parcels.forEach((p, k) => {
    lotArea += p.areaSquareMetres;
    const use = changes.get(k)?.rules.use ?? model.zoneUse(p.zone);
    if (use === 'green') green += p.areaSquareMetres;
  });
  kpis.residentsPerHa = lotArea > 0 ? residents / (lotArea / 10_000) : 0;
  kpis.greenSpacePerResidentM2 = residents > 0 ? green / residents : 0;
  const lc = model.terrain.landCover;
  const outside = model.terrain.classNames.indexOf('outside');
  const water = model.terrain.classNames.indexOf('water');
  let sum = 0;
  let cells = 0;
  for (let i = 0; i < lc.length; i++) {
    if (lc[i] === outside || lc[i] === water) continue;
    sum += imperviousness[i]!;
    cells++;
  }
  kpis.imperviousShare = cells > 0 ? sum / cells : 0;
  // Homes snapped to the road graph: existing buildings from the model's cache, new points here.
  const snapped = model.snapped();
  const fresh: number[] = [];
  for (let i = 0; i < n; i++) if (sourceBuilding[i]! < 0 && residentsAt[i]! > 0) fresh.push(i);
  const freshSnap = snapToNodes(
    model.roadGraph,
    fresh.map((i) => floorSpace.eastMetres[i]!),
    fresh.map((i) => floorSpace.northMetres[i]!),
  );
  const homes = { node: new Int32Array(n), distanceMetres: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const b = sourceBuilding[i]!;
    if (b < 0) continue;
    homes.node[i] = snapped.buildings.node[b]!;
    homes.distanceMetres[i] = snapped.buildings.distanceMetres[b]!;
  }
  fresh.forEach((i, j) => {
    homes.node[i] = freshSnap.node[j]!;
    homes.distanceMetres[i] = freshSnap.distanceMetres[j]!;
  });
  for (const category of Object.keys(ACCESS_POI_KINDS) as AccessCategory[]) {
    const pois = snapped.pois[category];
    if (!pois) continue;
    const shares = accessSharesOfSnappedHomes(
      model.roadGraph,
      homes,
      residentsAt,
      pois,
      ACCESS_THRESHOLDS_METRES,
    );
    ACCESS_THRESHOLDS_METRES.forEach((metres, t) => {
      kpis[accessKpiKey(category, metres)] = shares[t]!;
    });
  }
  return kpis;
}
