/**
 * The difference layers of comparison scenario B against A, in view B: flood depth difference
 * over the terrain, link volume difference (the traffic flow layer in its difference mode, widths
 * by B's volume) and proposed floor space added or removed. Each is drawn when both runs have it
 * and its toggle (`layerVisible`, ids in DIFFERENCE_LAYER_IDS) is on.
 */
import {
  DepthDifferenceSurface,
  FLOOD_DEPTH_DIFFERENCE_LEGEND,
} from '../../render/flood/depthDifferenceSurface.ts';
import { FloorSpaceChangeLayer } from '../../render/landuse/floorSpaceChangeLayer.ts';
import { LinkFlowLayer, VOLUME_DIFFERENCE_LEGEND } from '../../render/traffic/linkFlowLayer.ts';
import {
  DIFFERENCE_LAYER_IDS,
  type ScenarioDifferences,
  scenarioDifferences,
} from '../compare/useScenarioDifferences.ts';
import { Effect } from './effect.ts';
import { type MapLayer, runViewsOf } from './mapLayer.ts';
import { SceneSlot } from './sceneSlot.ts';

export const differenceMapLayer: MapLayer = {
  id: 'difference',
  label: 'difference.title',
  parts: [
    { id: DIFFERENCE_LAYER_IDS.flood, label: 'difference.flood', legend: FLOOD_DEPTH_DIFFERENCE_LEGEND },
    { id: DIFFERENCE_LAYER_IDS.traffic, label: 'difference.traffic', legend: VOLUME_DIFFERENCE_LEGEND },
    { id: DIFFERENCE_LAYER_IDS.floorSpace, label: 'difference.floorSpace' },
  ],
  views: ['compareB'],
  mount({ root, dataset, terrain }) {
    const roads = dataset.data.roads;
    let differences: ScenarioDifferences = { a: undefined, b: undefined };
    const flood = new SceneSlot<DepthDifferenceSurface>(root, (layer) => layer.mesh);
    const traffic = new SceneSlot<LinkFlowLayer>(root, (layer) => layer.group);
    const floorSpace = new SceneSlot<FloorSpaceChangeLayer>(root, (layer) => layer.group);
    let widthPixels = 0;
    let heightPixels = 0;
    const effects = {
      differences: new Effect(),
      flood: new Effect(),
      traffic: new Effect(),
      floorSpace: new Effect(),
    };
    return {
      update(state) {
        const { compareIds, runOptions, runViewsVersion, verticalExaggeration, layerVisible } = state.app;
        effects.differences.run([compareIds, runOptions, runViewsVersion], () => {
          differences = scenarioDifferences(
            runViewsOf(state, compareIds[0])?.layers,
            runViewsOf(state, compareIds[1])?.layers,
          );
        });
        effects.flood.run([differences.flood], () => {
          flood.set(
            differences.flood && terrain ? new DepthDifferenceSurface(differences.flood, terrain) : null,
          );
        });
        effects.traffic.run([differences.traffic], () => {
          const d = differences.traffic;
          if (!d || !roads || roads.links.ids.length !== d.differencePcuPerHour.length) {
            traffic.set(null);
            return;
          }
          const layer = new LinkFlowLayer(roads, terrain);
          layer.show({
            volume: d.volumeBPcuPerHour,
            colourValue: d.differencePcuPerHour,
            mode: 'difference',
          });
          layer.setResolution(widthPixels, heightPixels);
          traffic.set(layer);
        });
        effects.floorSpace.run([differences.floorSpace, verticalExaggeration], () => {
          floorSpace.set(
            differences.floorSpace
              ? new FloorSpaceChangeLayer(differences.floorSpace, terrain, verticalExaggeration)
              : null,
          );
        });
        const shown = (id: string) => layerVisible[id] ?? true;
        const floodSurface = flood.current;
        if (floodSurface) {
          floodSurface.mesh.visible = shown(DIFFERENCE_LAYER_IDS.flood);
          floodSurface.mesh.scale.y = verticalExaggeration;
        }
        if (traffic.current) traffic.current.group.visible = shown(DIFFERENCE_LAYER_IDS.traffic);
        if (floorSpace.current) floorSpace.current.group.visible = shown(DIFFERENCE_LAYER_IDS.floorSpace);
      },
      resize(width, height) {
        widthPixels = width;
        heightPixels = height;
        traffic.current?.setResolution(width, height);
      },
      dispose() {
        for (const slot of [flood, traffic, floorSpace]) slot.set(null);
      },
    };
  },
};
