/**
 * The workbench's live sensors, shared by the sensors panel (DOM) and the sensors map layer
 * (canvas): the SensorThings server's root URL (kept in localStorage), the state of the
 * connection, a counter of data changes (the data itself is held by ui/sensors/sensorsFeed) and
 * the station whose popup is open.
 */
import { createStore } from 'zustand/vanilla';

/** Default SensorThings root: the service `npm start` runs beside the app. */
export const DEFAULT_STA_ROOT = 'http://127.0.0.1:8787/v1.1';

/** localStorage key of the server URL. */
export const STA_ROOT_STORAGE_KEY = 'twin.sensors.staRoot';

/** `off`: layer hidden, nothing read; `loading`; `ready`: read, live updates on; `unreachable`. */
export type SensorsConnection = 'off' | 'loading' | 'ready' | 'unreachable';

/** The sensors' state and actions. */
export interface SensorsState {
  staRoot: string;
  connection: SensorsConnection;
  /** Why the server is unreachable (the error's message). */
  detail: string;
  /** Incremented on every change of the data or of a Datastream's health. */
  dataVersion: number;
  /** The Datastream of the station whose popup is open, or null. */
  selectedStreamId: number | null;
  setStaRoot(url: string): void;
  setConnection(connection: SensorsConnection, detail?: string): void;
  dataChanged(): void;
  select(streamId: number | null): void;
}

/** The part of Web Storage used here. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** A sensors store whose server URL is read from and written to `storage` (none: not kept). */
export function createSensorsStore(storage?: KeyValueStorage) {
  const stored = storage?.getItem(STA_ROOT_STORAGE_KEY);
  return createStore<SensorsState>()((set) => ({
    staRoot: stored || DEFAULT_STA_ROOT,
    connection: 'off',
    detail: '',
    dataVersion: 0,
    selectedStreamId: null,
    setStaRoot: (url) => {
      const staRoot = url.trim() || DEFAULT_STA_ROOT;
      storage?.setItem(STA_ROOT_STORAGE_KEY, staRoot);
      set({ staRoot, selectedStreamId: null });
    },
    setConnection: (connection, detail = '') => set({ connection, detail }),
    dataChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
    select: (selectedStreamId) => set({ selectedStreamId }),
  }));
}

export type SensorsStore = ReturnType<typeof createSensorsStore>;

/** The page's sensors (one per page; the URL kept in localStorage when there is one). */
export const sensors: SensorsStore = createSensorsStore(
  typeof localStorage === 'undefined' ? undefined : localStorage,
);
