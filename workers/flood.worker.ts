import { expose } from 'comlink';
import { createFloodApi } from '../src/sim/flood/floodApi.ts';

expose(createFloodApi());
