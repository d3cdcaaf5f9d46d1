import { describe, expect, it } from 'vitest';
import type { NumericObservation } from '../../sensors/sensorThingsClient.ts';
import { type FollowedStream, sensorSnapshot } from '../operations/operationsData.ts';
import { markerLabel, NOT_LIVE_COLOUR, RIVER_COLOURS, rainClass, sensorMarkers } from './sensorMarkers.ts';

const HOUR_MS = 3_600_000;
const NOW = Date.UTC(2026, 9, 1, 12, 30);
const at = (ms: number, result: number, id = ms): NumericObservation => ({
  id,
  phenomenonTimeMs: ms,
  result,
});
const base = { source: 'replay', history: [] };
const located = { ...base, lonLat: [106.75, 10.85] as const };
const streams: FollowedStream[] = [
  { ...located, id: 1, thingName: 'Trạm A', kind: 'air', pollutant: 'PM2.5', expectedIntervalMs: HOUR_MS },
  {
    ...located,
    id: 2,
    thingName: 'Phú An',
    kind: 'river',
    expectedIntervalMs: 600_000,
    alarmLevelsMetres: { I: 1.4, II: 1.5, III: 1.6 },
  },
  { ...located, id: 3, thingName: 'Mưa 1', kind: 'rain', expectedIntervalMs: 600_000 },
  { ...base, id: 4, thingName: 'Không vị trí', kind: 'rain', expectedIntervalMs: 600_000 },
];

function observationsOf(river: number): (id: number) => NumericObservation[] {
  return (id) => {
    const hourStart = Math.floor(NOW / HOUR_MS) * HOUR_MS;
    // 12 hourly PM2.5 means of 65 µg/m³: NowCast 65 → 100 + 50·(65 − 50)/(80 − 50) = 125 (class 3).
    if (id === 1) return Array.from({ length: 12 }, (_, i) => at(hourStart - (11 - i) * HOUR_MS, 65));
    if (id === 2) return [at(NOW - 20 * 60_000, river)];
    // 6 + 6 + 6 mm ending 10 min ago: 18 mm in the last hour (heavy), 18 + 40 = 58 mm in 3 h (alert).
    if (id === 3)
      return [at(NOW - 2 * HOUR_MS, 40), ...[30, 20, 10].map((m, i) => at(NOW - m * 60_000, 6, 10 + i))];
    return [at(NOW - 60_000, 1)];
  };
}

describe('sensor markers', () => {
  it('colours by VN_AQI class, by the alarm level reached and by rain over the last hour (hand-worked)', () => {
    const snapshot = sensorSnapshot(streams, observationsOf(1.55), NOW);
    const markers = sensorMarkers(snapshot, () => 'live');
    expect(markers.map((m) => [m.place, m.level, m.value])).toEqual([
      ['Trạm A', 'aqi-3', 125],
      ['Phú An', 'river-II', 1.55],
      ['Mưa 1', 'rain-heavy', 18],
    ]);
    expect(markers[0]?.colourHex).toBe('#ff7e00');
    expect(markers[1]?.colourHex).toBe(RIVER_COLOURS.II);
    // PM2.5 at AQI 150 is 80 µg/m³: the line above which the index is ≥ 151.
    expect(markers[0]?.thresholds).toEqual({ '151': 80 });
    // Newest first: the rain gauge's value is 10 min old, the river's 20 min.
    expect(snapshot.alerts.map((a) => [a.kind, a.place])).toEqual([
      ['rain', 'Mưa 1'],
      ['river', 'Phú An'],
    ]);
  });

  it('below alarm I is normal; exactly at alarm III is III; a station not live is grey', () => {
    const levelAt = (m: number) =>
      sensorMarkers(sensorSnapshot(streams, observationsOf(m), NOW), () => 'live')[1];
    expect(levelAt(1.39)?.level).toBe('river-normal');
    expect(levelAt(1.6)?.level).toBe('river-III');
    const stale = sensorMarkers(sensorSnapshot(streams, observationsOf(1.2), NOW), () => 'stale');
    expect(stale.every((m) => m.colourHex === NOT_LIVE_COLOUR && m.health === 'stale')).toBe(true);
  });

  it('rain classes at their WMO bounds; the label has value, unit, age in both languages and source', () => {
    expect([0, 0.2, 2.5, 9.9, 10, 50].map((mm) => rainClass(mm).name)).toEqual([
      'none',
      'light',
      'moderate',
      'moderate',
      'heavy',
      'violent',
    ]);
    const river = sensorMarkers(sensorSnapshot(streams, observationsOf(1.62), NOW), () => 'offline')[1];
    expect(river && markerLabel(river, NOW)).toBe(
      'Phú An: 1.62 m · 20 phút trước / 20 min ago · Mất kết nối / Offline · phát lại / replay',
    );
  });
});
