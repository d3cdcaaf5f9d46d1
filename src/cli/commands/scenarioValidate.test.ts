import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';
import { InputError } from '../../core/errors.ts';
import { loadScenario } from '../scenarioRunner.ts';

const header = {
  format: 'twin-scenario/1',
  id: 'bad',
  name: { vi: 'x', en: 'x' },
  base: 'baseline',
  year: 2030,
};

/** Writes a scenario with `edits` to a temporary file and returns its path. */
function scenarioFile(edits: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'twin-scenario-')), 'bad.json');
  writeFileSync(file, JSON.stringify({ ...header, edits }));
  return file;
}

/** Problems loadScenario (the check before validate, run and compare) finds, as `path: message`. */
async function problemsOf(file: string): Promise<string[]> {
  try {
    await loadScenario(file);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.file).toBe(file);
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

describe('scenario validation against the default dataset', () => {
  it.each(readdirSync('scenarios').filter((f) => f.endsWith('.json')))(
    'scenarios/%s refers only to what exists',
    async (file) => {
      expect(await problemsOf(`scenarios/${file}`)).toEqual([]);
    },
  );

  it('lists every edit the run could not apply, each at its path', async () => {
    const file = scenarioFile([
      { type: 'roadClosure', id: 'c', linkIds: ['nope'] },
      { type: 'zoning', id: 'z', parcelIds: ['nope'], zone: 'constructor' },
      // Paris is outside the region; 106.60 E 10.70 N is inside the region but ~10 km from the city.
      {
        type: 'dike',
        id: 'd',
        coordinates: [
          [106.6, 10.7],
          [106.61, 10.7],
        ],
        crestHeightMetres: 2,
      },
      {
        type: 'pond',
        id: 'p',
        polygon: [
          [2.35, 48.85],
          [2.36, 48.85],
          [2.36, 48.86],
        ],
        depthMetres: 2,
      },
    ]);
    expect(await problemsOf(file)).toEqual([
      'edits[3].polygon[0]: position (2.35, 48.85) lies outside the city region (106.55…107.05 E, 10.6…11.05 N)',
      'edits[0].linkIds[0]: unknown road link "nope" (roads.json)',
      'edits[1].zone: unknown zone "constructor": give "rules" or one of R1, R2, C, M, I, E, H, P, T, G, A',
      'edits[1].parcelIds[0]: unknown parcel "nope" in the city\'s zoning layer',
      'edits[2].coordinates[0]: position (106.6, 10.7) lies outside the city boundary (more than 1000 m)',
    ]);
  });

  it('exits 1 from validate and from run, naming the file, before any simulation', () => {
    const file = scenarioFile([{ type: 'roadClosure', id: 'c', linkIds: ['nope'] }]);
    for (const command of ['validate', 'run']) {
      const r = twin('scenario', command, file, '--json');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${file}: edits[0].linkIds[0]: unknown road link "nope"`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
