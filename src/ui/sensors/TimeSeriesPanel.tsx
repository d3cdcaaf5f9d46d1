import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { SensorThingsClient } from '../../sensors/sensorThingsClient.ts';
import {
  TIME_SERIES_RANGES_MS,
  type TimeSeriesRange,
  type TimeSeriesStream,
  timeSeriesThresholds,
  timeSeriesUnit,
  timeSeriesValues,
} from '../../sensors/timeSeries.ts';
import { RAIN_ALERT_WINDOW_MS } from '../../sensors/operationsStatus.ts';
import { useT } from '../context.tsx';

/** Threshold line colours, lowest first (yellow … maroon, as the alarm and AQI classes). */
const THRESHOLD_COLOURS = ['#c9a800', '#ff7e00', '#ff0000', '#8f3f97', '#7e0023'];

/** What the chart shows once read: times (s), values, thresholds. */
interface Loaded {
  timesSeconds: number[];
  values: number[];
  thresholds: Record<string, number>;
}

/**
 * A station's time series (issue 14, item 4) in a uPlot chart: the last 24 h or 7 days of its
 * Datastream read over HTTP from the SensorThings service (`$filter` on phenomenonTime, every
 * `@iot.nextLink` page), with its thresholds as dashed lines (VN_AQI class bounds as
 * concentrations, river alarm levels I/II/III, rain 50 mm in 3 h against the running 3-h depth).
 */
export function TimeSeriesPanel({
  staRoot,
  datastreamId,
  stream,
}: {
  staRoot: string;
  datastreamId: number;
  /** Stable across renders (the feed's FollowedStream), so the chart is read again only when it changes. */
  stream: TimeSeriesStream;
}) {
  const t = useT();
  const [range, setRange] = useState<TimeSeriesRange>('day');
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const chartRef = useRef<HTMLDivElement>(null);
  const { kind, pollutant, alarmLevelsMetres } = stream;

  useEffect(() => {
    let cancelled = false;
    setLoaded(undefined);
    setError(undefined);
    const series = {
      kind,
      ...(pollutant ? { pollutant } : {}),
      ...(alarmLevelsMetres ? { alarmLevelsMetres } : {}),
    };
    const nowMs = Date.now();
    const fromMs = nowMs - TIME_SERIES_RANGES_MS[range];
    // rain: 3 h more, so the running 3-h depth at the range's start is whole
    const readFromMs = kind === 'rain' ? fromMs - RAIN_ALERT_WINDOW_MS : fromMs;
    new SensorThingsClient(staRoot, (url) => fetch(url))
      .observations(datastreamId, new Date(readFromMs).toISOString())
      .then((observations) => {
        if (cancelled) return;
        const values = timeSeriesValues(series, observations);
        const shown = observations.flatMap((o, i) =>
          o.phenomenonTimeMs >= fromMs ? [{ t: o.phenomenonTimeMs / 1000, v: values[i]! }] : [],
        );
        setLoaded({
          timesSeconds: shown.map((p) => p.t),
          values: shown.map((p) => p.v),
          thresholds: timeSeriesThresholds(series),
        });
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [staRoot, datastreamId, range, kind, pollutant, alarmLevelsMetres]);

  useEffect(() => {
    const target = chartRef.current;
    if (!target || !loaded) return;
    const thresholds = Object.entries(loaded.thresholds);
    const unit = timeSeriesUnit({ kind });
    const chart = new uPlot(
      {
        width: 560,
        height: 260,
        scales: { x: { time: true } },
        axes: [{}, { label: unit }],
        series: [
          {},
          { label: unit, stroke: '#1f77b4', width: 2 },
          ...thresholds.map(([name], k) => ({
            label: name,
            stroke: THRESHOLD_COLOURS[Math.min(k, THRESHOLD_COLOURS.length - 1)] ?? '#c00',
            dash: [6, 4],
            width: 1.5,
            points: { show: false },
          })),
        ],
      },
      [
        loaded.timesSeconds,
        loaded.values,
        ...thresholds.map(([, value]) => loaded.timesSeconds.map(() => value)),
      ],
      target,
    );
    return () => chart.destroy();
  }, [loaded, kind]);

  return (
    <section
      className="sensor-timeseries"
      data-testid="sensor-timeseries"
      aria-label={t('sensors.timeSeries')}
    >
      <fieldset className="sensor-timeseries-ranges">
        <legend>{t('sensors.timeSeries')}</legend>
        {(Object.keys(TIME_SERIES_RANGES_MS) as TimeSeriesRange[]).map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={range === r}
            data-testid={`timeseries-${r}`}
            onClick={() => setRange(r)}
          >
            {t(`sensors.range.${r}`)}
          </button>
        ))}
      </fieldset>
      {error && (
        <p className="sensors-error" role="alert">
          {error}
        </p>
      )}
      {!loaded && !error && <p className="legend-note">{t('sensors.loading', { url: staRoot })}</p>}
      <div
        ref={chartRef}
        data-testid="timeseries-chart"
        data-range={range}
        data-points={loaded?.values.length ?? ''}
        data-thresholds={loaded ? Object.keys(loaded.thresholds).join(',') : ''}
      />
    </section>
  );
}
