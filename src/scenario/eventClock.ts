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

/**
 * An event-clock time as the clock shows it, to the minute: `hh:mm` of its day and the day
 * (0 = the event's first day), e.g. 5,400 s → 01:30 day 0, 93,600 s → 02:00 day 1.
 */
export function clockTimeOf(seconds: number): { day: number; hhmm: string } {
  const minutes = Math.round(seconds / 60);
  const day = Math.floor(minutes / 1440);
  const ofDay = minutes - day * 1440;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day, hhmm: `${pad(Math.floor(ofDay / 60))}:${pad(ofDay % 60)}` };
}
