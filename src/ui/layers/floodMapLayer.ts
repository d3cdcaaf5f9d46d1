/**
 * The flood water surface of the view's scenario's latest run with the current run options, with
 * the vertical exaggeration: its maximum depth (the default) or its depth frame at the flood
 * panel's time (the flood player).
 */
import { FLOOD_DEPTH_LEGEND, WaterSurface } from '../../render/flood/waterSurface.ts';
import { frameIndexAt } from '../../state/floodPlayerStore.ts';
import { Effect } from './effect.ts';
import { type MapLayer, runViewsOf } from './mapLayer.ts';
import { SceneSlot } from './sceneSlot.ts';

export const floodMapLayer: MapLayer = {
  id: 'flood',
  label: 'layer.flood',
  legend: FLOOD_DEPTH_LEGEND,
  views: ['main', 'compareA', 'compareB'],
  mount({ root, terrain }) {
    const surface = new SceneSlot<WaterSurface>(root, (s) => s.mesh);
    const surfaceEffect = new Effect();
    const depthEffect = new Effect();
    return {
      update(state) {
        const run = runViewsOf(state, state.scenarioId);
        const surfaceGrid = run?.views.flood?.surface;
        const frames = run?.layers.flood?.frames;
        const { frameSeconds } = state.floodPlayer;
        const shown =
          frameSeconds === null || !frames?.depthMetres.length
            ? run?.layers.flood?.maxDepthMetres
            : frames.depthMetres[frameIndexAt(frames.timesSeconds, frameSeconds)];
        surfaceEffect.run([surfaceGrid], () => {
          surface.set(surfaceGrid && terrain ? new WaterSurface(surfaceGrid, terrain) : null);
        });
        const water = surface.current;
        depthEffect.run([water, shown], () => {
          if (water && shown) water.show(shown);
        });
        if (water) {
          water.mesh.visible = shown !== undefined;
          water.mesh.scale.y = state.app.verticalExaggeration;
        }
      },
      dispose: () => surface.set(null),
    };
  },
};
