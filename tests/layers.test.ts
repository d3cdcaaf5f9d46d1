import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, formatReport, importSpecifiers } from '../tools/layers/checkLayers.ts';

/** The import rules of tools/layers (issue 12 item 6) on a hand-made tree. */
const root = mkdtempSync(join(tmpdir(), 'layers-'));
function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

write('src/core/geo.ts', "export const R = 6378137; // import 'node:fs' in a comment is ignored\n");
write(
  'src/data/node/readFolder.ts',
  "import { readFile } from 'node:fs/promises';\nexport const read = readFile;\n",
);
write('src/data/reader.ts', "import { R } from '../core/geo.ts';\nexport const r = R;\n");
write(
  'src/sim/model.ts',
  "import type { Plan } from '../scenario/plan.ts';\nimport {\n  r,\n} from '../data/reader.ts';\nexport const m = r;\nexport type P = Plan;\n",
);
write('src/sim/bench.ts', "import { read } from '../data/node/readFolder.ts';\nexport const b = read;\n");
write(
  'src/scenario/plan.ts',
  "import { m } from '../sim/model.ts';\nexport interface Plan { m: typeof m }\n",
);
write(
  'src/scenario/plan.test.ts',
  "import { readFileSync } from 'node:fs';\nexport const t = readFileSync;\n",
);
write('src/cli/run.ts', "import { read } from '../data/node/readFolder.ts';\nexport const run = read;\n");
write('src/ui/App.tsx', "import { Object3D } from 'three';\nimport data from '../../scenarios/a.json';\n");
write('scenarios/a.json', '{}');

describe('layer rules', () => {
  it('reads static, type-only, multi-line, side-effect, dynamic and worker-URL imports, not comments', () => {
    const source = [
      "import type { A } from './a.ts';",
      "import {\n  b,\n  c,\n} from './b.ts';",
      "export * from './c.ts';",
      "import './d.css';",
      "const e = await import('./e.ts');",
      "new Worker(new URL('./f.ts', import.meta.url));",
      "// import { g } from './g.ts';",
      "/* import { h } from './h.ts'; */",
      "const url = 'http://example.com/x'; import { i } from './i.ts';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([
      './a.ts',
      './b.ts',
      './c.ts',
      './i.ts',
      './d.css',
      './e.ts',
      './f.ts',
    ]);
  });

  it('reports upward arrows and pure files reaching Node built-ins through other files', () => {
    const report = checkLayers(root, { allowList: {}, impureAllowList: {} });
    expect(report.upward.map((a) => `${a.from} -> ${a.to}`)).toEqual([
      'src/sim/model.ts -> src/scenario/plan.ts',
    ]);
    expect(report.impure).toEqual([
      {
        file: 'src/sim/bench.ts',
        chain: ['src/sim/bench.ts', 'src/data/node/readFolder.ts'],
        banned: 'node:fs/promises',
      },
    ]);
    expect(report.unresolved).toEqual([]);
    expect(report.outside).toEqual([]);
    expect(formatReport(report).failed).toBe(true);
  });

  it('passes allow-listed violations and names stale entries', () => {
    const report = checkLayers(root, {
      allowList: { 'src/sim/model.ts -> src/scenario/plan.ts': 'issue 1', 'src/a.ts -> src/b.ts': 'issue 2' },
      impureAllowList: { 'src/sim/bench.ts': 'issue 3' },
    });
    const { lines, failed } = formatReport(report);
    expect(failed).toBe(false);
    expect(report.stale).toEqual(['src/a.ts -> src/b.ts']);
    expect(lines.join('\n')).toMatch(/stale allow-list entry .*src\/a\.ts -> src\/b\.ts/);
  });

  it('holds on this repository (allow-listed violations excepted)', () => {
    const { lines, failed } = formatReport(checkLayers(join(import.meta.dirname, '..')));
    expect(failed, lines.join('\n')).toBe(false);
  });
});
