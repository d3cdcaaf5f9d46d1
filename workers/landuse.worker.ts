import { expose } from 'comlink';
import { createLanduseApi } from '../src/sim/landuse/landuseApi.ts';

expose(createLanduseApi());
