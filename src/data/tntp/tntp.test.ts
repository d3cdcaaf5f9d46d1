import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedInput } from '../../../tests/helpers/shared.ts';
import { formatTntpFlows, parseTntpFlows } from './flow.ts';
import { parseTntpNetwork } from './net.ts';
import { parseTntpNodes } from './nodes.ts';
import { parseTntpTrips } from './trips.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/traffic/${name}`, import.meta.url), 'utf8');

const HEADER = `<NUMBER OF ZONES> 2
<NUMBER OF NODES> 3
<FIRST THRU NODE> 3
<NUMBER OF LINKS> 2
<END OF METADATA>
~ comment line
`;

describe('TNTP network reader', () => {
  it('reads metadata, factors and link rows of a hand-written file', () => {
    const net = parseTntpNetwork(fixture('two-route_net.tntp'));
    expect(net).toMatchObject({
      nodeCount: 2,
      zoneCount: 2,
      firstThruNode: 1,
      tollFactor: 0.5,
      distanceFactor: 0.1,
    });
    expect(net.links[1]).toEqual({
      initNode: 1,
      termNode: 2,
      capacity: 1500,
      length: 12,
      freeFlowTime: 15,
      b: 0.15,
      power: 4,
      speed: 48,
      toll: 0,
      linkType: 1,
    });
  });

  it('names the line of a row with the wrong number of fields and says what was expected', () => {
    const text = `${HEADER}1 3 100 1 1 0.15 4 0 0 1 ;\n3 2 100 1 1 0.15 4 0 ;\n`;
    expect(() => parseTntpNetwork(text)).toThrow(/line 8: expected 10 numbers "init_node term_node/);
  });

  it('names the line of a node out of range and of a non-positive capacity', () => {
    const text = `${HEADER}1 9 100 1 1 0.15 4 0 0 1 ;\n3 2 0 1 1 0.15 4 0 0 1 ;\n`;
    expect(() => parseTntpNetwork(text)).toThrow(
      /line 7: expected term_node in 1..3, got 9\nline 8: expected capacity in 1e-6..1e12, got 0/,
    );
  });

  it('reports a link count that disagrees with the metadata at the metadata line', () => {
    expect(() => parseTntpNetwork(`${HEADER}1 3 100 1 1 0.15 4 0 0 1 ;\n`)).toThrow(
      /line 4: <NUMBER OF LINKS> says 2 but the file has 1/,
    );
  });

  it('requires <END OF METADATA> and the node count', () => {
    expect(() => parseTntpNetwork('<NUMBER OF NODES> 3\n')).toThrow(/expected <END OF METADATA>/);
    expect(() => parseTntpNetwork('<NUMBER OF ZONES> 1\n<END OF METADATA>\n')).toThrow(
      /expected a <NUMBER OF NODES> metadata line/,
    );
    expect(() => parseTntpNetwork('hello\n')).toThrow(/line 1: expected a metadata line/);
  });
});

describe('TNTP trips reader', () => {
  it('reads several pairs per line into the zone matrix', () => {
    const trips = parseTntpTrips(fixture('two-route_trips.tntp'));
    expect(trips.zoneCount).toBe(2);
    expect([...trips.flows]).toEqual([0, 4000, 0, 0]);
  });

  it('names the line of a bad pair, of pairs before any Origin and of a bad origin', () => {
    const head = '<NUMBER OF ZONES> 2\n<END OF METADATA>\n';
    expect(() => parseTntpTrips(`${head}2 : 5;\n`)).toThrow(/line 3: expected "Origin N" before/);
    expect(() => parseTntpTrips(`${head}Origin 1\n 2 : x;\n`)).toThrow(
      /line 4: expected a flow in 0..1e8 for destination 2, got "x"/,
    );
    expect(() => parseTntpTrips(`${head}Origin 1\n 7 : 1;\n`)).toThrow(
      /line 4: expected "destination : flow;"/,
    );
    expect(() => parseTntpTrips(`${head}Origin 3\n`)).toThrow(/line 3: expected an origin zone in 1..2/);
  });

  it('checks <TOTAL OD FLOW> against the pairs', () => {
    const text = '<NUMBER OF ZONES> 2\n<TOTAL OD FLOW> 10\n<END OF METADATA>\nOrigin 1\n2 : 4;\n';
    expect(() => parseTntpTrips(text)).toThrow(/line 2: <TOTAL OD FLOW> says 10 but the pairs sum to 4/);
  });
});

describe('TNTP flow writer', () => {
  it('round-trips volumes and costs exactly', () => {
    const flows = {
      from: Int32Array.of(1, 2),
      to: Int32Array.of(2, 1),
      volume: Float64Array.of(4494.6576464564205, 0),
      cost: Float64Array.of(6.0008162373543197, 1 / 3),
    };
    const text = formatTntpFlows(flows);
    expect(text.startsWith('From \tTo \tVolume \tCost \n')).toBe(true);
    expect(parseTntpFlows(text)).toEqual(flows);
  });
});

describe('TNTP node reader', () => {
  it('reads coordinates by node number and names bad lines', () => {
    const nodes = parseTntpNodes('Node\tX\tY\t;\n2\t-96.5\t43.5\t;\n1\t-96.7\t43.6\t;\n', 3);
    expect([...nodes.x.slice(0, 2)]).toEqual([-96.7, -96.5]);
    expect([...nodes.y.slice(0, 2)]).toEqual([43.6, 43.5]);
    expect(nodes.x[2]).toBeNaN();
    expect(() => parseTntpNodes('Node X Y ;\n1 2 ;\n', 3)).toThrow(/line 2: expected "node x y ;"/);
    expect(() => parseTntpNodes('Node X Y ;\n4 2 3 ;\n', 3)).toThrow(
      /line 2: expected a node number in 1..3, got 4/,
    );
  });
});

const siouxNet = sharedInput('tntp/SiouxFalls/SiouxFalls_net.tntp');
const siouxTrips = sharedInput('tntp/SiouxFalls/SiouxFalls_trips.tntp');
const siouxNodes = sharedInput('tntp/SiouxFalls/SiouxFalls_node.tntp');

describe.skipIf(!siouxNet || !siouxTrips || !siouxNodes)(
  'Sioux Falls TNTP files (needs ../shared/data)',
  () => {
    it('has 24 nodes and zones, 76 links, 360,600 trips and 24 node coordinates as SOURCES.md says', () => {
      const net = parseTntpNetwork(readFileSync(siouxNet!, 'utf8'));
      const trips = parseTntpTrips(readFileSync(siouxTrips!, 'utf8'));
      expect([net.nodeCount, net.zoneCount, net.links.length, net.firstThruNode]).toEqual([24, 24, 76, 1]);
      expect(net.links.every((l) => l.b === 0.15 && l.power === 4)).toBe(true);
      expect(trips.flows.reduce((a, b) => a + b, 0)).toBeCloseTo(360600, 6);
      const nodes = parseTntpNodes(readFileSync(siouxNodes!, 'utf8'), 24);
      expect(nodes.x.every((v) => v > -97 && v < -96)).toBe(true);
    });
  },
);

describe('TNTP limits (docs/limits.md)', () => {
  const net = (meta: string, rows = '1 2 100 1 1 0.15 4 0 0 1 ;\n') => `${meta}<END OF METADATA>\n${rows}`;
  it('refuses declared counts above the maxima, naming the metadata line', () => {
    expect(() =>
      parseTntpNetwork(net('<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2000001\n<NUMBER OF LINKS> 1\n')),
    ).toThrow(/^line 2: <NUMBER OF NODES> is 2000001, above the maximum of 1e6/);
    expect(() =>
      parseTntpNetwork(net('<NUMBER OF ZONES> 20000\n<NUMBER OF NODES> 20000\n<NUMBER OF LINKS> 1\n')),
    ).toThrow(/^line 1: <NUMBER OF ZONES> is 20000, above the maximum of 10000/);
    expect(() =>
      parseTntpNetwork(net('<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<NUMBER OF LINKS> 6000000\n')),
    ).toThrow(/^line 3: <NUMBER OF LINKS> is 6000000, above the maximum of 5e6/);
    expect(() => parseTntpTrips('<NUMBER OF ZONES> 100000\n<END OF METADATA>\n')).toThrow(
      /^line 1: <NUMBER OF ZONES> is 100000, above the maximum of 10000/,
    );
  });
  it('refuses more zones than nodes and more nodes than the link rows can reach', () => {
    expect(() =>
      parseTntpNetwork(net('<NUMBER OF ZONES> 3\n<NUMBER OF NODES> 2\n<NUMBER OF LINKS> 1\n')),
    ).toThrow(/line 1: <NUMBER OF ZONES> \(zones are nodes\) is 3, above the maximum of 2/);
    // 1 zone + 2 × 1 row = 3 nodes at most; 3 is accepted, 4 is not.
    expect(
      parseTntpNetwork(
        net(
          '<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 3\n<NUMBER OF LINKS> 1\n',
          '2 3 100 1 1 0.15 4 0 0 1 ;\n',
        ),
      ).nodeCount,
    ).toBe(3);
    expect(() =>
      parseTntpNetwork(net('<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 4\n<NUMBER OF LINKS> 1\n')),
    ).toThrow(/line 2: <NUMBER OF NODES> says 4 but 1 link rows can reach at most 3 nodes/);
  });
  it('refuses link fields that would make costs overflow, naming the line and range', () => {
    const meta = '<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<NUMBER OF LINKS> 1\n';
    expect(() => parseTntpNetwork(net(meta, '1 2 1e-300 1 1 0.15 4 0 0 1 ;\n'))).toThrow(
      /line 5: expected capacity in 1e-6\.\.1e12, got 1e-300/,
    );
    expect(() => parseTntpNetwork(net(meta, '1 2 100 1 1 0.15 400 0 0 1 ;\n'))).toThrow(
      /line 5: expected power in 0\.\.10, got 400/,
    );
    expect(() => parseTntpNetwork(net(meta, '1 2 100 1 1e300 0.15 4 0 0 1 ;\n'))).toThrow(
      /line 5: expected freeFlowTime in 0\.\.1e6, got 1e\+300/,
    );
  });
  it('refuses a trip count above 1e8 per pair and accepts 1e8', () => {
    const head = '<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n';
    expect(parseTntpTrips(`${head} 2 : 1e8;\n`).flows[1]).toBe(1e8);
    expect(() => parseTntpTrips(`${head} 2 : 1.5e8;\n`)).toThrow(
      /line 4: expected a flow in 0\.\.1e8 for destination 2, got "1\.5e8"/,
    );
    expect(() => parseTntpTrips(`${head} 2 : Infinity;\n`)).toThrow(/line 4: expected a flow in 0\.\.1e8/);
  });
});
