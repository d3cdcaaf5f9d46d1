import { proxy, type Remote, wrap } from 'comlink';
import { useContext, useRef, useState } from 'react';
import { type CancelToken, createCancelToken } from '../core/cancel.ts';
import { STAGE_ORDER, type StageId } from '../scenario/pipeline.ts';
import type { ScenarioApi } from '../sim/scenarioApi.ts';
import { putScenarioLayers } from './compare/scenarioLayerStore.ts';
import { StoreContext, useScenarios, useT } from './context.tsx';

let worker: { api: Remote<ScenarioApi>; terminate(): void } | undefined;

/** The scenario worker, kept alive between runs so its result cache survives. */
function scenarioWorker() {
  if (!worker) {
    const w = new Worker(new URL('../../workers/scenario.worker.ts', import.meta.url), { type: 'module' });
    worker = { api: wrap<ScenarioApi>(w), terminate: () => w.terminate() };
  }
  return worker;
}

type StageState = Partial<Record<StageId, number>>;

/**
 * Runs the current scenario's simulations (land use → flood → traffic) in a worker: one
 * progress bar per stage, cancel anywhere; unchanged inputs come from the cache. KPIs go to
 * the app store and the run's map layers to the scenario layer store for the comparison view.
 */
export function ScenarioRunPanel() {
  const t = useT();
  const store = useContext(StoreContext);
  const scenario = useScenarios((s) => s.scenarios[s.currentId]);
  const [progress, setProgress] = useState<StageState | null>(null);
  const [status, setStatus] = useState('');
  const token = useRef<CancelToken | null>(null);
  if (!scenario) return null;

  const run = async () => {
    token.current = createCancelToken();
    setProgress({});
    setStatus('');
    const startedMs = performance.now();
    try {
      const summary = await scenarioWorker().api.run(
        new URL('./data/thuduc/', window.location.href).href,
        scenario,
        proxy((stage: StageId, fraction: number) => setProgress((p) => ({ ...p, [stage]: fraction }))),
        token.current.buffer,
      );
      const previous = store?.getState().scenarioKpis[summary.scenarioId] ?? {};
      store?.getState().setScenarioKpis(summary.scenarioId, { ...previous, ...summary.kpis });
      putScenarioLayers(store, summary.scenarioId, summary.layers);
      setStatus(
        t('scenarioRun.done', {
          seconds: ((performance.now() - startedMs) / 1000).toFixed(1),
          cached: summary.cached.length > 0 ? summary.cached.join(', ') : '—',
        }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus(message === 'cancelled' ? t('run.cancelled') : t('run.failed', { message }));
      if (message === 'cancelled') {
        // the worker stopped mid-stage; a fresh one starts clean (its cache is lost)
        worker?.terminate();
        worker = undefined;
      }
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="scenario-run-title">
      <h2 id="scenario-run-title">{t('scenarioRun.title')}</h2>
      <button type="button" data-testid="scenario-run" disabled={progress !== null} onClick={run}>
        {t('scenarioRun.run')}
      </button>
      {progress && (
        <div data-testid="scenario-run-progress">
          {STAGE_ORDER.map((stage) => (
            <label key={stage} className="stage-progress">
              <span>{t(`stage.${stage}`)}</span>
              <progress max={1} value={progress[stage] ?? 0} />
            </label>
          ))}
          <button type="button" data-testid="scenario-run-cancel" onClick={() => token.current?.cancel()}>
            {t('run.cancel')}
          </button>
        </div>
      )}
      <p role="status" data-testid="scenario-run-status">
        {status}
      </p>
    </section>
  );
}
