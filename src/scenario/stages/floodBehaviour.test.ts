/**
 * Behaviour a drained, embanked delta city must show, on a small synthetic city (20 m cells): a
 * 240 m wide river on the west (held at the tide), a 20 m canal joined to it, land rising from
 * 0.5 m. Checks of meaning, not golden numbers: a tide below the banks stays in the river, the
 * tide gate keeps the king tide out of the canal, flooding grows with the return period, the drains
 * stop when their outfall is submerged, and protection never makes anything worse.
 */
import { describe, expect, it } from 'vitest';
import {
  CELL,
  gridPointToWgs84,
  LAND,
  scenarioWith,
  syntheticCity,
  WATER,
} from '../../../tests/fixtures/flood-city/syntheticCity.ts';
import { runScenario } from '../pipeline.ts';
import type { ScenarioEdit } from '../scenario.ts';
import { createFloodStage } from './floodStage.ts';
import { alternatingBlockHyetograph } from '../../sim/hydrology/designStorm.ts';
import type { CityFloodEvent } from '../../sim/flood/city/cityEvent.ts';
import { cityFloodModel } from '../../sim/flood/city/cityFloodModel.ts';
import { nextCanalLevel, OUTFALL_HEAD_METRES, outfallFactor } from '../../sim/flood/city/drainage.ts';

const ROWS = 20;
const COLUMNS = 40;
const CANAL_ROW = 10;
const city = syntheticCity(COLUMNS, ROWS, (r, c) => {
  if (c < 12) return [-6, WATER];
  if (r === CANAL_ROW && c < 30) return [-2, WATER];
  return [0.5 + 0.04 * (c - 12) + 0.02 * Math.abs(r - CANAL_ROW), LAND];
});

function event(tidePeak: number, returnPeriodYears: number): CityFloodEvent {
  return {
    durationSeconds: 6 * 3600,
    tideLevelMetres: [
      [0, 0],
      [3 * 3600, tidePeak],
      [6 * 3600, 0],
    ],
    rainMillimetresPerHour:
      returnPeriodYears > 0
        ? [
            [0, 0],
            ...alternatingBlockHyetograph(returnPeriodYears, 180).map(
              ([t, v]) => [t + 1, v] as [number, number],
            ),
          ]
        : [],
  };
}

async function floodKpis(tidePeak: number, returnPeriodYears: number, edits: ScenarioEdit[] = []) {
  const stage = createFloodStage(city, { cellSizeMetres: CELL, event: event(tidePeak, returnPeriodYears) });
  const run = await runScenario(scenarioWith(edits), [stage]);
  return { area: run.kpis['flood.floodedAreaKm2']!, error: run.kpis['flood.volumeRelativeError']! };
}

describe('city flood model: a drained, embanked delta city', () => {
  it('splits water into a held river and a canal behind a tide gate at its mouth', () => {
    const model = cityFloodModel(city, { event: event(1, 0) }, { cellSizeMetres: CELL });
    expect(model.river[CANAL_ROW * COLUMNS + 5]).toBe(1);
    expect(model.river[CANAL_ROW * COLUMNS + 20]).toBe(0);
    expect(model.model.flapGateCells![CANAL_ROW * COLUMNS + 12]).toBe(1);
    expect(model.model.flapGateCells![CANAL_ROW * COLUMNS + 20]).toBe(0);
  });

  it('a normal tide below alarm level I floods nothing; the gate keeps a king tide out of the canal', async () => {
    expect((await floodKpis(1.35, 0)).area).toBe(0);
    expect((await floodKpis(1.55, 0)).area).toBe(0); // above land (0.5 m) but below the 1.6 m banks, gate shut
  });

  it('flooded area grows with the return period, and the volume balance closes', async () => {
    const areas: number[] = [];
    for (const p of [2, 10, 100]) {
      const { area, error } = await floodKpis(1.0, p);
      expect(error).toBeLessThan(1e-9);
      areas.push(area);
    }
    expect(areas[1]).toBeGreaterThanOrEqual(areas[0]!);
    expect(areas[2]).toBeGreaterThanOrEqual(areas[1]!);
    expect(areas[2]).toBeGreaterThan(areas[0]!);
  });

  it('protection never makes anything worse: a dike along the bank against an overtopping tide', async () => {
    const dike: ScenarioEdit = {
      type: 'dike',
      id: 'd',
      coordinates: syntheticLine(12.5),
      crestHeightMetres: 2.5,
    };
    const open = await floodKpis(2.0, 10);
    const protectedBank = await floodKpis(2.0, 10, [dike]);
    expect(protectedBank.area).toBeLessThan(open.area);
  });
});

describe('drains and their outfalls (hand-worked)', () => {
  it('run full with the outfall 0.5 m below ground, half at 0.25 m, not at all when submerged', () => {
    expect(outfallFactor(2, 2 - OUTFALL_HEAD_METRES)).toBe(1);
    expect(outfallFactor(2, 1.75)).toBeCloseTo(0.5, 12);
    expect(outfallFactor(1, 1.2)).toBe(0);
  });

  it('the canal store rises with drained water while the river is higher and empties to a lower river', () => {
    // 1,000 m³ into 10,000 m² of canal: +0.1 m with the gates shut (river at 1.5 m)
    expect(nextCanalLevel(0.2, 1.5, 1000, 10_000)).toBeCloseTo(0.3, 12);
    // river below the filled level: the gates open and the canal falls to the river
    expect(nextCanalLevel(0.2, 0.25, 1000, 10_000)).toBeCloseTo(0.25, 12);
  });
});

/** A north–south line at grid column x (cells from the west) over the whole synthetic city, WGS84. */
function syntheticLine(x: number): Array<[number, number]> {
  return [gridToWgs84(x, -1), gridToWgs84(x, ROWS + 1)];
}

function gridToWgs84(x: number, y: number): [number, number] {
  return gridPointToWgs84(x, y, ROWS);
}
