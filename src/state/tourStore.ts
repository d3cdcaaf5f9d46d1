import { createStore } from 'zustand/vanilla';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import { parseTour, type Tour, type TourReferences } from '../scenario/tour.ts';

/** localStorage key of the planner's own tour (a `twin-tour/1` document). */
export const TOUR_STORAGE_KEY = 'twin.tour';

/** The planner's own tour, edited in the workbench and played in presentation mode. */
export interface TourState {
  /** The tour being edited; null = none (presentation plays the shipped tour). */
  tour: Tour | null;
  /** Why the saved or imported tour was refused (`file: path: message`), until dismissed. */
  problem: string | null;
  /** Replaces the tour (an edit) and saves it. */
  setTour(tour: Tour | null): void;
  /**
   * Reads the saved tour, checked against `references` (the scenarios it may run), unless a tour
   * is already loaded; a saved tour that does not check is reported and left saved, never
   * dropped (call again when the references change: the workspace's scenarios load later).
   */
  loadSaved(references: TourReferences): void;
  /** Imports a tour document's text (a file's `name` for messages); on failure reports and changes nothing. */
  importText(text: string, name: string, references: TourReferences): boolean;
  dismissProblem(): void;
}

/** Creates the tour store over `storage` (localStorage in the app, a map in tests). */
export function createTourStore(storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  const parse = (text: string, name: string, references: TourReferences): Tour | string => {
    try {
      return parseTour(parseJsonText(text, name), references);
    } catch (error) {
      if (error instanceof InputError) return (error.file === undefined ? error.inFile(name) : error).message;
      throw error;
    }
  };
  return createStore<TourState>()((set, get) => ({
    tour: null,
    problem: null,
    setTour: (tour) => {
      if (tour) storage?.setItem(TOUR_STORAGE_KEY, JSON.stringify(tour));
      else storage?.removeItem(TOUR_STORAGE_KEY);
      set({ tour });
    },
    loadSaved: (references) => {
      if (get().tour) return;
      const text = storage?.getItem(TOUR_STORAGE_KEY);
      if (!text) return;
      const parsed = parse(text, 'saved tour', references);
      set(typeof parsed === 'string' ? { problem: parsed } : { tour: parsed, problem: null });
    },
    importText: (text, name, references) => {
      const parsed = parse(text, name, references);
      if (typeof parsed === 'string') {
        set({ problem: parsed });
        return false;
      }
      storage?.setItem(TOUR_STORAGE_KEY, JSON.stringify(parsed));
      set({ tour: parsed, problem: null });
      return true;
    },
    dismissProblem: () => set({ problem: null }),
  }));
}

export type TourStore = ReturnType<typeof createTourStore>;
