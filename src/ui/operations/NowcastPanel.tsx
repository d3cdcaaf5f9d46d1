import { type MessageKey, translate } from '../../i18n/index.ts';
import type { NowcastState } from './nowcastRunner.ts';
import { observationClock } from './operationsData.ts';

/** Closed streets listed by name on the wall (the rest counted). */
const NAMES_SHOWN = 8;

function Both({ k, params }: { k: MessageKey; params?: Record<string, string | number> }) {
  return (
    <span className="ops-bilingual">
      <span className="ops-vi">{translate('vi', k, params)}</span>
      <span className="ops-en">{translate('en', k, params)}</span>
    </span>
  );
}

/** A figure with its bilingual label. */
function Figure({ k, value, testId }: { k: MessageKey; value: string; testId: string }) {
  return (
    <div className="ops-nowcast-figure">
      <div className="ops-mid" data-testid={testId}>
        {value}
      </div>
      <Both k={k} />
    </div>
  );
}

const number = (value: number | undefined, digits: number) =>
  value === undefined
    ? '–'
    : value.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * The operations view's flood nowcast: what triggers it while waiting; the run's data time,
 * progress per stage and a cancel button while it runs; then the predicted maximum depth, the
 * roads to close (count and names), the traffic burden and unserved trips, with the data time
 * they come from. Vietnamese first.
 */
export function NowcastPanel({ state, onCancel }: { state: NowcastState; onCancel: () => void }) {
  const { result } = state;
  const stages = Object.values(state.stages ?? {});
  const progress = stages.length === 0 ? 0 : stages.reduce((a, b) => a + (b ?? 0), 0) / stages.length;
  const named = result?.closedRoadNames.filter((r) => r.name !== '') ?? [];
  const unnamedLinks = result?.closedRoadNames.find((r) => r.name === '')?.links ?? 0;
  return (
    <section className="ops-nowcast" data-testid="nowcast" data-status={state.status}>
      <h2>
        <Both k="ops.nowcast.title" />
      </h2>
      {state.status === 'waiting' && <Both k="ops.nowcast.waiting" />}
      {state.status === 'running' && state.atMs !== undefined && (
        <div className="ops-nowcast-running">
          <Both k="ops.nowcast.running" params={{ time: observationClock(state.atMs) }} />
          <progress max={1} value={progress} aria-label={translate('vi', 'ops.nowcast.progress')} />
          <button type="button" className="ops-button" onClick={onCancel} data-testid="nowcast-cancel">
            {translate('vi', 'ops.nowcast.cancel')} · {translate('en', 'ops.nowcast.cancel')}
          </button>
        </div>
      )}
      {state.status === 'cancelled' && <Both k="ops.nowcast.cancelled" />}
      {state.status === 'failed' && (
        <p role="alert">
          <Both k="ops.nowcast.failed" params={{ detail: state.message ?? '' }} />
        </p>
      )}
      {result && (
        <div data-testid="nowcast-result" data-at={result.at} data-closed-roads={result.closedRoads}>
          <p className="ops-nowcast-time">
            <Both
              k="ops.nowcast.dataTime"
              params={{
                data: observationClock(Date.parse(result.dataTime)),
                at: observationClock(Date.parse(result.at)),
              }}
            />
          </p>
          <div className="ops-nowcast-figures">
            <Figure
              k="ops.nowcast.maxDepth"
              value={`${number(result.maxDepthMetres, 2)} m`}
              testId="nowcast-depth"
            />
            <Figure
              k="ops.nowcast.closedRoads"
              value={number(result.closedRoads, 0)}
              testId="nowcast-closed"
            />
            <Figure
              k="ops.nowcast.burden"
              value={`${number(result.kpis['traffic.travelTimeBurdenHours'], 0)} h`}
              testId="nowcast-burden"
            />
            <Figure
              k="ops.nowcast.unserved"
              value={`${number(result.kpis['traffic.unservedPcuPerHour'], 0)} PCU/h`}
              testId="nowcast-unserved"
            />
          </div>
          <ul className="ops-nowcast-roads" data-testid="nowcast-roads">
            {named.slice(0, NAMES_SHOWN).map((road) => (
              <li key={road.name}>
                {road.name} <span className="ops-source">({road.links})</span>
              </li>
            ))}
            {(named.length > NAMES_SHOWN || unnamedLinks > 0) && (
              <li>
                <Both
                  k="ops.nowcast.otherRoads"
                  params={{ streets: Math.max(0, named.length - NAMES_SHOWN), unnamed: unnamedLinks }}
                />
              </li>
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
