import { expose } from 'comlink';
import { createCityDataApi } from '../src/data/dataset/cityDataApi.ts';

expose(createCityDataApi());
