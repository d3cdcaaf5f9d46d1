import { type Kpis, kpiDefinition } from '../../scenario/kpis.ts';
import { useApp, useT } from '../context.tsx';
import { PairedBarChart } from '../PairedBarChart.tsx';

/**
 * The traffic stage's network totals (twin-kpis/2 names), the ranking figure first: the
 * travel-time burden is the one traffic figure that ranks scenarios.
 */
export const TRAFFIC_TOTAL_KPIS = [
  'traffic.travelTimeBurdenHours',
  'traffic.vehicleHoursTravelled',
  'traffic.vehicleKmTravelled',
  'traffic.averageSpeedKmh',
  'traffic.delayHours',
  'traffic.unservedPcuPerHour',
  'traffic.closedLinkKm',
] as const;

/** The KPIs drawn in the bar chart. */
const CHART_KPIS = [
  'traffic.travelTimeBurdenHours',
  'traffic.vehicleHoursTravelled',
  'traffic.vehicleKmTravelled',
  'traffic.averageSpeedKmh',
] as const;

/**
 * Network totals of the current scenario's run against its base scenario's run with the same
 * options, when there is one: a table (base, scenario, change in %) and a plain-SVG bar chart,
 * each pair of bars scaled to the larger of the two. Values are the run's KPIs, shown as they are.
 */
export function TrafficTotals({
  current,
  base,
  baseName,
  number,
}: {
  current: Kpis;
  base: Kpis | undefined;
  baseName: string;
  number: (value: number, digits?: number) => string;
}) {
  const t = useT();
  const language = useApp((s) => s.language);
  const label = (key: string) => kpiDefinition(key)?.label[language] ?? key;
  const rows = TRAFFIC_TOTAL_KPIS.filter((key) => current[key] !== undefined);
  const chart = CHART_KPIS.filter((key) => current[key] !== undefined && base?.[key] !== undefined);
  return (
    <>
      <table className="traffic-totals" data-testid="traffic-totals">
        <thead>
          <tr>
            <th />
            {base && <th scope="col">{baseName}</th>}
            <th scope="col">{t('traffic.current')}</th>
            {base && <th scope="col">Δ</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((key) => {
            const b = current[key]!;
            const a = base?.[key];
            return (
              <tr key={key} data-kpi={key} data-value={b}>
                <th scope="row">
                  {label(key)} ({kpiDefinition(key)?.unit ?? ''})
                  {key === 'traffic.travelTimeBurdenHours' && (
                    <span className="ranking-mark" title={t('compare.ranking')}>
                      {' '}
                      ★
                    </span>
                  )}
                </th>
                {base && <td>{a === undefined ? '—' : number(a, 1)}</td>}
                <td>{number(b, 1)}</td>
                {base && <td>{a ? `${number(((b - a) / a) * 100, 1)} %` : '—'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {base && chart.length > 0 && (
        <PairedBarChart
          className="traffic-chart"
          rows={chart.map((key) => ({ key, label: label(key), a: base[key] ?? 0, b: current[key] ?? 0 }))}
          labelA={baseName}
          labelB={t('traffic.current')}
          colorB="#2e86de"
          ariaLabel={t('traffic.chart')}
        />
      )}
    </>
  );
}
