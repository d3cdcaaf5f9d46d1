import { describe, expect, it } from 'vitest';
import { createFloodPlayerStore, frameIndexAt } from './floodPlayerStore.ts';

/** Frames every 30 min of a 1.5 h event, s. */
const TIMES = [0, 1800, 3600, 5400];

describe('frameIndexAt', () => {
  it('picks the last frame at or before the time, clamped to the run', () => {
    expect(frameIndexAt(TIMES, 0)).toBe(0);
    expect(frameIndexAt(TIMES, 1800)).toBe(1);
    expect(frameIndexAt(TIMES, 3599)).toBe(1);
    expect(frameIndexAt(TIMES, 4000)).toBe(2);
    expect(frameIndexAt(TIMES, 90_000)).toBe(3); // a longer run's time on a shorter run: its end
    expect(frameIndexAt(TIMES, -1)).toBe(0);
    expect(frameIndexAt([], 100)).toBe(0);
  });
});

describe('flood player', () => {
  it('starts on the maximum depth, paused', () => {
    const player = createFloodPlayerStore();
    expect(player.getState().frameSeconds).toBeNull();
    expect(player.getState().playing).toBe(false);
  });

  it('plays from the first frame when the maximum is shown, then steps to the end and stops', () => {
    const player = createFloodPlayerStore();
    player.getState().play(TIMES);
    expect(player.getState()).toMatchObject({ playing: true, frameSeconds: 0 });
    player.getState().advance(TIMES);
    expect(player.getState().frameSeconds).toBe(1800);
    player.getState().advance(TIMES);
    expect(player.getState()).toMatchObject({ playing: true, frameSeconds: 3600 });
    player.getState().advance(TIMES);
    expect(player.getState()).toMatchObject({ playing: false, frameSeconds: 5400 });
  });

  it('plays on from a frame in the middle, and from the start again at the end', () => {
    const player = createFloodPlayerStore();
    player.getState().showFrame(2000); // between frames: frame 1 is shown
    player.getState().play(TIMES);
    expect(player.getState()).toMatchObject({ playing: true, frameSeconds: 2000 });
    player.getState().advance(TIMES);
    expect(player.getState().frameSeconds).toBe(3600);
    player.getState().showFrame(5400);
    player.getState().play(TIMES);
    expect(player.getState().frameSeconds).toBe(0);
  });

  it('pauses, and returns to the maximum depth paused', () => {
    const player = createFloodPlayerStore();
    player.getState().play(TIMES);
    player.getState().pause();
    expect(player.getState()).toMatchObject({ playing: false, frameSeconds: 0 });
    player.getState().play(TIMES);
    player.getState().showMaximum();
    expect(player.getState()).toMatchObject({ playing: false, frameSeconds: null });
  });
});
