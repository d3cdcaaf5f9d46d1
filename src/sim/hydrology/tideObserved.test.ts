import { describe, expect, it } from 'vitest';
import {
  parseTideExtremesCsv,
  scenarioTideAtExtremes,
  tideAlarmSummary,
  tideValidationSvg,
} from './tideObserved.ts';

const csv = `time,level_m,kind
2025-11-06T04:00:00+07:00,1.78,peak
2025-11-06T11:00:00+07:00,-1.36,low
2025-11-06T17:00:00+07:00,1.6,peak
2025-11-07T04:00:00+07:00,1.45,peak
2025-11-07T11:30:00+07:00,-1.72,low
2025-11-07T18:00:00+07:00,1.2,peak
`;

describe('observed tide extremes', () => {
  const extremes = parseTideExtremesCsv(csv);

  it('counts the highs above and at each alarm level and finds the extremes', () => {
    const s = tideAlarmSummary(extremes);
    expect([s.highs, s.lows]).toEqual([4, 2]);
    expect(s.alarms.map((a) => [a.name, a.metres, a.highsAbove, a.highsAtOrAbove])).toEqual([
      ['I', 1.4, 3, 3],
      ['II', 1.5, 2, 2],
      ['III', 1.6, 1, 2],
    ]);
    expect(s.highest).toEqual({ time: '2025-11-06T04:00:00+07:00', levelMetres: 1.78 });
    expect(s.lowest).toEqual({ time: '2025-11-07T11:30:00+07:00', levelMetres: -1.72 });
    expect([s.first, s.last]).toEqual(['2025-11-06T04:00:00+07:00', '2025-11-07T18:00:00+07:00']);
  });

  it("reads a scenario's tide at the observed extremes of its event", () => {
    const start = Date.parse('2025-11-06T00:00:00+07:00') / 1000;
    const tide: Array<[number, number]> = [
      [0, 0],
      [14400, 1.78],
      [39600, -1.36],
      [61200, 1.5],
      [86400, 0],
    ];
    const checks = scenarioTideAtExtremes(extremes, tide, start, 86400);
    expect(checks.map((c) => [c.kind, c.observedMetres, c.scenarioMetres, c.differenceMetres])).toEqual([
      ['peak', 1.78, 1.78, 0],
      ['low', -1.36, -1.36, 0],
      ['peak', 1.6, 1.5, -0.1],
    ]);
    const svg = tideValidationSvg({
      extremes,
      bankCrestMetres: 1.6,
      scenario: { id: 's', tide, eventStartEpochSeconds: start, durationSeconds: 86400, startLabel: 'start' },
      subtitle: 'test',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('III 1.60 m = bank crest');
    expect(svg.match(/<circle/g)).toHaveLength(4 + 3);
  });

  it('names the line of a bad row', () => {
    expect(() => parseTideExtremesCsv('time,level_m,kind\n2025-11-06T04:00:00+07:00,high,peak\n')).toThrow(
      /line 2: level_m/,
    );
    expect(() => parseTideExtremesCsv('time,level_m,kind\n2025-11-06T04:00:00+07:00,1,flood\n')).toThrow(
      /line 2: kind/,
    );
    expect(() => parseTideExtremesCsv('when,level\n')).toThrow(/line 1/);
  });
});
