import { describe, expect, it } from 'vitest';
import { createSensorsStore, DEFAULT_STA_ROOT, STA_ROOT_STORAGE_KEY } from './sensorsStore.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('sensors store', () => {
  it('starts at the default server, keeps a set URL in storage and reads it back in a new store', () => {
    const storage = memoryStorage();
    const store = createSensorsStore(storage);
    expect(store.getState().staRoot).toBe(DEFAULT_STA_ROOT);
    store.getState().select(7);
    store.getState().setStaRoot(' http://10.0.0.2:9000/v1.1 ');
    expect(store.getState().staRoot).toBe('http://10.0.0.2:9000/v1.1');
    expect(store.getState().selectedStreamId).toBeNull();
    expect(storage.getItem(STA_ROOT_STORAGE_KEY)).toBe('http://10.0.0.2:9000/v1.1');
    expect(createSensorsStore(storage).getState().staRoot).toBe('http://10.0.0.2:9000/v1.1');
  });

  it('an empty URL falls back to the default; data changes count up', () => {
    const store = createSensorsStore();
    store.getState().setStaRoot('   ');
    expect(store.getState().staRoot).toBe(DEFAULT_STA_ROOT);
    store.getState().dataChanged();
    store.getState().dataChanged();
    expect(store.getState().dataVersion).toBe(2);
  });
});
