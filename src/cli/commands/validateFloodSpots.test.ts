import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromSceneMetres } from '../../core/geo.ts';
import { readCityFolder } from '../../data/node/readCityFolder.ts';
import { toUtm48n } from '../../core/utm48n.ts';
import { cityGrid } from '../../sim/flood/city/cityGrid.ts';
import { STAGE_CELL_SIZE_METRES } from '../../scenario/stages/floodStage.ts';
import {
  isEvaluable,
  parseFloodSpotsCsv,
  SPOT_SEARCH_RADIUS_METRES,
  type SpotDepthLayer,
} from '../../sim/flood/floodSpots.ts';
import { twin } from '../../../tests/helpers/twin.ts';
import { DEFAULT_SPOTS } from './validateFloodSpots.ts';

// The whole command runs the city's land-use and flood stages (1–2 min): its figures are in
// docs/validation.md, not in a unit test. These tests cover the inputs and the shipped spots.
describe('twin validate flood-spots', () => {
  it('exits 1 naming a missing spots file, before running anything', () => {
    const r = twin('validate', 'flood-spots', '--spots', 'no/such/spots.csv', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no/such/spots.csv: file not found');
  });

  it('exits 1 for a spots CSV without coordinates and for a scenario without a storm', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twin-spots-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,title\na,b\n');
    const r = twin('validate', 'flood-spots', '--spots', bad, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: line 1: expected columns "lat" and "lon"`);
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'lat,lon\n10.85,106.75\n');
    const noStorm = twin('validate', 'flood-spots', '--spots', good, '--scenario', 'scenarios/baseline.json');
    expect(noStorm.code).toBe(1);
    expect(noStorm.stderr).toContain('scenarios/baseline.json: the scenario has no storm event');
  });

  it('exits 2 for bad options', () => {
    expect(twin('validate', 'flood-spots', '--random', '0').code).toBe(2);
    expect(twin('validate', 'flood-spots', '--radius', '-1').code).toBe(2);
  });

  it('is listed and documented', () => {
    expect(twin('--help').stdout).toContain('validate flood-spots');
    const help = twin('validate', 'flood-spots', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--spots CSV');
    expect(help.stdout).toContain('(H - B)/(1 - B)');
  });
});

const shared = existsSync(DEFAULT_SPOTS);
describe.skipIf(!shared)(
  `the shipped flood spots (${shared ? DEFAULT_SPOTS : `skipped: ${DEFAULT_SPOTS} is not here (the shared data folder is not checked out next to the repository)`})`,
  () => {
    it('parse to 16 spots that all lie on land of the city within the search radius', async () => {
      const spots = parseFloodSpotsCsv(readFileSync(DEFAULT_SPOTS, 'utf8'));
      expect(spots).toHaveLength(16);
      const files = await readCityFolder();
      const grid = cityGrid(files.terrain!, STAGE_CELL_SIZE_METRES);
      const land = grid.bedMetres.map((z, k) => (Number.isNaN(z) || grid.water[k] ? 0 : 1));
      const layer: SpotDepthLayer = { ...grid, maxDepthMetres: new Float32Array(land.length), land };
      for (const s of spots) {
        const [x, y] = toUtm48n(s.longitudeDegrees, s.latitudeDegrees);
        expect(isEvaluable(layer, x, y, SPOT_SEARCH_RADIUS_METRES), s.id).toBe(true);
      }
      // The same projection as the street points: scene metres → WGS84 → UTM 48N.
      const [lon, lat] = fromSceneMetres(0, 0);
      expect(toUtm48n(lon, lat)[0]).toBeGreaterThan(grid.xllCornerMetres);
    });
  },
);

describe('the validation data stays out of the app bundle', () => {
  it('has no flood-spots file under public/', () => {
    const found = readdirSync('public', { recursive: true }).map(String);
    expect(found.filter((f) => /flood-spots|validation/i.test(f))).toEqual([]);
  });
});
