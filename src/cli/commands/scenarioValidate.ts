import { UsageError } from '../../core/errors.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { printJson } from '../io.ts';
import { loadScenario } from '../scenarioRunner.ts';

const usage = `Usage: twin scenario validate FILE.json [--json]

Checks a twin-scenario/1 document and its references against the default dataset
(public/data/thuduc): road links, parcels and zones that exist, polygons that are simple and
inside the city, physically possible values (rain 0..500 mm/h, tide and crest levels within
±10 m). Exit 0 when valid; exit 1 with every problem printed as "file: path: message".
The same check runs before \`scenario run\` and \`compare\`.`;

export const scenarioValidate: Command = {
  name: 'scenario validate',
  summary: 'check a scenario document and list every problem',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {}, usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`expected one FILE\n\n${usage}`);
    const valid = await loadScenario(file);
    if (values.json) printJson({ valid: true, id: valid.id, edits: valid.edits.length });
    else process.stdout.write(`${file}: valid (${valid.edits.length} edits)\n`);
    return 0;
  },
};
