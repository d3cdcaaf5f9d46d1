import type { LandUse } from '../../../core/vocabulary.ts';
import type { ZoneRules } from '../zoningRules.ts';

/**
 * Baseline zones of the city, in the terms of QCVN 01:2021/BXD (Quy chuẩn kỹ thuật quốc gia về
 * Quy hoạch xây dựng): mật độ xây dựng (maxCoverage, 0..1), hệ số sử dụng đất (maxFAR), height
 * (m), floor height (m), khoảng lùi (setbacks, m) and the minimum green share of the lot.
 *
 * The values are ASSUMPTIONS of the order of the standard's limits for net lots (QCVN 01:2021
 * §2.6: residential net coverage falls from 100 % on lots ≤ 90 m² to about 40 % for high-rise;
 * industrial ≤ 70 %; public facilities ≤ 40 %; parks ≤ 5 %) applied to gross blocks of about
 * 1 ha, so coverages are lower than the per-lot limits. They are not the city's approved
 * zoning plans (quy hoạch phân khu), which are not open data. See docs/landuse-city.md.
 */
export const BASELINE_ZONES: Readonly<Record<string, ZoneRules & { label: { vi: string; en: string } }>> = {
  R1: {
    label: { vi: 'Nhà phố', en: 'Row houses (nhà phố)' },
    use: 'residential',
    maxCoverage: 0.6,
    maxFAR: 2.4,
    maxHeight: 20,
    floorHeight: 3.6,
    setbacks: { front: 3, side: 0, rear: 2 },
    minGreenRatio: 0.1,
  },
  R2: {
    label: { vi: 'Chung cư', en: 'Apartments' },
    use: 'residential',
    maxCoverage: 0.4,
    maxFAR: 6,
    maxHeight: 100,
    floorHeight: 3.3,
    setbacks: { front: 6, side: 4, rear: 4 },
    minGreenRatio: 0.2,
  },
  C: {
    label: { vi: 'Thương mại dịch vụ', en: 'Commercial' },
    use: 'commercial',
    maxCoverage: 0.6,
    maxFAR: 7,
    maxHeight: 120,
    floorHeight: 3.6,
    setbacks: { front: 6, side: 4, rear: 4 },
    minGreenRatio: 0.2,
  },
  M: {
    label: { vi: 'Hỗn hợp', en: 'Mixed use' },
    use: 'mixed',
    maxCoverage: 0.5,
    maxFAR: 5,
    maxHeight: 80,
    floorHeight: 3.6,
    setbacks: { front: 6, side: 4, rear: 4 },
    minGreenRatio: 0.2,
  },
  I: {
    label: { vi: 'Công nghiệp', en: 'Industrial' },
    use: 'industrial',
    maxCoverage: 0.6,
    maxFAR: 1.2,
    maxHeight: 25,
    floorHeight: 8,
    setbacks: { front: 6, side: 4, rear: 4 },
    minGreenRatio: 0.2,
  },
  E: {
    label: { vi: 'Giáo dục', en: 'Education' },
    use: 'education',
    maxCoverage: 0.4,
    maxFAR: 1.6,
    maxHeight: 20,
    floorHeight: 3.6,
    setbacks: { front: 6, side: 4, rear: 4 },
    minGreenRatio: 0.3,
  },
  H: {
    label: { vi: 'Y tế', en: 'Health' },
    use: 'health',
    maxCoverage: 0.4,
    maxFAR: 2.4,
    maxHeight: 30,
    floorHeight: 3.6,
    setbacks: { front: 6, side: 4, rear: 4 },
    minGreenRatio: 0.3,
  },
  P: {
    label: { vi: 'Công cộng', en: 'Public and institutional' },
    use: 'public',
    maxCoverage: 0.4,
    maxFAR: 1.6,
    maxHeight: 20,
    floorHeight: 3.6,
    setbacks: { front: 6, side: 4, rear: 4 },
    minGreenRatio: 0.3,
  },
  T: {
    label: { vi: 'Giao thông', en: 'Transport' },
    use: 'transport',
    maxCoverage: 0.2,
    maxFAR: 0.2,
    maxHeight: 12,
    floorHeight: 6,
    setbacks: { front: 6, side: 4, rear: 4 },
  },
  G: {
    label: { vi: 'Cây xanh', en: 'Green space' },
    use: 'green',
    maxCoverage: 0.05,
    maxFAR: 0.05,
    maxHeight: 6,
    floorHeight: 3.6,
    setbacks: { front: 6, side: 6, rear: 6 },
    minGreenRatio: 0.7,
  },
  A: {
    label: { vi: 'Nông nghiệp / chưa xây dựng', en: 'Agriculture / undeveloped' },
    use: 'agriculture',
    maxCoverage: 0.05,
    maxFAR: 0.05,
    maxHeight: 8,
    floorHeight: 4,
    setbacks: { front: 6, side: 4, rear: 4 },
  },
};

/** Zone code of mapped land by its land use (water gets no parcel; residential may become R2). */
export const ZONE_OF_LAND_USE: Readonly<Partial<Record<LandUse, string>>> = {
  residential: 'R1',
  commercial: 'C',
  industrial: 'I',
  mixed: 'M',
  green: 'G',
  education: 'E',
  health: 'H',
  transport: 'T',
  agriculture: 'A',
  public: 'P',
};

/** Residential land with an existing building of at least this many storeys is zoned R2 (apartments). */
export const APARTMENT_ZONE_MIN_FLOORS = 10;

/** The baseline zones as a `twin-zoning-rules/1` document (labels left out). */
export function baselineZoningRulesDocument(): {
  format: 'twin-zoning-rules/1';
  zones: Record<string, ZoneRules>;
} {
  const zones: Record<string, ZoneRules> = {};
  for (const [code, { label: _label, ...rules }] of Object.entries(BASELINE_ZONES)) zones[code] = rules;
  return { format: 'twin-zoning-rules/1', zones };
}
