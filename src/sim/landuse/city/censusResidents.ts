/**
 * Residents calibrated to the 2019 census (docs/landuse-city.md, "Residents from the census"):
 * each census ward's population, grown to the base year, is allocated to the existing housing
 * floor space inside the ward in proportion to floor area (dasymetric allocation), with the
 * floor space per resident clamped to a plausible range. Pure: no DOM, no Node.
 */
import Flatbush from 'flatbush';
import { toSceneMetres } from '../../../core/geo.ts';
import type { CityFiles } from '../../../data/dataset/cityFiles.ts';
import { bbox } from '../../../core/geometry/bbox.ts';
import { pointInPolygon } from '../../../core/geometry/pointInPolygon.ts';
import type { Polygon } from '../../../core/geometry/ring.ts';

/** The calibration's assumptions (sources in docs/landuse-city.md). */
export interface CensusCalibration {
  /** Year of the census counts (GSO Population and Housing Census, 1 April 2019). */
  censusYear: number;
  /** Annual population growth from the census year to the base year, e.g. 0.02 = 2 %/yr. */
  annualGrowthRate: number;
  /** Lowest housing floor area per resident a ward may get, m²/person. */
  minFloorAreaPerResidentM2: number;
  /** Highest housing floor area per resident a ward may get, m²/person. */
  maxFloorAreaPerResidentM2: number;
}

/**
 * Defaults. Growth 2 %/yr: Hồ Chí Minh City grew 2.28 %/yr in 2009–2019 (HCMC Statistical
 * Office, 2019 census results) and about 1.2 %/yr in 2019–2023 (GSO average population); the 36
 * Thủ Đức wards grew 3.3 %/yr in 2009–2019 (census file). Clamp 10–100 m² of model floor space
 * per person: the model's housing floor space averages about 38 m² per 2025 resident, about
 * twice the 19.4 m²/person of HCMC in the 2019 census, because the synthetic row houses
 * overstate it; the bounds are judgements (docs/landuse-city.md, sensitivity table).
 */
export const DEFAULT_CENSUS_CALIBRATION: CensusCalibration = {
  censusYear: 2019,
  annualGrowthRate: 0.02,
  minFloorAreaPerResidentM2: 10,
  maxFloorAreaPerResidentM2: 100,
};

/** A census ward in scene metres. */
export interface CityWard {
  code: string;
  name: string;
  oldDistrict: string;
  population2009: number | null;
  population2019: number;
  /** Polygons (exterior first, then holes), scene metres. */
  polygons: Polygon[];
}

/** The census wards of the dataset (`wards.geojson`) in scene metres; empty when the dataset has none. */
export function cityWardsFromFiles(files: CityFiles): CityWard[] {
  if (!files.wards) return [];
  return files.wards.features.flatMap((f) => {
    const g = f.geometry;
    const polygons =
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : undefined;
    if (!polygons) return [];
    const p = f.properties;
    return [
      {
        code: String(p.code),
        name: String(p.name),
        oldDistrict: String(p.oldDistrict),
        population2009: typeof p.population2009 === 'number' ? p.population2009 : null,
        population2019: Number(p.population2019),
        polygons: polygons.map((rings) =>
          rings.map((ring) => ring.slice(0, -1).map(([lon, lat]) => toSceneMetres(lon, lat))),
        ),
      },
    ];
  });
}

/**
 * Index of the ward containing a scene point (the lowest ward index where outlines overlap after
 * simplification), −1 outside every ward. A 100 m grid answers for cells no outline crosses
 * (most of them); the others take the exact point-in-polygon test (R-tree of ward bounds).
 */
export function wardLocator(
  wards: readonly CityWard[],
  cellMetres = 100,
): (east: number, north: number) => number {
  const owner: number[] = [];
  const polygons: Polygon[] = [];
  wards.forEach((w, k) => {
    for (const rings of w.polygons) {
      owner.push(k);
      polygons.push(rings);
    }
  });
  if (polygons.length === 0) return () => -1;
  const index = new Flatbush(polygons.length);
  let [minE, minN, maxE, maxN] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygons) {
    const b = bbox(rings[0]!);
    index.add(...b);
    [minE, minN, maxE, maxN] = [
      Math.min(minE, b[0]),
      Math.min(minN, b[1]),
      Math.max(maxE, b[2]),
      Math.max(maxN, b[3]),
    ];
  }
  index.finish();
  const exact = (east: number, north: number) => {
    let best = -1;
    for (const j of index.search(east, north, east, north)) {
      if ((best < 0 || owner[j]! < best) && pointInPolygon(east, north, polygons[j]!)) best = owner[j]!;
    }
    return best;
  };
  const columns = Math.max(1, Math.ceil((maxE - minE) / cellMetres));
  const rows = Math.max(1, Math.ceil((maxN - minN) / cellMetres));
  const BORDER = -2;
  const cells = new Int16Array(columns * rows);
  const column = (e: number) => Math.min(columns - 1, Math.max(0, Math.floor((e - minE) / cellMetres)));
  const row = (n: number) => Math.min(rows - 1, Math.max(0, Math.floor((n - minN) / cellMetres)));
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const [ae, an] = ring[i]!;
        const [be, bn] = ring[(i + 1) % ring.length]!;
        const [c0, c1] = [column(Math.min(ae, be)), column(Math.max(ae, be))];
        const [r0, r1] = [row(Math.min(an, bn)), row(Math.max(an, bn))];
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * columns + c] = BORDER;
      }
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const k = r * columns + c;
      if (cells[k] !== BORDER) cells[k] = exact(minE + (c + 0.5) * cellMetres, minN + (r + 0.5) * cellMetres);
    }
  }
  return (east, north) => {
    if (east < minE || east > maxE || north < minN || north > maxN) return -1;
    const v = cells[row(north) * columns + column(east)]!;
    return v === BORDER ? exact(east, north) : v;
  };
}

/** Per ward: the base-year population, the housing floor space and the floor space per resident used. */
export interface WardCalibration {
  year: number;
  /** Census 2019 × (1 + g)^(year − 2019), persons. */
  population: Float64Array;
  /** Existing housing floor area inside the ward, m². */
  housingFloorAreaM2: Float64Array;
  /** Housing floor area per resident after the clamp, m²/person (the standard where the ward has no housing). */
  floorAreaPerResidentM2: Float64Array;
  /** −1 where the lower bound binds, +1 where the upper bound binds, 0 otherwise. */
  clamped: Int8Array;
}

/**
 * The ward rates: population_w = census_w × (1 + g)^(year − censusYear); floor space per
 * resident = housing_w / population_w clamped to [min, max] (max where the ward has housing but
 * no population; `standardFloorAreaPerResidentM2` where it has no housing, which then houses
 * nobody). `housingOf[k]` is entry k's housing floor area and `wardOf[k]` its ward (−1 outside).
 */
export function calibrateWards(
  wards: readonly CityWard[],
  wardOf: ArrayLike<number>,
  housingOf: ArrayLike<number>,
  year: number,
  standardFloorAreaPerResidentM2: number,
  c: CensusCalibration = DEFAULT_CENSUS_CALIBRATION,
): WardCalibration {
  const n = wards.length;
  const population = new Float64Array(n);
  const housing = new Float64Array(n);
  const rate = new Float64Array(n);
  const clamped = new Int8Array(n);
  const growth = (1 + c.annualGrowthRate) ** (year - c.censusYear);
  wards.forEach((w, k) => {
    population[k] = w.population2019 * growth;
  });
  for (let i = 0; i < housingOf.length; i++) {
    const w = wardOf[i]!;
    if (w >= 0) housing[w]! += housingOf[i]!;
  }
  for (let k = 0; k < n; k++) {
    if (housing[k]! <= 0) {
      rate[k] = standardFloorAreaPerResidentM2;
      continue;
    }
    const raw = population[k]! > 0 ? housing[k]! / population[k]! : Infinity;
    if (raw < c.minFloorAreaPerResidentM2) clamped[k] = -1;
    if (raw > c.maxFloorAreaPerResidentM2) clamped[k] = 1;
    rate[k] = Math.min(c.maxFloorAreaPerResidentM2, Math.max(c.minFloorAreaPerResidentM2, raw));
  }
  return { year, population, housingFloorAreaM2: housing, floorAreaPerResidentM2: rate, clamped };
}

/** One ward of the census comparison. */
export interface WardResidentRow {
  code: string;
  name: string;
  oldDistrict: string;
  census2009: number | null;
  census2019: number;
  /** Model residents of the floor-space entries inside the ward. */
  model: number;
  /** model / census2019 (Infinity when the census counts nobody and the model somebody). */
  ratio: number;
}

/** Per-ward model residents against the census, with totals. */
export interface WardResidentComparison {
  rows: WardResidentRow[];
  census2019: number;
  /** Residents of the wards in the model. */
  modelInWards: number;
  /** Residents of floor space outside every ward (the dataset's margin). */
  modelOutsideWards: number;
  /** Share of wards whose ratio lies within 1 ± tolerance. */
  shareWithin(tolerance: number): number;
}

/**
 * Sums the residents of floor-space entries by ward (`wardOf[i]`, −1 outside) and sets them
 * against the 2019 census.
 */
export function wardResidentComparison(
  wards: readonly CityWard[],
  wardOf: ArrayLike<number>,
  residents: ArrayLike<number>,
): WardResidentComparison {
  const model = new Float64Array(wards.length);
  let outside = 0;
  for (let i = 0; i < residents.length; i++) {
    const w = wardOf[i]!;
    if (w >= 0) model[w]! += residents[i]!;
    else outside += residents[i]!;
  }
  const rows = wards.map((w, k) => ({
    code: w.code,
    name: w.name,
    oldDistrict: w.oldDistrict,
    census2009: w.population2009,
    census2019: w.population2019,
    model: model[k]!,
    ratio: w.population2019 > 0 ? model[k]! / w.population2019 : model[k]! > 0 ? Infinity : 1,
  }));
  return {
    rows,
    census2019: rows.reduce((s, r) => s + r.census2019, 0),
    modelInWards: rows.reduce((s, r) => s + r.model, 0),
    modelOutsideWards: outside,
    shareWithin: (tolerance) =>
      rows.length === 0 ? 0 : rows.filter((r) => Math.abs(r.ratio - 1) <= tolerance).length / rows.length,
  };
}
