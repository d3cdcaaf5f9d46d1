import { proxy } from 'comlink';
import { useContext, useRef } from 'react';
import { type CancelToken, createCancelToken } from '../core/cancel.ts';
import { StoreContext, useApp, useT } from './context.tsx';
import { startDiffusionWorker } from './workers.ts';

const RUN_ID = 'diffusion';

/** Runs the diffusion demo in a worker with a progress bar and a cancel button. */
export function RunPanel() {
  const store = useContext(StoreContext);
  const run = useApp((s) => s.runs[RUN_ID]);
  const t = useT();
  const token = useRef<CancelToken | null>(null);

  const start = async () => {
    if (!store) return;
    const setRun = store.getState().setRun;
    const { api, terminate } = startDiffusionWorker();
    token.current = createCancelToken();
    setRun(RUN_ID, { progress: 0, status: 'running' });
    try {
      const result = await api.run(
        { width: 256, height: 256, diffusionNumber: 0.2, steps: 2000 },
        proxy((progress: number) => setRun(RUN_ID, { progress, status: 'running' })),
        token.current.buffer,
      );
      setRun(RUN_ID, {
        progress: 1,
        status: 'done',
        message: t('run.done', { total: Math.round(result.total), steps: result.steps }),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setRun(
        RUN_ID,
        message === 'cancelled'
          ? { progress: 0, status: 'cancelled' }
          : { progress: 0, status: 'failed', message },
      );
    } finally {
      terminate();
    }
  };

  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">{t('panel.runs')}</h2>
      <button type="button" data-testid="run-demo" disabled={run?.status === 'running'} onClick={start}>
        {t('run.demo')}
      </button>
      {run?.status === 'running' && (
        <div className="run-progress">
          <progress
            max={1}
            value={run.progress}
            aria-label={t('run.progress', { percent: Math.round(run.progress * 100) })}
          />
          <button type="button" onClick={() => token.current?.cancel()}>
            {t('run.cancel')}
          </button>
        </div>
      )}
      <p data-testid="run-status" role="status">
        {run?.status === 'done' && run.message}
        {run?.status === 'cancelled' && t('run.cancelled')}
        {run?.status === 'failed' && t('run.failed', { message: run.message ?? '' })}
      </p>
    </section>
  );
}
