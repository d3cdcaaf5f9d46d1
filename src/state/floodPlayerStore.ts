/**
 * The flood panel's time slider, shared by the panel (DOM) and the water layers of the 3D views
 * (canvas): which frame of the run's depth frames is shown, by event-clock time, or the maximum
 * depth (the default view), and whether it plays. By time, not index, so the comparison's A and B
 * show the same moment of their runs.
 */
import { createStore } from 'zustand/vanilla';

/** The player's state and actions. */
export interface FloodPlayerState {
  /** Event-clock time of the frame shown, s; null = the maximum depth of the event. */
  frameSeconds: number | null;
  playing: boolean;
  /** Shows the maximum depth and stops playing. */
  showMaximum(): void;
  /** Shows the frame at event-clock time `seconds` (s). */
  showFrame(seconds: number): void;
  /**
   * Plays the frames at `timesSeconds` (increasing, s): from the first frame when the maximum
   * depth or the last frame is shown, else from the frame shown.
   */
  play(timesSeconds: readonly number[]): void;
  pause(): void;
  /** One play tick: the next frame of `timesSeconds`; on the last frame playing stops. */
  advance(timesSeconds: readonly number[]): void;
}

/** The frame shown at `seconds`: the last of `timesSeconds` (increasing) at or before it, 0 when none. */
export function frameIndexAt(timesSeconds: readonly number[], seconds: number): number {
  let index = 0;
  for (let i = 0; i < timesSeconds.length && timesSeconds[i]! <= seconds; i++) index = i;
  return index;
}

/** A flood player store showing the maximum depth, paused. */
export function createFloodPlayerStore() {
  return createStore<FloodPlayerState>()((set, get) => ({
    frameSeconds: null,
    playing: false,
    showMaximum: () => set({ frameSeconds: null, playing: false }),
    showFrame: (frameSeconds) => set({ frameSeconds }),
    play: (timesSeconds) => {
      const shown = get().frameSeconds;
      const last = timesSeconds.length - 1;
      const fromStart = shown === null || frameIndexAt(timesSeconds, shown) >= last;
      set({ playing: true, ...(fromStart && last >= 0 ? { frameSeconds: timesSeconds[0]! } : {}) });
    },
    pause: () => set({ playing: false }),
    advance: (timesSeconds) => {
      const shown = get().frameSeconds;
      const last = timesSeconds.length - 1;
      if (last < 0) return;
      const next = shown === null ? 0 : frameIndexAt(timesSeconds, shown) + 1;
      if (next >= last) set({ frameSeconds: timesSeconds[last]!, playing: false });
      else set({ frameSeconds: timesSeconds[next]! });
    },
  }));
}

export type FloodPlayerStore = ReturnType<typeof createFloodPlayerStore>;

/** The app's flood player (one per page). */
export const floodPlayer: FloodPlayerStore = createFloodPlayerStore();
