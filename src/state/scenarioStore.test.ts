import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/scenario.ts';
import { parseScenario } from '../scenario/validate.ts';
import { encodeShareCode } from '../scenario/shareLink.ts';
import {
  createScenarioStore,
  MAX_SCENARIO_FILE_BYTES,
  persistScenarios,
  type ScenarioStorage,
} from './scenarioStore.ts';
import { type InvalidScenario, readWorkspaceRecord, workspaceRecordOf } from './workspaceRecord.ts';

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

/** Storage in memory that keeps the record as IndexedDB would (structured clone) and reads it back alike. */
function memoryStorage(record?: unknown): ScenarioStorage & { record: unknown } {
  const box = { record };
  return Object.assign(box, {
    load: async () => {
      if (box.record === undefined) return undefined;
      const read = readWorkspaceRecord(box.record);
      if ('damaged' in read) throw new Error(`unexpected damaged record: ${read.damaged}`);
      return read.workspace;
    },
    save: async (scenarios: Scenario[], invalid: readonly InvalidScenario[], currentId: string) => {
      box.record = structuredClone(workspaceRecordOf(scenarios, invalid, currentId));
    },
  });
}

const settle = () => new Promise((r) => setTimeout(r, 20));

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

  it('refuses a broken import with where and why, and keeps existing work', () => {
    const store = createScenarioStore([baseline]);
    store.getState().putEdit(closure);
    const before = store.getState().scenarios;
    expect(store.getState().importDocument({ format: 'twin-scenario/1', id: 'x' }, 'x.json')).toBe(false);
    expect(store.getState().notices).toHaveLength(1);
    expect(store.getState().notices[0]).toMatchObject({ key: 'notice.importRefused', severity: 'error' });
    expect(store.getState().notices[0]!.detail).toMatch(/^x\.json: name: expected an object/);
    expect(store.getState().scenarios).toBe(before);
    expect(store.getState().importDocument({ ...baseline, id: 'imported' })).toBe(true);
    expect(store.getState().currentId).toBe('imported');
    store.getState().dismissNotice(0);
    expect(store.getState().notices).toEqual([]);
  });

  it('imports a scenario whose id exists as a new copy, keeping the edited one and its undo history', () => {
    const store = createScenarioStore([baseline]);
    const s = store.getState;
    s().putEdit(closure); // the planner edits the baseline
    expect(s().importDocument({ ...baseline, edits: [dike] }, 'shared.json')).toBe(true);
    expect(s().currentId).toBe('baseline-2');
    expect(s().scenarios['baseline-2']!.name).toEqual({
      vi: 'Hiện trạng (2)',
      en: `${baseline.name.en} (2)`,
    });
    expect(s().scenarios['baseline-2']!.edits).toEqual([dike]);
    expect(s().scenarios.baseline!.edits).toEqual([closure]);
    expect(s().notices[0]).toMatchObject({ key: 'notice.importedAsCopy', detail: 'baseline → baseline-2' });
    expect(s().importDocument({ ...baseline, edits: [] })).toBe(true); // a third version: the next free id
    expect(s().currentId).toBe('baseline-3');
    s().select('baseline');
    s().undo(); // the edit made before the imports is still undoable
    expect(s().scenarios.baseline!.edits).toEqual([]);
    // the same scenario again selects it instead of copying
    expect(s().importDocument(structuredClone(s().scenarios['baseline-2']))).toBe(true);
    expect(s().currentId).toBe('baseline-2');
    expect(s().order).toEqual(['baseline', 'baseline-2', 'baseline-3']);
  });

  it('imports a share code as a copy when its id exists and refuses a damaged code with a notice', () => {
    const store = createScenarioStore([baseline]);
    store.getState().putEdit(closure);
    expect(store.getState().importShareCode(encodeShareCode({ ...baseline, edits: [dike] }))).toBe(true);
    expect(store.getState().currentId).toBe('baseline-2');
    expect(store.getState().scenarios.baseline!.edits).toEqual([closure]);
    expect(store.getState().importShareCode('%%%not-a-code')).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({
      key: 'notice.shareLinkRefused',
      severity: 'error',
    });
    expect(store.getState().notices.at(-1)!.detail).toMatch(/^share link: /);
    expect(store.getState().currentId).toBe('baseline-2');
  });

  it('refuses a file over the size cap before reading it, and names the file of a JSON error', async () => {
    const store = createScenarioStore([baseline]);
    const huge = {
      name: 'huge.json',
      size: MAX_SCENARIO_FILE_BYTES + 1,
      text: () => Promise.reject(new Error('read a file over the cap')),
    } as unknown as File;
    expect(await store.getState().importFile(huge)).toBe(false);
    expect(store.getState().notices[0]!.detail).toBe(
      `huge.json: ${MAX_SCENARIO_FILE_BYTES + 1} bytes, above the maximum of ${MAX_SCENARIO_FILE_BYTES} bytes for a scenario file`,
    );
    expect(await store.getState().importFile(new File(['{"id": '], 'broken.json'))).toBe(false);
    expect(store.getState().notices[1]!.detail).toMatch(/^broken\.json: line 1, column \d+: invalid JSON/);
    const ok = new File([JSON.stringify({ ...baseline, id: 'from-file' })], 'ok.json');
    expect(await store.getState().importFile(ok)).toBe(true);
    expect(store.getState().currentId).toBe('from-file');
  });

  it('looks ids up as own properties: `constructor` selects nothing built in', async () => {
    const store = createScenarioStore([baseline]);
    store.getState().select('constructor');
    expect(store.getState().currentId).toBe('baseline');
    await persistScenarios(store, memoryStorage({ scenarios: [baseline], currentId: 'constructor' }), 0);
    expect(store.getState().currentId).toBe('baseline');
    expect(store.getState().importDocument({ ...baseline, id: 'constructor' })).toBe(true);
    expect(store.getState().currentId).toBe('constructor'); // a scenario of that name, not a copy of Object
    const { scenarios, currentId } = store.getState();
    expect(Object.hasOwn(scenarios, currentId)).toBe(true);
    expect(scenarios[currentId]!.edits).toEqual([]);
  });

  it('autosaves and restores the workspace after a "reload"', async () => {
    const storage = memoryStorage();
    const first = createScenarioStore([baseline]);
    const stop = await persistScenarios(first, storage, 0);
    first.getState().duplicate('plan-a', { vi: 'A', en: 'A' });
    first.getState().putEdit(dike);
    await settle();
    stop();
    const reloaded = createScenarioStore([baseline]);
    await persistScenarios(reloaded, storage, 0);
    expect(reloaded.getState().currentId).toBe('plan-a');
    expect(reloaded.getState().scenarios['plan-a']!.edits).toEqual([dike]);
    expect(reloaded.getState().order).toEqual(['baseline', 'plan-a']);
  });

  it('keeps saved scenarios that no longer validate, flagged, through later saves', async () => {
    const stale = { ...baseline, id: 'old-plan', edits: [{ type: 'teleporter', id: 't1' }] };
    const storage = memoryStorage({ scenarios: [baseline, stale, 42], currentId: 'old-plan' });
    const store = createScenarioStore([baseline]);
    await persistScenarios(store, storage, 0);
    const flagged = store.getState().invalidSaved;
    expect(flagged.map((i) => i.id)).toEqual(['old-plan', '#2']);
    expect(flagged[0]!.reason).toMatch(/edits\[0\]/);
    expect(store.getState().currentId).toBe('baseline'); // the saved selection is not a valid scenario
    store.getState().putEdit(closure);
    await settle();
    const saved = storage.record as { scenarios: unknown[] };
    expect(saved.scenarios).toHaveLength(3);
    expect(saved.scenarios).toContainEqual(stale);
    expect(saved.scenarios).toContainEqual(42);
    store.getState().discardInvalid(1); // only the planner's choice removes one
    await settle();
    expect((storage.record as { scenarios: unknown[] }).scenarios).toHaveLength(2);
  });

  it('tells once about a quarantined record and keeps autosaving', async () => {
    const storage = memoryStorage();
    const quarantined = { key: 'quarantine-1', reason: 'scenarios: expected an array, found string' };
    storage.load = async () => ({ scenarios: [], invalid: [], currentId: null, quarantined });
    const store = createScenarioStore([baseline]);
    await persistScenarios(store, storage, 0);
    expect(store.getState().notices).toEqual([
      { key: 'notice.autosaveQuarantined', detail: `quarantine-1: ${quarantined.reason}`, severity: 'error' },
    ]);
    store.getState().putEdit(dike);
    await settle();
    expect(readWorkspaceRecord(storage.record)).toEqual({
      workspace: { scenarios: [{ ...baseline, edits: [dike] }], invalid: [], currentId: 'baseline' },
    });
  });

  it('tells once when storage is full, keeps the work in memory, and saves again when it can', async () => {
    const storage = memoryStorage();
    const save = storage.save;
    let full = true;
    storage.save = (...args) =>
      full ? Promise.reject(new DOMException('quota', 'QuotaExceededError')) : save(...args);
    const store = createScenarioStore([baseline]);
    await persistScenarios(store, storage, 0);
    store.getState().putEdit(closure);
    await settle();
    store.getState().putEdit(dike);
    await settle();
    expect(store.getState().notices.map((n) => n.key)).toEqual(['notice.autosaveQuota']);
    expect(store.getState().scenarios.baseline!.edits).toEqual([closure, dike]);
    expect(storage.record).toBeUndefined();
    full = false;
    store.getState().removeEdit('c1');
    await settle();
    expect((storage.record as { scenarios: Scenario[] }).scenarios[0]!.edits).toEqual([dike]);
  });
});

describe('workspace record', () => {
  it('calls a record of the wrong shape damaged, with the reason', () => {
    expect(readWorkspaceRecord('garbage')).toEqual({ damaged: 'expected an object, found string' });
    expect(readWorkspaceRecord({ scenarios: { 0: baseline } })).toEqual({
      damaged: 'scenarios: expected an array, found object',
    });
    expect(readWorkspaceRecord({ scenarios: [], currentId: 7 })).toEqual({
      damaged: 'currentId: expected a string, found number',
    });
    expect(readWorkspaceRecord({ scenarios: [] })).toEqual({
      workspace: { scenarios: [], invalid: [], currentId: null },
    });
  });
});
