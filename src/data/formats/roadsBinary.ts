/**
 * `roads.bin`: the `twin-roads/1` document (data/formats/roads.ts) in the binary column container
 * (data/formats/columnFile.ts, docs/binary-dataset.md), for the workbench's dataset worker. It
 * holds the same values as `roads.json` (written beside it by `twin data build`) and decodes back
 * to an identical document.
 *
 * Columns: `nodeOsmIds` (f64), `nodePositions` and `coordinates` (varint-delta2, decimetres),
 * `offsets`, one column per numeric link attribute (`lengthMetres` in decimetres), the link ids
 * as `segment` and `against` (id = `<wayId>-<segment>f`, or `b` when against), all as the
 * narrowest unsigned integers that hold them, and `names` (text).
 */
import { InputError } from '../../core/errors.ts';
import { type ColumnInput, decodeColumnFile, encodeColumnFile } from './columnFile.ts';
import type { RoadGraph, RoadsDocument } from './roads.ts';

const FORMAT = 'twin-roads/1';

type LinkColumn = Exclude<keyof RoadGraph['links'], 'ids'>;

/** Encoding (and decimetre scale) of each numeric link column. */
const LINK_COLUMNS: ReadonlyArray<{ name: LinkColumn; encoding: 'uint'; scale?: number }> = [
  { name: 'from', encoding: 'uint' },
  { name: 'to', encoding: 'uint' },
  { name: 'lengthMetres', encoding: 'uint', scale: 10 },
  { name: 'roadClass', encoding: 'uint' },
  { name: 'lanes', encoding: 'uint' },
  { name: 'speedKmh', encoding: 'uint' },
  { name: 'capacityPcuPerHour', encoding: 'uint' },
  { name: 'oneway', encoding: 'uint' },
  { name: 'flags', encoding: 'uint' },
  { name: 'wayId', encoding: 'uint' },
  { name: 'name', encoding: 'uint' },
  { name: 'geometry', encoding: 'uint' },
  { name: 'reversed', encoding: 'uint' },
];

const LINK_ID = /^(\d+)-(\d+)([fb])$/;

/** Writes `doc` as the bytes of `roads.bin`; throws when a link id is not `<wayId>-<segment>f|b`. */
export function encodeRoadsBinary(doc: RoadsDocument): Uint8Array {
  const { links } = doc;
  const segment = new Array<number>(doc.linkCount);
  const against = new Array<number>(doc.linkCount);
  links.ids.forEach((id, i) => {
    const match = LINK_ID.exec(id);
    if (!match || Number(match[1]) !== links.wayId[i])
      throw new Error(`roads.bin: link id "${id}" is not <wayId>-<segment>f|b of way ${links.wayId[i]}`);
    segment[i] = Number(match[2]);
    against[i] = match[3] === 'b' ? 1 : 0;
  });
  const columns: ColumnInput[] = [
    { name: 'nodeOsmIds', encoding: 'f64', values: doc.nodeOsmIds },
    { name: 'nodePositions', encoding: 'varint-delta2', values: doc.nodePositions, scale: 10 },
    ...LINK_COLUMNS.map((c) => ({ ...c, values: links[c.name] })),
    { name: 'segment', encoding: 'uint', values: segment },
    { name: 'against', encoding: 'u8', values: against },
    { name: 'names', encoding: 'text', values: doc.names },
    { name: 'offsets', encoding: 'uint', values: doc.geometries.offsets },
    { name: 'coordinates', encoding: 'varint-delta2', values: doc.geometries.coordinates, scale: 10 },
  ];
  return encodeColumnFile(
    FORMAT,
    {
      crs: doc.crs,
      classes: doc.classes,
      flagBits: doc.flagBits,
      nodeCount: doc.nodeCount,
      linkCount: doc.linkCount,
    },
    columns,
  );
}

/**
 * Reads `roads.bin` back into the `twin-roads/1` document; InputError naming `file` when it is not
 * such a file, is garbled, or its columns disagree with each other.
 */
export function decodeRoadsBinary(bytes: Uint8Array, file = 'roads.bin'): RoadsDocument {
  const columns = decodeColumnFile(bytes, file, FORMAT);
  const { crs, classes, flagBits, nodeCount, linkCount } = columns.meta as Partial<RoadsDocument>;
  if (
    typeof crs !== 'string' ||
    !Array.isArray(classes) ||
    typeof flagBits !== 'object' ||
    typeof nodeCount !== 'number' ||
    typeof linkCount !== 'number'
  )
    throw new InputError('header: crs, classes, flagBits, nodeCount or linkCount missing', file);
  const link = (name: LinkColumn) => columns.numbers(name, linkCount);
  const wayId = link('wayId');
  const segment = columns.numbers('segment', linkCount);
  const against = columns.numbers('against', linkCount);
  const links: RoadGraph['links'] = {
    ids: wayId.map((way, i) => `${way}-${segment[i]}${against[i] ? 'b' : 'f'}`),
    from: link('from'),
    to: link('to'),
    lengthMetres: link('lengthMetres'),
    roadClass: link('roadClass'),
    lanes: link('lanes'),
    speedKmh: link('speedKmh'),
    capacityPcuPerHour: link('capacityPcuPerHour'),
    oneway: link('oneway'),
    flags: link('flags'),
    wayId,
    name: link('name'),
    geometry: link('geometry'),
    reversed: link('reversed'),
  };
  const offsets = columns.numbers('offsets');
  const coordinates = columns.numbers('coordinates');
  if (offsets[offsets.length - 1] !== coordinates.length / 2)
    throw new InputError('offsets do not end at the number of coordinates', file);
  const outOfRange = (values: number[], limit: number) => values.findIndex((v) => v >= limit);
  for (const [name, values, limit] of [
    ['from', links.from, nodeCount],
    ['to', links.to, nodeCount],
    ['geometry', links.geometry, offsets.length - 1],
  ] as const) {
    const bad = outOfRange(values, limit);
    if (bad >= 0) throw new InputError(`links.${name}[${bad}] = ${values[bad]} is out of range`, file);
  }
  return {
    format: FORMAT,
    crs,
    classes,
    flagBits,
    nodeCount,
    linkCount,
    nodeOsmIds: columns.numbers('nodeOsmIds', nodeCount),
    nodePositions: columns.numbers('nodePositions', 2 * nodeCount),
    links,
    names: columns.strings('names'),
    geometries: { offsets, coordinates },
  };
}
