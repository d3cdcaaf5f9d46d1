/**
 * Node worker-thread entry of the threaded flood engine: a row worker of sim/flood/floodPool
 * (the same pure kernel as one thread, on a row range of a SharedArrayBuffer state).
 */
import { parentPort } from 'node:worker_threads';
import { createRowWorkerHandler } from '../../sim/flood/floodPool.ts';

const port = parentPort!;
const handle = createRowWorkerHandler((message) => port.postMessage(message));
port.on('message', handle);
