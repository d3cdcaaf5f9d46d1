/**
 * Indicators of the land-use run for the current scenario against the baseline (no zoning or
 * growth edits): a table (value, baseline, change) and a bar chart in plain SVG.
 */
import { KPI_DEFINITIONS, type Kpis } from '../../scenario/kpis.ts';
import { useApp, useT } from '../context.tsx';
import { PairedBarChart } from '../PairedBarChart.tsx';

/** KPIs shown, in order. */
export const LANDUSE_TABLE_KPIS = [
  'grossFloorAreaM2',
  'grossFloorAreaM2.residential',
  'grossFloorAreaM2.commercial',
  'grossFloorAreaM2.industrial',
  'grossFloorAreaM2.mixed',
  'residents',
  'jobs',
  'residentsPerHa',
  'greenSpacePerResidentM2',
  'imperviousShare',
  'schoolWithin500mShare',
  'schoolWithin1kmShare',
  'clinicWithin500mShare',
  'clinicWithin1kmShare',
  'parkWithin500mShare',
  'parkWithin1kmShare',
  'metroWithin500mShare',
  'metroWithin1kmShare',
  'newUrbanAreaHa',
] as const;

/** KPIs drawn in the bar chart. */
const CHART_KPIS = [
  'grossFloorAreaM2',
  'residents',
  'jobs',
  'greenSpacePerResidentM2',
  'imperviousShare',
  'schoolWithin1kmShare',
  'parkWithin1kmShare',
  'metroWithin1kmShare',
] as const;

function isShare(key: string): boolean {
  return key.endsWith('Share');
}

/** A KPI value for display: shares in %, others rounded. */
export function formatKpi(key: string, value: number | undefined, language: string): string {
  if (value === undefined) return '–';
  const locale = language === 'vi' ? 'vi-VN' : 'en-US';
  if (isShare(key)) return `${(100 * value).toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
  return value.toLocaleString(locale, { maximumFractionDigits: Math.abs(value) < 100 ? 1 : 0 });
}

/** The table and the chart. */
export function LanduseIndicators({ scenario, baseline }: { scenario: Kpis; baseline: Kpis }) {
  const t = useT();
  const language = useApp((s) => s.language);
  const label = (key: string) => {
    const d = KPI_DEFINITIONS.find((k) => k.key === key);
    const text = d ? d.label[language === 'vi' ? 'vi' : 'en'] : key;
    return d?.unit && !isShare(key) ? `${text} (${d.unit})` : text;
  };
  const rows = LANDUSE_TABLE_KPIS.filter((k) => scenario[k] !== undefined || baseline[k] !== undefined);
  return (
    <div className="landuse-indicators">
      <h3>{t('zoning.indicators')}</h3>
      <table className="kpi-table landuse-kpis">
        <thead>
          <tr>
            <th />
            <th>{t('zoning.baseline')}</th>
            <th>{t('zoning.scenario')}</th>
            <th>{t('zoning.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((key) => {
            const a = baseline[key];
            const b = scenario[key];
            const change = a !== undefined && b !== undefined && a !== 0 ? (b - a) / Math.abs(a) : undefined;
            return (
              <tr key={key}>
                <th scope="row">{label(key)}</th>
                <td>{formatKpi(key, a, language)}</td>
                <td data-testid={`landuse-kpi-${key}`} data-value={b ?? ''}>
                  {formatKpi(key, b, language)}
                </td>
                <td>
                  {change === undefined || Math.abs(change) < 5e-4
                    ? ''
                    : `${change > 0 ? '+' : ''}${(100 * change).toFixed(1)} %`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('zoning.chart')}</h3>
      <PairedBarChart
        className="landuse-chart"
        rows={CHART_KPIS.map((key) => ({
          key,
          label: label(key),
          a: baseline[key] ?? 0,
          b: scenario[key] ?? 0,
        }))}
        labelA={t('zoning.baseline')}
        labelB={t('zoning.scenario')}
        colorB="#d9480f"
        ariaLabel={t('zoning.chart')}
      />
    </div>
  );
}
