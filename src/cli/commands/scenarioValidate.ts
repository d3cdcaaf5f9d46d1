import { parseScenario } from '../../scenario/validate.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { inFile, printJson, readJsonFile } from '../io.ts';
import { UsageError } from '../../core/errors.ts';

const usage = `Usage: twin scenario validate FILE.json [--json]

Checks a twin-scenario/1 document. Exit 0 when valid; exit 1 with every problem
printed as "file: path: message".`;

export const scenarioValidate: Command = {
  name: 'scenario validate',
  summary: 'check a scenario document and list every problem',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {}, usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`expected one FILE\n\n${usage}`);
    const doc = await readJsonFile(file);
    const valid = inFile(file, () => parseScenario(doc));
    if (values.json) printJson({ valid: true, id: valid.id, edits: valid.edits.length });
    else process.stdout.write(`${file}: valid (${valid.edits.length} edits)\n`);
    return 0;
  },
};
