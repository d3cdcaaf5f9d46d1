import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/scenario.ts';
import { parseScenario } from '../scenario/validate.ts';
import { createScenarioStore, persistScenarios, type ScenarioStorage } from './scenarioStore.ts';

const baseline = parseScenario(JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')));
const closure = { type: 'roadClosure' as const, id: 'c1', linkIds: ['42'] };
const dike = {
  type: 'dike' as const,
  id: 'd1',
  coordinates: [
    [106.7, 10.8],
    [106.71, 10.8],
  ] as Array<[number, number]>,
  crestHeightMetres: 2,
};

function memoryStorage(): ScenarioStorage & {
  saved: { scenarios: Scenario[]; currentId: string } | undefined;
} {
  const box: { saved: { scenarios: Scenario[]; currentId: string } | undefined } = { saved: undefined };
  return Object.assign(box, {
    load: async () => box.saved,
    save: async (scenarios: Scenario[], currentId: string) => {
      box.saved = structuredClone({ scenarios, currentId });
    },
  });
}

describe('scenario store', () => {
  it('undoes and redoes every edit', () => {
    const store = createScenarioStore([baseline]);
    const s = store.getState;
    s().duplicate('plan-a', { vi: 'Phương án A', en: 'Plan A' });
    s().putEdit(closure);
    s().putEdit(dike);
    s().removeEdit('c1');
    const current = () => s().scenarios[s().currentId]!.edits.map((e) => e.id);
    expect(current()).toEqual(['d1']);
    s().undo();
    expect(current()).toEqual(['c1', 'd1']);
    s().undo();
    s().undo();
    expect(current()).toEqual([]);
    s().undo(); // nothing more to undo: no change
    expect(current()).toEqual([]);
    s().redo();
    s().redo();
    expect(current()).toEqual(['c1', 'd1']);
    s().putEdit({ ...dike, crestHeightMetres: 3 }); // a new edit clears the redo stack
    s().redo();
    expect(s().scenarios['plan-a']!.edits).toEqual([closure, { ...dike, crestHeightMetres: 3 }]);
    expect(s().scenarios.baseline!.edits).toEqual([]);
    expect(s().scenarios['plan-a']!.base).toBe('baseline');
  });

  it('refuses a broken import with the reason and keeps existing work', () => {
    const store = createScenarioStore([baseline]);
    store.getState().putEdit(closure);
    const before = store.getState().scenarios;
    expect(store.getState().importDocument({ format: 'twin-scenario/1', id: 'x' })).toBe(false);
    expect(store.getState().lastError).toMatch(/name: expected an object/);
    expect(store.getState().scenarios).toBe(before);
    expect(store.getState().importDocument({ ...baseline, id: 'imported' })).toBe(true);
    expect(store.getState().currentId).toBe('imported');
  });

  it('autosaves and restores the workspace after a "reload"', async () => {
    const storage = memoryStorage();
    const first = createScenarioStore([baseline]);
    const stop = await persistScenarios(first, storage, 0);
    first.getState().duplicate('plan-a', { vi: 'A', en: 'A' });
    first.getState().putEdit(dike);
    await new Promise((r) => setTimeout(r, 20));
    stop();
    const reloaded = createScenarioStore([baseline]);
    await persistScenarios(reloaded, storage, 0);
    expect(reloaded.getState().currentId).toBe('plan-a');
    expect(reloaded.getState().scenarios['plan-a']!.edits).toEqual([dike]);
    expect(reloaded.getState().order).toEqual(['baseline', 'plan-a']);
  });
});
