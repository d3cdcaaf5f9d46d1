import { beforeAll, describe, expect, it } from 'vitest';
import { toSceneMetres } from '../../core/geo.ts';
import { readCityFolder } from '../../data/node/readCityFolder.ts';
import type { Feature } from '../../data/pipeline/geojson.ts';
import { runScenario } from '../pipeline.ts';
import type { Scenario, ScenarioEdit, ZoneRules } from '../scenario.ts';
import { BASELINE_ZONES } from '../../sim/landuse/city/baselineZones.ts';
import { type CityLanduseModel, prepareCityLanduse } from '../../sim/landuse/city/cityLanduseModel.ts';
import {
  DEFAULT_CENSUS_CALIBRATION,
  wardResidentComparison,
} from '../../sim/landuse/city/censusResidents.ts';
import { type CityLanduseResult, createLanduseStage } from './landuseStage.ts';
import { polygonArea } from '../../core/geometry/area.ts';
import { pointInRing } from '../../core/geometry/pointInPolygon.ts';

const files = await readCityFolder();
let model: CityLanduseModel;
let baseline: CityLanduseResult;

function scenario(edits: ScenarioEdit[], id = 's', year = 2025): Scenario {
  return { format: 'twin-scenario/1', id, name: { vi: id, en: id }, base: null, year, edits };
}

async function run(edits: ScenarioEdit[], year = 2025): Promise<CityLanduseResult> {
  const stage = createLanduseStage(files, { model });
  return stage.run({ scenario: scenario(edits, 's', year), upstream: {}, onProgress: () => {} });
}

const sum = (values: ArrayLike<number>) => Array.prototype.reduce.call(values, (a, b) => a + b, 0) as number;

/** Thủ Thiêm new urban area (District 2), a rectangle across the peninsula. */
const THU_THIEM: Array<[number, number]> = [
  [106.712, 10.77],
  [106.728, 10.77],
  [106.728, 10.783],
  [106.712, 10.783],
  [106.712, 10.77],
];

function farRules(maxFAR: number): ZoneRules {
  return { ...BASELINE_ZONES.M!, maxFAR, maxHeight: 150, label: undefined } as unknown as ZoneRules;
}

function growthEdit(seed: number, toYear: number, excludeFloodProne: boolean): ScenarioEdit {
  return { type: 'growth', id: 'g', seed, toYear, excludeFloodProne, demandGrowthPercentPerYear: 0 };
}

beforeAll(async () => {
  model = prepareCityLanduse(files);
  baseline = await run([]);
}, 120_000);

describe('baseline zoning of the city', () => {
  it('gives every parcel a zone with rules and a valid front edge', () => {
    expect(model.parcels.length).toBeGreaterThan(10_000);
    for (const p of model.parcels) {
      expect(BASELINE_ZONES[p.zone], p.id).toBeDefined();
      expect(p.frontEdge).toBeGreaterThanOrEqual(0);
      expect(p.frontEdge).toBeLessThan(p.exterior.length);
    }
    expect(new Set(model.parcels.map((p) => p.id)).size).toBe(model.parcels.length);
  });

  it('splits each land-use area into blocks of at most 1 ha whose areas add up to the area', () => {
    const bySource = new Map<string, number>();
    for (const p of model.parcels) {
      expect(p.areaSquareMetres).toBeLessThanOrEqual(10_000 + 1e-6);
      if (p.sourceUse === 'unmapped') continue;
      bySource.set(p.sourceId, (bySource.get(p.sourceId) ?? 0) + p.areaSquareMetres);
    }
    let sourceTotal = 0;
    let parcelTotal = 0;
    for (const f of files.landUse!.features as Feature[]) {
      if (f.properties.use === 'water' || f.geometry.type !== 'Polygon') continue;
      const rings = f.geometry.coordinates.map((ring) =>
        ring.slice(0, -1).map(([lon, lat]) => toSceneMetres(lon!, lat!)),
      );
      const area = polygonArea(rings);
      const parcels = bySource.get(String(f.properties.osmId)) ?? 0;
      // Each area = its parcels + the slivers under 50 m² that were dropped.
      const dropped = model.parcelStats.droppedSquareMetresBySource[String(f.properties.osmId)] ?? 0;
      expect(parcels + dropped).toBeCloseTo(area, 3);
      sourceTotal += area;
      parcelTotal += parcels;
    }
    expect(parcelTotal / sourceTotal).toBeGreaterThan(0.999);
  });

  it('zones residential land with towers as apartments (R2) and unmapped land with buildings as R1', () => {
    const zones = new Set(model.parcels.map((p) => p.zone));
    expect(zones.has('R2')).toBe(true);
    const b = model.buildings;
    for (let k = 0; k < b.count; k++) {
      const p = b.parcel[k]!;
      if (p >= 0 && model.parcels[p]!.sourceUse === 'unmapped') expect(model.parcels[p]!.zone).not.toBe('A');
    }
  });
});

describe('land-use stage on the dataset', () => {
  it('baseline floor space is every building, footprint × floors, and leaves imperviousness to the land cover', () => {
    const b = model.buildings;
    let total = 0;
    for (let k = 0; k < b.count; k++) total += b.grossFloorAreaM2[k]!;
    expect(baseline.floorSpace.grossFloorAreaM2.length).toBe(b.count);
    expect(baseline.kpis.grossFloorAreaM2).toBeCloseTo(total, 3);
    expect(baseline.kpis.residents).toBeCloseTo(sum(baseline.floorSpace.residents), 3);
    expect(baseline.imperviousness).toBeUndefined();
    expect(baseline.proposedParcels).toHaveLength(0);
    for (const key of [
      'schoolWithin500mShare',
      'schoolWithin1kmShare',
      'metroWithin1kmShare',
      'parkWithin500mShare',
    ]) {
      expect(baseline.kpis[key]).toBeGreaterThanOrEqual(0);
      expect(baseline.kpis[key]).toBeLessThanOrEqual(1);
    }
    expect(baseline.kpis.schoolWithin1kmShare!).toBeGreaterThanOrEqual(baseline.kpis.schoolWithin500mShare!);
  });

  it('raising FAR in Thủ Thiêm raises GFA and residents there and nowhere else', async () => {
    const low = await run([{ type: 'zoning', id: 'z', polygon: THU_THIEM, zone: 'M', rules: farRules(3) }]);
    const high = await run([{ type: 'zoning', id: 'z', polygon: THU_THIEM, zone: 'M', rules: farRules(8) }]);
    expect(high.proposedParcels.length).toBeGreaterThan(50);
    expect(high.buildOutFailures).toHaveLength(0);
    const ring = THU_THIEM.map(([lon, lat]) => toSceneMetres(lon, lat));
    const changed = new Set(high.proposedParcels.map((p) => p.parcel));
    for (const k of changed) {
      const p = model.parcels[k]!;
      expect(pointInRing(p.eastMetres, p.northMetres, ring)).toBe(true);
    }
    // Outside the changed parcels, floor space is exactly the baseline's.
    const outside = (r: CityLanduseResult) => {
      let gfa = 0;
      let count = 0;
      for (let i = 0; i < r.floorSpace.grossFloorAreaM2.length; i++) {
        if (r.floorSpace.proposed[i]) continue;
        gfa += r.floorSpace.grossFloorAreaM2[i]!;
        count++;
      }
      return { gfa, count };
    };
    const b = model.buildings;
    let inChanged = 0;
    let inChangedCount = 0;
    for (let k = 0; k < b.count; k++) {
      if (changed.has(b.parcel[k]!)) {
        inChanged += b.grossFloorAreaM2[k]!;
        inChangedCount++;
      }
    }
    expect(outside(high).count).toBe(b.count - inChangedCount);
    expect(outside(high).gfa).toBeCloseTo(baseline.kpis.grossFloorAreaM2! - inChanged, 2);
    // Inside: build-out GFA, higher with the higher FAR, and above what stands there today.
    const proposedGfa = (r: CityLanduseResult) => r.proposedParcels.reduce((s, p) => s + p.grossFloorArea, 0);
    expect(proposedGfa(high)).toBeGreaterThan(proposedGfa(low));
    expect(proposedGfa(high)).toBeGreaterThan(inChanged);
    expect(high.kpis.grossFloorAreaM2! - baseline.kpis.grossFloorAreaM2!).toBeCloseTo(
      proposedGfa(high) - inChanged,
      2,
    );
    expect(high.kpis.residents!).toBeGreaterThan(baseline.kpis.residents!);
    expect(high.kpis.residents!).toBeGreaterThan(low.kpis.residents!);
    // Each parcel obeys FAR 8 on its lot.
    for (const p of high.proposedParcels)
      expect(p.grossFloorArea).toBeLessThanOrEqual(8 * p.lotArea * (1 + 1e-9));
    // The imperviousness grid covers the terrain, one fraction in [0, 1] per 20 m cell, and the
    // rebuilt lots (FAR 8, dense cover) raise the city's mean impervious share.
    const grid = high.imperviousness!;
    expect(grid.length).toBe(files.terrain!.meta.columns * files.terrain!.meta.rows);
    expect(grid.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(high.kpis.imperviousShare!).toBeGreaterThan(baseline.kpis.imperviousShare!);
  }, 60_000);

  it('growth is deterministic with its seed, monotone in time, and differs between seeds', async () => {
    const a = await run([growthEdit(7, 2045, false)]);
    const again = await run([growthEdit(7, 2045, false)]);
    const other = await run([growthEdit(8, 2045, false)]);
    const shorter = await run([growthEdit(7, 2035, false)]);
    expect([...again.growth!.newUrbanCells]).toEqual([...a.growth!.newUrbanCells]);
    expect([...other.growth!.newUrbanCells]).not.toEqual([...a.growth!.newUrbanCells]);
    const counts = a.growth!.urbanCellsByYear;
    for (let y = 1; y < counts.length; y++) expect(counts[y]!).toBeGreaterThanOrEqual(counts[y - 1]!);
    expect(a.growth!.newUrbanCells.length).toBeGreaterThan(shorter.growth!.newUrbanCells.length);
    const later = new Set(a.growth!.newUrbanCells);
    for (const cell of shorter.growth!.newUrbanCells) expect(later.has(cell)).toBe(true);
    expect(a.kpis.grossFloorAreaM2!).toBeGreaterThan(baseline.kpis.grossFloorAreaM2!);
    expect(a.kpis.imperviousShare!).toBeGreaterThan(baseline.kpis.imperviousShare!);
    expect(a.kpis.newUrbanAreaHa).toBeCloseTo(a.growth!.newUrbanCells.length, 6);
  }, 120_000);

  it('excludeFloodProne keeps growth off low-lying cells', async () => {
    const open = await run([growthEdit(3, 2045, false)]);
    const closed = await run([growthEdit(3, 2045, true)]);
    const onFloodProne = (r: CityLanduseResult) =>
      [...r.growth!.newUrbanCells].filter((c) => model.growthGrid.floodProne[c] === 1).length;
    expect(onFloodProne(open)).toBeGreaterThan(0);
    expect(onFloodProne(closed)).toBe(0);
  }, 60_000);

  it('runs in the scenario pipeline and is cached for an unchanged scenario', async () => {
    const stage = createLanduseStage(files, { model });
    const cache = new Map<string, unknown>();
    const s = scenario([growthEdit(1, 2030, true)]);
    const first = await runScenario(s, [stage], { cache });
    const second = await runScenario(s, [stage], { cache });
    expect(second.cached).toEqual(['landuse']);
    expect(second.kpis).toEqual(first.kpis);
    expect(first.kpis['landuse.newUrbanAreaHa']).toBeGreaterThan(0); // the pipeline prefixes the stage id
  }, 60_000);

  it('rejects an unknown zone without rules and an unknown parcel id, naming the edit', async () => {
    await expect(
      run([{ type: 'zoning', id: 'z', parcelIds: [model.parcels[0]!.id], zone: 'XX' }]),
    ).rejects.toThrow(/edits\[0\]\.zone/);
    await expect(run([{ type: 'zoning', id: 'z', parcelIds: ['nope'], zone: 'R1' }])).rejects.toThrow(
      /edits\[0\]\.parcelIds\[0\]: unknown parcel "nope"/,
    );
  });
});

describe('residents calibrated to the 2019 census', () => {
  it('baseline: total 1.10–1.45 M and at least 80 % of the 36 wards within ±25 % of the census', () => {
    expect(model.wards).toHaveLength(36);
    const c = wardResidentComparison(model.wards, baseline.floorSpaceWard, baseline.floorSpace.residents);
    expect(c.census2019).toBe(1_169_967);
    expect(baseline.kpis.residents!).toBeCloseTo(c.modelInWards + c.modelOutsideWards, 3);
    expect(baseline.kpis.residents!).toBeGreaterThan(1.1e6);
    expect(baseline.kpis.residents!).toBeLessThan(1.45e6);
    expect(c.shareWithin(0.25)).toBeGreaterThanOrEqual(0.8);
    // Where the clamp does not bind, a ward holds exactly its census count grown to 2025.
    const calibration = baseline.wardCalibration!;
    const growth = (1 + DEFAULT_CENSUS_CALIBRATION.annualGrowthRate) ** (2025 - 2019);
    c.rows.forEach((row, w) => {
      if (calibration.clamped[w] === 0 && calibration.housingFloorAreaM2[w]! > 0)
        expect(row.model / (row.census2019 * growth), row.name).toBeCloseTo(1, 9);
    });
    // Floor space outside every ward (the dataset's margin) houses people at the standard 28 m².
    for (let i = 0; i < baseline.floorSpaceWard.length; i++) {
      if (baseline.floorSpaceWard[i]! >= 0 || baseline.floorSpace.use[i] !== 0) continue;
      expect(baseline.floorSpace.residents[i]).toBeCloseTo(baseline.floorSpace.grossFloorAreaM2[i]! / 28, 9);
    }
  });

  it('a later scenario year without new floor space has the same residents (growth is counted once)', async () => {
    const later = await run([], 2045);
    expect(later.kpis.residents).toBe(baseline.kpis.residents);
  });

  it('a proposed building adds residents at 28 m² per person; removed floor space takes its residents', async () => {
    // The parcel inside a ward with the most existing housing.
    const b = model.buildings;
    const housingByParcel = new Map<number, number>();
    for (let k = 0; k < b.count; k++) {
      if (b.parcel[k]! < 0 || b.ward[k]! < 0 || b.use[k] !== 0) continue;
      housingByParcel.set(b.parcel[k]!, (housingByParcel.get(b.parcel[k]!) ?? 0) + b.grossFloorAreaM2[k]!);
    }
    const [parcel] = [...housingByParcel].sort((x, y) => y[1] - x[1])[0]!;
    let removed = 0;
    for (let k = 0; k < b.count; k++)
      if (b.parcel[k] === parcel) removed += baseline.floorSpace.residents[k]!;
    expect(removed).toBeGreaterThan(0);
    const id = model.parcels[parcel]!.id;

    const rebuilt = await run([{ type: 'zoning', id: 'z', parcelIds: [id], zone: 'R2' }]);
    expect(rebuilt.proposedParcels).toHaveLength(1);
    const gfa = rebuilt.proposedParcels[0]!.grossFloorArea;
    expect(gfa).toBeGreaterThan(0);
    const proposed = [...rebuilt.floorSpace.proposed.keys()].filter((i) => rebuilt.floorSpace.proposed[i]);
    expect(proposed).toHaveLength(1);
    expect(rebuilt.floorSpace.residents[proposed[0]!]).toBeCloseTo(gfa / 28, 9);
    expect(rebuilt.kpis.residents! - baseline.kpis.residents!).toBeCloseTo(gfa / 28 - removed, 6);

    // Rezoned to a park: no housing left on the parcel, its residents are gone.
    const park = await run([{ type: 'zoning', id: 'z', parcelIds: [id], zone: 'G' }]);
    expect(baseline.kpis.residents! - park.kpis.residents!).toBeCloseTo(removed, 6);
  }, 60_000);

  it('new growth cells house residents at 28 m² per person and nothing else changes', async () => {
    const grown = await run([growthEdit(5, 2035, false)], 2035);
    const cells = grown.growth!.newUrbanCells.length;
    expect(cells).toBeGreaterThan(0);
    const added = (cells * model.growthGrid.cellSizeMetres ** 2) / 28; // floor area ratio 1.0
    expect(grown.kpis.residents! - baseline.kpis.residents!).toBeCloseTo(added, 4);
  }, 60_000);
});
