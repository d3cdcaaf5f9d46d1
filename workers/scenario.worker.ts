import { expose } from 'comlink';
import { createScenarioApi } from '../src/sim/scenarioApi.ts';

expose(createScenarioApi());
