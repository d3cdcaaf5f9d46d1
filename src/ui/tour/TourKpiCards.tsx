import type { Language } from '../../i18n/index.ts';
import { kpiDefinition } from '../../scenario/kpis.ts';
import { runKey } from '../../scenario/runOptions.ts';
import type { TourStop } from '../../scenario/tour.ts';
import { stopScenarioIds } from '../../scenario/tourPlayback.ts';
import { useApp, useT } from '../context.tsx';

/** A KPI value as a card shows it: whole numbers from 100 up, else two decimals, in the UI language's digits. */
function formatKpiValue(value: number, language: Language): string {
  return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2,
  });
}

/**
 * The KPI cards of a tour stop: label and unit from the KPI contract, values from the latest
 * pipeline runs of the stop's scenario (or A, B and B − A of its compare pair) with the current
 * run options; "…" until the run is there. Each value carries its unrounded number in `data-value`.
 */
export function TourKpiCards({ stop }: { stop: TourStop }) {
  const t = useT();
  const language = useApp((s) => s.language);
  const options = useApp((s) => s.runOptions);
  const [idA, idB] = stopScenarioIds(stop);
  const recordA = useApp((s) => (idA ? s.runRecords[runKey(idA, options)] : undefined));
  const recordB = useApp((s) => (idB ? s.runRecords[runKey(idB, options)] : undefined));
  const cell = (value: number | undefined, testId: string) => (
    <span className="tour-kpi-value" data-testid={testId} data-value={value ?? ''}>
      {value === undefined ? '…' : formatKpiValue(value, language)}
    </span>
  );
  return (
    <ul className="tour-kpis" data-testid="tour-kpis">
      {stop.kpis.map((name) => {
        const definition = kpiDefinition(name);
        const a = recordA?.kpis[name];
        const b = recordB?.kpis[name];
        return (
          <li key={name} className="tour-kpi" data-kpi={name}>
            <span className="tour-kpi-label">
              {definition?.label[language] ?? name} <small>({definition?.unit})</small>
            </span>
            {stop.compare ? (
              <span className="tour-kpi-compare">
                {cell(a, `tour-kpi-a-${name}`)} → {cell(b, `tour-kpi-b-${name}`)}
                <span className="tour-kpi-delta">
                  {t('tour.difference')}{' '}
                  {a === undefined || b === undefined
                    ? '…'
                    : `${b - a > 0 ? '+' : ''}${formatKpiValue(b - a, language)}`}
                </span>
              </span>
            ) : (
              cell(a, `tour-kpi-${name}`)
            )}
          </li>
        );
      })}
    </ul>
  );
}
