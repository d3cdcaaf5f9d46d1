import { describe, expect, it } from 'vitest';
import { scaleBarFor } from './ScaleBar.tsx';

describe('scaleBarFor', () => {
  it('picks the longest 1-2-5 length that fits 120 px', () => {
    // 10 m per pixel: 1 km = 100 px fits, 2 km = 200 px does not
    expect(scaleBarFor(10)).toEqual({ pixels: 100, label: '1 km' });
    // 0.5 m per pixel: 50 m = 100 px
    expect(scaleBarFor(0.5)).toEqual({ pixels: 100, label: '50 m' });
    // 30 m per pixel: 2 km = 67 px, 5 km = 167 px too long
    expect(scaleBarFor(30)).toEqual({ pixels: 67, label: '2 km' });
  });
});
