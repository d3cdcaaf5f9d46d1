import { createStore } from 'zustand/vanilla';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import type { MessageKey } from '../i18n/index.ts';
import { parseTour, type Tour, type TourReferences } from '../scenario/tour.ts';
import { withFreeTourId } from '../scenario/tourEditing.ts';
import { decodeTourShareCode } from '../scenario/tourShareLink.ts';

/** localStorage key of the planner's own tour (a `twin-tour/1` document). */
export const TOUR_STORAGE_KEY = 'twin.tour';
/** localStorage key of the planner's tour a tour share link replaced, until restored or replaced again. */
export const PREVIOUS_TOUR_STORAGE_KEY = 'twin.tour.previous';

/** The planner's own tour, edited in the workbench and played in presentation mode. */
export interface TourState {
  /** The tour being edited; null = none (presentation plays the shipped tour). */
  tour: Tour | null;
  /** Why the saved or imported tour was refused (`file: path: message`), until dismissed. */
  problem: string | null;
  /** The message that frames `problem` in the UI language (`{detail}`); null: `problem` is shown as it is. */
  problemKey: MessageKey | null;
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
  /**
   * Imports the tour of a share link's code (tourShareLink.ts) as the planner's tour, a copy
   * under a free id when its id is one of `takenIds` (the shipped tour's) or the tour it
   * replaces, which is kept to restore (`restorePrevious`); on failure reports why (framed by
   * `tour.shareLinkRefused`) and changes nothing.
   */
  importShareCode(code: string, references: TourReferences, takenIds: ReadonlySet<string>): boolean;
  /** Whether a tour replaced by a share link is kept to restore. */
  hasPrevious: boolean;
  /**
   * Swaps the planner's tour with the one a share link replaced (checked against `references`;
   * one that no longer checks is reported and stays kept); false when there is none or it fails.
   */
  restorePrevious(references: TourReferences): boolean;
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
    problemKey: null,
    hasPrevious: storage?.getItem(PREVIOUS_TOUR_STORAGE_KEY) != null,
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
      set(
        typeof parsed === 'string'
          ? { problem: parsed, problemKey: null }
          : { tour: parsed, problem: null, problemKey: null },
      );
    },
    importText: (text, name, references) => {
      const parsed = parse(text, name, references);
      if (typeof parsed === 'string') {
        set({ problem: parsed, problemKey: null });
        return false;
      }
      get().setTour(parsed);
      set({ problem: null, problemKey: null });
      return true;
    },
    importShareCode: (code, references, takenIds) => {
      let shared: Tour;
      try {
        shared = decodeTourShareCode(code, references);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        set({ problem: error.message, problemKey: 'tour.shareLinkRefused' });
        return false;
      }
      const own = get().tour;
      if (own) storage?.setItem(PREVIOUS_TOUR_STORAGE_KEY, JSON.stringify(own));
      get().setTour(withFreeTourId(shared, own ? new Set([...takenIds, own.id]) : takenIds));
      set({ problem: null, problemKey: null, hasPrevious: own !== null || get().hasPrevious });
      return true;
    },
    restorePrevious: (references) => {
      const text = storage?.getItem(PREVIOUS_TOUR_STORAGE_KEY);
      if (!text) return false;
      const parsed = parse(text, 'previous tour', references);
      if (typeof parsed === 'string') {
        set({ problem: parsed, problemKey: null });
        return false;
      }
      const current = get().tour;
      if (current) storage?.setItem(PREVIOUS_TOUR_STORAGE_KEY, JSON.stringify(current));
      else storage?.removeItem(PREVIOUS_TOUR_STORAGE_KEY);
      get().setTour(parsed);
      set({ problem: null, problemKey: null, hasPrevious: current !== null });
      return true;
    },
    dismissProblem: () => set({ problem: null, problemKey: null }),
  }));
}

export type TourStore = ReturnType<typeof createTourStore>;
