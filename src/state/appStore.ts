import { createStore } from 'zustand/vanilla';
import type { Language } from '../i18n/index.ts';
import type { Kpis } from '../scenario/kpis.ts';
import type { StageId } from '../scenario/pipeline.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions, runKey } from '../scenario/runOptions.ts';
import type { TourCamera } from '../scenario/tour.ts';

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
  /** Fraction done per pipeline stage (scenario runs). */
  stages?: Partial<Record<StageId, number>>;
  /** The scenario and run options of a scenario run (`runKey`). */
  runKey?: string;
  /** Counts the runs of this id in the session (tells a new run from the last one). */
  serial?: number;
}

/**
 * The outcome of one scenario run through the pipeline: its KPIs (`twin-kpis/2`, stage-qualified)
 * and what it was run on. The app stores one per scenario and run options (the latest run).
 */
export interface RunRecord {
  scenarioId: string;
  options: RunOptions;
  kpis: Kpis;
  /** Stages that ran (or came from the cache). */
  stages: StageId[];
  cached: StageId[];
  /** scenarioFingerprint of the scenario as it was run (tells a run of an earlier version). */
  fingerprint: string;
  /** Wall time of the run, s. */
  seconds: number;
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
  /**
   * Where the camera flies next: a preset (id from render/cameraPresets) or a tour stop's view
   * (position, target, duration, easing), with a counter so the same request can be made twice.
   */
  cameraRequest: (({ presetId: string } | { view: TourCamera }) & { serial: number }) | null;
  /** Vertical exaggeration of terrain and water (1 = true scale). */
  verticalExaggeration: number;
  compareMode: CompareMode;
  /** Scenario ids shown on the left (A) and right (B) when comparing. */
  compareIds: [string, string];
  /** Options of the next scenario run, and of the runs the panels and the comparison show. */
  runOptions: RunOptions;
  /** The latest run of each scenario with each set of run options in this session, by `runKey`. */
  runRecords: Record<string, RunRecord>;
  /**
   * Bumped whenever a run's views change (the views themselves, big typed arrays, live outside
   * the store in ui/run/runViews).
   */
  runViewsVersion: number;
  /** How the city's buildings are coloured: by land use or by height. */
  buildingColourMode: 'use' | 'height';
  setLanguage(language: Language): void;
  /** Shows a hidden layer, hides a shown one (`shownByDefault`: its state before any toggle, default true). */
  toggleLayer(id: string, shownByDefault?: boolean): void;
  setRun(id: string, run: RunState): void;
  select(feature: PickedFeature | null): void;
  flyTo(presetId: string): void;
  /** Flies the camera to a tour stop's view (WGS84 position and target, its duration and easing). */
  flyToView(view: TourCamera): void;
  setVerticalExaggeration(factor: number): void;
  setCompare(mode: CompareMode, ids?: [string, string]): void;
  setRunOptions(options: Partial<RunOptions>): void;
  /** Stores a run in place of the earlier run of the same scenario and options (never merged). */
  putRunRecord(record: RunRecord): void;
  bumpRunViews(): void;
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
    runOptions: { ...DEFAULT_RUN_OPTIONS },
    runRecords: {},
    runViewsVersion: 0,
    buildingColourMode: 'use',
    setLanguage: (language) => {
      storage?.setItem(LANGUAGE_KEY, language);
      set({ language });
    },
    toggleLayer: (id, shownByDefault = true) =>
      set((s) => ({ layerVisible: { ...s.layerVisible, [id]: !(s.layerVisible[id] ?? shownByDefault) } })),
    setRun: (id, run) => set((s) => ({ runs: { ...s.runs, [id]: run } })),
    select: (selected) => set({ selected }),
    flyTo: (presetId) =>
      set((s) => ({ cameraRequest: { presetId, serial: (s.cameraRequest?.serial ?? 0) + 1 } })),
    flyToView: (view) =>
      set((s) => ({ cameraRequest: { view, serial: (s.cameraRequest?.serial ?? 0) + 1 } })),
    setVerticalExaggeration: (verticalExaggeration) => set({ verticalExaggeration }),
    setCompare: (compareMode, ids) => set((s) => ({ compareMode, compareIds: ids ?? s.compareIds })),
    setRunOptions: (options) => set((s) => ({ runOptions: { ...s.runOptions, ...options } })),
    putRunRecord: (record) =>
      set((s) => ({
        runRecords: { ...s.runRecords, [runKey(record.scenarioId, record.options)]: record },
      })),
    bumpRunViews: () => set((s) => ({ runViewsVersion: s.runViewsVersion + 1 })),
    setBuildingColourMode: (buildingColourMode) => set({ buildingColourMode }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
