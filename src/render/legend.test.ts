import { describe, expect, it } from 'vitest';
import { cssColor, hexColor, rampColor } from './legend.ts';

describe('legend colours', () => {
  const stops = [
    { value: 0, color: [0, 0, 1] as const },
    { value: 1, color: [1, 0, 0] as const },
    { value: 2, color: [1, 1, 0] as const },
  ];
  it('interpolates linearly between stops and clamps at the ends', () => {
    const out: [number, number, number] = [0, 0, 0];
    rampColor(stops, 0.25, out);
    expect(out).toEqual([0.25, 0, 0.75]);
    rampColor(stops, 1.5, out);
    expect(out).toEqual([1, 0.5, 0]);
    rampColor(stops, -3, out);
    expect(out).toEqual([0, 0, 1]);
    rampColor(stops, 9, out);
    expect(out).toEqual([1, 1, 0]);
  });
  it('converts hex and CSS colours', () => {
    expect(hexColor('#ff8000')).toEqual([1, 128 / 255, 0]);
    expect(cssColor(hexColor('#0b6e99'))).toBe('rgb(11, 110, 153)');
  });
});
