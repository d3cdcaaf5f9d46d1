import { expose } from 'comlink';
import { fetchDatasetReader } from '../src/data/dataset/fetchReader.ts';
import { createCityLanduseApi } from '../src/sim/landuse/city/cityLanduseApi.ts';

expose(createCityLanduseApi(fetchDatasetReader));
