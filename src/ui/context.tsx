import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { type MessageKey, translate } from '../i18n/index.ts';
import type { AppState, AppStore } from '../state/appStore.ts';
import type { ScenarioState, ScenarioStore } from '../state/scenarioStore.ts';

/** The app store, provided once at the root. */
export const StoreContext = createContext<AppStore | null>(null);

/** Reads a slice of app state; re-renders only when the slice changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext missing');
  return useStore(store, selector);
}

/** The translate function for the current language. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const language = useApp((s) => s.language);
  return (key, params) => translate(language, key, params);
}

/** The scenario store, provided once at the root. */
export const ScenarioContext = createContext<ScenarioStore | null>(null);

/** The scenario store itself (for actions). */
export function useScenarioStore(): ScenarioStore {
  const store = useContext(ScenarioContext);
  if (!store) throw new Error('ScenarioContext missing');
  return store;
}

/** Reads a slice of scenario state. */
export function useScenarios<T>(selector: (state: ScenarioState) => T): T {
  return useStore(useScenarioStore(), selector);
}
