import { createStore } from 'zustand/vanilla';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { Scenario, ScenarioEdit } from '../scenario/scenario.ts';
import { decodeShareCode } from '../scenario/shareLink.ts';
import { parseScenario } from '../scenario/validate.ts';
import type { InvalidScenario, SavedWorkspace } from './workspaceRecord.ts';

/** Where scenarios are kept between sessions (IndexedDB in the app, memory in tests). */
export interface ScenarioStorage {
  /** The saved workspace; a damaged record is moved aside and reported in `quarantined`. */
  load(): Promise<SavedWorkspace | undefined>;
  /** Saves the valid scenarios and, unchanged, the saved documents that no longer validate. */
  save(scenarios: Scenario[], invalid: readonly InvalidScenario[], currentId: string): Promise<void>;
}

/** Something the scenario panel tells the planner: a refused import, a copy made, an autosave problem. */
export interface ScenarioNotice {
  /** Text key (Vietnamese and English); its `{detail}` placeholder is filled with `detail`. */
  key: MessageKey;
  /** Where and why: the file and JSON path or line, or the browser's reason, in the input's words. */
  detail: string;
  /** `error` for what failed, `info` for what was done differently than asked. */
  severity: 'error' | 'info';
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
  /** Saved documents that no longer validate: listed with the reason, saved back, never dropped. */
  invalidSaved: InvalidScenario[];
  /** What the planner has not dismissed yet; existing work is untouched by any of them. */
  notices: ScenarioNotice[];
  /** Selects a scenario; each scenario keeps its own undo history for the session. */
  select(id: string): void;
  /** Adds or replaces an edit (by id) in the current scenario; undoable. */
  putEdit(edit: ScenarioEdit): void;
  removeEdit(editId: string): void;
  /** Copies the current scenario under a new id, based on it, and selects the copy. */
  duplicate(newId: string, names: { vi: string; en: string }): void;
  undo(): void;
  redo(): void;
  /**
   * Validates a document and adds it, as a new copy (`<id>-2`, name "… (2)") when its id is taken
   * by a different scenario, and selects it; no scenario or undo history is replaced. On failure
   * adds a notice naming `source` and the reason, and changes nothing. Returns success.
   */
  importDocument(value: unknown, source?: string): boolean;
  /** Imports a scenario file of at most MAX_SCENARIO_FILE_BYTES (checked before reading it). */
  importFile(file: File): Promise<boolean>;
  /** Imports the scenario of a share-link code (decoded with its size caps). */
  importShareCode(code: string): boolean;
  /** Forgets a flagged invalid saved document (the planner's explicit choice). */
  discardInvalid(index: number): void;
  notify(notice: ScenarioNotice): void;
  dismissNotice(index: number): void;
}

/** Longest undo history kept per scenario and session. */
const HISTORY_LIMIT = 100;

/** Largest scenario file imported, bytes (5 MiB: the shipped scenarios are under 10 KB). */
export const MAX_SCENARIO_FILE_BYTES = 5 * 1024 * 1024;

/** Whether `id` is one of the workspace's scenarios (own property: `constructor` is not). */
export function hasScenario(scenarios: Record<string, Scenario>, id: string): boolean {
  return Object.hasOwn(scenarios, id);
}

/**
 * The id and name under which `scenario` joins a workspace that has `scenarios`: its own when
 * free, else the first free `<id>-<n>` (n ≥ 2) with " (n)" after both names.
 */
export function importedCopyOf(scenario: Scenario, scenarios: Record<string, Scenario>): Scenario {
  if (!hasScenario(scenarios, scenario.id)) return scenario;
  let n = 2;
  while (hasScenario(scenarios, `${scenario.id}-${n}`)) n++;
  return {
    ...scenario,
    id: `${scenario.id}-${n}`,
    name: { vi: `${scenario.name.vi} (${n})`, en: `${scenario.name.en} (${n})` },
  };
}

/** The message of an import error, attributed to `source` when the error does not name a file. */
function reasonOf(error: unknown, source: string): string {
  if (error instanceof InputError)
    return error.file === undefined ? error.inFile(source).message : error.message;
  return `${source}: ${error instanceof Error ? error.message : String(error)}`;
}

type History = { past: Scenario[]; future: Scenario[] };

/** Creates the scenario store seeded with `initial` (at least the baseline). */
export function createScenarioStore(initial: Scenario[]) {
  const first = initial[0];
  if (!first) throw new Error('at least one scenario is required');
  /** Undo histories of the scenarios not selected now, by id. */
  const histories = new Map<string, History>();
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
    /** The state that selects `id`, keeping the current scenario's history for later. */
    const selecting = (id: string): Pick<ScenarioState, 'currentId' | 'past' | 'future'> => {
      const state = get();
      histories.set(state.currentId, { past: state.past, future: state.future });
      const history = histories.get(id) ?? { past: [], future: [] };
      histories.delete(id);
      return { currentId: id, ...history };
    };
    const notify = (notice: ScenarioNotice) => set({ notices: [...get().notices, notice] });
    const importDocument = (value: unknown, source = 'scenario'): boolean => {
      try {
        const scenario = parseScenario(value);
        const state = get();
        const existing = hasScenario(state.scenarios, scenario.id) ? state.scenarios[scenario.id] : undefined;
        if (existing && JSON.stringify(existing) === JSON.stringify(scenario)) {
          set(selecting(existing.id)); // the same scenario again: nothing to copy
          return true;
        }
        const added = importedCopyOf(scenario, state.scenarios);
        set({
          scenarios: { ...state.scenarios, [added.id]: added },
          order: [...state.order, added.id],
          ...selecting(added.id),
        });
        if (added.id !== scenario.id) {
          notify({ key: 'notice.importedAsCopy', detail: `${scenario.id} → ${added.id}`, severity: 'info' });
        }
        return true;
      } catch (error) {
        notify({ key: 'notice.importRefused', detail: reasonOf(error, source), severity: 'error' });
        return false;
      }
    };
    return {
      scenarios: Object.fromEntries(initial.map((s) => [s.id, s])),
      order: initial.map((s) => s.id),
      currentId: first.id,
      past: [],
      future: [],
      invalidSaved: [],
      notices: [],
      select: (id) => {
        if (hasScenario(get().scenarios, id) && id !== get().currentId) set(selecting(id));
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
        if (!current || hasScenario(state.scenarios, newId)) return;
        const copy: Scenario = { ...current, id: newId, name: names, base: current.id };
        set({
          scenarios: { ...state.scenarios, [newId]: copy },
          order: [...state.order, newId],
          ...selecting(newId),
        });
      },
      undo: () => restore('past'),
      redo: () => restore('future'),
      importDocument,
      importFile: async (file) => {
        if (file.size > MAX_SCENARIO_FILE_BYTES) {
          const detail = `${file.name}: ${file.size} bytes, above the maximum of ${MAX_SCENARIO_FILE_BYTES} bytes for a scenario file`;
          notify({ key: 'notice.importRefused', detail, severity: 'error' });
          return false;
        }
        try {
          return importDocument(parseJsonText(await file.text(), file.name), file.name);
        } catch (error) {
          notify({ key: 'notice.importRefused', detail: reasonOf(error, file.name), severity: 'error' });
          return false;
        }
      },
      importShareCode: (code) => {
        try {
          return importDocument(decodeShareCode(code), 'share link');
        } catch (error) {
          notify({
            key: 'notice.shareLinkRefused',
            detail: reasonOf(error, 'share link'),
            severity: 'error',
          });
          return false;
        }
      },
      discardInvalid: (index) => set({ invalidSaved: get().invalidSaved.filter((_, i) => i !== index) }),
      notify,
      dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
    };
  });
}

export type ScenarioStore = ReturnType<typeof createScenarioStore>;

/** The name of a storage error (`QuotaExceededError` when the browser's storage is full). */
function errorName(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : '';
}

/**
 * Restores saved scenarios into the store (those that no longer validate go to `invalidSaved`,
 * listed with the reason and saved back; a damaged record moved aside is told once), then saves
 * on every change (debounced by `delayMs`), so work survives a reload or a crash. A failed save (storage full, or any other
 * reason) is told once per streak of failures; the work stays in memory and the next change
 * tries again. Autosave stays on even when loading failed. Returns a function that stops saving.
 */
export async function persistScenarios(store: ScenarioStore, storage: ScenarioStorage, delayMs = 300) {
  try {
    const saved = await storage.load();
    if (saved) restoreWorkspace(store, saved);
  } catch (error) {
    store.getState().notify({ key: 'notice.autosaveLoadFailed', detail: String(error), severity: 'error' });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failing = false;
  const save = async () => {
    const s = store.getState();
    try {
      await storage.save(
        s.order.flatMap((id) => (hasScenario(s.scenarios, id) ? [s.scenarios[id] as Scenario] : [])),
        s.invalidSaved,
        s.currentId,
      );
      failing = false;
    } catch (error) {
      if (failing) return;
      failing = true;
      const quota = errorName(error) === 'QuotaExceededError';
      store.getState().notify({
        key: quota ? 'notice.autosaveQuota' : 'notice.autosaveFailed',
        detail: String(error),
        severity: 'error',
      });
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.scenarios === previous.scenarios &&
      state.currentId === previous.currentId &&
      state.invalidSaved === previous.invalidSaved
    )
      return;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/** Puts a saved workspace into the store: saved scenarios replace the seeded ones of the same id. */
function restoreWorkspace(store: ScenarioStore, saved: SavedWorkspace): void {
  const state = store.getState();
  const scenarios = { ...state.scenarios };
  const order = [...state.order];
  for (const s of saved.scenarios) {
    if (!hasScenario(scenarios, s.id)) order.push(s.id);
    scenarios[s.id] = s;
  }
  const currentId =
    saved.currentId !== null && hasScenario(scenarios, saved.currentId) ? saved.currentId : state.currentId;
  const notices = [...state.notices];
  if (saved.quarantined) {
    const { key, reason } = saved.quarantined;
    notices.push({ key: 'notice.autosaveQuarantined', detail: `${key}: ${reason}`, severity: 'error' });
  }
  store.setState({ scenarios, order, currentId, invalidSaved: saved.invalid, notices });
}
