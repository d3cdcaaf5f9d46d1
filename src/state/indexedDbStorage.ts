import { openDB } from 'idb';
import type { Scenario } from '../scenario/scenario.ts';
import { parseScenario } from '../scenario/validate.ts';
import type { ScenarioStorage } from './scenarioStore.ts';

const DB_NAME = 'thu-duc-twin';
const STORE = 'workspace';

/** Scenario autosave in the browser's IndexedDB (one record: the whole workspace). */
export function indexedDbScenarioStorage(): ScenarioStorage {
  const db = openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
  });
  return {
    async load() {
      const record = (await (await db).get(STORE, 'scenarios')) as
        | { scenarios: unknown[]; currentId: string | null }
        | undefined;
      if (!record) return undefined;
      // a damaged record loses only the damaged scenarios, never the session
      const scenarios = record.scenarios.flatMap((s) => {
        try {
          return [parseScenario(s)];
        } catch {
          return [];
        }
      });
      return { scenarios, currentId: record.currentId };
    },
    async save(scenarios: Scenario[], currentId: string) {
      await (await db).put(STORE, { scenarios, currentId }, 'scenarios');
    },
  };
}
