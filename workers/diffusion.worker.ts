import { expose } from 'comlink';
import { createDiffusionApi } from '../src/sim/diffusion/diffusionApi.ts';

expose(createDiffusionApi());
