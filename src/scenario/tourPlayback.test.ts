import { describe, expect, it } from 'vitest';
import { TOUR_EASINGS } from './tour.ts';
import { ease, framesOfTime, presenterAction, stopAfter, stopScenarioIds } from './tourPlayback.ts';

describe('camera flight easing', () => {
  it.each(TOUR_EASINGS)('%s starts at 0, ends at 1, never goes back and clamps outside [0, 1]', (easing) => {
    expect(ease(easing, 0)).toBe(0);
    expect(ease(easing, 1)).toBeCloseTo(1, 12);
    expect(ease(easing, -3)).toBe(0);
    expect(ease(easing, 7)).toBeCloseTo(1, 12);
    let previous = 0;
    for (let i = 1; i <= 100; i++) {
      const v = ease(easing, i / 100);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
  });

  it('eases in and out symmetrically (halfway at half time), linear is the identity', () => {
    for (const easing of ['smoothstep', 'easeInOutCubic', 'easeInOutSine'] as const) {
      expect(ease(easing, 0.5)).toBeCloseTo(0.5, 12);
      // slow start: a tenth of the time covers less than a tenth of the way
      expect(ease(easing, 0.1)).toBeLessThan(0.1);
      expect(ease(easing, 0.25) + ease(easing, 0.75)).toBeCloseTo(1, 12);
    }
    expect(ease('linear', 0.3)).toBe(0.3);
    // hand-worked: 4·0.25³ = 0.0625; (1 − cos(π/4)) / 2 = 0.1464…; 0.25²·(3 − 0.5) = 0.15625
    expect(ease('easeInOutCubic', 0.25)).toBeCloseTo(0.0625, 12);
    expect(ease('easeInOutSine', 0.25)).toBeCloseTo((1 - Math.SQRT1_2) / 2, 12);
    expect(ease('smoothstep', 0.25)).toBeCloseTo(0.15625, 12);
  });
});

describe('stop sequencing', () => {
  it('maps the presenter keys and clicker buttons', () => {
    expect(['ArrowRight', 'PageDown', ' '].map(presenterAction)).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map(presenterAction)).toEqual(['previous', 'previous']);
    expect(presenterAction('Escape')).toBe('leave');
    expect(presenterAction('Home')).toBe('first');
    expect(presenterAction('End')).toBe('last');
    expect(presenterAction('a')).toBeUndefined();
  });

  it('stays within the tour', () => {
    expect(stopAfter('next', 0, 5)).toBe(1);
    expect(stopAfter('next', 4, 5)).toBe(4);
    expect(stopAfter('previous', 0, 5)).toBe(0);
    expect(stopAfter('previous', 3, 5)).toBe(2);
    expect(stopAfter('first', 3, 5)).toBe(0);
    expect(stopAfter('last', 0, 5)).toBe(4);
    expect(stopAfter('next', 0, 1)).toBe(0);
    // a stop asked for past the end (a preview link of a shorter tour) counts as the last
    expect(stopAfter('previous', 9, 5)).toBe(3);
    expect(stopAfter('next', 9, 5)).toBe(4);
  });

  it('runs the scenario of a stop, or both of its compare pair', () => {
    const base = { id: 's', camera: {} as never, layers: {}, kpis: [], caption: { vi: 'a', en: 'b' } };
    expect(stopScenarioIds({ ...base, scenario: 'x' })).toEqual(['x']);
    expect(stopScenarioIds({ ...base, compare: { a: 'x', b: 'y', mode: 'split' } })).toEqual(['x', 'y']);
  });
});

describe('flood frames of a stop', () => {
  const times = [0, 1800, 3600, 5400, 7200, 9000];

  it('plays a span from the frame shown at its start to the first frame at or after its end', () => {
    expect(framesOfTime({ fromSeconds: 1000, toSeconds: 5400 }, times)).toEqual([0, 1800, 3600, 5400]);
    expect(framesOfTime({ fromSeconds: 1800, toSeconds: 6000 }, times)).toEqual([1800, 3600, 5400, 7200]);
    expect(framesOfTime({ fromSeconds: 0, toSeconds: 99_999 }, times)).toEqual(times);
  });

  it('shows one moment as the frame at or before it, and nothing without frames', () => {
    expect(framesOfTime({ atSeconds: 4000 }, times)).toEqual([3600]);
    expect(framesOfTime({ atSeconds: 0 }, times)).toEqual([0]);
    expect(framesOfTime({ atSeconds: 100 }, [])).toEqual([]);
  });
});
