/**
 * The one registry of what the page offers its e2e tests and the render benchmark on
 * `window.__twin`: the city (`city`, `cityReady`), the traffic layer (`traffic`), the zoning
 * editor (`landuse`), the live sensors (`sensors`) and the operations view's nowcast (`nowcast`), presentation mode's view look (`look`). A layer registers a hook when it mounts and removes it when it goes.
 */
import type { CityTestApi } from './city/cityTestHook.ts';
import type { SensorsTestApi } from './layers/sensorsMapLayer.ts';
import type { LanduseTestApi } from './layers/zoningMapLayer.ts';
import type { TrafficTestApi } from './layers/trafficMapLayer.ts';
import type { ViewLook } from './look/viewLook.ts';
import type { NowcastState } from './operations/nowcastRunner.ts';

/** Every hook by its name on `window.__twin` (the names the tests read). */
export interface TwinTestHooks {
  city?: CityTestApi;
  /** When the city was first drawn with every layer mounted, ms since navigation start. */
  cityReady?: number;
  traffic?: TrafficTestApi;
  landuse?: LanduseTestApi;
  sensors?: SensorsTestApi;
  /** The operations view's flood nowcast: its state and latest result. */
  nowcast?: { state(): NowcastState };
  /** Presentation mode's look of its 3D views and the WebGL renderer name it was chosen by. */
  look?: { look: ViewLook; renderer: string | undefined };
}

declare global {
  interface Window {
    __twin?: TwinTestHooks & Record<string, unknown>;
  }
}

/**
 * Publishes `value` as `window.__twin[name]`; returns a function that removes it again (unless
 * another mount has replaced it since).
 */
export function registerTestHook<Name extends keyof TwinTestHooks>(
  name: Name,
  value: NonNullable<TwinTestHooks[Name]>,
): () => void {
  window.__twin = Object.assign(window.__twin ?? {}, { [name]: value });
  return () => {
    if (window.__twin?.[name] === value) delete window.__twin[name];
  };
}
