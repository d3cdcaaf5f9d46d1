import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeTourShareCode } from '../scenario/tourShareLink.ts';
import { parseScenario } from '../scenario/validate.ts';
import { PREVIOUS_TOUR_STORAGE_KEY, TOUR_STORAGE_KEY, createTourStore } from './tourStore.ts';

const scenarios = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'))));
const references = { scenarios };
const shippedText = readFileSync('scenarios/tours/thu-duc-2045.json', 'utf8');

/** A Storage over a Map. */
const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

describe('the tour store', () => {
  it('imports a tour, saves it and reads it back in a new session', () => {
    const storage = memoryStorage();
    const store = createTourStore(storage);
    expect(store.getState().importText(shippedText, 'thu-duc-2045.json', references)).toBe(true);
    expect(store.getState().tour?.stops).toHaveLength(5);
    const again = createTourStore(storage);
    again.getState().loadSaved(references);
    expect(again.getState().tour).toEqual(store.getState().tour);
    again.getState().setTour(null);
    expect(storage.items.has(TOUR_STORAGE_KEY)).toBe(false);
  });

  it('refuses a bad import with the file and path, changing nothing', () => {
    const store = createTourStore(memoryStorage());
    const bad = shippedText.replace('"scenario": "baseline"', '"scenario": "atlantis"');
    expect(store.getState().importText(bad, 'mine.json', references)).toBe(false);
    expect(store.getState().tour).toBeNull();
    expect(store.getState().problem).toMatch(
      /^mine\.json: stops\[0\]\.scenario: unknown scenario "atlantis"/,
    );
    expect(store.getState().importText('{"format": ', 'broken.json', references)).toBe(false);
    expect(store.getState().problem).toMatch(/^broken\.json: line 1/);
  });

  it('reports a saved tour that no longer checks and keeps it saved', () => {
    const storage = memoryStorage();
    const store = createTourStore(storage);
    store.getState().importText(shippedText, 'thu-duc-2045.json', references);
    const fewer = createTourStore(storage);
    fewer.getState().loadSaved({ scenarios: scenarios.filter((s) => s.id !== 'ring-road-2-completed') });
    expect(fewer.getState().tour).toBeNull();
    expect(fewer.getState().problem).toMatch(/^saved tour: stops\[4\]\.scenario: unknown scenario/);
    expect(storage.items.has(TOUR_STORAGE_KEY)).toBe(true);
    // once the scenario is there (the workspace loads later) the same saved tour loads
    fewer.getState().loadSaved(references);
    expect(fewer.getState().tour?.stops).toHaveLength(5);
    expect(fewer.getState().problem).toBeNull();
  });

  it('never replaces a tour being edited with the saved one', () => {
    const storage = memoryStorage();
    const store = createTourStore(storage);
    store.getState().importText(shippedText, 'thu-duc-2045.json', references);
    const edited = { ...store.getState().tour!, stops: store.getState().tour!.stops.slice(0, 2) };
    store.getState().setTour(edited);
    storage.items.set(TOUR_STORAGE_KEY, shippedText);
    store.getState().loadSaved(references);
    expect(store.getState().tour).toBe(edited);
  });

  it('imports a shared tour as a copy when its id is taken, and reports a damaged link', () => {
    const storage = memoryStorage();
    const store = createTourStore(storage);
    store.getState().importText(shippedText, 'thu-duc-2045.json', references);
    const own = store.getState().tour!;
    const code = encodeTourShareCode({ ...own, stops: own.stops.slice(1, 3) });
    expect(store.getState().importShareCode(code, references, new Set())).toBe(true);
    // the planner's tour had the same id: the shared one comes in as a copy, saved
    expect(store.getState().tour?.id).toBe('thu-duc-2045-1');
    expect(store.getState().tour?.stops.map((s) => s.id)).toEqual(own.stops.slice(1, 3).map((s) => s.id));
    expect(JSON.parse(storage.items.get(TOUR_STORAGE_KEY)!).id).toBe('thu-duc-2045-1');
    // a shared tour whose id is free keeps it
    const fresh = createTourStore(memoryStorage());
    expect(
      fresh
        .getState()
        .importShareCode(encodeTourShareCode({ ...own, id: 'mine' }), references, new Set(['thu-duc-2045'])),
    ).toBe(true);
    expect(fresh.getState().tour?.id).toBe('mine');
    // the shipped tour's id is taken even with no tour of one's own
    expect(fresh.getState().importShareCode(code, references, new Set(['thu-duc-2045']))).toBe(true);
    expect(fresh.getState().tour?.id).toBe('thu-duc-2045-1');

    const before = store.getState().tour;
    expect(store.getState().importShareCode(code.slice(0, 30), references, new Set())).toBe(false);
    expect(store.getState().tour).toBe(before);
    expect(store.getState().problem).toBe('share link is damaged (not a compressed tour)');
    expect(store.getState().problemKey).toBe('tour.shareLinkRefused');
    store.getState().dismissProblem();
    expect(store.getState().problemKey).toBeNull();
  });

  it('keeps the tour a share link replaced, and swaps it back on request', () => {
    const storage = memoryStorage();
    const store = createTourStore(storage);
    expect(store.getState().hasPrevious).toBe(false);
    expect(store.getState().restorePrevious(references)).toBe(false);
    store.getState().importText(shippedText, 'thu-duc-2045.json', references);
    const own = { ...store.getState().tour!, id: 'my-tour' };
    store.getState().setTour(own);
    const shared = { ...own, id: 'shared', stops: own.stops.slice(0, 1) };
    store.getState().importShareCode(encodeTourShareCode(shared), references, new Set());
    expect(store.getState().tour?.id).toBe('shared');
    expect(store.getState().hasPrevious).toBe(true);
    // a new session knows it too, and restoring swaps the two
    const later = createTourStore(storage);
    later.getState().loadSaved(references);
    expect(later.getState().hasPrevious).toBe(true);
    expect(later.getState().restorePrevious(references)).toBe(true);
    expect(later.getState().tour).toEqual(own);
    expect(JSON.parse(storage.items.get(PREVIOUS_TOUR_STORAGE_KEY)!).id).toBe('shared');
    expect(JSON.parse(storage.items.get(TOUR_STORAGE_KEY)!).id).toBe('my-tour');
  });
});
