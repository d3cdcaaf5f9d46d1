import { describe, expect, it } from 'vitest';
import { twin } from './helpers/twin.ts';

describe('twin CLI', () => {
  it('prints help listing the commands and exits 0', () => {
    const r = twin('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scenario validate');
  });

  it('prints exactly one JSON object on stdout with --json', () => {
    const r = twin('scenario', 'validate', 'scenarios/baseline.json', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, id: 'baseline', edits: 0 });
  });

  it('exits 1 naming file and path for invalid input, without a stack trace', () => {
    const r = twin('scenario', 'validate', 'tests/fixtures/scenarios/bad-wrong-types.json', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'tests/fixtures/scenarios/bad-wrong-types.json: edits[0].crestHeightMetres: expected a number',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for a missing file and 2 for usage errors', () => {
    expect(twin('scenario', 'validate', 'nope.json').code).toBe(1);
    expect(twin('scenario', 'validate', '--bogus').code).toBe(2);
    expect(twin('frobnicate').code).toBe(2);
  });

  it('scenario run refuses a malformed scenario (exit 1) and an unknown stage (exit 2)', () => {
    const bad = twin('scenario', 'run', 'tests/fixtures/scenarios/bad-version.json', '--json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('bad-version.json: format: unsupported version');
    expect(twin('scenario', 'run', 'scenarios/baseline.json', '--only', 'weather').code).toBe(2);
    expect(twin('compare', 'scenarios/baseline.json').code).toBe(2);
  });
});
