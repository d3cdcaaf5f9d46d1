import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';

/** --at: 2026-12-01T00:00Z, a whole number of days after the tide epoch, so the model's τ ≡ 0 (mod 12 h). */
const AT = '2026-12-01T07:00:00+07:00';
const T0 = Date.parse(AT);
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/**
 * A store of `twin sensors serve` written by hand: a river level Datastream with alarm levels and
 * the pure 12-hour tide h = 0.1 + cos(30°·τ), and one rain gauge.
 */
function writeStore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'twin-nowcast-'));
  const lines: object[] = [
    {
      set: 'Datastreams',
      id: 1,
      props: {
        name: 'Phú An water level',
        unitOfMeasurement: { symbol: 'm' },
        properties: {
          alarmLevelsMetres: { I: 1.4, II: 1.5, III: 1.6 },
          tideModel: {
            meanLevelMetres: 0.1,
            constituents: [{ name: 'T12', speedDegPerHour: 30, amplitudeMetres: 1, phaseDegrees: 0 }],
          },
        },
      },
      links: {},
    },
    {
      set: 'Datastreams',
      id: 2,
      props: { name: 'Linh Trung rain', unitOfMeasurement: { symbol: 'mm' } },
      links: {},
    },
  ];
  let id = 1;
  const observation = (datastream: number, minutes: number, result: number) =>
    lines.push({
      set: 'Observations',
      id: id++,
      props: { phenomenonTime: iso(minutes), result },
      links: { Datastream: datastream },
    });
  observation(1, -20, 1.2);
  observation(1, -10, 1.5);
  observation(1, 0, 1.9);
  observation(1, 10, 2.5); // after --at: not read
  for (const m of [-50, -40, -30, -20, -10, 0]) observation(2, m, 10);
  writeFileSync(join(dir, 'entities.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return dir;
}

describe('twin nowcast', () => {
  it('exits 1 for a bad --at and for a store without observations', () => {
    const empty = mkdtempSync(join(tmpdir(), 'twin-nowcast-empty-'));
    const bad = twin('nowcast', '--at', 'yesterday', '--data', empty, '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--at expects an ISO 8601 time');
    const none = twin('nowcast', '--at', AT, '--data', empty, '--json');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no river level Datastream');
  });

  it('runs the flood and traffic stages on the event built from a small store', () => {
    const r = twin('nowcast', '--at', AT, '--data', writeStore(), '--hours', '1', '--cell', '80', '--json');
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.at).toBe('2026-12-01T00:00:00.000Z');
    expect(out.dataTime).toBe('2026-12-01T00:00:00.000Z');
    // at −20 min: river 1.2 m (< I), rain 40 mm in 3 h → no; at −10 min: 1.5 m ≥ I and 50 mm → holds
    expect(out.trigger).toMatchObject({
      holds: true,
      reasons: ['river', 'rain'],
      riverLevelMetres: 1.9,
      riverAlarm: 'III',
      rainLast3hMm: 60,
      since: '2026-11-30T23:50:00.000Z',
      latestScheduledRun: '2026-11-30T23:50:00.000Z',
    });
    // observed 1.9 m where the model says 1.1 m → offset 0.8 m; every 10 min:
    // 0.9 + cos(0°, 5°, …, 30°) = 1.9, 1.896, 1.885, 1.866, 1.840, 1.806, 1.766
    expect(out.inputs.tideOffsetMetres).toBe(0.8);
    expect(out.inputs.riverLevelMetres).toEqual([1.9, 1.896, 1.885, 1.866, 1.84, 1.806, 1.766]);
    // 6 × 10 mm in the last hour → 60 mm/h, then 60·e^(−t/1 h) every 10 min (e^(−1/6) = 0.84648)
    expect(out.inputs.rainMillimetresPerHour).toEqual([60, 50.79, 42.99, 36.39, 30.81, 26.08, 22.07]);
    expect(Object.keys(out.kpis).some((k) => k.startsWith('flood.'))).toBe(true);
    expect(Object.keys(out.kpis).some((k) => k.startsWith('traffic.'))).toBe(true);
    expect(out.closedRoads).toBeGreaterThanOrEqual(0);
    expect(typeof out.seconds).toBe('number');
  }, 120_000);
});
