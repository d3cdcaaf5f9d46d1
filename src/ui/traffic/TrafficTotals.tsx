import { useT } from '../context.tsx';
import { PairedBarChart } from '../PairedBarChart.tsx';
import type { TrafficRun } from './trafficState.ts';

/** The network totals compared (KPI key, label key, unit). */
const ROWS = [
  { key: 'vehicleKmTravelled', label: 'traffic.vkt', unit: 'PCU·km' },
  { key: 'vehicleHoursTravelled', label: 'traffic.vht', unit: 'PCU·h' },
  { key: 'averageSpeedKmh', label: 'traffic.averageSpeed', unit: 'km/h' },
  { key: 'trafficDelayHours', label: 'traffic.delay', unit: 'PCU·h' },
] as const;

/**
 * Network totals of the current run against the baseline run: a table (baseline, current,
 * change in %) and a plain-SVG bar chart, each pair of bars scaled to the larger of the two.
 */
export function TrafficTotals({
  current,
  baseline,
  number,
}: {
  current: TrafficRun;
  baseline: TrafficRun | undefined;
  number: (value: number, digits?: number) => string;
}) {
  const t = useT();
  const base = baseline ?? current;
  return (
    <>
      <table className="traffic-totals" data-testid="traffic-totals">
        <thead>
          <tr>
            <th />
            <th>{t('traffic.baseline')}</th>
            <th>{t('traffic.current')}</th>
            <th>Δ</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const a = base.kpis[row.key] ?? 0;
            const b = current.kpis[row.key] ?? 0;
            return (
              <tr key={row.key} data-kpi={row.key} data-value={b}>
                <th>
                  {t(row.label)} ({row.unit})
                </th>
                <td>{number(a, 1)}</td>
                <td>{number(b, 1)}</td>
                <td>{a ? `${number(((b - a) / a) * 100, 1)} %` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <PairedBarChart
        className="traffic-chart"
        rows={ROWS.map((row) => ({
          key: row.key,
          label: t(row.label),
          a: base.kpis[row.key] ?? 0,
          b: current.kpis[row.key] ?? 0,
        }))}
        labelA={t('traffic.baseline')}
        labelB={t('traffic.current')}
        colorB="#2e86de"
        ariaLabel={t('traffic.chart')}
      />
    </>
  );
}
