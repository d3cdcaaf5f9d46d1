import { describe, expect, it } from 'vitest';
import { readCityFolder } from '../../data/node/readCityFolder.ts';
import { BASELINE_ZONES } from '../../sim/landuse/city/baselineZones.ts';
import { prepareCityLanduse } from '../../sim/landuse/city/cityLanduseModel.ts';
import { runLanduse } from './landuseStage.ts';
import { landuseViewOf, parcelOutlinesOf } from './landuseView.ts';
import { ringArea } from '../../core/geometry/area.ts';
import { ringOfFlat } from '../../core/geometry/ring.ts';

describe('city land-use view', () => {
  it('gives parcel outlines and massing whose footprints have the build-out areas', async () => {
    const model = prepareCityLanduse(await readCityFolder());
    const outlines = parcelOutlinesOf(model);
    expect(outlines.ids.length).toBe(outlines.offsets.length - 1);
    expect(outlines.coordinates.length / 2).toBe(outlines.offsets[outlines.offsets.length - 1]);
    const r1 = outlines.ids.findIndex((_, k) => outlines.zones[k] === 'R1');
    const ids = outlines.ids.slice(r1, r1 + 20);
    const result = await runLanduse(
      model,
      {
        format: 'twin-scenario/1',
        id: 's',
        name: { vi: 's', en: 's' },
        base: null,
        year: 2025,
        edits: [
          { type: 'zoning', id: 'z', parcelIds: ids, zone: 'R2' },
          {
            type: 'growth',
            id: 'g',
            toYear: 2030,
            seed: 1,
            excludeFloodProne: true,
            demandGrowthPercentPerYear: 0,
          },
        ],
      },
      {},
      0,
    );
    const { view, transferables } = landuseViewOf(model, result);
    expect(view.proposedParcels.map((p) => p.id)).toEqual(ids);
    const rings = view.massing.offsets.length - 1;
    expect(rings).toBeGreaterThan(0);
    let drawn = 0;
    for (let k = 0; k < rings; k++) {
      drawn += ringArea(
        ringOfFlat(view.massing.coordinates, view.massing.offsets[k]!, view.massing.offsets[k + 1]!),
      );
      expect(view.massing.heightMetres[k]! % BASELINE_ZONES.R2!.floorHeight).toBeCloseTo(0, 6);
    }
    // Drawn footprints = the build-out footprints (scene-frame vs geodesic areas agree to ~0.1 %).
    const footprints = view.proposedParcels.reduce((s, p) => s + (p.floors > 0 ? p.footprintArea : 0), 0);
    expect(Math.abs(drawn / footprints - 1)).toBeLessThan(0.005);
    expect(view.growth!.year.length).toBe(view.growth!.eastMetres.length);
    for (const y of view.growth!.year) expect(y).toBeGreaterThan(2025);
    // the view's arrays are its own (transferring them leaves the cached stage result intact)
    expect(transferables).toContain(view.growth!.year.buffer);
    expect(view.growth!.year.buffer).not.toBe(result.growth!.newUrbanYears.buffer);
  }, 120_000);
});
