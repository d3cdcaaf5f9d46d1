import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedInput } from '../../../tests/helpers/shared.ts';
import { twin } from '../../../tests/helpers/twin.ts';
import { parseTntpFlows } from '../../data/tntp/flow.ts';

const FIXTURES = 'tests/fixtures/traffic';

describe('twin traffic assign', () => {
  it('prints exactly the spec keys and the hand-computed Braess equilibrium', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'twin-traffic-')), 'flows.tntp');
    const r = twin(
      'traffic',
      'assign',
      '--network',
      `${FIXTURES}/braess_net.tntp`,
      '--trips',
      `${FIXTURES}/braess_trips.tntp`,
      '--gap',
      '1e-10',
      '--flows',
      out,
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result)).toEqual([
      'objective',
      'totalTravelTime',
      'relativeGap',
      'iterations',
      'seconds',
      'zones',
      'nodes',
      'links',
    ]);
    expect(result).toMatchObject({ zones: 4, nodes: 4, links: 5 });
    expect(result.relativeGap).toBeLessThanOrEqual(1e-10);
    // Beckmann by hand: outer links ∫(1 + 10x) = v + 5v², others 50v + v²/2, bridge 10v + v²/2
    const outer = 6 - 27 / 13;
    const side = 27 / 13;
    const bridge = 24 / 13;
    const beckmann =
      2 * (outer + 5 * outer ** 2) + 2 * (50 * side + side ** 2 / 2) + 10 * bridge + bridge ** 2 / 2;
    expect(result.objective).toBeCloseTo(beckmann, 6);
    expect(result.totalTravelTime).toBeCloseTo((6 * 1200) / 13, 6);
    const flows = parseTntpFlows(readFileSync(out, 'utf8'));
    expect([...flows.from]).toEqual([1, 1, 2, 3, 2]);
    expect([...flows.to]).toEqual([2, 3, 4, 4, 3]);
    expect(flows.volume[4]).toBeCloseTo(bridge, 6);
    expect(flows.cost[0]).toBeCloseTo(1 + 10 * outer, 6);
  });

  it('prints a one-line summary without --json', () => {
    const r = twin(
      'traffic',
      'assign',
      '--network',
      `${FIXTURES}/two-route_net.tntp`,
      '--trips',
      `${FIXTURES}/two-route_trips.tntp`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^converged after \d+ iterations/);
  });

  it('names the file and line of a malformed link row (exit 1, no stack trace)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twin-traffic-'));
    const bad = join(dir, 'bad_net.tntp');
    const text = readFileSync(`${FIXTURES}/braess_net.tntp`, 'utf8').replace(
      '\t2\t3\t1\t1\t10\t0.1',
      '\t2\t3\t1\t1\tten\t0.1',
    );
    writeFileSync(bad, text);
    const r = twin(
      'traffic',
      'assign',
      '--network',
      bad,
      '--trips',
      `${FIXTURES}/braess_trips.tntp`,
      '--json',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad_net\.tntp: line 13: expected 10 numbers/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(r.stdout).toBe('');
  });

  it('rejects a trips file with another zone count, and missing options as usage errors', () => {
    const mismatch = twin(
      'traffic',
      'assign',
      '--network',
      `${FIXTURES}/braess_net.tntp`,
      '--trips',
      `${FIXTURES}/two-route_trips.tntp`,
    );
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(
      /two-route_trips\.tntp: the network has 4 zones but the trips file has 2/,
    );
    expect(twin('traffic', 'assign', '--network', `${FIXTURES}/braess_net.tntp`).code).toBe(2);
    expect(twin('traffic', 'assign', '--network', 'a', '--trips', 'b', '--gap', 'x').code).toBe(2);
    const missing = twin('traffic', 'assign', '--network', 'nope_net.tntp', '--trips', 'b');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope_net\.tntp: file not found/);
  });

  it('stops at --max-iterations and reports the gap it reached', () => {
    const r = twin(
      'traffic',
      'assign',
      '--network',
      `${FIXTURES}/braess_net.tntp`,
      '--trips',
      `${FIXTURES}/braess_trips.tntp`,
      '--gap',
      '0',
      '--max-iterations',
      '1',
      '--json',
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.iterations).toBe(1);
    expect(result.relativeGap).toBeGreaterThan(0.01);
    expect(r.stderr).toMatch(/did not reach --gap 0/);
  });
});

const siouxNet = sharedInput('tntp/SiouxFalls/SiouxFalls_net.tntp');
const siouxTrips = sharedInput('tntp/SiouxFalls/SiouxFalls_trips.tntp');

describe.skipIf(!siouxNet || !siouxTrips)('twin traffic assign on Sioux Falls (needs ../shared/data)', () => {
  it('reaches gap 1e-4 with the published Beckmann objective within 0.1%', () => {
    const r = twin(
      'traffic',
      'assign',
      '--network',
      siouxNet!,
      '--trips',
      siouxTrips!,
      '--gap',
      '1e-4',
      '--json',
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ zones: 24, nodes: 24, links: 76 });
    expect(result.relativeGap).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(result.objective - 4231335.29) / 4231335.29).toBeLessThan(1e-3);
  });
});
