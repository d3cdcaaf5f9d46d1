import type { BilingualText } from './scenario.ts';

/** Key performance indicators of one scenario run: name → value in the unit of its definition. */
export type Kpis = Record<string, number>;

/** What a KPI means, its unit, and which direction is better (for colouring deltas). */
export interface KpiDefinition {
  key: string;
  label: BilingualText;
  unit: string;
  better: 'higher' | 'lower';
}

/** The KPIs planners compare (others, like GFA by use, are added per use as `grossFloorAreaM2.<use>`). */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    key: 'floodedAreaKm2',
    label: { vi: 'Diện tích ngập', en: 'Flooded area' },
    unit: 'km²',
    better: 'lower',
  },
  {
    key: 'buildingsFlooded',
    label: { vi: 'Công trình bị ngập', en: 'Buildings flooded' },
    unit: '',
    better: 'lower',
  },
  {
    key: 'residentsAffected',
    label: { vi: 'Dân bị ảnh hưởng ngập', en: 'Residents affected' },
    unit: 'người',
    better: 'lower',
  },
  {
    key: 'roadLengthClosedKm',
    label: { vi: 'Chiều dài đường bị cấm', en: 'Road length closed' },
    unit: 'km',
    better: 'lower',
  },
  {
    key: 'vehicleHoursTravelled',
    label: { vi: 'Tổng giờ xe (VHT)', en: 'Vehicle hours travelled' },
    unit: 'PCU·h',
    better: 'lower',
  },
  {
    key: 'vehicleKmTravelled',
    label: { vi: 'Tổng km xe (VKT)', en: 'Vehicle km travelled' },
    unit: 'PCU·km',
    better: 'lower',
  },
  {
    key: 'averageSpeedKmh',
    label: { vi: 'Tốc độ trung bình', en: 'Average speed' },
    unit: 'km/h',
    better: 'higher',
  },
  {
    key: 'trafficDelayHours',
    label: { vi: 'Tổng giờ trễ giao thông', en: 'Traffic delay' },
    unit: 'PCU·h',
    better: 'lower',
  },
  {
    key: 'unservedDemandPcuPerHour',
    label: { vi: 'Nhu cầu không đi được', en: 'Unserved traffic demand' },
    unit: 'PCU/h',
    better: 'lower',
  },
  {
    key: 'grossFloorAreaM2',
    label: { vi: 'Tổng diện tích sàn', en: 'Gross floor area' },
    unit: 'm²',
    better: 'higher',
  },
  { key: 'residents', label: { vi: 'Dân số', en: 'Residents' }, unit: 'người', better: 'higher' },
  { key: 'jobs', label: { vi: 'Việc làm', en: 'Jobs' }, unit: '', better: 'higher' },
  {
    key: 'greenSpacePerResidentM2',
    label: { vi: 'Cây xanh / người', en: 'Green space per resident' },
    unit: 'm²',
    better: 'higher',
  },
  {
    key: 'imperviousShare',
    label: { vi: 'Tỷ lệ bề mặt không thấm', en: 'Impervious share' },
    unit: '',
    better: 'lower',
  },
  {
    key: 'grossFloorAreaM2.residential',
    label: { vi: 'Diện tích sàn nhà ở', en: 'Floor area, residential' },
    unit: 'm²',
    better: 'higher',
  },
  {
    key: 'grossFloorAreaM2.commercial',
    label: { vi: 'Diện tích sàn thương mại', en: 'Floor area, commercial' },
    unit: 'm²',
    better: 'higher',
  },
  {
    key: 'grossFloorAreaM2.industrial',
    label: { vi: 'Diện tích sàn công nghiệp', en: 'Floor area, industrial' },
    unit: 'm²',
    better: 'higher',
  },
  {
    key: 'grossFloorAreaM2.mixed',
    label: { vi: 'Diện tích sàn hỗn hợp', en: 'Floor area, mixed use' },
    unit: 'm²',
    better: 'higher',
  },
  {
    key: 'grossFloorAreaM2.education',
    label: { vi: 'Diện tích sàn giáo dục', en: 'Floor area, education' },
    unit: 'm²',
    better: 'higher',
  },
  {
    key: 'grossFloorAreaM2.health',
    label: { vi: 'Diện tích sàn y tế', en: 'Floor area, health' },
    unit: 'm²',
    better: 'higher',
  },
  {
    key: 'residentsPerHa',
    label: { vi: 'Mật độ dân số', en: 'Resident density' },
    unit: 'người/ha',
    better: 'higher',
  },
  {
    key: 'newUrbanAreaHa',
    label: { vi: 'Đất đô thị mới', en: 'New urban land' },
    unit: 'ha',
    better: 'lower',
  },
  {
    key: 'schoolWithin500mShare',
    label: { vi: 'Dân trong 500 m tới trường học', en: 'Residents within 500 m of a school' },
    unit: '',
    better: 'higher',
  },
  {
    key: 'schoolWithin1kmShare',
    label: { vi: 'Dân trong 1 km tới trường học', en: 'Residents within 1 km of a school' },
    unit: '',
    better: 'higher',
  },
  {
    key: 'clinicWithin500mShare',
    label: { vi: 'Dân trong 500 m tới cơ sở y tế', en: 'Residents within 500 m of a clinic or hospital' },
    unit: '',
    better: 'higher',
  },
  {
    key: 'clinicWithin1kmShare',
    label: { vi: 'Dân trong 1 km tới cơ sở y tế', en: 'Residents within 1 km of a clinic or hospital' },
    unit: '',
    better: 'higher',
  },
  {
    key: 'parkWithin500mShare',
    label: { vi: 'Dân trong 500 m tới công viên', en: 'Residents within 500 m of a park' },
    unit: '',
    better: 'higher',
  },
  {
    key: 'parkWithin1kmShare',
    label: { vi: 'Dân trong 1 km tới công viên', en: 'Residents within 1 km of a park' },
    unit: '',
    better: 'higher',
  },
  {
    key: 'metroWithin500mShare',
    label: { vi: 'Dân trong 500 m tới ga Metro', en: 'Residents within 500 m of a Metro station' },
    unit: '',
    better: 'higher',
  },
  {
    key: 'metroWithin1kmShare',
    label: { vi: 'Dân trong 1 km tới ga Metro', en: 'Residents within 1 km of a Metro station' },
    unit: '',
    better: 'higher',
  },
];

/** Difference of one KPI between scenarios A and B: B − A and (B − A) / |A| (null when A is 0). */
export interface KpiDelta {
  a: number | null;
  b: number | null;
  absolute: number | null;
  relative: number | null;
}

/** Per-KPI differences of B against A over the union of their keys, in key order. */
export function compareKpis(a: Kpis, b: Kpis): Record<string, KpiDelta> {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: Record<string, KpiDelta> = {};
  for (const key of keys) {
    const va = a[key] ?? null;
    const vb = b[key] ?? null;
    const absolute = va !== null && vb !== null ? vb - va : null;
    out[key] = { a: va, b: vb, absolute, relative: absolute !== null && va ? absolute / Math.abs(va) : null };
  }
  return out;
}

/** The comparison as CSV text (kpi, A, B, absolute, relative), for export. */
export function kpiDeltasCsv(deltas: Record<string, KpiDelta>): string {
  const cell = (v: number | null) => (v === null ? '' : String(Number(v.toPrecision(10))));
  const rows = Object.entries(deltas).map(([k, d]) =>
    [k, cell(d.a), cell(d.b), cell(d.absolute), cell(d.relative)].join(','),
  );
  return `kpi,a,b,absolute,relative\n${rows.join('\n')}\n`;
}
