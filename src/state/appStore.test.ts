import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore.ts';

describe('app store', () => {
  it('defaults to Vietnamese and persists the language choice', () => {
    const memory = new Map<string, string>();
    const storage = {
      getItem: (k: string) => memory.get(k) ?? null,
      setItem: (k: string, v: string) => void memory.set(k, v),
    };
    const store = createAppStore(storage);
    expect(store.getState().language).toBe('vi');
    store.getState().setLanguage('en');
    expect(createAppStore(storage).getState().language).toBe('en');
  });

  it('toggles layers that start visible', () => {
    const store = createAppStore();
    store.getState().toggleLayer('grid');
    expect(store.getState().layerVisible.grid).toBe(false);
    store.getState().toggleLayer('grid');
    expect(store.getState().layerVisible.grid).toBe(true);
  });
});
