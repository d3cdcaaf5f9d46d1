import { useFrame, useThree } from '@react-three/fiber';
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Group } from 'three';
import { terrainGridOf } from '../../render/city/terrainGrid.ts';
import { floodPlayer } from '../../state/floodPlayerStore.ts';
import { sensors } from '../../state/sensorsStore.ts';
import { trafficDisplay } from '../../state/trafficDisplayStore.ts';
import { zoningEditor } from '../../state/zoningEditorStore.ts';
import type { LoadedDataset } from '../city/cityDataset.ts';
import { StoreContext, useScenarioStore } from '../context.tsx';
import type { MapLayer, MapState, MapViewRole, MountedMapLayer } from './mapLayer.ts';
import { MAP_LAYERS } from './mapLayerList.ts';

/**
 * Every map layer of one 3D view (mount inside its Canvas): the layers of MAP_LAYERS drawn in
 * `role`'s view, each in its own group, on the dataset loaded once and its terrain grid built
 * once. The layers are fed the stores' state on every change (not through React renders), their
 * per-frame work each frame and the canvas size; each group is hidden when its layer's
 * `layerVisible` entry is false.
 */
export function MapLayers({
  dataset,
  role,
  scenarioId,
}: {
  dataset: LoadedDataset;
  role: MapViewRole;
  /** The scenario whose run the view draws (default: the current scenario). */
  scenarioId?: string | undefined;
}) {
  const app = useContext(StoreContext);
  const scenarios = useScenarioStore();
  const renderer = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const terrain = useMemo(() => terrainGridOf(dataset.data.terrain), [dataset]);
  const [scene] = useState(() => new Group());
  const mountedLayers = useRef<Array<{ layer: MapLayer; root: Group; mounted: MountedMapLayer }>>([]);
  const viewScenario = useRef(scenarioId);
  viewScenario.current = scenarioId;
  const sizeNow = useRef(size);
  sizeNow.current = size;
  const push = useRef(() => {});

  useEffect(() => {
    if (!app) return;
    const entries = MAP_LAYERS.filter((layer) => layer.views.includes(role)).map((layer) => {
      const root = new Group();
      root.name = layer.id;
      scene.add(root);
      const context = { root, dataset, terrain, renderer, camera, app, role };
      return { layer, root, mounted: layer.mount(context) };
    });
    mountedLayers.current = entries;
    const stateNow = (): MapState => {
      const scenarioState = scenarios.getState();
      return {
        app: app.getState(),
        scenarios: scenarioState,
        scenarioId: viewScenario.current ?? scenarioState.currentId,
        trafficDisplay: trafficDisplay.getState(),
        zoningEditor: zoningEditor.getState(),
        floodPlayer: floodPlayer.getState(),
        sensors: sensors.getState(),
      };
    };
    push.current = () => {
      const state = stateNow();
      for (const { layer, root, mounted } of entries) {
        root.visible = state.app.layerVisible[layer.id] ?? !layer.hiddenByDefault;
        mounted.update?.(state);
      }
    };
    for (const { mounted } of entries) mounted.resize?.(sizeNow.current.width, sizeNow.current.height);
    push.current();
    const unsubscribe = [app, scenarios, trafficDisplay, zoningEditor, floodPlayer, sensors].map((store) =>
      store.subscribe(() => push.current()),
    );
    return () => {
      for (const stop of unsubscribe) stop();
      push.current = () => {};
      mountedLayers.current = [];
      for (const { root, mounted } of entries) {
        mounted.dispose();
        scene.remove(root);
      }
    };
  }, [app, scenarios, role, dataset, terrain, renderer, camera, scene]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: another scenario shown: feed the layers again
  useEffect(() => push.current(), [scenarioId]);

  useEffect(() => {
    for (const { mounted: layer } of mountedLayers.current) layer.resize?.(size.width, size.height);
  }, [size]);

  useFrame((_, deltaSeconds) => {
    for (const { mounted: layer } of mountedLayers.current) layer.frame?.(deltaSeconds);
  });

  return <primitive object={scene} />;
}
