import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import {
  dailyVnAqi,
  hourlyVnAqi,
  nowcastUgM3,
  subIndex,
  subIndexUnrounded,
  VN_AQI_BREAKPOINTS_UG_M3 as BP,
  VN_AQI_CLASSES,
  vnAqiClass,
} from './vnAqi.ts';

/** n hours of the same mean. */
const repeat = (c: number | null, n: number): (number | null)[] => Array.from({ length: n }, () => c);

describe('sub-index (Formula 1, Table 2)', () => {
  it('interpolates linearly inside a band', () => {
    // PM2.5 65 µg/m³ lies in 50–80 (I 100–150): 100 + 50·(65−50)/30 = 125.
    expect(subIndexUnrounded(BP.pm25, 65)).toBeCloseTo(125, 10);
    // NO2 450 in 200–700 (I 100–150): 100 + 50·250/500 = 125.
    expect(subIndex(BP.no2, 450)).toBe(125);
    // CO 20 000 in 10 000–30 000 (I 50–100): 50 + 50·0.5 = 75.
    expect(subIndex(BP.co, 20000)).toBe(75);
    // SO2 200 in 125–350 (I 50–100): 50 + 50·75/225 = 66.67 → 67.
    expect(subIndex(BP.so2, 200)).toBe(67);
    // O3 1-h 250 in 200–300 (I 100–150): 125. PM10 300 in 250–350 (I 150–200): 175.
    expect(subIndex(BP.o3OneHour, 250)).toBe(125);
    expect(subIndex(BP.pm10, 300)).toBe(175);
  });

  it('gives the level of Table 2 at a band edge and rounds half up', () => {
    expect(subIndex(BP.pm25, 0)).toBe(0);
    expect(subIndex(BP.pm25, 25)).toBe(50);
    expect(subIndex(BP.pm25, 150)).toBe(200);
    expect(subIndex(BP.pm10, 420)).toBe(300);
    // PM2.5 25.5: 50 + 50·0.5/25 = 51 (moderate); 25.25: 50.5 → 51 (half up); 25.24: 50.48 → 50.
    expect(subIndex(BP.pm25, 25.5)).toBe(51);
    expect(subIndex(BP.pm25, 25.25)).toBe(51);
    expect(subIndex(BP.pm25, 25.24)).toBe(50);
  });

  it('is 500 at and above the top breakpoint; the 8-h O3 table stops at 400 µg/m³', () => {
    expect(subIndex(BP.pm10, 600)).toBe(500);
    expect(subIndex(BP.pm10, 900)).toBe(500);
    // O3 8-h 400 → 300 (level 6); above it the 8-h mean gives no index.
    expect(subIndex(BP.o3EightHour, 400)).toBe(300);
    expect(subIndex(BP.o3EightHour, 401)).toBeUndefined();
  });
});

describe('NowCast (Formula 2)', () => {
  it('uses w = ½ when c_min/c_max ≤ ½', () => {
    // c = 80, 40, then ten hours of 20: w* = 20/80 = ¼ → w = ½.
    // Σ w^(i−1) over 12 hours = 2 − 2⁻¹¹ = 1.99951171875.
    // Σ w^(i−1)·c_i = 80 + 0.5·40 + 20·(Σ_{k=2..11} 2⁻ᵏ = 0.49951171875) = 109.990234375.
    // NowCast = 109.990234375 / 1.99951171875 = 55.00855 µg/m³ → I = 100 + 50·5.00855/30 = 108.35 → 108.
    const hours = [80, 40, ...repeat(20, 10)];
    expect(nowcastUgM3(hours)).toBeCloseTo(55.00855, 4);
    expect(hourlyVnAqi({ 'PM2.5': hours }).index).toBe(108);
  });

  it('uses w = c_min/c_max when it is over ½', () => {
    // c = 30, then eleven hours of 20: w = 2/3; S = Σ w^(i−1) = 3·(1 − (2/3)¹²) = 2.97688.
    // NowCast = (30 + 20·(S − 1)) / S = 20 + 10/S = 23.3592 → I = 50·23.3592/25 = 46.72 → 47.
    const hours = [30, ...repeat(20, 11)];
    expect(nowcastUgM3(hours)).toBeCloseTo(23.3592, 3);
    expect(hourlyVnAqi({ PM10: hours.map((c) => (c as number) * 2) }).subIndices.PM10).toBe(47);
  });

  it('weighs only the last 12 hours', () => {
    expect(nowcastUgM3([...repeat(40, 12), 1000, 1000])).toBe(40);
  });

  it('needs 2 of the 3 latest hours; missing hours carry no weight', () => {
    expect(nowcastUgM3([null, null, ...repeat(50, 10)])).toBeUndefined();
    expect(nowcastUgM3([null, 50, null, ...repeat(50, 9)])).toBeUndefined();
    // c1 missing, c2, c3 valid: the valid hours are all 50 → 50 (I = 100).
    expect(nowcastUgM3([null, ...repeat(50, 11)])).toBeCloseTo(50, 10);
    // Only c1 and c2 of twelve: 60 and 30, w = ½ → (60 + 15)/1.5 = 50.
    expect(nowcastUgM3([60, 30, ...repeat(null, 10)])).toBeCloseTo(50, 10);
  });
});

describe('hourly VN_AQI (§2.2.1)', () => {
  it('is the largest sub-index, with its class and pollutant', () => {
    // PM2.5 steady 30 → NowCast 30 → 50 + 50·5/25 = 60; NO2 450 → 125; CO 20 000 → 75.
    const aqi = hourlyVnAqi({ 'PM2.5': repeat(30, 12), NO2: [450, 10], CO: [20000] });
    expect(aqi.subIndices).toEqual({ 'PM2.5': 60, NO2: 125, CO: 75 });
    expect(aqi.index).toBe(125);
    expect(aqi.dominant).toBe('NO2');
    expect(aqi.aqiClass?.label.vi).toBe('Kém');
    expect(aqi.aqiClass?.colourHex).toBe('#ff7e00');
  });

  it('takes gases from the current hour only', () => {
    // NO2 of the previous hour (2000) does not count: current 100 → 50.
    expect(hourlyVnAqi({ PM10: repeat(10, 12), NO2: [100, 2000] }).subIndices.NO2).toBe(50);
  });

  it('is not reported without PM2.5 or PM10', () => {
    const gasesOnly = hourlyVnAqi({ NO2: [450], O3: [250] });
    expect(gasesOnly.index).toBeUndefined();
    expect(gasesOnly.subIndices).toEqual({ NO2: 125, O3: 125 });
    // PM2.5 present but too few recent hours: no index either.
    expect(hourlyVnAqi({ 'PM2.5': [null, null, 40], NO2: [450] }).index).toBeUndefined();
  });

  it('rejects negative or non-finite concentrations with the path of the hour', () => {
    expect(() => hourlyVnAqi({ 'PM2.5': [10, -1] })).toThrow(InputError);
    expect(() => hourlyVnAqi({ CO: [Number.NaN] })).toThrow(/CO\[0\]/);
  });
});

describe('daily VN_AQI (§2.2.2)', () => {
  it('uses the 24-h mean of PM and needs 18 valid hours', () => {
    // 12 h of 50 and 12 h of 80: mean 65 → 125.
    expect(dailyVnAqi({ 'PM2.5': [...repeat(50, 12), ...repeat(80, 12)] }).index).toBe(125);
    // 18 valid hours of 65 (6 missing) → 125; 17 valid → not reported.
    expect(dailyVnAqi({ 'PM2.5': [...repeat(65, 18), ...repeat(null, 6)] }).index).toBe(125);
    expect(dailyVnAqi({ 'PM2.5': [...repeat(65, 17), ...repeat(null, 7)] }).index).toBeUndefined();
  });

  it('uses the largest 1-h mean of NO2, SO2, CO', () => {
    // NO2: 23 h of 50, one hour of 450 → largest 450 → 125 (its 24-h mean, 66.7, would give 33).
    const aqi = dailyVnAqi({ PM10: repeat(20, 24), NO2: [...repeat(50, 23), 450] });
    expect(aqi.subIndices.NO2).toBe(125);
    expect(aqi.index).toBe(125);
  });

  it('takes for O3 the larger of the 1-h and the 8-h index', () => {
    // 8 consecutive hours of 180, 16 of 100. 1-h max 180 → 50 + 50·20/40 = 75.
    // 8-h max 180 in the 8-h table 170–210 (I 150–200) → 150 + 50·10/40 = 162.5 → 163.
    const day = [...repeat(100, 8), ...repeat(180, 8), ...repeat(100, 8)];
    const aqi = dailyVnAqi({ 'PM2.5': repeat(10, 24), O3: day });
    expect(aqi.subIndices.O3).toBe(163);
    expect(aqi.concentrationsUgM3.O3).toBe(180);
    expect(aqi.index).toBe(163);
    expect(aqi.aqiClass?.label).toEqual({ vi: 'Xấu', en: 'Unhealthy' });
  });

  it('drops the 8-h O3 index above 400 µg/m³ and uses the 1-h one', () => {
    // 8 hours of 450: 8-h mean 450 > 400 has no index; 1-h max 450 → 200 + 100·50/400 = 212.5 → 213.
    const day = [...repeat(450, 8), ...repeat(100, 16)];
    expect(dailyVnAqi({ 'PM2.5': repeat(10, 24), O3: day }).subIndices.O3).toBe(213);
  });

  it('counts an 8-h window with 6 valid hours and not one with 5', () => {
    // 1-h index of 180 is 75; an 8-h window mean of 180 gives 163 only if the window counts.
    const sixValid = [...repeat(180, 6), null, null, ...repeat(0, 16)];
    expect(dailyVnAqi({ PM10: repeat(0, 24), O3: sixValid }).subIndices.O3).toBe(163);
    const fiveValid = [...repeat(180, 5), null, null, null, ...repeat(0, 16)];
    // Every window holding a 180 has at most 5 valid hours; the counted ones are all 0 → 8-h index 0,
    // so O3 falls back to the 1-h index 75.
    expect(dailyVnAqi({ PM10: repeat(0, 24), O3: fiveValid }).subIndices.O3).toBe(75);
  });
});

describe('classes (Table 1)', () => {
  it('cuts at 50/51, 100/101, 150/151, 200/201, 300/301', () => {
    const ranks = [0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500, 650].map(
      (i) => vnAqiClass(i).rank,
    );
    expect(ranks).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 6]);
  });

  it('has the decision colours and bilingual labels', () => {
    expect(VN_AQI_CLASSES.map((c) => c.colourHex)).toEqual([
      '#00e400',
      '#ffff00',
      '#ff7e00',
      '#ff0000',
      '#8f3f97',
      '#7e0023',
    ]);
    expect(VN_AQI_CLASSES.map((c) => c.label.vi)).toEqual([
      'Tốt',
      'Trung bình',
      'Kém',
      'Xấu',
      'Rất xấu',
      'Nguy hại',
    ]);
  });
});
