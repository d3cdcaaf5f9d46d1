import { expose } from 'comlink';
import { createScenarioApi } from '../src/scenario/scenarioApi.ts';

expose(createScenarioApi());
