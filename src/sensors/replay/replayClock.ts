/**
 * The replay's clock. At start the replay fills the last `REPLAY_HISTORY_SECONDS` of data
 * time at once (history for the 24 h and 7-day charts) up to `REPLAY_ACCELERATED_SECONDS`
 * before now, then plays the rest at `speed` data seconds per wall second until it reaches
 * now, and from then on follows the wall clock (live).
 */

/** Data time filled at start, s (7 days). */
export const REPLAY_HISTORY_SECONDS = 7 * 86400;

/** Data time played in accelerated time before the replay reaches now, s (6 h: 6 min at --speed 60). */
export const REPLAY_ACCELERATED_SECONDS = 6 * 3600;

/** Data time (Unix s) of the replay at a wall time, for a replay started at `startWallSeconds`. */
export function replayDataTime(wallSeconds: number, startWallSeconds: number, speed: number): number {
  const accelerated =
    startWallSeconds - REPLAY_ACCELERATED_SECONDS + (wallSeconds - startWallSeconds) * speed;
  return Math.min(wallSeconds, accelerated);
}

/** Sample times (Unix s, multiples of `stepSeconds`) in `(afterSeconds, untilSeconds]`. */
export function sampleTimes(stepSeconds: number, afterSeconds: number, untilSeconds: number): number[] {
  const times: number[] = [];
  for (
    let t = (Math.floor(afterSeconds / stepSeconds) + 1) * stepSeconds;
    t <= untilSeconds;
    t += stepSeconds
  )
    times.push(t);
  return times;
}
