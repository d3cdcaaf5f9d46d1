/**
 * Issue 13 probes through the CLI's main(argv): each bad input ends with exit 1 naming the file
 * (and line/column), or exit 2 for usage, never a stack trace; a bug ends with exit 70, one line
 * and a log file.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runMain } from '../../tests/helpers/runMain.ts';
import { COMMANDS } from './commands/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'twin-bad-input-'));
const NET = 'tests/fixtures/traffic/braess_net.tntp';
const TRIPS = 'tests/fixtures/traffic/braess_trips.tntp';
/** A stack trace line, as Node prints it. */
const STACK = /\n\s+at /;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function expectInputError(
  r: { code: number; stdout: string; stderr: string },
  ...parts: (string | RegExp)[]
) {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK);
  for (const part of parts) expect(r.stderr).toMatch(part);
}

describe('TNTP files with absurd sizes', () => {
  it('refuses a 300-byte network declaring 2e8 nodes, naming the file and line, without allocating', async () => {
    const net = file(
      'huge_net.tntp',
      '<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 200000000\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n1 2 100 1 1 0.15 4 0 0 1 ;\n',
    );
    expect(readFileSync(net).length).toBeLessThan(300);
    const r = await runMain('traffic', 'assign', '--network', net, '--trips', TRIPS, '--json');
    expectInputError(r, net, /line 2: <NUMBER OF NODES> is 200000000, above the maximum of 1e6/);
  });

  it('refuses a node count below the maximum that its link rows cannot reach', async () => {
    // 2 zones + 2 × 1 link row = at most 4 nodes.
    const net = file(
      'sparse_net.tntp',
      '<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 500000\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n1 2 100 1 1 0.15 4 0 0 1 ;\n',
    );
    const r = await runMain('traffic', 'assign', '--network', net, '--trips', TRIPS, '--json');
    expectInputError(
      r,
      net,
      /line 2: <NUMBER OF NODES> says 500000 but 1 link rows can reach at most 4 nodes/,
    );
  });

  it('refuses 1e10 nodes as an input error, not a stack trace', async () => {
    const net = file(
      'e10_net.tntp',
      '<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 1e10\n<NUMBER OF LINKS> 0\n<END OF METADATA>\n',
    );
    const r = await runMain('traffic', 'assign', '--network', net, '--trips', TRIPS, '--json');
    expectInputError(r, net, /line 2: .*above the maximum/);
  });

  it('refuses trips of 1e300 naming the line, instead of printing "objective": null', async () => {
    const trips = file(
      'absurd_trips.tntp',
      '<NUMBER OF ZONES> 4\n<END OF METADATA>\nOrigin 1\n 4 : 1e300;\n',
    );
    const r = await runMain('traffic', 'assign', '--network', NET, '--trips', trips, '--json');
    expectInputError(r, trips, /line 4: expected a flow in 0\.\.1e8 for destination 4, got "1e300"/);
  });
});

describe('bad paths given by the user', () => {
  it('--flows into a missing folder is exit 1 naming the folder', async () => {
    const out = join(dir, 'no-such-folder', 'flows.tntp');
    const r = await runMain(
      'traffic',
      'assign',
      '--network',
      NET,
      '--trips',
      TRIPS,
      '--flows',
      out,
      '--json',
    );
    expectInputError(r, `${out}: cannot write: the folder ${join(dir, 'no-such-folder')} does not exist`);
  });

  it('--flows naming a folder, and --network naming a folder or a missing file, are exit 1', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const flows = await runMain('traffic', 'assign', '--network', NET, '--trips', TRIPS, '--flows', folder);
    expectInputError(flows, `${folder}: is a folder, expected a file to write`);
    const network = await runMain('traffic', 'assign', '--network', folder, '--trips', TRIPS);
    expectInputError(network, `${folder}: is a folder, expected a file to read`);
    const missing = join(dir, 'missing_net.tntp');
    expectInputError(
      await runMain('traffic', 'assign', '--network', missing, '--trips', TRIPS),
      `${missing}: file not found`,
    );
  });

  it('--max-depth into a missing folder is exit 1 naming it', async () => {
    const out = join(dir, 'nowhere', 'max.asc');
    const r = await runMain('flood', 'run', 'tests/fixtures/flood/case.json', '--max-depth', out, '--json');
    expectInputError(r, `${out}: cannot write: the folder ${join(dir, 'nowhere')} does not exist`);
  });

  it('a path through a file (file/sub) is exit 1 naming it', async () => {
    const plain = file('plain.txt', 'x');
    const r = await runMain('traffic', 'assign', '--network', join(plain, 'net.tntp'), '--trips', TRIPS);
    expectInputError(r, `${join(plain, 'net.tntp')}: a folder in this path is a file`);
  });
});

describe('grids with absurd headers', () => {
  it('a DEM of 1e9 × 1e9 cells is exit 1 naming the DEM file and line, before allocating', async () => {
    const caseDir = join(dir, 'huge-dem');
    mkdirSync(caseDir, { recursive: true });
    copyFileSync('tests/fixtures/flood/case.json', join(caseDir, 'case.json'));
    writeFileSync(
      join(caseDir, 'dem.asc'),
      'ncols 1000000000\nnrows 1000000000\nxllcorner 0\nyllcorner 0\ncellsize 10\n1 2 3\n',
    );
    const r = await runMain('flood', 'run', join(caseDir, 'case.json'), '--json');
    expectInputError(
      r,
      `${join(caseDir, 'dem.asc')}: line 1: ncols × nrows (1000000000 × 1000000000) is 1000000000000000000, above the maximum of 5e7`,
    );
  });
});

describe('JSON documents', () => {
  it('a trailing comma is exit 1 with the line and column of the comma', async () => {
    // Line 3 is `  "edits": [1,]`: the comma is its 14th character.
    const doc = file('trailing.json', '{\n  "id": "x",\n  "edits": [1,]\n}\n');
    expectInputError(
      await runMain('scenario', 'validate', doc),
      `${doc}: line 3, column 14: invalid JSON: trailing comma`,
    );
  });

  it('a literal NaN is exit 1 with its line and column', async () => {
    const doc = file('nan.json', '{\n  "id": "x",\n  "level": NaN\n}\n');
    expectInputError(
      await runMain('scenario', 'validate', doc),
      `${doc}: line 3, column 12: invalid JSON: expected a value, got 'NaN'`,
    );
  });

  it('a UTF-8 byte-order mark is accepted: the shipped baseline with a BOM still validates', async () => {
    const doc = file('bom.json', `\uFEFF${readFileSync('scenarios/baseline.json', 'utf8')}`);
    const r = await runMain('scenario', 'validate', doc);
    expect(r.stderr).not.toMatch(/invalid JSON/);
    expect(r.code).toBe(0);
  });
});

describe('usage limits', () => {
  it('bench flood --size 1000000 is a usage error naming the range', async () => {
    const r = await runMain('bench', 'flood', '--size', '1000000', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--size expects an integer in 8\.\.8192, got 1000000/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('flood run --threads 1e6 is a usage error', async () => {
    const r = await runMain('flood', 'run', 'tests/fixtures/flood/case.json', '--threads', '1e6', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--threads expects an integer in 1\.\.256/);
  });
});

describe('option ranges that would hang', () => {
  it('traffic assign --max-iterations 1e12 and validate flood-spots --random 1e12 are usage errors', async () => {
    const iterations = await runMain(
      'traffic',
      'assign',
      '--network',
      NET,
      '--trips',
      TRIPS,
      '--max-iterations',
      '1e12',
    );
    expect(iterations.code).toBe(2);
    expect(iterations.stderr).toMatch(/--max-iterations expects an integer in 1\.\.100000, got 1e12/);
    const random = await runMain('validate', 'flood-spots', '--random', '1e12', '--json');
    expect(random.code).toBe(2);
    expect(random.stderr).toMatch(/--random expects an integer in 1\.\.1000000, got 1e12/);
  });
});

describe('internal errors', () => {
  afterEach(() => vi.restoreAllMocks());

  it('print one line with a log path, write the stack to the log and exit 70', async () => {
    const entry = COMMANDS.find((c) => c.name === 'traffic assign')!;
    vi.spyOn(entry, 'load').mockResolvedValue({
      name: 'traffic assign',
      summary: '',
      usage: '',
      run: async () => {
        throw new TypeError('cannot read properties of undefined\nsecond line');
      },
    });
    const r = await runMain('traffic', 'assign', '--network', NET);
    expect(r.code).toBe(70);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const match = /^internal error: cannot read properties of undefined \(details in (.+)\)$/.exec(lines[0]!);
    expect(match).not.toBeNull();
    const log = match![1]!;
    expect(existsSync(log)).toBe(true);
    const details = readFileSync(log, 'utf8');
    expect(details).toContain('twin traffic assign --network');
    expect(details).toMatch(/TypeError: cannot read properties of undefined\nsecond line\n\s+at /);
  });
});
