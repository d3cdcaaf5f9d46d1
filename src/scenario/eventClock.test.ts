import { describe, expect, it } from 'vitest';
import { clockTimeOf, MORNING_PEAK_HOUR } from './eventClock.ts';

describe('event clock', () => {
  it('shows seconds after 00:00 of the first day as hh:mm and the day', () => {
    expect(clockTimeOf(0)).toEqual({ day: 0, hhmm: '00:00' });
    expect(clockTimeOf(5400)).toEqual({ day: 0, hhmm: '01:30' });
    expect(clockTimeOf(MORNING_PEAK_HOUR.startSeconds)).toEqual({ day: 0, hhmm: '07:00' });
    expect(clockTimeOf(24 * 3600 - 1)).toEqual({ day: 1, hhmm: '00:00' }); // to the minute
    expect(clockTimeOf(26 * 3600)).toEqual({ day: 1, hhmm: '02:00' });
    expect(clockTimeOf(48 * 3600)).toEqual({ day: 2, hhmm: '00:00' });
  });
});
