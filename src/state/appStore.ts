import { createStore } from 'zustand/vanilla';
import type { Language } from '../i18n/index.ts';

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
  setLanguage(language: Language): void;
  toggleLayer(id: string): void;
  setRun(id: string, run: RunState): void;
  select(feature: PickedFeature | null): void;
  flyTo(presetId: string): void;
  setVerticalExaggeration(factor: number): void;
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
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
