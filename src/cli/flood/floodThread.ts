/**
 * Worker-thread entry of the threaded flood engine: owns a row range of a state that lives
 * in SharedArrayBuffers and runs the same pure kernel as one thread (sim/flood/floodStepper).
 * Message in: a target time (s); message out: 'done' once every thread reached it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { advanceRows, atomicsBarrier } from '../../sim/flood/floodStepper.ts';
import type { FloodState } from '../../sim/flood/floodState.ts';

const { state, thread, rowStart, rowEnd } = workerData as {
  state: FloodState;
  thread: number;
  rowStart: number;
  rowEnd: number;
};
const range = { thread, rowStart, rowEnd, barrier: atomicsBarrier(state.barrier, state.threads) };
parentPort!.on('message', (targetSeconds: number) => {
  advanceRows(state, range, targetSeconds);
  parentPort!.postMessage('done');
});
