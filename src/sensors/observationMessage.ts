import type { StoredEntity } from './entityModel.ts';
import { isoTimeMillis } from './filterExpression.ts';

/** Largest accepted Observation message (MQTT payload or HTTP body), bytes. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** Why a message was rejected; the keys of `rejected` in `GET /health`. */
export type RejectionReason =
  | 'tooLarge'
  | 'notJson'
  | 'notAnObject'
  | 'invalidPhenomenonTime'
  | 'invalidResultTime'
  | 'wrongResultType'
  | 'outOfRange'
  | 'unknownDatastream';

/** The outcome of checking one Observation message against its Datastream. */
export type ObservationCheck =
  | { ok: true; props: Record<string, unknown> }
  | { ok: false; reason: RejectionReason; message: string };

const OM = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/';

/** The observationType URI of numeric measurements (result: a finite number). */
export const OM_MEASUREMENT = `${OM}OM_Measurement`;

/**
 * The declared plausible range of a Datastream's results, in its unit of measurement:
 * `properties.plausibleRange = {"min": a, "max": b}` (either bound may be absent).
 */
export interface PlausibleRange {
  min?: number;
  max?: number;
}

function plausibleRangeOf(datastream: StoredEntity): PlausibleRange {
  const properties = datastream.props.properties as Record<string, unknown> | undefined;
  const range = properties?.plausibleRange as Record<string, unknown> | undefined;
  const out: PlausibleRange = {};
  if (typeof range?.min === 'number') out.min = range.min;
  if (typeof range?.max === 'number') out.max = range.max;
  return out;
}

function isTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = value.split('/');
  return parts.length <= 2 && parts.every((part) => isoTimeMillis(part) !== undefined);
}

/** Checks the result against the Datastream's observationType (OM_Measurement, Count, Truth, Category). */
function resultTypeProblem(result: unknown, observationType: unknown): string | undefined {
  if (result === undefined) return 'result is missing';
  switch (observationType) {
    case `${OM}OM_Measurement`:
      return typeof result === 'number' && Number.isFinite(result) ? undefined : 'result: expected a number';
    case `${OM}OM_CountObservation`:
      return Number.isInteger(result) ? undefined : 'result: expected an integer';
    case `${OM}OM_TruthObservation`:
      return typeof result === 'boolean' ? undefined : 'result: expected true or false';
    case `${OM}OM_CategoryObservation`:
      return typeof result === 'string' ? undefined : 'result: expected a category (string)';
    default:
      return undefined;
  }
}

/**
 * Checks a parsed Observation (MQTT payload or POST body) for `datastream`: phenomenonTime an
 * ISO 8601 instant or interval, resultTime absent, null or an instant, result of the
 * Datastream's type and within its plausible range. Returns the properties to store.
 */
export function checkObservation(body: unknown, datastream: StoredEntity | undefined): ObservationCheck {
  if (datastream === undefined)
    return { ok: false, reason: 'unknownDatastream', message: 'unknown Datastream' };
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, reason: 'notAnObject', message: 'expected a JSON object' };
  const o = body as Record<string, unknown>;
  if (!isTime(o.phenomenonTime))
    return {
      ok: false,
      reason: 'invalidPhenomenonTime',
      message: 'phenomenonTime: expected an ISO 8601 time such as 2026-12-01T08:00:00+07:00',
    };
  if (o.resultTime !== undefined && o.resultTime !== null && isoTimeMillis(o.resultTime) === undefined)
    return {
      ok: false,
      reason: 'invalidResultTime',
      message: 'resultTime: expected an ISO 8601 time or null',
    };
  const typeProblem = resultTypeProblem(o.result, datastream.props.observationType);
  if (typeProblem !== undefined) return { ok: false, reason: 'wrongResultType', message: typeProblem };
  const range = plausibleRangeOf(datastream);
  if (typeof o.result === 'number') {
    if (
      (range.min !== undefined && o.result < range.min) ||
      (range.max !== undefined && o.result > range.max)
    )
      return {
        ok: false,
        reason: 'outOfRange',
        message: `result ${o.result} outside the plausible range [${range.min ?? '-∞'}, ${range.max ?? '∞'}]`,
      };
  }
  const props: Record<string, unknown> = {
    phenomenonTime: o.phenomenonTime,
    resultTime: o.resultTime ?? null,
    result: o.result,
  };
  for (const key of ['parameters', 'resultQuality', 'validTime'] as const) {
    if (o[key] !== undefined) props[key] = o[key];
  }
  return { ok: true, props };
}

/** Parses and checks a raw message (size, JSON, then `checkObservation`). */
export function checkObservationMessage(
  payload: string,
  byteLength: number,
  datastream: StoredEntity | undefined,
): ObservationCheck {
  if (byteLength > MAX_MESSAGE_BYTES)
    return { ok: false, reason: 'tooLarge', message: `message over ${MAX_MESSAGE_BYTES} bytes` };
  if (datastream === undefined)
    return { ok: false, reason: 'unknownDatastream', message: 'unknown Datastream' };
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'notJson', message: 'not JSON' };
  }
  return checkObservation(body, datastream);
}
