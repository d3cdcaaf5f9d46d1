import { describe, expect, it } from 'vitest';
import type { CityFiles } from '../data/dataset/cityFiles.ts';
import type { NowcastEvent } from '../sensors/nowcast.ts';
import { closedRoadsByName, nowcastScenario } from './nowcastRun.ts';

describe('nowcast run helpers', () => {
  it('groups closed links by street name, most links first, unnamed and unknown links as ""', () => {
    const files = {
      roads: {
        links: { ids: ['a-0f', 'a-0b', 'b-0f', 'c-0f'], name: [1, 1, 2, 0] },
        names: ['', 'Mai Chí Thọ', 'Quốc lộ 13'],
      },
    } as unknown as CityFiles;
    // a-0f, a-0b → Mai Chí Thọ (2); b-0f → Quốc lộ 13 (1); c-0f (name 0) and x-9f (not in
    // roads.json) → "" (2); ties by name, "" before "Mai…"
    expect(closedRoadsByName(files, ['a-0f', 'b-0f', 'a-0b', 'c-0f', 'x-9f'])).toEqual([
      { name: '', links: 2 },
      { name: 'Mai Chí Thọ', links: 2 },
      { name: 'Quốc lộ 13', links: 1 },
    ]);
    expect(closedRoadsByName({} as CityFiles, ['a-0f'])).toEqual([]);
  });

  it('puts the event’s series on the event clock of the baseline city', () => {
    const event = {
      stepSeconds: 600,
      riverLevelMetres: [1.1, 1.2, 1.3],
      rainMillimetresPerHour: [9, 7.01, 5.46],
    } as NowcastEvent;
    const scenario = nowcastScenario(event, 0.5);
    expect(scenario.base).toBe('baseline');
    expect(scenario.year).toBe(2025);
    expect(scenario.edits).toEqual([
      {
        type: 'stormEvent',
        id: 'nowcast',
        durationHours: 0.5,
        rain: {
          kind: 'series',
          intensityMmPerHour: [
            [0, 9],
            [600, 7.01],
            [1200, 5.46],
          ],
        },
        tide: {
          levelMetres: [
            [0, 1.1],
            [600, 1.2],
            [1200, 1.3],
          ],
        },
      },
    ]);
  });
});
