/**
 * The map-layer contract: a layer of the 3D views is a plain object that mounts into a three.js
 * group and is fed the stores' state; `<MapLayers>` (MapLayers.tsx) mounts every layer of a view
 * (the workbench, the comparison's two views, the presentation) on one dataset load and one
 * terrain grid. The layers live in ui/ because they draw run results held by ui/run (run views)
 * and ask the scenario worker (vehicles); what they draw are render/ classes.
 */
import type { Camera, Group, WebGLRenderer } from 'three';
import type { MessageKey } from '../../i18n/index.ts';
import type { TerrainGrid } from '../../render/city/terrainGrid.ts';
import type { Legend } from '../../render/legend.ts';
import { runKey } from '../../scenario/runOptions.ts';
import type { AppState, AppStore } from '../../state/appStore.ts';
import type { FloodPlayerState } from '../../state/floodPlayerStore.ts';
import type { ScenarioState } from '../../state/scenarioStore.ts';
import type { SensorsState } from '../../state/sensorsStore.ts';
import type { TrafficDisplayState } from '../../state/trafficDisplayStore.ts';
import type { ZoningEditorState } from '../../state/zoningEditorStore.ts';
import type { LoadedDataset } from '../city/cityDataset.ts';
import { type RunViews, runViews } from '../run/runViews.ts';

/**
 * Which 3D view: `main` is the workbench's single view and the presentation's; `compareA` and
 * `compareB` the comparison's two (B also draws B − A).
 */
export type MapViewRole = 'main' | 'compareA' | 'compareB';

/** The stores' state at one moment, as the layers of one view read it. */
export interface MapState {
  app: AppState;
  scenarios: ScenarioState;
  /** The scenario whose run the view draws (the current one in the main view). */
  scenarioId: string;
  trafficDisplay: TrafficDisplayState;
  zoningEditor: ZoningEditorState;
  floodPlayer: FloodPlayerState;
  sensors: SensorsState;
}

/** What the layers of one view share: one dataset load, one terrain grid, the view's camera. */
export interface MapLayerContext {
  /** The layer's own group in the view's scene, hidden when `layerVisible[layer.id]` is false. */
  root: Group;
  dataset: LoadedDataset;
  /** The dataset's terrain grid in the scene frame (undefined without terrain files). */
  terrain: TerrainGrid | undefined;
  renderer: WebGLRenderer;
  camera: Camera;
  /** The app store, for actions (picking a feature into the inspector). */
  app: AppStore;
  role: MapViewRole;
}

/** A layer mounted in a view. */
export interface MountedMapLayer {
  /** Called once after mounting and after every store change (never per frame). */
  update?(state: MapState): void;
  /** Per-frame work (no allocation); `deltaSeconds` of real time since the last frame. */
  frame?(deltaSeconds: number): void;
  /** The canvas now measures `widthPixels` × `heightPixels` (CSS pixels); also called on mount. */
  resize?(widthPixels: number, heightPixels: number): void;
  /** Frees what the layer made: GPU resources, listeners, DOM nodes, test hooks. */
  dispose(): void;
}

/** A toggle of its own inside a layer (the city's terrain, roads, ...; the difference layers). */
export interface MapLayerPart {
  /** Key in the app store's `layerVisible` (default shown). */
  id: string;
  label: MessageKey;
  legend?: Legend;
}

/** A layer of the 3D views. */
export interface MapLayer {
  /** Key in the app store's `layerVisible` for the whole layer (default shown). */
  id: string;
  /** Hidden until toggled on (a layer that reads a service the page may not have). */
  hiddenByDefault?: boolean;
  /** Its name, Vietnamese and English (i18n key). */
  label: MessageKey;
  /** What its colours mean, with units. */
  legend?: Legend;
  parts?: readonly MapLayerPart[];
  /** The views it is drawn in. */
  views: readonly MapViewRole[];
  mount(context: MapLayerContext): MountedMapLayer;
}

/** The views of scenario `scenarioId`'s latest run with the current run options (none before it). */
export function runViewsOf(state: MapState, scenarioId: string | null | undefined): RunViews | undefined {
  return scenarioId ? runViews(runKey(scenarioId, state.app.runOptions)) : undefined;
}
