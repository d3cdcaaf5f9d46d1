import { UsageError } from '../../core/errors.ts';
import { scenarioEvent } from '../../scenario/stages/floodStage.ts';
import { DEFAULT_BANK_CREST_METRES } from '../../sim/flood/city/embankments.ts';
import {
  parseTideExtremesCsv,
  scenarioTideAtExtremes,
  tideAlarmSummary,
  tideValidationSvg,
} from '../../sim/hydrology/tideObserved.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { inFile, printJson, readTextFile, writeOutputFile, checkOutputFile } from '../io.ts';
import { loadScenario } from '../scenarioRunner.ts';

export const DEFAULT_OBSERVED = '../shared/data/sensors/phuan-tide-observed.csv';
const DEFAULT_SCENARIO = 'scenarios/baseline-100yr-king-tide.json';
/** The event clock of the shipped storm scenarios: 6 Nov 2025, 00:00 at Phú An (UTC+7). */
const DEFAULT_EVENT_START = '2025-11-06T00:00:00+07:00';

const usage = `Usage: twin validate tide [--observed CSV] [--scenario FILE] [--event-start ISO] [--svg FILE] [--json]

Observed daily highs and lows of the Saigon River at Phú An (default ${DEFAULT_OBSERVED};
columns time, level_m, kind) against the alarm levels I/II/III = 1.40/1.50/1.60 m (Decision
05/2020/QĐ-TTg; the river banks' default crest is level III), and the scenario's tide (default
${DEFAULT_SCENARIO}, event clock from --event-start, default ${DEFAULT_EVENT_START})
at the times of the observed extremes within its event:
  {"highs", "lows", "first", "last", "highest": {time, levelMetres}, "lowest",
   "alarms": [{name, metres, highsAbove, highsAtOrAbove}], "bankCrestMetres",
   "scenario": {id, eventStart, extremes: [{time, kind, observedMetres, scenarioMetres, differenceMetres}]}}
--svg FILE writes the plot (docs/img/tide-phuan.svg). Results: docs/validation.md.`;

export const validateTide: Command = {
  name: 'validate tide',
  summary: 'observed Phú An tide extremes against the alarm levels and a scenario tide',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        observed: { type: 'string' },
        scenario: { type: 'string' },
        'event-start': { type: 'string' },
        svg: { type: 'string' },
      },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    const eventStart = values['event-start'] ?? DEFAULT_EVENT_START;
    const startMs = Date.parse(eventStart);
    if (!Number.isFinite(startMs))
      throw new UsageError(`--event-start expects an ISO 8601 time, got "${eventStart}"`);
    if (values.svg) await checkOutputFile(values.svg, { createFolder: true });
    const observedFile = values.observed ?? DEFAULT_OBSERVED;
    const text = await readTextFile(observedFile);
    const extremes = inFile(observedFile, () => parseTideExtremesCsv(text));
    const scenarioFile = values.scenario ?? DEFAULT_SCENARIO;
    const scenario = await loadScenario(scenarioFile);
    const event = scenarioEvent(scenario);
    const summary = tideAlarmSummary(extremes);
    const output = {
      observedFile,
      ...summary,
      bankCrestMetres: DEFAULT_BANK_CREST_METRES,
      scenario: {
        id: scenario.id,
        eventStart,
        durationSeconds: event.durationSeconds,
        extremes: scenarioTideAtExtremes(
          extremes,
          event.tideLevelMetres,
          startMs / 1000,
          event.durationSeconds,
        ),
      },
    };
    if (values.svg) {
      await writeOutputFile(
        values.svg,
        tideValidationSvg({
          extremes,
          bankCrestMetres: DEFAULT_BANK_CREST_METRES,
          scenario: {
            id: scenario.id,
            tide: event.tideLevelMetres,
            eventStartEpochSeconds: startMs / 1000,
            durationSeconds: event.durationSeconds,
            startLabel: eventStart,
          },
          subtitle: `${summary.highs} highs ${summary.first?.slice(0, 10)} to ${summary.last?.slice(0, 10)} (SRHMC bulletins via tantorrrr/SgFlood; gaps where no dots)`,
        }),
        { createFolder: true },
      );
    }
    if (values.json) printJson(output);
    else {
      process.stdout.write(
        `${summary.highs} highs, ${summary.lows} lows, ${summary.first} to ${summary.last}; highest ${summary.highest?.levelMetres} m at ${summary.highest?.time}\n`,
      );
      for (const a of summary.alarms)
        process.stdout.write(
          `alarm ${a.name} ${a.metres.toFixed(2)} m: ${a.highsAbove} highs above, ${a.highsAtOrAbove} at or above\n`,
        );
      for (const c of output.scenario.extremes)
        process.stdout.write(
          `${c.time} ${c.kind}: observed ${c.observedMetres} m, ${scenario.id} ${c.scenarioMetres.toFixed(3)} m\n`,
        );
    }
    return 0;
  },
};
