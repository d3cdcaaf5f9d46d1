import { expose } from 'comlink';
import { createCityLanduseApi } from '../../sim/landuse/city/cityLanduseApi.ts';

expose(
  createCityLanduseApi((baseUrl) => async (file) => {
    const response = await fetch(new URL(file, baseUrl));
    return response.ok ? response.arrayBuffer() : undefined;
  }),
);
