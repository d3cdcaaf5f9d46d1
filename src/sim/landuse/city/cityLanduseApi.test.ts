import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_ZONES } from './baselineZones.ts';
import { createCityLanduseApi } from './cityLanduseApi.ts';
import { flatRingSignedArea } from './sceneRings.ts';

const reader = (base: string) => async (file: string) => {
  const bytes = await readFile(join(base, file)).catch(() => undefined);
  return bytes
    ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    : undefined;
};

describe('city land-use worker API', () => {
  it('prepares outlines and returns massing whose footprints have the build-out areas', async () => {
    const api = createCityLanduseApi(reader);
    const outlines = await api.prepare('public/data/thuduc');
    expect(outlines.ids.length).toBe(outlines.offsets.length - 1);
    expect(outlines.coordinates.length / 2).toBe(outlines.offsets[outlines.offsets.length - 1]);
    const r1 = outlines.ids.findIndex((_, k) => outlines.zones[k] === 'R1');
    const ids = outlines.ids.slice(r1, r1 + 20);
    const progress: number[] = [];
    const view = await api.run(
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
      (f) => progress.push(f),
    );
    expect(progress.at(-1)).toBe(1);
    expect(view.proposedParcels.map((p) => p.id)).toEqual(ids);
    const rings = view.massing.offsets.length - 1;
    expect(rings).toBeGreaterThan(0);
    let drawn = 0;
    for (let k = 0; k < rings; k++) {
      const ring = Array.from(
        view.massing.coordinates.subarray(2 * view.massing.offsets[k]!, 2 * view.massing.offsets[k + 1]!),
      );
      drawn += Math.abs(flatRingSignedArea(ring));
      expect(view.massing.heightMetres[k]! % BASELINE_ZONES.R2!.floorHeight).toBeCloseTo(0, 6);
    }
    // Drawn footprints = the build-out footprints (scene-frame vs geodesic areas agree to ~0.1 %).
    const footprints = view.proposedParcels.reduce((s, p) => s + (p.floors > 0 ? p.footprintArea : 0), 0);
    expect(Math.abs(drawn / footprints - 1)).toBeLessThan(0.005);
    expect(view.growth!.year.length).toBe(view.growth!.eastMetres.length);
    for (const y of view.growth!.year) expect(y).toBeGreaterThan(2025);
  }, 120_000);
});
