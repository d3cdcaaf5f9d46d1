/**
 * Stand-ins of the city layers — one building, one road, an empty water mesh, an empty POI set and
 * the terrain material on a 1-texel texture — made by the layers' own code on tiny data, so that
 * every shader program the city draws with can be compiled while the dataset is still loading
 * (`renderer.compile(samples, camera, scene)` only queues compile and link in the GPU process; on
 * SwiftShader that work takes seconds, and the city's first frame would otherwise wait for it).
 * Keep the samples until the city has been drawn: a program is released with its last material.
 */
import { BufferGeometry, Group, Mesh, type MeshLambertMaterial, type PointsMaterial } from 'three';
import { buildingPrisms } from '../../data/dataset/buildingPrisms.ts';
import { encodeBuildings } from '../../data/formats/buildings.ts';
import { encodeRoads } from '../../data/formats/roads.ts';
import { BuildingsLayer } from './buildingsLayer.ts';
import { createPoiPoints } from './poiLayer.ts';
import { RoadsLayer } from './roadsLayer.ts';
import { landCoverTexture, terrainMaterial } from './terrainMesh.ts';
import { createWaterMesh } from './waterLayer.ts';

const NO_FEATURES = { type: 'FeatureCollection' as const, features: [] };

/** The stand-ins in one group, and a dispose that frees their geometry, materials and textures. */
export function cityShaderSamples(): { group: Group; dispose(): void } {
  const buildings = new BuildingsLayer(
    buildingPrisms(
      encodeBuildings([
        {
          id: 'w1',
          source: 'osm',
          use: 'residential',
          heightMetres: 10,
          floors: 3,
          footprint: [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 10],
          ],
        },
      ]),
    ),
    undefined,
  );
  buildings.setColourMode('use');
  const roads = new RoadsLayer(
    encodeRoads({
      nodeOsmIds: [1, 2],
      nodePositions: [0, 0, 100, 0],
      links: {
        ids: ['1-0f'],
        from: [0],
        to: [1],
        lengthMetres: [100],
        roadClass: [0],
        lanes: [1],
        speedKmh: [30],
        capacityPcuPerHour: [600],
        oneway: [1],
        flags: [0],
        wayId: [1],
        name: [0],
        geometry: [0],
        reversed: [0],
      },
      names: [''],
      geometries: { offsets: [0, 2], coordinates: [0, 0, 100, 0] },
    }),
    undefined,
  );
  const terrain = terrainMaterial(landCoverTexture(new Uint8Array(4), 1, 1));
  const water = createWaterMesh(NO_FEATURES, undefined);
  const pois = createPoiPoints(NO_FEATURES, undefined);
  const singles = [
    { object: new Mesh(new BufferGeometry(), terrain), material: terrain },
    { object: water, material: water.material as MeshLambertMaterial },
    { object: pois, material: pois.material as PointsMaterial },
  ];
  const group = new Group();
  group.add(buildings.group, roads.group, ...singles.map((s) => s.object));
  return {
    group,
    dispose() {
      buildings.dispose();
      roads.dispose();
      for (const { object, material } of singles) {
        object.geometry.dispose();
        material.map?.dispose();
        material.dispose();
      }
    },
  };
}
