import { transfer } from 'comlink';
import { isCancelled } from '../../core/cancel.ts';
import { CancelledError, InputError } from '../../core/errors.ts';
import {
  type DiffusionInput,
  type DiffusionResult,
  diffusionStep,
  gridTotal,
  initialSpike,
} from './diffusion.ts';

/** Progress callback: fraction done in [0, 1]. */
export type ProgressCallback = (fractionDone: number) => void;

/**
 * The diffusion demo's worker API (typed protocol for workers/diffusion.worker.ts).
 * `cancelBuffer` comes from core/cancel's createCancelToken().
 */
export function createDiffusionApi() {
  return {
    async run(
      input: DiffusionInput,
      onProgress: ProgressCallback,
      cancelBuffer?: SharedArrayBuffer,
    ): Promise<DiffusionResult> {
      if (!(input.diffusionNumber > 0 && input.diffusionNumber <= 0.25)) {
        throw new InputError([{ path: 'diffusionNumber', message: 'must be in (0, 0.25] for stability' }]);
      }
      let grid = initialSpike(input);
      let next = new Float32Array(grid.length);
      const reportEvery = Math.max(1, Math.floor(input.steps / 100));
      for (let step = 1; step <= input.steps; step++) {
        diffusionStep(grid, next, input);
        [grid, next] = [next, grid];
        if (step % reportEvery === 0) {
          if (isCancelled(cancelBuffer)) throw new CancelledError();
          await onProgress(step / input.steps);
        }
      }
      const result = { values: grid, total: gridTotal(grid), steps: input.steps };
      return transfer(result, [grid.buffer]);
    },
  };
}

/** The typed protocol of the diffusion worker. */
export type DiffusionApi = ReturnType<typeof createDiffusionApi>;
