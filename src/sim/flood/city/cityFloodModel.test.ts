import { describe, expect, it } from 'vitest';
import {
  CELL,
  gridPointToWgs84,
  LAND,
  OUTSIDE,
  syntheticCity,
  WATER,
} from '../../../../tests/fixtures/flood-city/syntheticCity.ts';
import { integrate, type TimeSeries } from '../../../core/timeSeries.ts';
import { idfDepthMm } from '../../hydrology/designStorm.ts';
import { FloodSimulation } from '../floodSimulation.ts';
import { cityStormEvent, DEFAULT_EVENT, kingTideWindow } from './cityEvent.ts';
import { cityFloodModel } from './cityFloodModel.ts';
import { cityGrid } from './cityGrid.ts';
import { lineCells } from './rasterize.ts';

const ROWS = 16;
const COLUMNS = 30;

/** River in columns 0–2 (bed −5 m, water joined to the grid edge), land from 0.3 m rising east. */
const riverAndBasin = syntheticCity(COLUMNS, ROWS, (_r, c) => (c < 3 ? [-5, WATER] : [0.3 + 0.01 * c, LAND]));

/** Each cell after the first shares an edge with an earlier one (the set is 4-connected, no corner-only joins). */
function expectFourConnected(cells: number[], columns: number) {
  const earlier = new Set<number>([cells[0]!]);
  for (let i = 1; i < cells.length; i++) {
    const k = cells[i]!;
    const col = k % columns;
    const joined =
      earlier.has(k - columns) ||
      earlier.has(k + columns) ||
      (col > 0 && earlier.has(k - 1)) ||
      (col < columns - 1 && earlier.has(k + 1));
    expect(joined, `cell ${k} touches the line only at a corner`).toBe(true);
    earlier.add(k);
  }
}

/** The event of a scenario without a storm event. */
const defaultEvent = cityStormEvent(undefined);

/** A tide rising from 0 m to `levelMetres` over 2 hours, then held (no sudden dam break). */
const risingTide = (levelMetres: number, hours: number) => ({
  durationSeconds: hours * 3600,
  rainMillimetresPerHour: [],
  tideLevelMetres: [
    [0, 0],
    [7200, levelMetres],
  ] as Array<[number, number]>,
});

describe('city flood model: grid', () => {
  it('block-averages the terrain: a 40 m cell is the mean of its four 20 m cells', () => {
    const files = syntheticCity(4, 4, (r, c) => [r * 4 + c, LAND]);
    const grid = cityGrid(files.terrain!, 40);
    expect([grid.columns, grid.rows]).toEqual([2, 2]);
    expect(grid.bedMetres[0]).toBeCloseTo((0 + 1 + 4 + 5) / 4, 12);
    expect(grid.bedMetres[3]).toBeCloseTo((10 + 11 + 14 + 15) / 4, 12);
    expect(grid.cellSizeMetres).toBe(40);
  });

  it('holds water joined to the outside at the tide, fills inland water to its spill level, walls the outside', () => {
    // A 3 × 3 inland pond (bed −4 m) in land at 1 m with one low shore cell at 0.8 m.
    const files = syntheticCity(12, 10, (r, c) => {
      if (c === 11) return [0, OUTSIDE];
      if (c < 2) return [-5, WATER];
      if (r >= 4 && r <= 6 && c >= 5 && c <= 7) return [-4, WATER];
      if (r === 5 && c === 8) return [0.8, LAND];
      return [1, LAND];
    });
    const city = cityFloodModel(files, { event: risingTide(1, 1) }, { cellSizeMetres: CELL });
    expect(city.river[5 * 12 + 0]).toBe(1);
    expect(city.river[5 * 12 + 6]).toBe(0);
    expect(city.grid.bedMetres[5 * 12 + 6]).toBeCloseTo(0.8, 12);
    expect(Number.isNaN(city.grid.bedMetres[5 * 12 + 11]!)).toBe(true);
  });
});

describe('city flood model: dikes and ponds', () => {
  it('rasterizes lines 4-connected, also exactly through cell corners', () => {
    const diagonal = lineCells(
      [
        [0.5, 0.5],
        [10.5, 10.5],
      ],
      20,
      20,
    );
    expectFourConnected(diagonal, 20);
    expect(diagonal[0]).toBe(0);
    expect(diagonal.at(-1)).toBe(10 * 20 + 10);
    const corners = lineCells(
      [
        [0, 0],
        [6, 6],
        [12, 2.3],
      ],
      20,
      20,
    );
    expectFourConnected(corners, 20);
  });

  it('raises dike cells to the crest along a 4-connected line', () => {
    const dike = {
      type: 'dike' as const,
      id: 'd1',
      coordinates: [gridPointToWgs84(4.2, 1.3, ROWS), gridPointToWgs84(25.7, 14.6, ROWS)],
      crestHeightMetres: 3,
    };
    const city = cityFloodModel(
      riverAndBasin,
      { event: defaultEvent, dikes: [dike] },
      { cellSizeMetres: CELL },
    );
    const line = city.dikeCells.filter((k) => k % COLUMNS > 3); // column 3 is the river bank the dike also closes
    expect(line.length).toBeGreaterThanOrEqual(21 + 13);
    expectFourConnected(line, COLUMNS);
    for (const k of city.dikeCells) expect(city.grid.bedMetres[k]).toBe(3);
    let raised = 0;
    for (let k = 0; k < city.grid.bedMetres.length; k++) if (city.grid.bedMetres[k] === 3) raised++;
    expect(raised).toBe(city.dikeCells.length);
  });

  it('excavates a pond: storage = polygon area × depth', () => {
    // A grid-aligned 10 × 6-cell polygon (200 m × 120 m) dug 2.5 m deep.
    const corners: Array<[number, number]> = [
      [10, 4],
      [20, 4],
      [20, 10],
      [10, 10],
    ];
    const pond = {
      type: 'pond' as const,
      id: 'p1',
      polygon: corners.map(([x, y]) => gridPointToWgs84(x, y, ROWS)),
      depthMetres: 2.5,
    };
    const before = cityFloodModel(riverAndBasin, { event: defaultEvent }, { cellSizeMetres: CELL });
    const after = cityFloodModel(
      riverAndBasin,
      { event: defaultEvent, ponds: [pond] },
      { cellSizeMetres: CELL },
    );
    let storage = 0;
    for (let k = 0; k < before.grid.bedMetres.length; k++)
      storage += (before.grid.bedMetres[k]! - after.grid.bedMetres[k]!) * CELL * CELL;
    expect(after.pondCells.length).toBe(60);
    expect(storage).toBeCloseTo(200 * 120 * 2.5, 6);
  });
});

describe('city flood model: tide on held river cells', () => {
  const tideRun = (level: number) => {
    const city = cityFloodModel(riverAndBasin, { event: risingTide(level, 8) }, { cellSizeMetres: CELL });
    const sim = new FloodSimulation();
    sim.init(city.model);
    sim.advance(city.event.durationSeconds);
    return { city, sim };
  };

  it('a normal tide below the bank crest stays in the river: the low basin stays dry', () => {
    const { sim } = tideRun(1.4);
    for (let k = 0; k < sim.state.depth.length; k++)
      if (!sim.state.held[k]) expect(sim.state.maxDepth[k]).toBe(0);
    expect(sim.volume().relativeError).toBeLessThan(1e-12);
  });

  it('a tide over the 1.6 m banks fills the connected low basin to the tide level and the volume account closes', () => {
    const { city, sim } = tideRun(2.0);
    const { bed, depth, held } = sim.state;
    for (let k = 0; k < depth.length; k++)
      if (!held[k] && !city.bankCells.includes(k))
        expect(Math.abs(bed[k]! + depth[k]! - 2.0)).toBeLessThan(0.01);
    expect(sim.volume().boundaryNet).toBeGreaterThan(0);
    expect(sim.volume().relativeError).toBeLessThan(1e-12);
  });

  it('a dike between river and basin keeps the basin dry below its crest, not above it', () => {
    const dike = {
      type: 'dike' as const,
      id: 'd1',
      coordinates: [gridPointToWgs84(5.5, -1, ROWS), gridPointToWgs84(5.5, ROWS + 1, ROWS)],
      crestHeightMetres: 2,
    };
    const run = (tide: number) => {
      const city = cityFloodModel(
        riverAndBasin,
        { event: risingTide(tide, 6), dikes: [dike] },
        { cellSizeMetres: CELL },
      );
      const sim = new FloodSimulation();
      sim.init(city.model);
      sim.advance(city.event.durationSeconds);
      let basin = 0;
      for (let r = 0; r < ROWS; r++)
        for (let c = 6; c < COLUMNS; c++) basin = Math.max(basin, sim.state.maxDepth[r * COLUMNS + c]!);
      return basin;
    };
    expect(run(1.8)).toBe(0); // tide below the 2 m crest: not a drop behind the dike
    expect(run(2.5)).toBeGreaterThan(1); // overtopped: the basin (≤ 0.6 m) floods
  });
});

describe('city flood model: events', () => {
  it('applies the documented default event without a storm', () => {
    const event = cityStormEvent(undefined);
    expect(event.durationSeconds).toBe(DEFAULT_EVENT.durationHours * 3600);
    expect(Math.max(...event.tideLevelMetres.map((p) => p[1]))).toBeCloseTo(1.4, 9);
    const rainMm = integrate(event.rainMillimetresPerHour, 0, event.durationSeconds) / 3600;
    expect(rainMm).toBeCloseTo(idfDepthMm(10, 180), 3);
  });

  it('uses the storm: design rain depth from the IDF curve, its tide series', () => {
    const tide: Array<[number, number]> = [
      [0, 0.5],
      [43200, 1.6],
      [86400, 0.5],
    ];
    const event = cityStormEvent({
      durationHours: 24,
      rain: { kind: 'design', returnPeriodYears: 100, durationHours: 6 },
      tide: { levelMetres: tide },
    });
    expect(event.durationSeconds).toBe(86400);
    expect(event.tideLevelMetres).toEqual(tide);
    expect(integrate(event.rainMillimetresPerHour, 0, 86400) / 3600).toBeCloseTo(idfDepthMm(100, 360), 3);
  });
});

describe('city flood model: design tide window', () => {
  it('cuts short windows from a full day of king tide: peak inside, range no larger than the daily one', () => {
    const day = kingTideWindow(1.8, 24);
    const short = kingTideWindow(1.8, 3);
    const levels = (s: TimeSeries) => s.map((p) => p[1]);
    expect(Math.max(...levels(short))).toBeCloseTo(1.8, 2);
    expect(short[0]![0]).toBe(0);
    expect(short.at(-1)![0]).toBe(3 * 3600);
    // a 3-hour window round high water spans well under the 3.5 m daily range
    expect(Math.max(...levels(short)) - Math.min(...levels(short))).toBeLessThan(1.5);
    expect(Math.max(...levels(day)) - Math.min(...levels(day))).toBeCloseTo(3.5, 6);
  });
});
