import { openDB } from 'idb';
import type { Scenario } from '../scenario/scenario.ts';
import type { ScenarioStorage } from './scenarioStore.ts';
import { type InvalidScenario, readWorkspaceRecord, workspaceRecordOf } from './workspaceRecord.ts';

const DB_NAME = 'thu-duc-twin';
const STORE = 'workspace';
const WORKSPACE_KEY = 'scenarios';

/** Key under which a damaged workspace record is kept, e.g. `quarantine-2026-12-02T01:30:00.000Z`. */
export const QUARANTINE_KEY_PREFIX = 'quarantine-';

/**
 * Scenario autosave in the browser's IndexedDB (one record: the whole workspace). A record of the
 * wrong shape is moved, whole and as it was, to a `quarantine-<time>` key of the same store (never
 * deleted) and reported once; documents that no longer validate are kept and flagged
 * (workspaceRecord.ts). Errors of `put` (QuotaExceededError when storage is full) reach the caller.
 */
export function indexedDbScenarioStorage(): ScenarioStorage {
  const db = openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
  });
  return {
    async load() {
      const database = await db;
      const record: unknown = await database.get(STORE, WORKSPACE_KEY);
      if (record === undefined) return undefined;
      const read = readWorkspaceRecord(record);
      if ('workspace' in read) return read.workspace;
      const key = `${QUARANTINE_KEY_PREFIX}${new Date().toISOString()}`;
      const tx = database.transaction(STORE, 'readwrite');
      await Promise.all([
        tx.store.put({ record, reason: read.damaged }, key),
        tx.store.delete(WORKSPACE_KEY),
        tx.done,
      ]);
      return { scenarios: [], invalid: [], currentId: null, quarantined: { key, reason: read.damaged } };
    },
    async save(scenarios: Scenario[], invalid: readonly InvalidScenario[], currentId: string) {
      await (await db).put(STORE, workspaceRecordOf(scenarios, invalid, currentId), WORKSPACE_KEY);
    },
  };
}
