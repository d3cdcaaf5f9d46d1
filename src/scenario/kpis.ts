import type { BilingualText } from './scenario.ts';

/**
 * Key performance indicators of one scenario run (contract `twin-kpis/2`, ../shared/spec/cli.md):
 * stage-qualified name (`landuse.residents`, `flood.floodedAreaKm2`, `traffic.closedLinkKm`) →
 * value in the unit of its definition. Each stage reports its own names and the pipeline prefixes
 * them with the stage id, so no stage can overwrite another's figure.
 */
export type Kpis = Record<string, number>;

/** KPIs rounded to 9 significant digits, keys sorted: stable text across platforms (the CLI's and the nowcast's). */
export function stableKpis(kpis: Kpis): Kpis {
  const out: Kpis = {};
  for (const key of Object.keys(kpis).sort()) out[key] = Number(kpis[key]!.toPrecision(9));
  return out;
}

/** The KPI contract's format tag. */
export const KPI_FORMAT = 'twin-kpis/2';

/** What a KPI means, its unit, and which direction is better (for colouring deltas). */
export interface KpiDefinition {
  /** Stage-qualified name. */
  key: string;
  label: BilingualText;
  unit: string;
  better: 'higher' | 'lower';
  /** What exactly is counted (shown one click away in the comparison view). */
  meaning: BilingualText;
}

const kpi = (
  key: string,
  vi: string,
  en: string,
  unit: string,
  better: 'higher' | 'lower',
  meaningVi: string,
  meaningEn: string,
): KpiDefinition => ({ key, label: { vi, en }, unit, better, meaning: { vi: meaningVi, en: meaningEn } });

/** The KPIs planners compare; every name a stage reports is listed here (docs/kpis.md). */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  kpi(
    'landuse.residents',
    'Dân số',
    'Residents',
    'người',
    'higher',
    'Số người sống trong thành phố ở năm kịch bản: dân số điều tra 2019 của từng phường, tăng 2 %/năm đến năm gốc 2025, phân bổ theo diện tích sàn ở hiện hữu trong phường (10–100 m²/người); diện tích sàn mới thêm 1 người mỗi 28 m² sàn ở, diện tích sàn bị phá bỏ mang theo cư dân của nó.',
    "Persons living in the city in the scenario year: each ward's 2019 census count, grown at 2 %/yr to the base year 2025, allocated to the existing housing floor space in the ward (10–100 m² per person); new floor space adds one resident per 28 m² of housing, removed floor space takes its residents with it.",
  ),
  kpi(
    'landuse.jobs',
    'Việc làm',
    'Jobs',
    'việc làm',
    'higher',
    'Số việc làm trong thành phố ở năm kịch bản (diện tích sàn phi nhà ở / diện tích sàn mỗi việc làm).',
    'Persons working in the city in the scenario year (non-residential floor space / floor space per job).',
  ),
  kpi(
    'landuse.grossFloorAreaM2',
    'Tổng diện tích sàn',
    'Gross floor area',
    'm²',
    'higher',
    'Tổng diện tích sàn xây dựng (hiện hữu và đề xuất).',
    'Total gross floor area, existing and proposed.',
  ),
  kpi(
    'landuse.greenSpacePerResidentM2',
    'Cây xanh / người',
    'Green space per resident',
    'm²/người',
    'higher',
    'Diện tích đất cây xanh chia cho dân số.',
    'Green land area divided by residents.',
  ),
  kpi(
    'landuse.imperviousShare',
    'Tỷ lệ bề mặt không thấm',
    'Impervious share',
    '0–1',
    'lower',
    'Tỷ lệ diện tích không thấm nước trung bình trong ranh giới thành phố.',
    'Mean impervious fraction of the land inside the city.',
  ),
  kpi(
    'landuse.residentsPerHa',
    'Mật độ dân số',
    'Resident density',
    'người/ha',
    'higher',
    'Dân số chia cho diện tích lô đất có nhà ở.',
    'Residents divided by the lot area carrying floor space.',
  ),
  kpi(
    'landuse.newUrbanAreaHa',
    'Đất đô thị mới',
    'New urban land',
    'ha',
    'lower',
    'Đất mới đô thị hóa theo mô hình tăng trưởng đến năm kịch bản.',
    'Land newly urbanised by the growth model up to the scenario year.',
  ),
  kpi(
    'flood.landAreaKm2',
    'Diện tích đất lưới ngập',
    'Land area of the flood grid',
    'km²',
    'higher',
    'Đất của lưới mô phỏng ngập trong ranh giới thành phố (không tính mặt nước thường xuyên).',
    'Land of the flood grid inside the city (permanent water excluded).',
  ),
  kpi(
    'flood.floodedAreaKm2',
    'Diện tích ngập',
    'Flooded area',
    'km²',
    'lower',
    'Đất có độ sâu ngập lớn nhất ≥ 0,10 m trong trận ngập.',
    'Land whose maximum depth reached ≥ 0.10 m during the event.',
  ),
  kpi(
    'flood.floodedAreaOver30cmKm2',
    'Diện tích ngập ≥ 30 cm',
    'Flooded area ≥ 30 cm',
    'km²',
    'lower',
    'Đất có độ sâu ngập lớn nhất ≥ 0,30 m.',
    'Land whose maximum depth reached ≥ 0.30 m.',
  ),
  kpi(
    'flood.roadLengthClosedKm',
    'Chiều dài đường ngập sâu',
    'Street length flooded ≥ 30 cm',
    'km',
    'lower',
    'Chiều dài tim đường (mỗi tuyến một lần, không tính theo chiều) có độ sâu ≥ 0,30 m vào bất kỳ lúc nào của trận ngập.',
    'Street centreline length (each street once, not per direction) whose depth reached ≥ 0.30 m at any time of the event.',
  ),
  kpi(
    'flood.residentsAffected',
    'Dân bị ảnh hưởng ngập',
    'Residents affected',
    'người',
    'lower',
    'Cư dân của các công trình có mặt đất ngập ≥ 0,10 m.',
    'Residents of buildings whose ground reached ≥ 0.10 m.',
  ),
  kpi(
    'flood.buildingsFlooded',
    'Công trình bị ngập',
    'Buildings flooded',
    'công trình',
    'lower',
    'Công trình có mặt đất ngập ≥ 0,10 m.',
    'Buildings whose ground reached ≥ 0.10 m.',
  ),
  kpi(
    'flood.volumeRelativeError',
    'Sai số cân bằng nước',
    'Water balance error',
    '0–1',
    'lower',
    'Sai số tương đối của cân bằng thể tích nước của mô hình ngập (kiểm tra số học).',
    'Relative volume-balance error of the flood model (a numerical check).',
  ),
  kpi(
    'traffic.assignedHourStartSeconds',
    'Giờ phân bổ giao thông',
    'Assigned hour starts',
    's',
    'lower',
    'Thời điểm bắt đầu giờ được phân bổ trên đồng hồ của sự kiện (giây từ 00:00).',
    'Start of the assigned hour on the event clock (seconds after 00:00).',
  ),
  kpi(
    'traffic.demandPcuPerHour',
    'Nhu cầu đi lại',
    'Travel demand',
    'PCU/h',
    'higher',
    'Chuyến đi do sử dụng đất phát sinh trong giờ phân bổ, trước khi cấm đường.',
    'Trips the land use generates in the assigned hour, before closures.',
  ),
  kpi(
    'traffic.servedPcuPerHour',
    'Chuyến đi được phục vụ',
    'Served trips',
    'PCU/h',
    'higher',
    'Chuyến đi được phân bổ lên mạng lưới đường.',
    'Trips assigned on the network.',
  ),
  kpi(
    'traffic.unservedPcuPerHour',
    'Chuyến đi không thực hiện được',
    'Unserved trips',
    'PCU/h',
    'lower',
    'Chuyến đi không thể thực hiện (một đầu bị cô lập hoặc không có đường đi).',
    'Trips that cannot be made (an end cut off, or no path).',
  ),
  kpi(
    'traffic.intrazonalPcuPerHour',
    'Chuyến đi nội vùng',
    'Intrazonal trips',
    'PCU/h',
    'higher',
    'Chuyến đi trong một vùng giao thông, đi trên đường nội bộ, không phân bổ.',
    'Trips inside one zone, on local streets, not assigned.',
  ),
  kpi(
    'traffic.vehicleHoursTravelled',
    'Tổng giờ xe (VHT)',
    'Vehicle hours travelled',
    'PCU·h',
    'lower',
    'Tổng thời gian đi của các chuyến được phục vụ trong giờ.',
    'PCU-hours of the served trips in the hour.',
  ),
  kpi(
    'traffic.vehicleKmTravelled',
    'Tổng km xe (VKT)',
    'Vehicle km travelled',
    'PCU·km',
    'lower',
    'Tổng quãng đường của các chuyến được phục vụ trong giờ.',
    'PCU-km of the served trips in the hour.',
  ),
  kpi(
    'traffic.averageSpeedKmh',
    'Tốc độ trung bình',
    'Average speed',
    'km/h',
    'higher',
    'Tổng km xe chia cho tổng giờ xe.',
    'Vehicle-km travelled divided by vehicle-hours travelled.',
  ),
  kpi(
    'traffic.travelTimeBurdenHours',
    'Gánh nặng thời gian đi lại',
    'Travel-time burden',
    'PCU·h',
    'lower',
    'Tổng giờ xe của chuyến được phục vụ cộng số chuyến không thực hiện được nhân với mức phạt 1 giờ mỗi chuyến: chỉ số giao thông dùng để xếp hạng kịch bản.',
    'Served vehicle-hours plus unserved trips times a penalty of 1 hour per PCU trip: the one traffic figure that ranks scenarios.',
  ),
  kpi(
    'traffic.closedLinkKm',
    'Chiều dài làn đường bị cấm',
    'Closed link length',
    'km',
    'lower',
    'Tổng chiều dài các liên kết có hướng bị cấm trong giờ phân bổ (theo kịch bản hoặc ngập ≥ 0,30 m lúc đó).',
    'Directed link length closed in the assigned hour (by the scenario, or flooded ≥ 0.30 m then).',
  ),
  kpi(
    'traffic.delayHours',
    'Tổng giờ trễ',
    'Delay',
    'PCU·h',
    'lower',
    'Giờ xe vượt quá thời gian đi tự do của các chuyến được phục vụ.',
    'Vehicle-hours above free-flow time of the served trips.',
  ),
  kpi(
    'traffic.peakSpreadPcuPerHour',
    'Chuyến dời khỏi giờ cao điểm',
    'Trips spread out of the peak',
    'PCU/h',
    'lower',
    'Chuyến đi dời sang giờ lân cận vì nhu cầu vượt năng lực (phương pháp dàn trải cao điểm); không tính vào giờ phân bổ.',
    'Trips moved to the shoulder hours because demand exceeds capacity (peak spreading); not in the assigned hour.',
  ),
  kpi(
    'traffic.deferredPcuPerHour',
    'Chuyến bị hoãn do thiếu năng lực',
    'Trips deferred for lack of capacity',
    'PCU/h',
    'lower',
    'Phần chuyến đi không thực hiện được vì các đường còn mở không chuyên chở nổi trong giờ (đã tính trong chuyến không thực hiện được).',
    'Unserved trips that the roads left open cannot carry in the hour (included in unserved trips).',
  ),
  kpi(
    'traffic.demandBalanceResidualPcuPerHour',
    'Sai số cân bằng nhu cầu',
    'Demand balance residual',
    'PCU/h',
    'lower',
    'Độ lệch tuyệt đối giữa chuyến phát sinh và tổng chuyến phân phối (mô hình hấp dẫn), phải gần 0.',
    'Absolute difference between generated trips and the distributed trip table (gravity model); should be near 0.',
  ),
];

const USE_NAMES: ReadonlyArray<[use: string, vi: string, en: string]> = [
  ['residential', 'nhà ở', 'residential'],
  ['commercial', 'thương mại', 'commercial'],
  ['industrial', 'công nghiệp', 'industrial'],
  ['mixed', 'hỗn hợp', 'mixed use'],
  ['education', 'giáo dục', 'education'],
  ['health', 'y tế', 'health'],
];
const ACCESS_NAMES: ReadonlyArray<[category: string, vi: string, en: string]> = [
  ['school', 'trường học', 'a school'],
  ['clinic', 'cơ sở y tế', 'a clinic or hospital'],
  ['park', 'công viên', 'a park'],
  ['metro', 'ga Metro', 'a Metro station'],
];

/** Floor area by use and walking access shares: one definition per use and per distance. */
const DERIVED_DEFINITIONS: KpiDefinition[] = [
  ...USE_NAMES.map(([use, vi, en]) =>
    kpi(
      `landuse.grossFloorAreaM2.${use}`,
      `Diện tích sàn ${vi}`,
      `Floor area, ${en}`,
      'm²',
      'higher',
      `Diện tích sàn sử dụng cho ${vi}.`,
      `Gross floor area used for ${en}.`,
    ),
  ),
  ...ACCESS_NAMES.flatMap(([category, vi, en]) =>
    (['500m', '1km'] as const).map((d) => {
      const metres = d === '500m' ? '500 m' : '1 km';
      return kpi(
        `landuse.${category}Within${d}Share`,
        `Dân trong ${metres} tới ${vi}`,
        `Residents within ${metres} of ${en}`,
        '0–1',
        'higher',
        `Tỷ lệ dân sống trong ${metres} đi bộ theo mạng đường tới ${vi}.`,
        `Share of residents within ${metres} walk along the streets of ${en}.`,
      );
    }),
  ),
];

/** Every KPI definition of the contract. */
export const ALL_KPI_DEFINITIONS: readonly KpiDefinition[] = [...KPI_DEFINITIONS, ...DERIVED_DEFINITIONS];

/** The definition of a KPI name, if it has one. */
export function kpiDefinition(key: string): KpiDefinition | undefined {
  return ALL_KPI_DEFINITIONS.find((k) => k.key === key);
}

/** Prefixes a stage's own KPI names with its id (`residents` → `landuse.residents`). */
export function qualifyKpis(stageId: string, kpis: Kpis): Kpis {
  const out: Kpis = {};
  for (const [name, value] of Object.entries(kpis)) out[`${stageId}.${name}`] = value;
  return out;
}

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

/** The stages whose KPIs the contract names, in pipeline order (the prefix of each KPI name). */
export const KPI_STAGES = ['landuse', 'flood', 'traffic'] as const;

/** The traffic figure that ranks scenarios (twin-kpis/2): listed first in the traffic group. */
export const RANKING_KPI = 'traffic.travelTimeBurdenHours';

/**
 * KPI names grouped by stage prefix, stages in pipeline order ({@link KPI_STAGES}; names with
 * another prefix last, under `other`). Within a group: {@link RANKING_KPI} first, then the order
 * of {@link ALL_KPI_DEFINITIONS}, then names without a definition, sorted.
 */
export function kpisByStage(names: Iterable<string>): Array<{ stage: string; keys: string[] }> {
  const order = new Map(ALL_KPI_DEFINITIONS.map((d, i) => [d.key, i]));
  const rank = (key: string) => (key === RANKING_KPI ? -1 : (order.get(key) ?? ALL_KPI_DEFINITIONS.length));
  const groups = new Map<string, string[]>();
  for (const key of new Set(names)) {
    const prefix = key.split('.')[0] ?? '';
    const stage = (KPI_STAGES as readonly string[]).includes(prefix) ? prefix : 'other';
    groups.set(stage, [...(groups.get(stage) ?? []), key]);
  }
  return [...KPI_STAGES, 'other']
    .filter((stage) => groups.has(stage))
    .map((stage) => ({
      stage,
      keys: groups.get(stage)!.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)),
    }));
}

/**
 * The comparison as CSV text (kpi, unit, A, B, absolute, relative), for export: one row per
 * stage-qualified KPI name, grouped by stage as {@link kpisByStage} orders them; the unit is the
 * definition's (empty for a name without one).
 */
export function kpiDeltasCsv(deltas: Record<string, KpiDelta>): string {
  const cell = (v: number | null) => (v === null ? '' : String(Number(v.toPrecision(10))));
  const rows = kpisByStage(Object.keys(deltas)).flatMap(({ keys }) =>
    keys.map((k) => {
      const d = deltas[k]!;
      return [k, kpiDefinition(k)?.unit ?? '', cell(d.a), cell(d.b), cell(d.absolute), cell(d.relative)].join(
        ',',
      );
    }),
  );
  return `kpi,unit,a,b,absolute,relative\n${rows.join('\n')}\n`;
}
