import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';

// The writers behind --layers are tested on hand-made inputs in src/scenario/runLayers.test.ts;
// a whole city run (1–3 min) is not a unit test.
describe('twin scenario run --layers', () => {
  it('refuses a layers path that is a file (exit 1, naming it) before running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twin-layers-'));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const r = twin('scenario', 'run', 'scenarios/baseline.json', '--layers', file, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/expects a folder/);
    const below = twin('scenario', 'run', 'scenarios/baseline.json', '--layers', join(file, 'sub'), '--json');
    expect(below.code).toBe(1);
    expect(below.stderr).toContain(join(file, 'sub'));
  });

  it('documents the layers in its help', () => {
    const r = twin('scenario', 'run', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--layers DIR');
    expect(r.stdout).toContain('flood-max-depth.asc');
    expect(r.stdout).toContain('traffic-links.geojson');
  });
});
