import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Scenario } from './scenario.ts';
import { siteZoningEditAt, siteZoningEditsOf } from './siteZoningEdits.ts';
import { parseScenario } from './validate.ts';

const scenarioFile = (id: string): Scenario =>
  parseScenario(JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')));

describe('siteZoningEditsOf: the rezoned areas of a published scenario as GeoJSON', () => {
  const thuThiem = scenarioFile('thu-thiem-high-density');
  const edits = siteZoningEditsOf(thuThiem)!;

  test('Thủ Thiêm: one polygon per zoning edit with the rules of the document', () => {
    const documented = thuThiem.edits.filter((e) => e.type === 'zoning');
    expect(documented).toHaveLength(2);
    expect(edits.features.map((f) => f.properties)).toEqual(
      documented.map((edit) => ({
        id: edit.id,
        zone: edit.zone,
        use: edit.rules!.use,
        maxFAR: edit.rules!.maxFAR,
        maxHeightMetres: edit.rules!.maxHeight,
        maxCoverage: edit.rules!.maxCoverage,
        minGreenRatio: edit.rules!.minGreenRatio,
      })),
    );
    // the document's planning figures (its description: FAR 8 mixed, 5 housing, up to 200 m)
    expect(edits.features[0]!.properties).toMatchObject({ zone: 'TT-MIXED', use: 'mixed', maxFAR: 8 });
    expect(edits.features[1]!.properties).toMatchObject({ zone: 'TT-R', use: 'residential', maxFAR: 5 });
    for (const [i, feature] of edits.features.entries()) {
      const ring = feature.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]); // closed, as GeoJSON wants
      expect(ring.slice(0, -1)).toEqual(documented[i]!.polygon);
    }
  });

  test('a point is told the rezoned area it lies in, none outside', () => {
    // the middle of the core polygon, and of the residential one east of it
    expect(siteZoningEditAt(edits, 106.721, 10.775)?.zone).toBe('TT-MIXED');
    expect(siteZoningEditAt(edits, 106.733, 10.774)?.zone).toBe('TT-R');
    expect(siteZoningEditAt(edits, 106.7, 10.85)).toBeUndefined(); // Thủ Đức centre: not rezoned
  });

  test('a scenario without zoning edits publishes nothing; edits by parcel or without rules are not drawn', () => {
    expect(siteZoningEditsOf(scenarioFile('baseline'))).toBeUndefined();
    expect(siteZoningEditsOf(scenarioFile('saigon-dike-and-ponds'))).toBeUndefined();
    const rules = {
      use: 'mixed' as const,
      maxCoverage: 0.5,
      maxFAR: 3,
      maxHeight: 60,
      floorHeight: 3.6,
      setbacks: { front: 6, side: 4, rear: 4 },
    };
    const byParcel = { type: 'zoning' as const, id: 'p', parcelIds: ['12'], zone: 'R1', rules };
    const corners: Array<[number, number]> = [
      [106.7, 10.8],
      [106.71, 10.8],
      [106.71, 10.81],
    ];
    const renameOnly = { type: 'zoning' as const, id: 'r', polygon: corners, zone: 'R1' };
    // the same area with rules is drawn, its green share 0 when the rules set none
    const drawn = siteZoningEditsOf({ edits: [{ ...renameOnly, rules }] })!;
    expect(drawn.features[0]!.properties).toMatchObject({ maxFAR: 3, maxHeightMetres: 60, minGreenRatio: 0 });
    expect(siteZoningEditsOf({ edits: [byParcel, renameOnly] })).toBeUndefined();
  });
});
