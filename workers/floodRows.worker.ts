import { createRowWorkerHandler } from '../src/sim/flood/floodPool.ts';

const handle = createRowWorkerHandler((message) => self.postMessage(message));
self.onmessage = (event: MessageEvent) => handle(event.data);
