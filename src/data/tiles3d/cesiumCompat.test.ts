// @ts-expect-error CesiumJS ships no declarations for its Source/ modules (@cesium/engine comes with cesium)
import MetadataSchema from '@cesium/engine/Source/Scene/MetadataSchema.js';
// @ts-expect-error as above
import MetadataTable from '@cesium/engine/Source/Scene/MetadataTable.js';
import { expect, test } from 'vitest';
import { buildTileset } from './buildTileset.ts';
import { readGlb } from './glbWriter.ts';
import { handMadeBuildings } from './handMadeBuildings.ts';

/**
 * CesiumJS (the public viewer) decodes EXT_structural_metadata property tables with MetadataSchema
 * and MetadataTable (called by parseStructuralMetadata when it loads a glTF). These need no WebGL,
 * so the same classes check our tables here, row by row.
 */
test('CesiumJS MetadataTable reads every building row back', () => {
  const buildings = handMadeBuildings();
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const built = buildTileset(buildings, { maxBuildingsPerTile: 10 });
  let rows = 0;
  for (const tile of built.tiles) {
    const { json, bin } = readGlb(tile.glb);
    const extension = json.extensions!.EXT_structural_metadata as {
      schema: object;
      propertyTables: Array<{ class: string; count: number; properties: object }>;
    };
    const schema = MetadataSchema.fromJson(extension.schema);
    const bufferViews: Record<number, Uint8Array> = {};
    json.bufferViews!.forEach((view, i) => {
      bufferViews[i] = bin.subarray(view.byteOffset ?? 0, (view.byteOffset ?? 0) + view.byteLength);
    });
    const definition = extension.propertyTables[0]!;
    const table = new MetadataTable({
      count: definition.count,
      properties: definition.properties,
      class: schema.classes[definition.class],
      bufferViews,
    });
    for (let row = 0; row < definition.count; row++) {
      const building = byId.get(table.getProperty(row, 'id'))!;
      expect(building).toBeDefined();
      expect(table.getProperty(row, 'heightMetres')).toBe(Math.fround(building.heightMetres));
      expect(table.getProperty(row, 'floors')).toBe(building.floors);
      expect(table.getProperty(row, 'use')).toBe(building.use);
      expect(table.getProperty(row, 'source')).toBe(building.source);
      rows++;
    }
  }
  expect(rows).toBe(buildings.length);
});
