import { compareKpis, KPI_DEFINITIONS, kpiDeltasCsv } from '../scenario/kpis.ts';
import { useApp, useT } from './context.tsx';
import { downloadText } from './download.ts';

const format = (v: number | null, digits = 2) =>
  v === null ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : digits });

/**
 * KPIs of scenarios A and B with absolute and relative differences, a bar per KPI showing the
 * relative change (green when better, red when worse), and CSV export.
 */
export function KpiTable() {
  const t = useT();
  const language = useApp((s) => s.language);
  const [idA, idB] = useApp((s) => s.compareIds);
  const kpisA = useApp((s) => s.scenarioKpis[idA]);
  const kpisB = useApp((s) => s.scenarioKpis[idB]);
  if (!kpisA || !kpisB) return <p className="muted">{t('compare.noResults')}</p>;
  const deltas = compareKpis(kpisA, kpisB);
  return (
    <div>
      <table className="kpi-table" data-testid="kpi-table">
        <thead>
          <tr>
            <th scope="col">{t('compare.kpi')}</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">{t('compare.delta')}</th>
            <th scope="col">{t('compare.relative')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(deltas).map(([key, d]) => {
            const definition = KPI_DEFINITIONS.find((k) => k.key === key);
            const better = definition?.better ?? 'higher';
            const improves =
              d.absolute !== null && d.absolute !== 0 && d.absolute > 0 === (better === 'higher');
            const width = d.relative === null ? 0 : Math.min(100, Math.abs(d.relative) * 100);
            return (
              <tr key={key}>
                <th scope="row">
                  {definition ? definition.label[language] : key}
                  {definition?.unit ? ` (${definition.unit})` : ''}
                </th>
                <td>{format(d.a)}</td>
                <td>{format(d.b)}</td>
                <td>{format(d.absolute)}</td>
                <td>
                  <span
                    className="delta-bar"
                    style={{ width: `${width}%`, background: improves ? '#2e8b57' : '#c0392b' }}
                  />
                  {d.relative === null ? '—' : `${(d.relative * 100).toFixed(1)}%`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => downloadText(`compare-${idA}-${idB}.csv`, kpiDeltasCsv(deltas), 'text/csv')}
      >
        {t('compare.exportCsv')}
      </button>
    </div>
  );
}
