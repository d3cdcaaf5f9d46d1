/**
 * React bindings of the page-wide stores in src/state (the app and scenario stores are read
 * through context.tsx): each hook re-renders only when its selected slice changes.
 */
import { useStore } from 'zustand';
import { type FloodPlayerState, floodPlayer } from '../state/floodPlayerStore.ts';
import { type SensorsState, sensors } from '../state/sensorsStore.ts';
import { type TrafficDisplayState, trafficDisplay } from '../state/trafficDisplayStore.ts';
import { type ZoningEditorState, zoningEditor } from '../state/zoningEditorStore.ts';

/** Reads a slice of the traffic display (link colours, vehicles). */
export function useTrafficDisplay<T>(selector: (state: TrafficDisplayState) => T): T {
  return useStore(trafficDisplay, selector);
}

/** Reads a slice of the zoning editor (parcels, tool, selection, drawing, growth year). */
export function useZoningEditor<T>(selector: (state: ZoningEditorState) => T): T {
  return useStore(zoningEditor, selector);
}

/** Reads a slice of the flood player (frame shown, playing). */
export function useFloodPlayer<T>(selector: (state: FloodPlayerState) => T): T {
  return useStore(floodPlayer, selector);
}

/** Reads a slice of the live sensors (server URL, connection, data version, open popup). */
export function useSensors<T>(selector: (state: SensorsState) => T): T {
  return useStore(sensors, selector);
}
