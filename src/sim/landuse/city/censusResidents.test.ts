import { describe, expect, it } from 'vitest';
import {
  type CensusCalibration,
  type CityWard,
  calibrateWards,
  wardLocator,
  wardResidentComparison,
} from './censusResidents.ts';

/** A square ward [e0, e0 + 1000] × [0, 1000] m. */
function ward(code: string, e0: number, population2019: number): CityWard {
  return {
    code,
    name: `Ward ${code}`,
    oldDistrict: 'D',
    population2009: null,
    population2019,
    polygons: [[[e0, 0, e0 + 1000, 0, e0 + 1000, 1000, e0, 1000]]],
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
