import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS, runKey, runOptionsKey, scenarioFingerprint } from './runOptions.ts';
import type { Scenario } from './scenario.ts';

const scenario: Scenario = {
  format: 'twin-scenario/1',
  id: 'b',
  name: { vi: 'b', en: 'b' },
  base: null,
  year: 2025,
  edits: [],
};

describe('run options', () => {
  it('key a run by scenario and options: another cell size or gap is another run', () => {
    expect(runOptionsKey(DEFAULT_RUN_OPTIONS)).toBe('flood80m-gap1e-3');
    expect(runKey('b', DEFAULT_RUN_OPTIONS)).toBe('b@flood80m-gap1e-3');
    const fine = { ...DEFAULT_RUN_OPTIONS, floodCellSizeMetres: 20 };
    expect(runKey('b', fine)).toBe('b@flood20m-gap1e-3');
    expect(runKey('b', { ...DEFAULT_RUN_OPTIONS, trafficRelativeGap: 1e-2 })).not.toBe(
      runKey('b', DEFAULT_RUN_OPTIONS),
    );
  });

  it('fingerprints what a scenario describes, not its name', () => {
    const renamed = { ...scenario, name: { vi: 'x', en: 'x' } };
    expect(scenarioFingerprint(renamed)).toBe(scenarioFingerprint(scenario));
    expect(scenarioFingerprint({ ...scenario, year: 2030 })).not.toBe(scenarioFingerprint(scenario));
  });
});
