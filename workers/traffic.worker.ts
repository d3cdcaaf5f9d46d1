import { expose } from 'comlink';
import { createTrafficApi } from '../src/sim/traffic/trafficApi.ts';

expose(createTrafficApi());
