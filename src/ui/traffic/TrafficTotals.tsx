import { useT } from '../context.tsx';
import type { TrafficRun } from './trafficState.ts';

/** The network totals compared (KPI key, label key, unit). */
const ROWS = [
  { key: 'vehicleKmTravelled', label: 'traffic.vkt', unit: 'PCU·km' },
  { key: 'vehicleHoursTravelled', label: 'traffic.vht', unit: 'PCU·h' },
  { key: 'averageSpeedKmh', label: 'traffic.averageSpeed', unit: 'km/h' },
  { key: 'trafficDelayHours', label: 'traffic.delay', unit: 'PCU·h' },
] as const;

const BAR_WIDTH = 120;

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
      <svg
        className="traffic-chart"
        width={BAR_WIDTH + 110}
        height={ROWS.length * 26 + 4}
        role="img"
        aria-label={t('traffic.chart')}
      >
        {ROWS.map((row, k) => {
          const a = base.kpis[row.key] ?? 0;
          const b = current.kpis[row.key] ?? 0;
          const max = Math.max(a, b) || 1;
          const y = 2 + k * 26;
          return (
            <g key={row.key}>
              <text x={0} y={y + 14} fontSize={10}>
                {t(row.label)}
              </text>
              <rect x={100} y={y} width={(a / max) * BAR_WIDTH} height={10} fill="#95a5a6" />
              <rect x={100} y={y + 11} width={(b / max) * BAR_WIDTH} height={10} fill="#2e86de" />
            </g>
          );
        })}
      </svg>
    </>
  );
}
