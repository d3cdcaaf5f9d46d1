import { expose } from 'comlink';
import { createFloodApi, webRowWorker } from '../src/sim/flood/floodApi.ts';

const rowWorker = () =>
  webRowWorker(new Worker(new URL('./floodRows.worker.ts', import.meta.url), { type: 'module' }));
expose(createFloodApi(rowWorker));
