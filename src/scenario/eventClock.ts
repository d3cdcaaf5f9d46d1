/**
 * The event clock: a scenario's storm event starts at t = 0 s = 00:00 local time (UTC+7) of its
 * first day, so times of day are seconds after midnight. The traffic model assigns one hour of
 * demand, placed explicitly on this clock.
 */

/** An hour of the event, seconds after 00:00 of its first day. */
export interface ClockHour {
  startSeconds: number;
  endSeconds: number;
}

/**
 * The morning peak hour, 07:00–08:00: the hour the traffic demand model describes (its peak-hour
 * share of daily trips) and the hour the traffic stage assigns.
 */
export const MORNING_PEAK_HOUR: ClockHour = { startSeconds: 7 * 3600, endSeconds: 8 * 3600 };
