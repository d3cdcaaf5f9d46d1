/**
 * The flood panel's time slider, shared by the panel (DOM) and the water layers of the 3D views
 * (canvas): which frame of the run's depth frames is shown, by event-clock time, or the maximum
 * depth (the default view), and whether it plays. By time, not index, so the comparison's A and B
 * show the same moment of their runs.
 */
import { createStore } from 'zustand/vanilla';

/** The player's state. */
export interface FloodPlayerState {
  /** Event-clock time of the frame shown, s; null = the maximum depth of the event. */
  frameSeconds: number | null;
  playing: boolean;
}

export const floodPlayer = createStore<FloodPlayerState>(() => ({ frameSeconds: null, playing: false }));

/** The frame shown at `seconds`: the last of `timesSeconds` (increasing) at or before it, 0 when none. */
export function frameIndexAt(timesSeconds: readonly number[], seconds: number): number {
  let index = 0;
  for (let i = 0; i < timesSeconds.length && timesSeconds[i]! <= seconds; i++) index = i;
  return index;
}
