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

/** The app's UI state (vanilla zustand; React reads it through selectors). */
export interface AppState {
  language: Language;
  /** Layer id → visible. */
  layerVisible: Record<string, boolean>;
  runs: Record<string, RunState>;
  setLanguage(language: Language): void;
  toggleLayer(id: string): void;
  setRun(id: string, run: RunState): void;
}

const LANGUAGE_KEY = 'twin.language';

/** Creates the store; `storage` persists the language (localStorage in the app). */
export function createAppStore(storage?: Pick<Storage, 'getItem' | 'setItem'>) {
  const saved = storage?.getItem(LANGUAGE_KEY);
  return createStore<AppState>()((set) => ({
    language: saved === 'en' ? 'en' : 'vi',
    layerVisible: {},
    runs: {},
    setLanguage: (language) => {
      storage?.setItem(LANGUAGE_KEY, language);
      set({ language });
    },
    toggleLayer: (id) =>
      set((s) => ({ layerVisible: { ...s.layerVisible, [id]: !(s.layerVisible[id] ?? true) } })),
    setRun: (id, run) => set((s) => ({ runs: { ...s.runs, [id]: run } })),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
