/**
 * Observed tide extremes of the Saigon River at Phú An (daily highs and lows, m, Hòn Dấu datum;
 * ../shared/data/sensors/phuan-tide-observed.csv) against the alarm levels and a scenario's tide
 * series: `twin validate tide`, docs/validation.md.
 */
import { InputError } from '../../core/errors.ts';
import { type TimeSeries, valueAt } from '../../core/timeSeries.ts';

/** Alarm levels at Phú An, m (Decision 05/2020/QĐ-TTg). */
export const PHU_AN_ALARM_LEVELS: ReadonlyArray<{ name: string; metres: number }> = [
  { name: 'I', metres: 1.4 },
  { name: 'II', metres: 1.5 },
  { name: 'III', metres: 1.6 },
];

/** One observed extreme. */
export interface TideExtreme {
  /** As in the file (ISO 8601 with offset). */
  time: string;
  /** Unix time, s. */
  epochSeconds: number;
  levelMetres: number;
  kind: 'peak' | 'low';
}

/** Parses `time,level_m,kind` rows (header required); InputError with `line N` for a bad row. */
export function parseTideExtremesCsv(text: string): TideExtreme[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const [ti, li, ki] = ['time', 'level_m', 'kind'].map((name) => header.indexOf(name));
  if (ti! < 0 || li! < 0 || ki! < 0)
    throw new InputError([{ path: 'line 1', message: 'expected columns time, level_m, kind' }]);
  const out: TideExtreme[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const cells = line.split(',').map((c) => c.trim());
    const where = `line ${i + 1}`;
    const time = cells[ti!] ?? '';
    const ms = Date.parse(time);
    if (!/^\d{4}-\d\d-\d\dT/.test(time) || !Number.isFinite(ms))
      throw new InputError([{ path: where, message: `time: expected ISO 8601, got "${time}"` }]);
    const level = Number(cells[li!]);
    if (cells[li!] === '' || !Number.isFinite(level))
      throw new InputError([{ path: where, message: `level_m: expected metres, got "${cells[li!]}"` }]);
    const kind = cells[ki!];
    if (kind !== 'peak' && kind !== 'low')
      throw new InputError([{ path: where, message: `kind: expected peak or low, got "${kind}"` }]);
    out.push({ time, epochSeconds: ms / 1000, levelMetres: level, kind });
  }
  return out;
}

/** Counts of observed highs against one alarm level. */
export interface AlarmCount {
  name: string;
  metres: number;
  /** Highs strictly above the level. */
  highsAbove: number;
  /** Highs at or above the level (the bulletins' "reached"). */
  highsAtOrAbove: number;
}

/** How often the observed highs exceed each alarm level, and the extremes. */
export function tideAlarmSummary(extremes: readonly TideExtreme[]) {
  const highs = extremes.filter((e) => e.kind === 'peak');
  const lows = extremes.filter((e) => e.kind === 'low');
  const alarms: AlarmCount[] = PHU_AN_ALARM_LEVELS.map(({ name, metres }) => ({
    name,
    metres,
    highsAbove: highs.filter((h) => h.levelMetres > metres + 1e-9).length,
    highsAtOrAbove: highs.filter((h) => h.levelMetres >= metres - 1e-9).length,
  }));
  const byLevel = (a: TideExtreme, b: TideExtreme) => a.levelMetres - b.levelMetres;
  const highest = [...highs].sort((a, b) => byLevel(b, a) || a.epochSeconds - b.epochSeconds)[0];
  const lowest = [...lows].sort((a, b) => byLevel(a, b) || a.epochSeconds - b.epochSeconds)[0];
  const times = extremes.map((e) => e.epochSeconds);
  return {
    highs: highs.length,
    lows: lows.length,
    first: extremes.length > 0 ? extremes[times.indexOf(Math.min(...times))]!.time : null,
    last: extremes.length > 0 ? extremes[times.indexOf(Math.max(...times))]!.time : null,
    highest: highest ? { time: highest.time, levelMetres: highest.levelMetres } : null,
    lowest: lowest ? { time: lowest.time, levelMetres: lowest.levelMetres } : null,
    alarms,
  };
}

/** A scenario's tide level at each observed extreme within its event. */
export interface ScenarioTideCheck {
  time: string;
  kind: 'peak' | 'low';
  observedMetres: number;
  scenarioMetres: number;
  differenceMetres: number;
}

/**
 * The scenario's tide series (s from the event start → m, linear between its points) at the times
 * of the observed extremes that fall within [eventStart, eventStart + duration].
 */
export function scenarioTideAtExtremes(
  extremes: readonly TideExtreme[],
  tide: TimeSeries,
  eventStartEpochSeconds: number,
  durationSeconds: number,
): ScenarioTideCheck[] {
  return extremes
    .filter(
      (e) =>
        e.epochSeconds >= eventStartEpochSeconds &&
        e.epochSeconds <= eventStartEpochSeconds + durationSeconds,
    )
    .sort((a, b) => a.epochSeconds - b.epochSeconds)
    .map((e) => {
      // Rounded to the micrometre: the series' own precision, without float noise.
      const scenarioMetres = Math.round(valueAt(tide, e.epochSeconds - eventStartEpochSeconds) * 1e6) / 1e6;
      return {
        time: e.time,
        kind: e.kind,
        observedMetres: e.levelMetres,
        scenarioMetres,
        differenceMetres: Math.round((scenarioMetres - e.levelMetres) * 1e6) / 1e6,
      };
    });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Input of {@link tideValidationSvg}. */
export interface TideSvgInput {
  extremes: readonly TideExtreme[];
  bankCrestMetres: number;
  scenario?: {
    id: string;
    tide: TimeSeries;
    eventStartEpochSeconds: number;
    durationSeconds: number;
    /** Label of the event start, e.g. "6 Nov 2025 00:00 (+07:00)". */
    startLabel: string;
  };
  subtitle: string;
}

/**
 * Two panels: the observed daily highs over the record against the alarm levels, and the
 * scenario's tide over its event with the observed extremes of those hours.
 */
export function tideValidationSvg(input: TideSvgInput): string {
  const w = 760;
  const h = input.scenario ? 620 : 340;
  const f = (v: number) => String(Math.round(v * 10) / 10);
  const alarmColour = ['#f2c200', '#f08c00', '#d62728'];
  const colourOf = (level: number) => {
    let c = '#9a9a9a';
    PHU_AN_ALARM_LEVELS.forEach((a, i) => {
      if (level >= a.metres - 1e-9) c = alarmColour[i]!;
    });
    return c;
  };
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="11" role="img">`,
    '<title>Saigon River at Phú An: observed highs against the alarm levels</title>',
    `<rect width="${w}" height="${h}" fill="white"/>`,
    `<text x="${w / 2}" y="20" text-anchor="middle" font-size="14">Saigon River at Phú An: observed daily highs against alarm levels I/II/III</text>`,
    `<text x="${w / 2}" y="36" text-anchor="middle" fill="#555">${escapeXml(input.subtitle)}</text>`,
  ];
  /** Dashed alarm lines; labelled each (panel 1) or as one band label (panel 2, less room). */
  const alarmLines = (x0: number, x1: number, sy: (v: number) => number, each: boolean): string[] => {
    const lines = PHU_AN_ALARM_LEVELS.map(
      (a, i) =>
        `<line x1="${x0}" y1="${f(sy(a.metres))}" x2="${x1}" y2="${f(sy(a.metres))}" stroke="${alarmColour[i]}" stroke-dasharray="6 3"/>` +
        (each
          ? `<text x="${x1 + 4}" y="${f(sy(a.metres) + 4)}" fill="${alarmColour[i]}">${a.name} ${a.metres.toFixed(2)} m${Math.abs(a.metres - input.bankCrestMetres) < 1e-9 ? ' = bank crest' : ''}</text>`
          : ''),
    );
    if (!each) {
      const top = PHU_AN_ALARM_LEVELS[PHU_AN_ALARM_LEVELS.length - 1]!;
      lines.push(
        `<text x="${x1 + 4}" y="${f(sy(top.metres) - 2)}" fill="${alarmColour[2]}">alarm I–III</text>`,
        `<text x="${x1 + 4}" y="${f(sy(top.metres) + 11)}" fill="${alarmColour[2]}">1.40–1.60 m</text>`,
      );
    }
    return lines;
  };
  // Panel 1: highs over the record.
  const highs = input.extremes.filter((e) => e.kind === 'peak');
  const left = 60;
  const right = w - 130;
  const top1 = 60;
  const bottom1 = 300;
  if (highs.length > 0) {
    const t0 = Math.min(...highs.map((e) => e.epochSeconds));
    const t1 = Math.max(...highs.map((e) => e.epochSeconds));
    const lo = Math.floor(Math.min(...highs.map((e) => e.levelMetres)) * 5) / 5;
    const hi = Math.max(2, Math.ceil(Math.max(...highs.map((e) => e.levelMetres)) * 5) / 5);
    const sx = (t: number) => left + ((t - t0) / Math.max(1, t1 - t0)) * (right - left);
    const sy = (v: number) => bottom1 - ((v - lo) / (hi - lo)) * (bottom1 - top1);
    out.push(
      `<rect x="${left}" y="${top1}" width="${right - left}" height="${bottom1 - top1}" fill="none" stroke="#333"/>`,
    );
    for (let v = lo; v <= hi + 1e-9; v += 0.2)
      out.push(
        `<line x1="${left}" y1="${f(sy(v))}" x2="${right}" y2="${f(sy(v))}" stroke="#eee"/><text x="${left - 6}" y="${f(sy(v) + 4)}" text-anchor="end">${v.toFixed(1)}</text>`,
      );
    // Month ticks: the first of every third month.
    const start = new Date(t0 * 1000);
    for (let m = start.getUTCMonth() + 1, y = start.getUTCFullYear(); ; m++) {
      const t = Date.UTC(y + Math.floor(m / 12), m % 12, 1) / 1000;
      if (t > t1) break;
      if (m % 3 !== 0) continue;
      const d = new Date(t * 1000);
      out.push(
        `<line x1="${f(sx(t))}" y1="${bottom1}" x2="${f(sx(t))}" y2="${bottom1 + 4}" stroke="#333"/><text x="${f(sx(t))}" y="${bottom1 + 16}" text-anchor="middle">${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}</text>`,
      );
    }
    out.push(...alarmLines(left, right, sy, true));
    for (const e of highs)
      out.push(
        `<circle cx="${f(sx(e.epochSeconds))}" cy="${f(sy(e.levelMetres))}" r="2" fill="${colourOf(e.levelMetres)}"><title>${escapeXml(e.time)}: ${e.levelMetres.toFixed(2)} m</title></circle>`,
      );
    out.push(
      `<text transform="translate(16 ${(top1 + bottom1) / 2}) rotate(-90)" text-anchor="middle">High water, m (Hòn Dấu datum)</text>`,
    );
  }
  // Panel 2: the scenario's tide over its event and the observed extremes of those hours.
  const s = input.scenario;
  if (s) {
    const top2 = 370;
    const bottom2 = 580;
    const hours = s.durationSeconds / 3600;
    const sx = (sec: number) => left + (sec / s.durationSeconds) * (right - left);
    const lo = -2;
    const hi = 2;
    const sy = (v: number) => bottom2 - ((v - lo) / (hi - lo)) * (bottom2 - top2);
    out.push(
      `<text x="${left}" y="${top2 - 10}" font-size="12">Scenario ${escapeXml(s.id)}: its tide (line) and the observed highs and lows of those hours (dots)</text>`,
      `<rect x="${left}" y="${top2}" width="${right - left}" height="${bottom2 - top2}" fill="none" stroke="#333"/>`,
    );
    for (let v = lo; v <= hi; v += 1)
      out.push(
        `<line x1="${left}" y1="${f(sy(v))}" x2="${right}" y2="${f(sy(v))}" stroke="#eee"/><text x="${left - 6}" y="${f(sy(v) + 4)}" text-anchor="end">${v.toFixed(1)}</text>`,
      );
    for (let hr = 0; hr <= hours; hr += 3)
      out.push(
        `<line x1="${f(sx(hr * 3600))}" y1="${bottom2}" x2="${f(sx(hr * 3600))}" y2="${bottom2 + 4}" stroke="#333"/><text x="${f(sx(hr * 3600))}" y="${bottom2 + 16}" text-anchor="middle">${String(hr).padStart(2, '0')}:00</text>`,
      );
    out.push(...alarmLines(left, right, sy, false));
    const curve: string[] = [];
    for (let sec = 0; sec <= s.durationSeconds; sec += 600)
      curve.push(`${f(sx(sec))},${f(sy(valueAt(s.tide, sec)))}`);
    out.push(`<polyline points="${curve.join(' ')}" fill="none" stroke="#1f4e9a" stroke-width="1.8"/>`);
    const checks = scenarioTideAtExtremes(
      input.extremes,
      s.tide,
      s.eventStartEpochSeconds,
      s.durationSeconds,
    );
    for (const c of checks) {
      const sec = Date.parse(c.time) / 1000 - s.eventStartEpochSeconds;
      out.push(
        `<circle cx="${f(sx(sec))}" cy="${f(sy(c.observedMetres))}" r="4" fill="white" stroke="#111" stroke-width="1.5"><title>${escapeXml(c.time)} observed ${c.observedMetres.toFixed(2)} m, scenario ${c.scenarioMetres.toFixed(2)} m</title></circle>`,
        `<text x="${f(sx(sec) + 6)}" y="${f(sy(c.observedMetres) + (c.kind === 'peak' ? -6 : 14))}">${c.observedMetres.toFixed(2)} m</text>`,
      );
    }
    out.push(
      `<text x="${(left + right) / 2}" y="${bottom2 + 32}" text-anchor="middle">Hours from the event start (${escapeXml(s.startLabel)})</text>`,
      `<text transform="translate(16 ${(top2 + bottom2) / 2}) rotate(-90)" text-anchor="middle">Water level, m</text>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
