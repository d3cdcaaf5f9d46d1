import { type Remote, wrap } from 'comlink';
import { translate } from '../../i18n/index.ts';
import type { ScenarioApi } from '../../scenario/scenarioApi.ts';
import { floodGpuChoiceOf } from '../../sim/flood/gpu/floodGpuChoice.ts';
import { DATASET_URL } from '../city/cityDataset.ts';
import { createPendingCalls, type PendingCalls } from './pendingCalls.ts';

/** How a worker stopped answering. */
export type WorkerFailure = 'load' | 'crash' | 'messageerror' | 'terminated';

/** A call to a worker that failed before answering; the message is in Vietnamese and English. */
export class WorkerFailedError extends Error {
  override name = 'WorkerFailedError';
  constructor(
    readonly failure: WorkerFailure,
    detail = '',
  ) {
    const text = (language: 'vi' | 'en') =>
      translate(language, 'run.workerFailed', {
        reason: translate(language, `run.workerReason.${failure}`),
      });
    super(`${text('vi')} / ${text('en')}${detail ? ` (${detail})` : ''}`);
  }
}

interface LiveWorker {
  worker: Worker;
  guarded: Remote<ScenarioApi>;
  calls: PendingCalls;
}

let live: LiveWorker | undefined;

/**
 * The page's one scenario worker (workers/scenario.worker.ts): every simulation the app shows
 * runs there, through the scenario pipeline. Kept alive for the page so its result cache survives
 * between runs (and a cancelled run leaves the cache as it was). When the worker fails to load,
 * crashes (`error`), cannot read a message (`messageerror`) or is terminated, every call in
 * flight rejects with a WorkerFailedError and the next call starts a fresh worker.
 */
export function scenarioWorker(): Remote<ScenarioApi> {
  live ??= startScenarioWorker();
  return live.guarded;
}

function startScenarioWorker(): LiveWorker {
  const worker = new Worker(new URL('../../../workers/scenario.worker.ts', import.meta.url), {
    type: 'module',
  });
  const calls = createPendingCalls();
  const started: LiveWorker = { worker, calls, guarded: guardedRemote(wrap<ScenarioApi>(worker), calls) };
  // `?floodWorkers=N` in the page address sets the row workers per flood run (default: every core)
  const page = new URLSearchParams(location.search);
  const floodWorkers = Number(page.get('floodWorkers'));
  if (floodWorkers >= 1) void started.guarded.setFloodWorkers(floodWorkers);
  // `?floodGpu=1` runs floods on WebGPU on any adapter (SwiftShader too), `?floodGpu=0` never
  if (page.has('floodGpu')) void started.guarded.setFloodGpu(floodGpuChoiceOf(page.get('floodGpu')));
  // a module that fails to load fires a plain Event; an uncaught error in the worker an ErrorEvent
  worker.addEventListener('error', (event) =>
    stopScenarioWorker(started, event instanceof ErrorEvent ? 'crash' : 'load', errorDetail(event)),
  );
  worker.addEventListener('messageerror', () => stopScenarioWorker(started, 'messageerror'));
  return started;
}

/** The remote whose every method call is tracked, so it settles even when the worker dies. */
function guardedRemote(remote: Remote<ScenarioApi>, calls: PendingCalls): Remote<ScenarioApi> {
  return new Proxy(remote, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property);
      if (typeof property !== 'string' || property === 'then' || typeof member !== 'function') return member;
      return (...args: unknown[]) => calls.track((member as (...a: unknown[]) => Promise<unknown>)(...args));
    },
  });
}

function errorDetail(event: Event): string {
  if (!(event instanceof ErrorEvent)) return '';
  return [event.message, event.filename && `${event.filename}:${event.lineno}`].filter(Boolean).join(' ');
}

/** Terminates `target` (if it is still the page's worker) and rejects its pending calls. */
function stopScenarioWorker(target: LiveWorker, failure: WorkerFailure, detail = ''): void {
  if (live === target) live = undefined;
  target.calls.failAll(new WorkerFailedError(failure, detail));
  target.worker.terminate();
}

/**
 * Terminates the scenario worker as if it had crashed (its pending calls reject, the next call
 * starts a fresh worker). For the e2e test, through `window.__twin.terminateScenarioWorker()`.
 */
export function terminateScenarioWorker(): void {
  if (live) stopScenarioWorker(live, 'terminated');
}

// the e2e test's way to make the worker fail mid-run (a crash or out-of-memory cannot be staged)
window.__twin ??= {};
window.__twin.terminateScenarioWorker = terminateScenarioWorker;

/** Absolute URL of the dataset folder (workers resolve URLs against their own location). */
export function datasetUrl(): string {
  return new URL(DATASET_URL, window.location.href).href;
}
