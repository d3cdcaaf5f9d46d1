import { useContext } from 'react';
import { FLOOD_CELL_SIZES_METRES, TRAFFIC_RELATIVE_GAPS } from '../scenario/runOptions.ts';
import { StoreContext, useApp, useScenarios, useT } from './context.tsx';
import { RunProgress } from './RunProgress.tsx';
import { cancelScenarioRun, stagesOf } from './run/scenarioRun.ts';
import { useCurrentRun, useScenarioRunState, useStartRun } from './run/useRun.ts';

/** A relative gap as the option lists show it (1e-3). */
export const gapText = (gap: number) => gap.toExponential(0).replace('+', '');

/** The flood grid cell option (one store value, also offered by the flood panel). */
export function FloodCellOption({ testId }: { testId: string }) {
  const t = useT();
  const store = useContext(StoreContext);
  const cell = useApp((s) => s.runOptions.floodCellSizeMetres);
  return (
    <label>
      {t('flood.resolution')}
      <select
        data-testid={testId}
        value={cell}
        onChange={(e) => store?.getState().setRunOptions({ floodCellSizeMetres: Number(e.target.value) })}
      >
        {FLOOD_CELL_SIZES_METRES.map((c) => (
          <option key={c} value={c}>
            {c} m
          </option>
        ))}
      </select>
    </label>
  );
}

/** The traffic assignment gap option (one store value, also offered by the traffic panel). */
export function TrafficGapOption({ testId }: { testId: string }) {
  const t = useT();
  const store = useContext(StoreContext);
  const gap = useApp((s) => s.runOptions.trafficRelativeGap);
  return (
    <label>
      {t('traffic.targetGap')}
      <select
        data-testid={testId}
        value={gap}
        onChange={(e) => store?.getState().setRunOptions({ trafficRelativeGap: Number(e.target.value) })}
      >
        {TRAFFIC_RELATIVE_GAPS.map((g) => (
          <option key={g} value={g}>
            {gapText(g)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Runs the current scenario's simulations (land use → flood → traffic) in the scenario worker,
 * the app's one run path, with the run options (flood grid cell, traffic gap): one progress bar
 * per stage, cancel anywhere; unchanged inputs and options come from the cache. The run's KPIs
 * and views are stored by scenario and options; the panels and the comparison show them.
 */
export function ScenarioRunPanel() {
  const t = useT();
  const scenario = useScenarios((s) => s.scenarios[s.currentId]);
  const run = useScenarioRunState();
  const shown = useCurrentRun();
  const start = useStartRun();
  if (!scenario) return null;
  const running = run?.status === 'running';
  const record = shown?.record;
  const ours = run !== undefined && run.runKey === shown?.key;
  return (
    <section aria-labelledby="scenario-run-title">
      <h2 id="scenario-run-title">{t('scenarioRun.title')}</h2>
      <fieldset className="run-options">
        <legend>{t('run.optionsTitle')}</legend>
        <FloodCellOption testId="run-option-flood-cell" />
        <TrafficGapOption testId="run-option-traffic-gap" />
      </fieldset>
      <button type="button" data-testid="scenario-run" disabled={running} onClick={() => void start()}>
        {t('scenarioRun.run')}
      </button>
      {running && (
        <div data-testid="scenario-run-stages">
          {stagesOf(scenario).map((stage) => (
            <label key={stage} className="stage-progress">
              <span>{t(`stage.${stage}`)}</span>
              <progress max={1} value={run.stages?.[stage] ?? 0} />
            </label>
          ))}
          <RunProgress name="scenario-run" progress={run.progress} onCancel={cancelScenarioRun} />
        </div>
      )}
      <p
        role="status"
        data-testid="scenario-run-status"
        data-state={run?.status ?? 'idle'}
        data-serial={run?.serial ?? 0}
      >
        {!running &&
          ours &&
          run.status === 'done' &&
          record &&
          t('scenarioRun.done', {
            seconds: record.seconds.toFixed(1),
            cached: record.cached.length > 0 ? record.cached.join(', ') : '—',
          })}
        {ours && run.status === 'cancelled' && t('run.cancelled')}
        {ours && run.status === 'failed' && t('run.failed', { message: run.message ?? '' })}
      </p>
    </section>
  );
}
