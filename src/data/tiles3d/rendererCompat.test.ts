import { GLTFMeshFeaturesExtension, GLTFStructuralMetadataExtension } from '3d-tiles-renderer/plugins';
import type { Mesh } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { expect, test } from 'vitest';
import { buildTileset } from './buildTileset.ts';
import { handMadeBuildings } from './handMadeBuildings.ts';

/**
 * The workbench reads building attributes through three's GLTFLoader with 3d-tiles-renderer's
 * EXT_mesh_features / EXT_structural_metadata plugins (what GLTFExtensionsPlugin registers).
 * Registered exactly as GLTFExtensionsPlugin does. This checks that path decodes our tiles: per-vertex `_feature_id_0` → property table row.
 */
test('3d-tiles-renderer plugins decode each vertex feature id to the right building row', async () => {
  const buildings = handMadeBuildings();
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const built = buildTileset(buildings, { maxBuildingsPerTile: 10 });
  const loader = new GLTFLoader();
  loader.register(() => new GLTFMeshFeaturesExtension());
  loader.register(() => new GLTFStructuralMetadataExtension());
  let rows = 0;
  for (const tile of built.tiles) {
    const gltf = await loader.parseAsync(tile.glb.slice().buffer, '');
    const meshes: Mesh[] = [];
    gltf.scene.traverse((object) => {
      if ((object as Mesh).isMesh) meshes.push(object as Mesh);
    });
    expect(meshes.length).toBe(1);
    const mesh = meshes[0]!;
    expect(mesh.userData.meshFeatures.getFeatureInfo()[0]).toMatchObject({ propertyTable: 0 });
    const metadata = mesh.userData.structuralMetadata;
    expect(metadata.getPropertyTableInfo()).toEqual([{ name: 'buildings', className: 'building' }]);
    const featureIds = mesh.geometry.getAttribute('_feature_id_0');
    const positions = mesh.geometry.getAttribute('position');
    const count = gltf.parser.json.extensions.EXT_structural_metadata.propertyTables[0].count;
    for (let row = 0; row < count; row++) {
      const data = metadata.getPropertyTableData(0, row);
      const building = byId.get(data.id)!;
      expect(data).toEqual({
        id: building.id,
        heightMetres: Math.fround(building.heightMetres),
        floors: building.floors,
        use: building.use,
        source: building.source,
      });
      rows++;
    }
    for (let v = 0; v < featureIds.count; v++) {
      const row = featureIds.getX(v);
      const height = metadata.getPropertyTableData(0, row).heightMetres as number;
      const up = positions.getY(v);
      expect(up === 0 || up === height).toBe(true);
    }
  }
  expect(rows).toBe(buildings.length);
});
