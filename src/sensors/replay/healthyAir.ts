import { measurementDatastream, pointLocation, type ReplayFeed } from './replayFeed.ts';

/** HealthyAir quantities replayed: CSV column, name, unit and plausible range (outliers outside it are not played). */
export const HEALTHY_AIR_QUANTITIES = [
  { column: 'PM2.5', name: 'PM2.5', unit: 'µg/m³', ucum: 'ug/m3', min: 0, max: 1000 },
  { column: 'O3', name: 'O3', unit: 'µg/m³', ucum: 'ug/m3', min: 0, max: 1000 },
  { column: 'NO2', name: 'NO2', unit: 'µg/m³', ucum: 'ug/m3', min: 0, max: 2000 },
  { column: 'SO2', name: 'SO2', unit: 'µg/m³', ucum: 'ug/m3', min: 0, max: 2000 },
  { column: 'CO', name: 'CO', unit: 'µg/m³', ucum: 'ug/m3', min: 0, max: 15000 },
  { column: 'Temperature', name: 'air temperature', unit: '°C', ucum: 'Cel', min: 10, max: 45 },
  { column: 'Humidity', name: 'relative humidity', unit: '%', ucum: '%', min: 0, max: 100 },
] as const;

/** One station of stations.json. */
export interface HealthyAirStation {
  station_no: number;
  location: string;
  location_vi?: string;
  region_type?: string;
  lat: number;
  lon: number;
}

/** Hourly records of one station: Unix seconds of the hour → value by CSV column. */
export type HourlyRecords = Map<number, Record<string, number>>;

/** The records of the whole file by station, and its first and last hour (Unix s). */
export interface HealthyAirRecords {
  byStation: Map<number, HourlyRecords>;
  firstEpochSeconds: number;
  lastEpochSeconds: number;
}

/** Unix seconds of a `DD-MM-YYYY HH:MM` local time (UTC+7), or NaN. */
function localTimeSeconds(text: string): number {
  const m = /^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d)$/.exec(text.trim());
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]) - 7, Number(m[5])) / 1000;
}

/** Parses healthyair-hcmc-hourly.csv (`date, Station_No, TSP, PM2.5, …`); empty cells are absent values. */
export function parseHealthyAirCsv(text: string): HealthyAirRecords {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const dateColumn = header.indexOf('date');
  const stationColumn = header.indexOf('Station_No');
  if (dateColumn < 0 || stationColumn < 0)
    throw new Error('healthyair csv: expected columns date and Station_No');
  const columns = HEALTHY_AIR_QUANTITIES.map((q) => [q.column, header.indexOf(q.column)] as const);
  const byStation = new Map<number, HourlyRecords>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(',');
    if (cells.length < header.length) continue;
    const t = localTimeSeconds(cells[dateColumn]!);
    const station = Number(cells[stationColumn]);
    if (!Number.isFinite(t) || !Number.isInteger(station)) continue;
    const values: Record<string, number> = {};
    for (const [name, index] of columns) {
      const cell = index < 0 ? '' : cells[index]!.trim();
      const value = Number(cell);
      if (cell !== '' && Number.isFinite(value)) values[name] = value;
    }
    let records = byStation.get(station);
    if (!records) {
      records = new Map();
      byStation.set(station, records);
    }
    records.set(t, values);
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  return { byStation, firstEpochSeconds: first, lastEpochSeconds: last };
}

/** Seconds in 52 weeks: the replay shifts source time by whole multiples of it (same weekday and hour). */
export const REPLAY_CYCLE_SECONDS = 364 * 86400;

/**
 * The source time played at a data time: shifted by whole 52-week cycles into the last 52
 * weeks of the record `(lastEpochSeconds − cycle, lastEpochSeconds]`.
 */
export function sourceTimeOf(dataEpochSeconds: number, lastEpochSeconds: number): number {
  const cycles = Math.ceil((dataEpochSeconds - lastEpochSeconds) / REPLAY_CYCLE_SECONDS);
  return dataEpochSeconds - cycles * REPLAY_CYCLE_SECONDS;
}

/** The replay feeds of the HealthyAir stations: one Thing per station, one Datastream per quantity, hourly. */
export function healthyAirFeeds(
  stations: readonly HealthyAirStation[],
  records: HealthyAirRecords,
): ReplayFeed[] {
  return stations.map((station) => {
    const hourly = records.byStation.get(station.station_no) ?? new Map();
    const name = `HealthyAir ${station.station_no} ${station.location}`;
    return {
      key: `healthyair-${station.station_no}`,
      thing: {
        name,
        description: `HealthyAir air-quality station ${station.station_no} (${station.location_vi ?? station.location}, ${station.region_type ?? ''}); hourly 2021–2022 data replayed at today's dates, shifted by whole 52-week cycles`,
        properties: {
          source: 'replay',
          replayKey: `healthyair-${station.station_no}`,
          dataset: 'HealthyAir (Mendeley pk6tzrjks8), see ../shared/data/SOURCES.md',
          stationNo: station.station_no,
          nameVi: station.location_vi ?? station.location,
          regionType: station.region_type ?? null,
        },
        Locations: [pointLocation(station.location, station.lon, station.lat)],
        Datastreams: HEALTHY_AIR_QUANTITIES.map((q) =>
          measurementDatastream({
            key: q.column,
            name: `${name} ${q.name}`,
            description: `hourly ${q.name}, ${q.unit}`,
            unit: {
              name: q.unit,
              symbol: q.unit,
              definition: `http://unitsofmeasure.org/ucum.html#${q.ucum}`,
            },
            observedProperty: {
              name: q.name,
              definition: `https://www.wikidata.org/w/index.php?search=${encodeURIComponent(q.name)}`,
            },
            sensor: {
              name: `HealthyAir ${q.name} sensor`,
              description: 'HealthyAir low-cost station sensor',
            },
            plausibleRange: { min: q.min, max: q.max },
          }),
        ),
      },
      streams: HEALTHY_AIR_QUANTITIES.map((q) => ({
        key: q.column,
        stepSeconds: 3600,
        valueAt: (t: number) => {
          const value = hourly.get(sourceTimeOf(t, records.lastEpochSeconds))?.[q.column];
          return value === undefined || value < q.min || value > q.max ? undefined : value;
        },
      })),
    };
  });
}
