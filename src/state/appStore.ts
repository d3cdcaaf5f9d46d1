import { createStore } from 'zustand/vanilla';
import type { Language } from '../i18n/index.ts';
import type { FloodView } from '../render/flood/waterSurface.ts';
import type { Kpis } from '../scenario/kpis.ts';

/** Comparison display: off, two views side by side, or one view with a swipe divider. */
export type CompareMode = 'off' | 'split' | 'swipe';

/** Which of the three apps is shown. */
export type AppMode = 'workbench' | 'presentation' | 'viewer';

/** Progress of one long run shown in the status bar and its panel. */
export interface RunState {
  /** Fraction done, 0..1. */
  progress: number;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  message?: string;
}

/** A feature the user picked in the 3D view: its kind and attributes for the inspector. */
export interface PickedFeature {
  /** Layer id, e.g. "buildings". */
  layer: string;
  /** Attribute name → value (units in the names, e.g. heightMetres). */
  attributes: Record<string, string | number | boolean>;
}

/** The app's UI state (vanilla zustand; React reads it through selectors). */
export interface AppState {
  language: Language;
  /** Layer id → visible. */
  layerVisible: Record<string, boolean>;
  runs: Record<string, RunState>;
  selected: PickedFeature | null;
  /** Camera preset to fly to (id from render/cameraPresets), with a counter so the same preset can be chosen twice. */
  cameraRequest: { presetId: string; serial: number } | null;
  /** Vertical exaggeration of terrain and water (1 = true scale). */
  verticalExaggeration: number;
  compareMode: CompareMode;
  /** Scenario ids shown on the left (A) and right (B) when comparing. */
  compareIds: [string, string];
  /** Latest KPIs of each scenario run in this session. */
  scenarioKpis: Record<string, Kpis>;
  /**
   * Bumped whenever a scenario run's map layers change (the layers themselves, big typed
   * arrays, live outside the store in ui/compare/scenarioLayerStore).
   */
  scenarioLayersVersion: number;
  /** How the city's buildings are coloured: by land use or by height. */
  buildingColourMode: 'use' | 'height';
  /** The flood result drawn over the terrain (flood panel → water layer); null = none. */
  flood: FloodView | null;
  /** Flood frame shown: an index into `flood.frames`, or -1 for the maximum depth. */
  floodFrame: number;
  setFlood(flood: FloodView | null): void;
  setFloodFrame(frame: number): void;
  setLanguage(language: Language): void;
  toggleLayer(id: string): void;
  setRun(id: string, run: RunState): void;
  select(feature: PickedFeature | null): void;
  flyTo(presetId: string): void;
  setVerticalExaggeration(factor: number): void;
  setCompare(mode: CompareMode, ids?: [string, string]): void;
  setScenarioKpis(scenarioId: string, kpis: Kpis): void;
  bumpScenarioLayers(): void;
  setBuildingColourMode(mode: 'use' | 'height'): void;
}

const LANGUAGE_KEY = 'twin.language';

/** Creates the store; `storage` persists the language (localStorage in the app). */
export function createAppStore(storage?: Pick<Storage, 'getItem' | 'setItem'>) {
  const saved = storage?.getItem(LANGUAGE_KEY);
  return createStore<AppState>()((set) => ({
    language: saved === 'en' ? 'en' : 'vi',
    layerVisible: {},
    runs: {},
    selected: null,
    cameraRequest: null,
    verticalExaggeration: 3,
    compareMode: 'off',
    compareIds: ['baseline', 'baseline'],
    scenarioKpis: {},
    scenarioLayersVersion: 0,
    buildingColourMode: 'use',
    flood: null,
    floodFrame: -1,
    setFlood: (flood) => set({ flood, floodFrame: -1 }),
    setFloodFrame: (floodFrame) => set({ floodFrame }),
    setLanguage: (language) => {
      storage?.setItem(LANGUAGE_KEY, language);
      set({ language });
    },
    toggleLayer: (id) =>
      set((s) => ({ layerVisible: { ...s.layerVisible, [id]: !(s.layerVisible[id] ?? true) } })),
    setRun: (id, run) => set((s) => ({ runs: { ...s.runs, [id]: run } })),
    select: (selected) => set({ selected }),
    flyTo: (presetId) =>
      set((s) => ({ cameraRequest: { presetId, serial: (s.cameraRequest?.serial ?? 0) + 1 } })),
    setVerticalExaggeration: (verticalExaggeration) => set({ verticalExaggeration }),
    setCompare: (compareMode, ids) => set((s) => ({ compareMode, compareIds: ids ?? s.compareIds })),
    setScenarioKpis: (scenarioId, kpis) =>
      set((s) => ({ scenarioKpis: { ...s.scenarioKpis, [scenarioId]: kpis } })),
    bumpScenarioLayers: () => set((s) => ({ scenarioLayersVersion: s.scenarioLayersVersion + 1 })),
    setBuildingColourMode: (buildingColourMode) => set({ buildingColourMode }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
