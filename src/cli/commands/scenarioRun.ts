import { UsageError } from '../../core/errors.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { log, printJson, progressReporter } from '../io.ts';
import { createScenarioRunner, loadScenario, parseOnly, stableKpis } from '../scenarioRunner.ts';

const usage = `Usage: twin scenario run FILE.json [--only landuse,flood,traffic] [--json] [--progress]

Runs the simulations a scenario needs on the default dataset (public/data/thuduc), in dependency
order land use → flood → traffic, and prints its KPIs:
  {"scenario": id, "year": y, "stages": [...], "cached": [...], "kpis": {name: value, ...}}
KPI names and units: src/scenario/kpis.ts. Same file gives byte-identical output.`;

export const scenarioRun: Command = {
  name: 'scenario run',
  summary: 'run a scenario (land use → flood → traffic) and print its KPIs',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { only: { type: 'string' } }, usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`expected one FILE\n\n${usage}`);
    const only = parseOnly(values.only);
    const scenario = await loadScenario(file);
    const report = progressReporter('', values.progress === true);
    const run = createScenarioRunner((_scenarioId, _stage, fraction) => report(fraction));
    const started = performance.now();
    const result = await run(scenario, only);
    log(
      `${scenario.id}: ${Object.keys(result.results).join(' → ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const output = {
      scenario: scenario.id,
      year: scenario.year,
      stages: Object.keys(result.results),
      kpis: stableKpis(result.kpis),
    };
    if (values.json) printJson(output);
    else for (const [k, v] of Object.entries(output.kpis)) process.stdout.write(`${k}\t${v}\n`);
    return 0;
  },
};
