import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { type MessageKey, translate } from '../i18n/index.ts';
import type { AppState, AppStore } from '../state/appStore.ts';

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
