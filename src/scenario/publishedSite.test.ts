import { describe, expect, it } from 'vitest';
import { fromUtm48n, toUtm48n } from '../core/utm48n.ts';
import type { RasterGrid } from '../data/grid/rasterGrid.ts';
import {
  depthGridOnLonLat,
  PUBLISHED_KPIS,
  SITE_CSP,
  siteAssumptionsOf,
  siteKpisOf,
  siteReadme,
  siteScenarioOf,
  siteTrafficLinesOf,
  slimPolygons,
} from './publishedSite.ts';
import type { Scenario } from './scenario.ts';

const scenario: Scenario = {
  format: 'twin-scenario/1',
  id: 'dike',
  name: { vi: 'Đê bao', en: 'Dike' },
  description: { vi: 'Mô tả', en: 'Description' },
  base: 'baseline',
  year: 2030,
  edits: [
    {
      type: 'pond',
      id: 'pond-a',
      polygon: [
        [106.75, 10.79],
        [106.76, 10.79],
        [106.76, 10.8],
      ],
      depthMetres: 3,
    },
  ],
} as unknown as Scenario;

describe('site manifest', () => {
  it('KPI cards follow the published order, skip unreported KPIs and carry label and unit', () => {
    const cards = siteKpisOf({
      'traffic.averageSpeedKmh': 21.5,
      'landuse.residents': 1_000,
      'traffic.unknown': 3,
    });
    expect(cards.map((c) => c.key)).toEqual(['landuse.residents', 'traffic.averageSpeedKmh']);
    expect(PUBLISHED_KPIS.indexOf('landuse.residents')).toBeLessThan(
      PUBLISHED_KPIS.indexOf('traffic.averageSpeedKmh'),
    );
    expect(cards[1]).toMatchObject({
      value: 21.5,
      unit: 'km/h',
      label: { en: expect.any(String), vi: expect.any(String) },
    });
  });

  it('assumptions list the year and every edit; layers appear only when given', () => {
    expect(siteAssumptionsOf(scenario)).toEqual([
      { kind: 'year', detail: '2030' },
      { kind: 'pond', detail: 'pond-a' },
    ]);
    const entry = siteScenarioOf(scenario, {}, { trafficVolumes: 'data/t.geojson' });
    expect(entry.trafficVolumes).toBe('data/t.geojson');
    expect('floodMaxDepth' in entry).toBe(false);
    expect(entry.name.vi).toBe('Đê bao');
  });

  it('the README gives hosts the exact CSP, which allows nothing from outside', () => {
    expect(siteReadme([siteScenarioOf(scenario, {}, {})])).toContain(`Content-Security-Policy: ${SITE_CSP}`);
    expect(SITE_CSP).not.toMatch(/https?:|'unsafe-eval'|\*/);
  });
});

describe('depthGridOnLonLat', () => {
  // a 3×2 grid of 100 m cells in UTM 48N near Thủ Đức; one cell outside the city (NaN)
  const [x0, y0] = toUtm48n(106.75, 10.8);
  const grid: RasterGrid = {
    columns: 3,
    rows: 2,
    xllCornerMetres: Math.round(x0),
    yllCornerMetres: Math.round(y0),
    cellSizeMetres: 100,
    values: Float64Array.from([0.25, 0, Number.NaN, 1.004, 0.5, 0.0449]),
  };

  it('keeps each cell depth (cm) at the cell centre; dry and outside cells are 0', () => {
    const site = depthGridOnLonLat(grid);
    expect([site.columns, site.rows]).toEqual([3, 2]);
    const at = (row: number, col: number) => {
      const [lon, lat] = fromUtm48n(
        grid.xllCornerMetres + (col + 0.5) * 100,
        grid.yllCornerMetres + (grid.rows - row - 0.5) * 100,
      );
      const c = Math.floor(((lon - site.west) / (site.east - site.west)) * site.columns);
      const r = Math.floor(((site.north - lat) / (site.north - site.south)) * site.rows);
      return site.depthCentimetres[r * site.columns + c];
    };
    expect([at(0, 0), at(0, 1), at(0, 2), at(1, 0), at(1, 1), at(1, 2)]).toEqual([25, 0, 0, 100, 50, 4]);
    // the box spans the grid: 300 m × 200 m is about 0.0027° × 0.0018°
    expect(site.east - site.west).toBeCloseTo(300 / (111_320 * Math.cos((10.8 * Math.PI) / 180)), 4);
    expect(site.north - site.south).toBeCloseTo(200 / 110_600, 4);
  });
});

describe('slim layers', () => {
  it('traffic lines keep loaded or closed links, rounded to whole PCU/h and 5 decimals', () => {
    const line = (volume: number, closed: boolean) => ({
      properties: { id: 'x', volumePcuPerHour: volume, capacityPcuPerHour: 1800.4, speedKmh: 20, closed },
      geometry: {
        coordinates: [
          [106.1234567, 10.7654321],
          [106.2, 10.8],
        ],
      },
    });
    const lines = siteTrafficLinesOf({ features: [line(0, false), line(812.6, false), line(0, true)] });
    expect(lines.features.map((f) => f.properties)).toEqual([
      { volumePcuPerHour: 813, capacityPcuPerHour: 1800, closed: false },
      { volumePcuPerHour: 0, capacityPcuPerHour: 1800, closed: true },
    ]);
    expect(lines.features[0]!.geometry.coordinates[0]).toEqual([106.12346, 10.76543]);
  });

  it('polygons keep only the named properties and round every coordinate', () => {
    const slim = slimPolygons(
      {
        features: [
          {
            properties: { use: 'green', vi: 'Đất cây xanh', osmId: 'w1' },
            geometry: {
              type: 'MultiPolygon',
              coordinates: [
                [
                  [
                    [106.1234567, 10.1],
                    [106.2, 10.2],
                    [106.3, 10.1234549],
                  ],
                ],
              ],
            },
          },
        ],
      },
      ['use', 'vi'],
    );
    expect(slim.features[0]!.properties).toEqual({ use: 'green', vi: 'Đất cây xanh' });
    expect(slim.features[0]!.geometry.coordinates).toEqual([
      [
        [
          [106.12346, 10.1],
          [106.2, 10.2],
          [106.3, 10.12345],
        ],
      ],
    ]);
  });
});
