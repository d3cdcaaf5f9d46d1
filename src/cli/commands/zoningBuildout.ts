import { UsageError } from '../../core/errors.ts';
import { buildOut } from '../../sim/landuse/buildout.ts';
import { parseParcels } from '../../sim/landuse/parcels.ts';
import { parseRoadLines } from '../../sim/landuse/roadLines.ts';
import { parseZoningRules } from '../../sim/landuse/zoningRules.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { inFile, printJson, progressReporter, readJsonFile } from '../io.ts';

const usage = `Usage: twin zoning buildout --parcels PARCELS.geojson --rules RULES.json [--roads ROADS.geojson] [--json]

Maximum build-out of every parcel under its zone's rules (twin-zoning-rules/1):
envelope = lot shrunk by its front, rear and side setbacks; footprint = min(envelope,
maxCoverage x lot); floors = min(floor(maxHeight / floorHeight), floor(maxFAR x lot / footprint)).
Parcels: GeoJSON Polygon features with properties id, zone and optional frontEdge (index of
the exterior-ring edge facing the street). Without frontEdge the edge nearest a road of
--roads (LineString features) is the front, or edge 0 with no roads. Areas in geodesic m².`;

const summary = 'maximum gross floor area of parcels under zoning rules';

export const zoningBuildout: Command = {
  name: 'zoning buildout',
  summary,
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { parcels: { type: 'string' }, rules: { type: 'string' }, roads: { type: 'string' } },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    if (!values.parcels || !values.rules)
      throw new UsageError(`--parcels and --rules are required\n\n${usage}`);
    const rulesFile = values.rules;
    const parcelsFile = values.parcels;
    const rulesDoc = await readJsonFile(rulesFile);
    const rules = inFile(rulesFile, () => parseZoningRules(rulesDoc));
    const parcelsDoc = await readJsonFile(parcelsFile);
    const parcels = inFile(parcelsFile, () => parseParcels(parcelsDoc, Object.keys(rules.zones)));
    const roadsFile = values.roads;
    const roadsDoc = roadsFile ? await readJsonFile(roadsFile) : undefined;
    const roads = roadsFile ? inFile(roadsFile, () => parseRoadLines(roadsDoc)) : [];
    const progress = progressReporter('zoning buildout', values.progress === true);
    const result = buildOut(parcels, rules.zones, roads, (done) => progress(done / parcels.length));
    if (values.json) {
      printJson({ parcels: result.parcels, totals: result.totals });
      return 0;
    }
    for (const p of result.parcels) {
      process.stdout.write(
        `${p.id} (${p.zone}): lot ${p.lotArea.toFixed(1)} m², envelope ${p.envelopeArea.toFixed(1)} m², ` +
          `footprint ${p.footprintArea.toFixed(1)} m², ${p.floors} floors, GFA ${p.grossFloorArea.toFixed(1)} m²` +
          `${p.reason ? ` (${p.reason})` : ''}\n`,
      );
    }
    process.stdout.write(
      `total: lot ${result.totals.lotArea.toFixed(1)} m², GFA ${result.totals.grossFloorArea.toFixed(1)} m²\n`,
    );
    return 0;
  },
};
