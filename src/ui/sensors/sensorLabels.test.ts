import { describe, expect, it } from 'vitest';
import { labelledStations, MAX_SENSOR_LABELS } from './sensorLabels.ts';

/** Stations as [x, y, z, distance]. */
function stations(rows: Array<[number, number, number, number]>) {
  return {
    ndc: Float32Array.from(rows.flatMap((row) => row.slice(0, 3))),
    distance: Float32Array.from(rows.map((r) => r[3])),
  };
}

describe('station labels on the map', () => {
  it('labels the stations on screen, nearest first, and none behind the camera or off screen', () => {
    const { ndc, distance } = stations([
      [0, 0, 0.5, 900], // on screen, far
      [2, 0, 0.5, 10], // off screen to the right
      [0.3, -0.2, 0.9, 100], // on screen, near
      [0, 0, 1.2, 5], // behind the camera
      [-1.05, 1.05, 0.2, 400], // inside the 10 % margin
    ]);
    expect(labelledStations(ndc, distance, -1)).toEqual([2, 4, 0]);
  });

  it('keeps to the limit and always labels the selected station when it is on screen', () => {
    const rows: Array<[number, number, number, number]> = Array.from({ length: 1000 }, (_, i) => [
      0,
      0,
      0.5,
      i + 1,
    ]);
    const { ndc, distance } = stations(rows);
    const chosen = labelledStations(ndc, distance, -1);
    expect(chosen).toHaveLength(MAX_SENSOR_LABELS);
    expect(chosen[0]).toBe(0);
    const withSelected = labelledStations(ndc, distance, 999);
    expect(withSelected).toHaveLength(MAX_SENSOR_LABELS);
    expect(withSelected).toContain(999);
    expect(withSelected).not.toContain(MAX_SENSOR_LABELS - 1);
    // A selected station off screen is not forced in.
    rows[999] = [5, 0, 0.5, 1000];
    const off = stations(rows);
    expect(labelledStations(off.ndc, off.distance, 999)).not.toContain(999);
  });
});
