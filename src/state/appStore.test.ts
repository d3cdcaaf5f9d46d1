import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS, runKey } from '../scenario/runOptions.ts';
import { createAppStore, type RunRecord } from './appStore.ts';

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

  it('toggles a layer hidden by default on at its first toggle', () => {
    const store = createAppStore();
    store.getState().toggleLayer('sensors', false);
    expect(store.getState().layerVisible.sensors).toBe(true);
    store.getState().toggleLayer('sensors', false);
    expect(store.getState().layerVisible.sensors).toBe(false);
  });

  it('keeps one run per scenario and run options, replaced whole (never merged) by the next', () => {
    const store = createAppStore();
    const coarse = DEFAULT_RUN_OPTIONS;
    const fine = { ...DEFAULT_RUN_OPTIONS, floodCellSizeMetres: 20 };
    const record = (options: typeof coarse, kpis: Record<string, number>): RunRecord => ({
      scenarioId: 's',
      options,
      kpis,
      stages: ['landuse', 'flood'],
      cached: [],
      fingerprint: 'f',
      seconds: 1,
    });
    store.getState().putRunRecord(record(coarse, { 'flood.floodedAreaKm2': 3, 'landuse.residents': 9 }));
    store.getState().putRunRecord(record(fine, { 'flood.floodedAreaKm2': 2 }));
    const runs = store.getState().runRecords;
    expect(runs[runKey('s', coarse)]?.kpis['flood.floodedAreaKm2']).toBe(3);
    expect(runs[runKey('s', fine)]?.kpis['flood.floodedAreaKm2']).toBe(2);
    store.getState().putRunRecord(record(coarse, { 'flood.floodedAreaKm2': 4 }));
    expect(store.getState().runRecords[runKey('s', coarse)]?.kpis).toEqual({ 'flood.floodedAreaKm2': 4 });
    store.getState().setRunOptions({ floodCellSizeMetres: 40 });
    expect(store.getState().runOptions).toEqual({ ...DEFAULT_RUN_OPTIONS, floodCellSizeMetres: 40 });
  });
});
