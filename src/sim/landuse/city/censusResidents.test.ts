import { describe, expect, it } from 'vitest';
import {
  type CensusCalibration,
  type CityWard,
  calibrateWards,
  wardLocator,
  wardResidentComparison,
} from './censusResidents.ts';
import {
  type CensusReportInput,
  censusReportMarkdown,
  censusScatterSvg,
  clampSensitivity,
} from './censusReport.ts';

/** A square ward [e0, e0 + 1000] × [0, 1000] m. */
function ward(code: string, e0: number, population2019: number): CityWard {
  return {
    code,
    name: `Ward ${code}`,
    oldDistrict: 'D',
    population2009: null,
    population2019,
    polygons: [
      [
        [
          [e0, 0],
          [e0 + 1000, 0],
          [e0 + 1000, 1000],
          [e0, 1000],
        ],
      ],
    ],
  };
}

const calibration: CensusCalibration = {
  censusYear: 2019,
  annualGrowthRate: 0.02,
  minFloorAreaPerResidentM2: 10,
  maxFloorAreaPerResidentM2: 100,
};

describe('census residents (dasymetric allocation)', () => {
  const wards = [ward('a', 0, 1000), ward('b', 1000, 100), ward('c', 2000, 5000), ward('d', 3000, 50)];

  it('locates points in wards, −1 outside, the same through the grid and exactly', () => {
    const locate = wardLocator(wards);
    expect(locate(500, 500)).toBe(0);
    expect(locate(1500, 10)).toBe(1);
    expect(locate(3999, 999)).toBe(3);
    expect(locate(-1, 500)).toBe(-1);
    expect(locate(500, 1001)).toBe(-1);
    const fine = wardLocator(wards, 7);
    for (let e = -50; e < 4100; e += 37)
      for (let n = -50; n < 1100; n += 41) expect(fine(e, n)).toBe(locate(e, n));
  });

  it('grows the census to the base year and divides each ward’s housing by its population, clamped', () => {
    // Housing per entry and its ward: a 20 000 m², b 50 000 m² (too much), c 10 000 m² (too little), d none.
    const wardOf = [0, 0, 1, 2, -1];
    const housing = [15_000, 5_000, 50_000, 10_000, 7_000];
    const c = calibrateWards(wards, wardOf, housing, 2025, 28, calibration);
    const growth = 1.02 ** 6;
    expect(c.population[0]).toBeCloseTo(1000 * growth, 9);
    expect([...c.housingFloorAreaM2]).toEqual([20_000, 50_000, 10_000, 0]);
    expect(c.floorAreaPerResidentM2[0]).toBeCloseTo(20_000 / (1000 * growth), 9);
    expect([...c.clamped]).toEqual([0, 1, -1, 0]);
    expect(c.floorAreaPerResidentM2[1]).toBe(100);
    expect(c.floorAreaPerResidentM2[2]).toBe(10);
    expect(c.floorAreaPerResidentM2[3]).toBe(28); // no housing: nobody to house
    const residents = housing.map((h, i) =>
      wardOf[i]! >= 0 ? h / c.floorAreaPerResidentM2[wardOf[i]!]! : h / 28,
    );
    const cmp = wardResidentComparison(wards, wardOf, residents);
    expect(cmp.rows[0]!.model).toBeCloseTo(1000 * growth, 6); // calibrated exactly
    expect(cmp.rows[0]!.ratio).toBeCloseTo(growth, 9);
    expect(cmp.rows[1]!.model).toBeCloseTo(500, 9); // upper bound binds: the error shows
    expect(cmp.rows[2]!.model).toBeCloseTo(1000, 9); // lower bound binds
    expect(cmp.rows[3]!.model).toBe(0);
    expect(cmp.modelOutsideWards).toBe(250);
    expect(cmp.census2019).toBe(6150);
    expect(cmp.modelInWards).toBeCloseTo(1000 * growth + 1500, 6);
    expect(cmp.shareWithin(0.25)).toBe(0.25); // only ward a
  });

  it('uses the upper bound where a ward has housing but nobody in the census', () => {
    const c = calibrateWards([ward('z', 0, 0)], [0], [1000], 2025, 28, calibration);
    expect(c.floorAreaPerResidentM2[0]).toBe(100);
    expect(c.clamped[0]).toBe(1);
    expect(wardResidentComparison([ward('z', 0, 0)], [0], [10]).rows[0]!.ratio).toBe(Infinity);
  });
});

describe('census report documents', () => {
  const wards = [ward('a', 0, 1000), ward('b', 1000, 100)];
  const wardOf = [0, 1];
  const housing = [20_000, 50_000];
  const calibrationResult = calibrateWards(wards, wardOf, housing, 2025, 28, calibration);
  const residents = housing.map((h, i) => h / calibrationResult.floorAreaPerResidentM2[wardOf[i]!]!);
  const input: CensusReportInput = {
    wards,
    comparison: wardResidentComparison(wards, wardOf, residents),
    calibration: calibrationResult,
    assumptions: calibration,
    standardFloorAreaPerResidentM2: 28,
    tolerance: 0.25,
  };

  it('tables every ward with census, model, ratio and clamp, and the clamp sensitivity', () => {
    const md = censusReportMarkdown(input, 'twin landuse census');
    expect(md).toContain('| a | Ward a | D |  | 1,000 | 1,126 | 1.126 |');
    expect(md).toContain('| b | Ward b | D |  | 100 | 500 | 5.000 ✗ |');
    expect(md).toContain('upper');
    expect(md).toContain('1 of 2 (50.0 %)');
    expect(md).toContain('GSO census 2019, ward polygons from CityScope CSL_HCMC');
    const [none] = clampSensitivity(input, [Infinity]);
    expect(none).toMatchObject({ shareWithin: 1, clampedWards: 0 });
    expect(none!.total).toBeCloseTo(1100 * 1.02 ** 6, 6);
  });

  it('plots one point per ward with the 1:1 line and the band, deterministically', () => {
    const svg = censusScatterSvg(input);
    expect(svg.match(/<circle /g)).toHaveLength(2 + 2); // wards + legend
    expect(svg).toContain('<polygon');
    expect(svg).toContain('>Ward b</text>'); // outside the band: labelled
    expect(svg).not.toContain('>Ward a</text>');
    expect(censusScatterSvg(input)).toBe(svg);
  });
});
