/**
 * Web Worker entry of a flood row worker (sim/flood/floodPool.ts): started by the scenario worker
 * for multi-worker flood runs; it runs its row range of the shared state and answers 'done'.
 */
import { createRowWorkerHandler } from '../src/sim/flood/floodPool.ts';

const handle = createRowWorkerHandler((message) => postMessage(message));
addEventListener('message', (event: MessageEvent) => handle(event.data));
