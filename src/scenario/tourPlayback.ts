import type { TourEasing, TourStop, TourTime } from './tour.ts';

/**
 * Eased progress of a camera flight: `fraction` of its duration elapsed (clamped to [0, 1]) →
 * fraction of the way travelled, 0 at the start and 1 at the end.
 */
export function ease(easing: TourEasing, fraction: number): number {
  const x = Math.min(1, Math.max(0, fraction));
  switch (easing) {
    case 'linear':
      return x;
    case 'smoothstep':
      return x * x * (3 - 2 * x);
    case 'easeInOutCubic':
      return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
    case 'easeInOutSine':
      return (1 - Math.cos(Math.PI * x)) / 2;
  }
}

/** What a presenter's key (or clicker button) asks of the tour. */
export type PresenterAction = 'next' | 'previous' | 'first' | 'last' | 'leave';

/**
 * The action of a key, by its `KeyboardEvent.key`: → PageDown Space next (presenter clickers send
 * PageDown/PageUp), ← PageUp previous, Home/End first/last stop, Escape leaves full screen.
 */
export function presenterAction(key: string): PresenterAction | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    default:
      return undefined;
  }
}

/** The stop shown after `action` at stop `index` of `count` (stays within the tour; an index past the end counts as the last). */
export function stopAfter(action: Exclude<PresenterAction, 'leave'>, index: number, count: number): number {
  const last = Math.max(0, count - 1);
  const at = Math.min(index, last);
  switch (action) {
    case 'next':
      return Math.min(last, at + 1);
    case 'previous':
      return Math.max(0, at - 1);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}

/** The scenarios a stop runs: its scenario, or A and B of its compare pair. */
export function stopScenarioIds(stop: TourStop): string[] {
  if (stop.compare) return [stop.compare.a, stop.compare.b];
  return stop.scenario ? [stop.scenario] : [];
}

/**
 * The flood frames a stop plays, from a run's frame times (s, increasing): for a span, the frames
 * from the last at or before `fromSeconds` to the first at or after `toSeconds` (so the water is
 * shown over the whole span); for one moment, the frame shown at that time. Empty when the run
 * has no frames.
 */
export function framesOfTime(time: TourTime, timesSeconds: readonly number[]): number[] {
  if (timesSeconds.length === 0) return [];
  const [from, to] =
    'atSeconds' in time ? [time.atSeconds, time.atSeconds] : [time.fromSeconds, time.toSeconds];
  let first = 0;
  while (first + 1 < timesSeconds.length && timesSeconds[first + 1]! <= from) first++;
  let last = first;
  if ('fromSeconds' in time) while (last + 1 < timesSeconds.length && timesSeconds[last]! < to) last++;
  return timesSeconds.slice(first, last + 1);
}
