/**
 * The land-use KPIs of the current scenario's run (twin-kpis/2 names) against its base
 * scenario's run with the same options, when there is one: a table (base, scenario, change) and
 * a bar chart in plain SVG. Values are the run's KPIs, shown as they are.
 */
import { type Kpis, kpiDefinition } from '../../scenario/kpis.ts';
import { useApp, useT } from '../context.tsx';
import { PairedBarChart } from '../PairedBarChart.tsx';

/** KPIs shown, in order. */
export const LANDUSE_TABLE_KPIS = [
  'landuse.grossFloorAreaM2',
  'landuse.grossFloorAreaM2.residential',
  'landuse.grossFloorAreaM2.commercial',
  'landuse.grossFloorAreaM2.industrial',
  'landuse.grossFloorAreaM2.mixed',
  'landuse.residents',
  'landuse.jobs',
  'landuse.residentsPerHa',
  'landuse.greenSpacePerResidentM2',
  'landuse.imperviousShare',
  'landuse.schoolWithin500mShare',
  'landuse.schoolWithin1kmShare',
  'landuse.clinicWithin500mShare',
  'landuse.clinicWithin1kmShare',
  'landuse.parkWithin500mShare',
  'landuse.parkWithin1kmShare',
  'landuse.metroWithin500mShare',
  'landuse.metroWithin1kmShare',
  'landuse.newUrbanAreaHa',
] as const;

/** KPIs drawn in the bar chart. */
const CHART_KPIS = [
  'landuse.grossFloorAreaM2',
  'landuse.residents',
  'landuse.jobs',
  'landuse.greenSpacePerResidentM2',
  'landuse.imperviousShare',
  'landuse.schoolWithin1kmShare',
  'landuse.parkWithin1kmShare',
  'landuse.metroWithin1kmShare',
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

/** The table and the chart (the chart only with a base run to compare with). */
export function LanduseIndicators({
  scenario,
  base,
  baseName,
}: {
  scenario: Kpis;
  base: Kpis | undefined;
  baseName: string;
}) {
  const t = useT();
  const language = useApp((s) => s.language);
  const label = (key: string) => {
    const d = kpiDefinition(key);
    const text = d ? d.label[language] : key;
    return d?.unit && !isShare(key) ? `${text} (${d.unit})` : text;
  };
  const rows = LANDUSE_TABLE_KPIS.filter((k) => scenario[k] !== undefined || base?.[k] !== undefined);
  return (
    <div className="landuse-indicators">
      <h3>{t('zoning.indicators')}</h3>
      <table className="kpi-table landuse-kpis">
        <thead>
          <tr>
            <th />
            {base && <th scope="col">{baseName}</th>}
            <th scope="col">{t('zoning.scenario')}</th>
            {base && <th scope="col">{t('zoning.change')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((key) => {
            const a = base?.[key];
            const b = scenario[key];
            const change = a !== undefined && b !== undefined && a !== 0 ? (b - a) / Math.abs(a) : undefined;
            return (
              <tr key={key}>
                <th scope="row">{label(key)}</th>
                {base && <td>{formatKpi(key, a, language)}</td>}
                <td data-testid={`landuse-kpi-${key}`} data-value={b ?? ''}>
                  {formatKpi(key, b, language)}
                </td>
                {base && (
                  <td>
                    {change === undefined || Math.abs(change) < 5e-4
                      ? ''
                      : `${change > 0 ? '+' : ''}${(100 * change).toFixed(1)} %`}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {base && (
        <>
          <h3>{t('zoning.chart')}</h3>
          <PairedBarChart
            className="landuse-chart"
            rows={CHART_KPIS.filter((key) => scenario[key] !== undefined && base[key] !== undefined).map(
              (key) => ({ key, label: label(key), a: base[key]!, b: scenario[key]! }),
            )}
            labelA={baseName}
            labelB={t('zoning.scenario')}
            colorB="#d9480f"
            ariaLabel={t('zoning.chart')}
          />
        </>
      )}
    </div>
  );
}
