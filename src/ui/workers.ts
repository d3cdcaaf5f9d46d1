import { type Remote, wrap } from 'comlink';
import type { DiffusionApi } from '../sim/diffusion/diffusionApi.ts';

/** Starts the diffusion demo worker (bundled by Vite from workers/). */
export function startDiffusionWorker(): { api: Remote<DiffusionApi>; terminate(): void } {
  const worker = new Worker(new URL('../../workers/diffusion.worker.ts', import.meta.url), {
    type: 'module',
  });
  return { api: wrap<DiffusionApi>(worker), terminate: () => worker.terminate() };
}
