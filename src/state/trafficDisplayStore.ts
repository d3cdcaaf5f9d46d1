/**
 * How the traffic layers are drawn, shared by the traffic panel (DOM) and the traffic map layer
 * (canvas): links coloured by V/C or by the volume difference to the base scenario's run, and
 * whether vehicles move. The assignment itself is the traffic stage of the current scenario's run.
 */
import { createStore } from 'zustand/vanilla';

/** What the link colours show: the volume/capacity ratio, or volume − the base run's volume (PCU/h). */
export type LinkColouring = 'ratio' | 'difference';

/** The traffic display's state and actions. */
export interface TrafficDisplayState {
  colourBy: LinkColouring;
  vehiclesOn: boolean;
  setColourBy(colourBy: LinkColouring): void;
  setVehiclesOn(on: boolean): void;
}

/** A traffic display store: links by V/C, vehicles off. */
export function createTrafficDisplayStore() {
  return createStore<TrafficDisplayState>()((set) => ({
    colourBy: 'ratio',
    vehiclesOn: false,
    setColourBy: (colourBy) => set({ colourBy }),
    setVehiclesOn: (vehiclesOn) => set({ vehiclesOn }),
  }));
}

export type TrafficDisplayStore = ReturnType<typeof createTrafficDisplayStore>;

/** The app's traffic display (one per page). */
export const trafficDisplay: TrafficDisplayStore = createTrafficDisplayStore();
