import { describe, expect, it } from 'vitest';
import { hashValue } from '../../core/hash.ts';
import { readCityFolder } from '../../data/node/readCityFolder.ts';
import type { Scenario } from '../scenario.ts';
import { cityStages } from './cityStages.ts';

const storm: Scenario = {
  format: 'twin-scenario/1',
  id: 's',
  name: { vi: 's', en: 's' },
  base: null,
  year: 2025,
  edits: [
    {
      type: 'stormEvent',
      id: 'e',
      durationHours: 1,
      rain: { kind: 'design', returnPeriodYears: 10, durationHours: 1 },
    },
  ],
};

describe('city stages', () => {
  it('put the run options in the cache inputs: another flood cell or traffic gap is another result', async () => {
    const files = await readCityFolder();
    const inputs = (options: Parameters<typeof cityStages>[1]) =>
      Object.fromEntries(cityStages(files, options).map((s) => [s.id, hashValue(s.inputs(storm))]));
    const coarse = inputs({});
    const fine = inputs({ floodCellSizeMetres: 20 });
    const loose = inputs({ trafficRelativeGap: 1e-2 });
    expect(inputs({ floodCellSizeMetres: 80, trafficRelativeGap: 1e-3 })).toEqual(coarse);
    expect(fine.landuse).toBe(coarse.landuse);
    expect(fine.flood).not.toBe(coarse.flood);
    expect(fine.traffic).toBe(coarse.traffic);
    expect(loose.flood).toBe(coarse.flood);
    expect(loose.traffic).not.toBe(coarse.traffic);
  });
});
