/**
 * The city: terrain, water, roads, buildings, boundaries with their labels and POI markers from
 * the loaded dataset, with hover highlight and click picking into the inspector. Drawn
 * progressively: the outline (terrain, roads, boundaries, POIs) at mount, the buildings, water and
 * land-use parcels when the dataset's details arrive. In the main view it then publishes
 * `window.__twin.city` and `cityReady` (ui/city/cityTestHook): the second frame with every layer.
 */
import { Group } from 'three';
import {
  ADMIN_LEGEND,
  BUILDING_USE_LEGEND,
  LAND_USE_LEGEND,
  POI_LEGEND,
  ROAD_LEGEND,
  WATER_LEGEND,
} from '../../render/city/cityColours.ts';
import { CITY_LAYER_IDS, type CityLayerId, CityModel, type CityPick } from '../../render/city/cityModel.ts';
import type { Legend } from '../../render/legend.ts';
import { createHighlight, disposeHighlight, HIGHLIGHT_COLOURS } from '../../render/city/highlight.ts';
import type { AppStore } from '../../state/appStore.ts';
import { createAdminLabels } from '../city/adminLabels.ts';
import { pickAtPixel, pickedFeature, samePick } from '../city/cityPointer.ts';
import { markCityLoad } from '../city/cityLoadMarks.ts';
import { installCityTestHook } from '../city/cityTestHook.ts';
import { Effect } from './effect.ts';
import type { MapLayer, MapLayerPart, MapState, MountedMapLayer } from './mapLayer.ts';

/** Least time between two hover picks, milliseconds. */
const HOVER_INTERVAL_MS = 80;
/** A press that moves less than this is a click, CSS pixels. */
const CLICK_SLOP_PIXELS = 4;

/** The city's toggles, each with its legend (the buildings' legend follows the colour mode). */
export const CITY_PARTS: ReadonlyArray<MapLayerPart & { id: CityLayerId; legend: Legend }> = [
  { id: 'terrain', label: 'layer.terrain', legend: LAND_USE_LEGEND },
  { id: 'water', label: 'layer.water', legend: WATER_LEGEND },
  { id: 'roads', label: 'layer.roads', legend: ROAD_LEGEND },
  { id: 'buildings', label: 'layer.buildings', legend: BUILDING_USE_LEGEND },
  { id: 'admin', label: 'layer.admin', legend: ADMIN_LEGEND },
  { id: 'pois', label: 'layer.pois', legend: POI_LEGEND },
];

/** Removes and frees the highlight under `root`. */
function clearHighlight(root: Group) {
  for (const child of [...root.children]) {
    root.remove(child);
    disposeHighlight(child);
  }
}

/** Replaces the highlight under `root` by the one of `pick`. */
function showHighlight(model: CityModel, root: Group, pick: CityPick, colour: string, app: AppStore) {
  clearHighlight(root);
  root.add(createHighlight(model, pick, colour, app.getState().verticalExaggeration));
}

export const cityMapLayer: MapLayer = {
  id: 'city',
  label: 'layer.city',
  parts: CITY_PARTS,
  views: ['main', 'compareA', 'compareB'],
  mount({ root, dataset, terrain, renderer, camera, app, role }) {
    const model = new CityModel(dataset.data, terrain);
    const mountLayers = () => {
      for (const id of CITY_LAYER_IDS) {
        const object = model.layers[id];
        if (object && object.parent !== root) root.add(object);
      }
    };
    mountLayers();
    markCityLoad('outline-built');
    const hoverRoot = new Group();
    const selectRoot = new Group();
    root.add(hoverRoot, selectRoot);
    const canvas = renderer.domElement;
    const labels = createAdminLabels(canvas, model.labels);
    let layerVisible: Record<string, boolean> = {};
    const visible = (id: CityLayerId) => layerVisible[id] ?? true;
    let hoverPick: CityPick = null;
    let selectedPick: CityPick = null;
    let widthPixels = 0;
    let heightPixels = 0;
    let frames = 0;
    /** Frames drawn since the details were mounted (−1 before). */
    let completeFrames = -1;
    let lastState: MapState | undefined;
    let disposed = false;
    const exaggerationEffect = new Effect();
    const colourEffect = new Effect();

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
        visible,
      );
    };
    const onMove = (event: PointerEvent) => {
      if (event.buttons !== 0 || event.timeStamp - lastHover < HOVER_INTERVAL_MS) return;
      lastHover = event.timeStamp;
      const pick = pickEvent(event);
      canvas.style.cursor = pick ? 'pointer' : '';
      if (samePick(pick, hoverPick)) return;
      hoverPick = pick;
      showHighlight(model, hoverRoot, pick, HIGHLIGHT_COLOURS.hover, app);
    };
    const onDown = (event: PointerEvent) => {
      downX = event.clientX;
      downY = event.clientY;
    };
    const onUp = (event: PointerEvent) => {
      if (event.button !== 0 || Math.hypot(event.clientX - downX, event.clientY - downY) > CLICK_SLOP_PIXELS)
        return;
      const pick = pickEvent(event);
      selectedPick = pick;
      showHighlight(model, selectRoot, pick, HIGHLIGHT_COLOURS.selected, app);
      app.getState().select(pick ? pickedFeature(model, pick) : null);
    };
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointerup', onUp);

    let hook: ReturnType<typeof installCityTestHook> | null = null;
    dataset.details.then(
      (details) => {
        if (disposed) return;
        model.add(details.data);
        mountLayers();
        markCityLoad('model-built');
        if (role === 'main')
          hook = installCityTestHook(
            model,
            renderer,
            camera,
            details.bytesTransferred,
            visible,
            () => frames,
          );
        if (lastState) {
          mounted.update?.(lastState);
          model.buildings?.setColourMode(lastState.app.buildingColourMode);
        }
        completeFrames = 0;
      },
      () => {}, // the view's status overlay names the file (useCityDataset)
    );

    const mounted: MountedMapLayer = {
      update(mapState) {
        lastState = mapState;
        const state = mapState.app;
        layerVisible = state.layerVisible;
        for (const id of CITY_LAYER_IDS) {
          const object = model.layers[id];
          if (object) object.visible = visible(id);
        }
        exaggerationEffect.run([state.verticalExaggeration], () => {
          model.setExaggeration(state.verticalExaggeration);
          showHighlight(model, hoverRoot, null, HIGHLIGHT_COLOURS.hover, app);
          hoverPick = null;
          showHighlight(model, selectRoot, selectedPick, HIGHLIGHT_COLOURS.selected, app);
        });
        colourEffect.run([state.buildingColourMode], () => {
          model.buildings?.setColourMode(state.buildingColourMode);
        });
        // the inspector was cleared or set elsewhere: drop our selection outline
        if (state.selected === null && selectedPick) {
          selectedPick = null;
          showHighlight(model, selectRoot, null, HIGHLIGHT_COLOURS.selected, app);
        }
      },
      resize(width, height) {
        widthPixels = width;
        heightPixels = height;
      },
      frame() {
        const eye = camera.position;
        model.buildings?.updateLevelOfDetail(eye.x, eye.y, eye.z);
        labels.place(camera, widthPixels, heightPixels, visible('admin'), model.exaggeration);
        frames++;
        if (frames === 1) markCityLoad('outline-frame');
        if (completeFrames < 0) return;
        completeFrames++;
        // the frame after the first one drawn with every layer mounted: the city is on screen
        if (completeFrames === 1) markCityLoad('first-frame');
        if (completeFrames === 2) hook?.markReady();
      },
      dispose() {
        disposed = true;
        canvas.removeEventListener('pointermove', onMove);
        canvas.removeEventListener('pointerdown', onDown);
        canvas.removeEventListener('pointerup', onUp);
        hook?.uninstall();
        labels.dispose();
        clearHighlight(hoverRoot);
        clearHighlight(selectRoot);
        model.dispose();
      },
    };
    return mounted;
  },
};
