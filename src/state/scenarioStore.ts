import { createStore } from 'zustand/vanilla';
import { InputError } from '../core/errors.ts';
import type { Scenario, ScenarioEdit } from '../scenario/scenario.ts';
import { parseScenario } from '../scenario/validate.ts';

/** Where scenarios are kept between sessions (IndexedDB in the app, memory in tests). */
export interface ScenarioStorage {
  load(): Promise<{ scenarios: Scenario[]; currentId: string | null } | undefined>;
  save(scenarios: Scenario[], currentId: string): Promise<void>;
}

/** The planner's scenarios, the one being edited, and its undo/redo history. */
export interface ScenarioState {
  scenarios: Record<string, Scenario>;
  /** Display order of scenario ids. */
  order: string[];
  currentId: string;
  /** Earlier versions of the current scenario (most recent last). */
  past: Scenario[];
  future: Scenario[];
  /** The last import or edit error, shown to the user; existing work is untouched. */
  lastError: string | null;
  select(id: string): void;
  /** Adds or replaces an edit (by id) in the current scenario; undoable. */
  putEdit(edit: ScenarioEdit): void;
  removeEdit(editId: string): void;
  /** Copies the current scenario under a new id, based on it, and selects the copy. */
  duplicate(newId: string, names: { vi: string; en: string }): void;
  undo(): void;
  redo(): void;
  /** Validates a document and adds it; on failure sets lastError and changes nothing. Returns success. */
  importDocument(value: unknown): boolean;
  clearError(): void;
}

/** Longest undo history kept per session. */
const HISTORY_LIMIT = 100;

/** Creates the scenario store seeded with `initial` (at least the baseline). */
export function createScenarioStore(initial: Scenario[]) {
  const first = initial[0];
  if (!first) throw new Error('at least one scenario is required');
  return createStore<ScenarioState>()((set, get) => {
    /** Replaces the current scenario, pushing the old version on the undo stack. */
    const change = (update: (s: Scenario) => Scenario) => {
      const state = get();
      const current = state.scenarios[state.currentId];
      if (!current) return;
      const next = update(current);
      set({
        scenarios: { ...state.scenarios, [next.id]: next },
        past: [...state.past, current].slice(-HISTORY_LIMIT),
        future: [],
        lastError: null,
      });
    };
    const restore = (from: 'past' | 'future') => {
      const state = get();
      const stack = state[from];
      const target = stack.at(-1);
      const current = state.scenarios[state.currentId];
      if (!target || !current) return;
      const other = from === 'past' ? 'future' : 'past';
      set({
        scenarios: { ...state.scenarios, [target.id]: target },
        [from]: stack.slice(0, -1),
        [other]: [...state[other], current],
      });
    };
    return {
      scenarios: Object.fromEntries(initial.map((s) => [s.id, s])),
      order: initial.map((s) => s.id),
      currentId: first.id,
      past: [],
      future: [],
      lastError: null,
      select: (id) => {
        if (get().scenarios[id]) set({ currentId: id, past: [], future: [] });
      },
      putEdit: (edit) =>
        change((s) => {
          const at = s.edits.findIndex((e) => e.id === edit.id);
          const edits = at < 0 ? [...s.edits, edit] : s.edits.map((e, i) => (i === at ? edit : e));
          return { ...s, edits };
        }),
      removeEdit: (editId) => change((s) => ({ ...s, edits: s.edits.filter((e) => e.id !== editId) })),
      duplicate: (newId, names) => {
        const state = get();
        const current = state.scenarios[state.currentId];
        if (!current || state.scenarios[newId]) return;
        const copy: Scenario = { ...current, id: newId, name: names, base: current.id };
        set({
          scenarios: { ...state.scenarios, [newId]: copy },
          order: [...state.order, newId],
          currentId: newId,
          past: [],
          future: [],
        });
      },
      undo: () => restore('past'),
      redo: () => restore('future'),
      importDocument: (value) => {
        try {
          const scenario = parseScenario(value);
          const state = get();
          set({
            scenarios: { ...state.scenarios, [scenario.id]: scenario },
            order: state.order.includes(scenario.id) ? state.order : [...state.order, scenario.id],
            currentId: scenario.id,
            past: [],
            future: [],
            lastError: null,
          });
          return true;
        } catch (error) {
          set({ lastError: error instanceof InputError ? error.message : String(error) });
          return false;
        }
      },
      clearError: () => set({ lastError: null }),
    };
  });
}

export type ScenarioStore = ReturnType<typeof createScenarioStore>;

/**
 * Restores saved scenarios into the store, then saves on every change (debounced by
 * `delayMs`), so work survives a reload or a crash. Returns a function that stops saving.
 */
export async function persistScenarios(store: ScenarioStore, storage: ScenarioStorage, delayMs = 300) {
  const saved = await storage.load();
  if (saved && saved.scenarios.length > 0) {
    const state = store.getState();
    const scenarios = { ...state.scenarios };
    const order = [...state.order];
    for (const s of saved.scenarios) {
      scenarios[s.id] = s;
      if (!order.includes(s.id)) order.push(s.id);
    }
    const currentId = saved.currentId && scenarios[saved.currentId] ? saved.currentId : state.currentId;
    store.setState({ scenarios, order, currentId });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenarios === previous.scenarios && state.currentId === previous.currentId) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = store.getState();
      void storage.save(
        s.order.flatMap((id) => (s.scenarios[id] ? [s.scenarios[id]] : [])),
        s.currentId,
      );
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
