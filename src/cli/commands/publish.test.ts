import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';
import { parseScenarioIds } from './publish.ts';

// The whole publish (viewer build, pipeline runs, Chromium) is checked in tests/e2e/publish.e2e.ts.
describe('twin publish arguments', () => {
  it('splits scenario ids and refuses empty or repeated ones', () => {
    expect(parseScenarioIds('baseline, saigon-dike-and-ponds')).toEqual([
      'baseline',
      'saigon-dike-and-ponds',
    ]);
    expect(() => parseScenarioIds('baseline,,x')).toThrow(/--scenarios/);
    expect(() => parseScenarioIds('a,a')).toThrow(/a twice/);
  });

  it('exits 2 on usage errors and 1 naming an unknown scenario, writing nothing', () => {
    expect(twin('publish').code).toBe(2);
    expect(twin('publish', '--scenarios', 'baseline', '--colour', 'red').code).toBe(2);
    const unknown = twin(
      'publish',
      '--scenarios',
      'baseline,no-such-plan',
      '--out',
      '/tmp/twin-publish-never',
      '--json',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('no-such-plan');
  });

  it('refuses a comments endpoint off the site host (the CSP allows connect-src self) before any work', () => {
    const offSite = twin(
      'publish',
      '--scenarios',
      'baseline',
      '--comments-endpoint',
      'https://example.org/comments',
      '--out',
      '/tmp/twin-publish-never',
    );
    expect(offSite.code).toBe(1);
    expect(offSite.stderr).toMatch(/--comments-endpoint: .*own host/);
  });
});
