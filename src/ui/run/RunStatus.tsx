import type { StageId } from '../../scenario/pipeline.ts';
import type { RunOptions } from '../../scenario/runOptions.ts';
import { useApp, useT } from '../context.tsx';
import { RunProgress } from '../RunProgress.tsx';
import { cancelScenarioRun } from './scenarioRun.ts';
import { useCurrentRun, useScenarioRunState } from './useRun.ts';

/** The run options in words, e.g. "flood cells 80 m · traffic gap 1e-3". */
export function useOptionsText(): (options: RunOptions) => string {
  const t = useT();
  return (options) =>
    t('run.options', {
      cell: options.floodCellSizeMetres,
      gap: options.trafficRelativeGap.toExponential(0).replace('+', ''),
    });
}

/**
 * A panel's view of the current scenario's run (the one run path): while the scenario runs with
 * the current options, `stage`'s progress bar and the run's cancel button (RunProgress, test ids
 * `<name>-progress`, `<name>-cancel`); the run's status (`<name>-status`, with `data-progress` of
 * the stage in %); and whether the results shown are missing or from an earlier version of the
 * scenario (`<name>-result-note`).
 */
export function RunStatus({ name, stage }: { name: string; stage: StageId }) {
  const t = useT();
  const run = useScenarioRunState();
  const shown = useCurrentRun();
  const options = useApp((s) => s.runOptions);
  const optionsText = useOptionsText();
  const ours = run !== undefined && shown !== undefined && run.runKey === shown.key;
  const fraction = ours ? (run.stages?.[stage] ?? 0) : 0;
  const running = ours && run.status === 'running';
  return (
    <div className="run-status">
      {running && <RunProgress name={name} progress={fraction} onCancel={cancelScenarioRun} />}
      <p data-testid={`${name}-status`} role="status" data-progress={Math.round(fraction * 100)}>
        {running &&
          t('run.running', {
            stage: t(`stage.${stage}`),
            percent: Math.round(fraction * 100),
          })}
        {ours && run.status === 'cancelled' && t('run.cancelled')}
        {ours && run.status === 'failed' && t('run.failed', { message: run.message ?? '' })}
      </p>
      {!running && shown && (
        <p className="run-note" data-testid={`${name}-result-note`}>
          {!shown.record && t('run.noResult', { options: optionsText(options) })}
          {shown.record && shown.stale && t('run.stale')}
          {shown.record && !shown.stale && t('run.shown', { options: optionsText(options) })}
        </p>
      )}
    </div>
  );
}
