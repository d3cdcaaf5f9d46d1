import { useFrame, useThree } from '@react-three/fiber';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import { CITY_LAYER_IDS, type CityLayerId, CityModel, type CityPick } from '../../render/city/cityModel.ts';
import { createHighlight, disposeHighlight, HIGHLIGHT_COLOURS } from '../../render/city/highlight.ts';
import type { AppStore } from '../../state/appStore.ts';
import { StoreContext, useApp } from '../context.tsx';
import { AdminLabels } from './AdminLabels.tsx';
import type { LoadedDataset } from './cityDataset.ts';
import { pickAtPixel, pickedFeature, samePick } from './cityPointer.ts';
import { type CityTestHook, installCityTestHook } from './cityTestHook.ts';

/** Least time between two hover picks, milliseconds. */
const HOVER_INTERVAL_MS = 80;
/** A press that moves less than this is a click, CSS pixels. */
const CLICK_SLOP_PIXELS = 4;

/** Replaces the highlight under `root` by the one of `pick`. */
function showHighlight(
  model: CityModel,
  root: Group | null,
  pick: CityPick,
  colour: string,
  store: AppStore | null,
) {
  if (!root) return;
  for (const child of [...root.children]) {
    root.remove(child);
    disposeHighlight(child);
  }
  root.add(createHighlight(model, pick, colour, store?.getState().verticalExaggeration ?? 1));
}

/**
 * The city layers of one view: terrain, water, roads, buildings, boundaries with labels and POI
 * markers from the loaded dataset, with hover highlight and click picking into the inspector.
 * `testHook` publishes `window.__twin.city` (readiness time, render counters, a pickable building).
 */
export function CityLayers({ dataset, testHook }: { dataset: LoadedDataset; testHook: boolean }) {
  const model = useMemo(() => new CityModel(dataset.data), [dataset]);
  useEffect(() => () => model.dispose(), [model]);
  const store = useContext(StoreContext);
  const exaggeration = useApp((s) => s.verticalExaggeration);
  const colourMode = useApp((s) => s.buildingColourMode);
  const layerVisible = useApp((s) => s.layerVisible);
  const selected = useApp((s) => s.selected);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const hoverRoot = useRef<Group>(null);
  const selectRoot = useRef<Group>(null);
  const hoverPick = useRef<CityPick>(null);
  const selectedPick = useRef<CityPick>(null);
  const frames = useRef(0);

  const visible = useRef<(id: CityLayerId) => boolean>(() => true);
  visible.current = (id: CityLayerId) => layerVisible[id] ?? true;

  useLayoutEffect(() => {
    model.setExaggeration(exaggeration);
    showHighlight(model, hoverRoot.current, null, HIGHLIGHT_COLOURS.hover, store);
    hoverPick.current = null;
    showHighlight(model, selectRoot.current, selectedPick.current, HIGHLIGHT_COLOURS.selected, store);
  }, [model, exaggeration, store]);

  useLayoutEffect(() => {
    model.buildings?.setColourMode(colourMode);
  }, [model, colourMode]);

  // the inspector was cleared or set elsewhere: drop our selection outline
  useEffect(() => {
    if (selected === null && selectedPick.current) {
      selectedPick.current = null;
      showHighlight(model, selectRoot.current, null, HIGHLIGHT_COLOURS.selected, store);
    }
  }, [selected, model, store]);

  useEffect(() => {
    const canvas = gl.domElement;
    let lastHover = 0;
    let downX = 0;
    let downY = 0;
    const pickEvent = (event: PointerEvent) => {
      const rect = canvas.getBoundingClientRect();
      return pickAtPixel(
        model,
        camera,
        event.clientX - rect.left,
        event.clientY - rect.top,
        rect.width,
        rect.height,
        visible.current,
      );
    };
    const onMove = (event: PointerEvent) => {
      if (event.buttons !== 0 || event.timeStamp - lastHover < HOVER_INTERVAL_MS) return;
      lastHover = event.timeStamp;
      const pick = pickEvent(event);
      canvas.style.cursor = pick ? 'pointer' : '';
      if (samePick(pick, hoverPick.current)) return;
      hoverPick.current = pick;
      showHighlight(model, hoverRoot.current, pick, HIGHLIGHT_COLOURS.hover, store);
    };
    const onDown = (event: PointerEvent) => {
      downX = event.clientX;
      downY = event.clientY;
    };
    const onUp = (event: PointerEvent) => {
      if (event.button !== 0 || Math.hypot(event.clientX - downX, event.clientY - downY) > CLICK_SLOP_PIXELS)
        return;
      const pick = pickEvent(event);
      selectedPick.current = pick;
      showHighlight(model, selectRoot.current, pick, HIGHLIGHT_COLOURS.selected, store);
      store?.getState().select(pick ? pickedFeature(model, pick) : null);
    };
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointerup', onUp);
    return () => {
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointerup', onUp);
    };
  }, [model, camera, gl, store]);

  const hook = useRef<CityTestHook | null>(null);
  useEffect(() => {
    if (!testHook) return;
    const uninstall = installCityTestHook(
      model,
      gl,
      camera,
      dataset,
      (id) => visible.current(id),
      hook,
      () => frames.current,
    );
    return uninstall;
  }, [testHook, model, gl, camera, dataset]);

  // the frame after the first one drawn with every layer mounted: the city is on screen
  // (the hook may be installed after those frames on a slow machine: mark it at the next one)
  const readyMarked = useRef(false);
  useFrame(({ camera: eye }) => {
    model.buildings?.updateLevelOfDetail(eye.position.x, eye.position.y, eye.position.z);
    frames.current++;
    if (frames.current >= 2 && !readyMarked.current && hook.current) {
      hook.current.markReady();
      readyMarked.current = true;
    }
  });

  const adminVisible = layerVisible.admin ?? true;
  return (
    <group>
      {CITY_LAYER_IDS.map((id) => {
        const object = model.layers[id];
        return object ? <primitive key={id} object={object} visible={layerVisible[id] ?? true} /> : null;
      })}
      <group ref={hoverRoot} />
      <group ref={selectRoot} />
      <AdminLabels labels={model.labels} visible={adminVisible} exaggeration={exaggeration} />
    </group>
  );
}
