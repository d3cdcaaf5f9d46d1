import { Fragment, useState } from 'react';
import { compareKpis, kpiDefinition, kpiDeltasCsv, kpisByStage, RANKING_KPI } from '../scenario/kpis.ts';
import type { MessageKey } from '../i18n/index.ts';
import { useApp, useT } from './context.tsx';
import { downloadText } from './download.ts';
import { useOptionsText } from './run/RunStatus.tsx';
import { useRunOf } from './run/useRun.ts';

const format = (v: number | null, digits = 2) =>
  v === null ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : digits });

/** Id-safe form of a KPI name (for `aria-controls`). */
const idOf = (key: string) => `kpi-meaning-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * The comparison of scenarios A and B: the KPIs (`twin-kpis/2`, stage-qualified names) of their
 * latest runs with the same run options (said above the table), grouped by stage (land use,
 * flood, traffic) with label and unit in the UI language, absolute and relative differences and a
 * bar per KPI showing the relative change (green when better, red when worse). Each KPI's meaning
 * is one click away (an ⓘ button that discloses it, keyboard operable); the traffic figure that
 * ranks scenarios (travel-time burden) leads its group, marked. CSV export with qualified names
 * and units.
 */
export function KpiTable() {
  const t = useT();
  const language = useApp((s) => s.language);
  const options = useApp((s) => s.runOptions);
  const optionsText = useOptionsText();
  const [idA, idB] = useApp((s) => s.compareIds);
  const runA = useRunOf(idA);
  const runB = useRunOf(idB);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const kpisA = runA?.record?.kpis;
  const kpisB = runB?.record?.kpis;
  const sameOptions = (
    <p data-testid="compare-options">{t('compare.sameOptions', { options: optionsText(options) })}</p>
  );
  if (!kpisA || !kpisB)
    return (
      <>
        {sameOptions}
        <p className="muted" data-testid="compare-no-results">
          {t('compare.noResults')}
        </p>
      </>
    );
  const deltas = compareKpis(kpisA, kpisB);
  const toggle = (key: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <div>
      {sameOptions}
      {(runA?.stale || runB?.stale) && (
        <p className="run-note" data-testid="compare-stale">
          {t('compare.stale', {
            sides: [runA?.stale ? 'A' : '', runB?.stale ? 'B' : ''].filter(Boolean).join(', '),
          })}
        </p>
      )}
      <div className="kpi-table-wrap">
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
          {kpisByStage(Object.keys(deltas)).map(({ stage, keys }) => (
            <tbody key={stage} data-testid={`kpi-group-${stage}`}>
              <tr>
                <th scope="colgroup" colSpan={5} className="kpi-group-title">
                  {stage === 'other' ? t('compare.otherKpis') : t(`stage.${stage}` as MessageKey)}
                </th>
              </tr>
              {keys.map((key) => {
                const d = deltas[key]!;
                const definition = kpiDefinition(key);
                const better = definition?.better ?? 'higher';
                const improves =
                  d.absolute !== null && d.absolute !== 0 && d.absolute > 0 === (better === 'higher');
                const width = d.relative === null ? 0 : Math.min(100, Math.abs(d.relative) * 100);
                const label = definition ? definition.label[language] : key;
                const shown = open.has(key);
                return (
                  <Fragment key={key}>
                    <tr data-kpi={key}>
                      <th scope="row">
                        <span className="kpi-label">
                          {label}
                          {definition?.unit ? ` (${definition.unit})` : ''}
                        </span>{' '}
                        {definition && (
                          <button
                            type="button"
                            className="kpi-info"
                            data-testid={`kpi-info-${key}`}
                            aria-expanded={shown}
                            aria-controls={idOf(key)}
                            aria-label={t('compare.meaning', { label })}
                            title={t('compare.meaning', { label })}
                            onClick={() => toggle(key)}
                          >
                            ⓘ
                          </button>
                        )}
                        {key === RANKING_KPI && (
                          <span className="ranking-mark" data-testid="kpi-ranking-mark">
                            {' '}
                            ★ {t('compare.ranking')}
                          </span>
                        )}
                        <br />
                        <code className="kpi-name">{key}</code>
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
                    {definition && (
                      <tr hidden={!shown}>
                        <td
                          colSpan={5}
                          id={idOf(key)}
                          className="kpi-meaning-text"
                          data-testid={`kpi-meaning-${key}`}
                        >
                          {definition.meaning[language]}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <button
        type="button"
        data-testid="compare-export-csv"
        onClick={() => downloadText(`compare-${idA}-${idB}.csv`, kpiDeltasCsv(deltas), 'text/csv')}
      >
        {t('compare.exportCsv')}
      </button>
    </div>
  );
}
