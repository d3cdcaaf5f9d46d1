import { describe, expect, it } from 'vitest';
import { findWard, searchKey } from './wardSearch.ts';

const square = (lon: number, lat: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.02],
      [lon, lat],
    ],
  ],
});
const wards = {
  features: [
    { properties: { name: 'An Phu' }, geometry: square(106.75, 10.79) },
    { properties: { name: 'Thao Dien' }, geometry: square(106.73, 10.8) },
    { properties: { name: 'Linh Xuan' }, geometry: square(106.76, 10.87) },
  ],
};

describe('ward search', () => {
  it('matches typed Vietnamese with diacritics against plain names', () => {
    expect(searchKey('  Thảo Điền ')).toBe('thao dien');
    const found = findWard(wards, 'Thảo Điền');
    expect(found?.name).toBe('Thao Dien');
    const expected = [106.73, 10.8, 106.74, 10.82];
    for (const [i, value] of expected.entries()) expect(found?.bounds[i]).toBeCloseTo(value, 9);
  });

  it('prefers a name that starts with the query, then one that contains it; nothing for no match', () => {
    expect(findWard(wards, 'xuan')?.name).toBe('Linh Xuan');
    expect(findWard(wards, 'an')?.name).toBe('An Phu');
    expect(findWard(wards, 'Bến Nghé')).toBeUndefined();
    expect(findWard(wards, '   ')).toBeUndefined();
  });
});
