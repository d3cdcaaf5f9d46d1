import { UsageError } from '../../core/errors.ts';
import { compareKpis } from '../../scenario/kpis.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { printJson, progressReporter } from '../io.ts';
import {
  createScenarioRunner,
  inScenarioFile,
  loadScenario,
  parseOnly,
  stableKpis,
} from '../scenarioRunner.ts';

const usage = `Usage: twin compare A.json B.json [--only landuse,flood,traffic] [--json] [--progress]

Runs both scenarios (stages whose inputs they share run once) and prints their KPIs and the
differences of B against A:
  {"a": {"scenario", "kpis"}, "b": {...}, "difference": {kpi: {"a","b","absolute","relative"}}}`;

export const compare: Command = {
  name: 'compare',
  summary: 'KPIs of two scenarios and their differences',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { only: { type: 'string' } }, usage);
    if (positionals.length !== 2) throw new UsageError(`expected two scenario files A and B\n\n${usage}`);
    const only = parseOnly(values.only);
    const [a, b] = await Promise.all(positionals.map(loadScenario));
    const report = progressReporter('', values.progress === true);
    const run = createScenarioRunner((_, __, fraction) => report(fraction));
    const runA = await run(a!, only).catch(inScenarioFile(positionals[0]!));
    const runB = await run(b!, only).catch(inScenarioFile(positionals[1]!));
    const kpisA = stableKpis(runA.kpis);
    const kpisB = stableKpis(runB.kpis);
    const output = {
      a: { scenario: a!.id, kpis: kpisA },
      b: { scenario: b!.id, kpis: kpisB },
      difference: compareKpis(kpisA, kpisB),
    };
    if (values.json) printJson(output);
    else {
      for (const [k, d] of Object.entries(output.difference)) {
        process.stdout.write(`${k}\t${d.a ?? ''}\t${d.b ?? ''}\t${d.absolute ?? ''}\n`);
      }
    }
    return 0;
  },
};
