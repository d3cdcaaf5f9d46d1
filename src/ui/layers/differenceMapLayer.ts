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
    let flood: DepthDifferenceSurface | null = null;
    let traffic: LinkFlowLayer | null = null;
    let floorSpace: FloorSpaceChangeLayer | null = null;
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
          if (!differences.flood || !terrain) return;
          const made = new DepthDifferenceSurface(differences.flood, terrain);
          flood = made;
          root.add(made.mesh);
          return () => {
            root.remove(made.mesh);
            made.dispose();
            flood = null;
          };
        });
        effects.traffic.run([differences.traffic], () => {
          const d = differences.traffic;
          if (!d || !roads || roads.links.ids.length !== d.differencePcuPerHour.length) return;
          const made = new LinkFlowLayer(roads, terrain);
          made.show({ volume: d.volumeBPcuPerHour, colourValue: d.differencePcuPerHour, mode: 'difference' });
          made.setResolution(widthPixels, heightPixels);
          traffic = made;
          root.add(made.group);
          return () => {
            root.remove(made.group);
            made.dispose();
            traffic = null;
          };
        });
        effects.floorSpace.run([differences.floorSpace, verticalExaggeration], () => {
          if (!differences.floorSpace) return;
          const made = new FloorSpaceChangeLayer(differences.floorSpace, terrain, verticalExaggeration);
          floorSpace = made;
          root.add(made.group);
          return () => {
            root.remove(made.group);
            made.dispose();
            floorSpace = null;
          };
        });
        const shown = (id: string) => layerVisible[id] ?? true;
        if (flood) {
          flood.mesh.visible = shown(DIFFERENCE_LAYER_IDS.flood);
          flood.mesh.scale.y = verticalExaggeration;
        }
        if (traffic) traffic.group.visible = shown(DIFFERENCE_LAYER_IDS.traffic);
        if (floorSpace) floorSpace.group.visible = shown(DIFFERENCE_LAYER_IDS.floorSpace);
      },
      resize(width, height) {
        widthPixels = width;
        heightPixels = height;
        traffic?.setResolution(width, height);
      },
      dispose() {
        for (const effect of Object.values(effects)) effect.dispose();
      },
    };
  },
};
