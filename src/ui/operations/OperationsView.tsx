import mqtt from 'mqtt';
import { useEffect, useMemo, useState } from 'react';
import { type Language, type MessageKey, translate } from '../../i18n/index.ts';
import { type DatastreamHealth, LiveObservations } from '../../sensors/liveObservations.ts';
import {
  depthOverWindowMm,
  hourlyMeansNewestFirst,
  nextHighTide,
  type OperationsAlert,
  operationsAlerts,
  RAIN_ALERT_WINDOW_MS,
} from '../../sensors/operationsStatus.ts';
import { type NumericObservation, SensorThingsClient } from '../../sensors/sensorThingsClient.ts';
import { hourlyVnAqi, NOWCAST_HOURS, type PollutantHours } from '../../sensors/vnAqi.ts';
import { type FollowedStream, loadOperationsStreams } from './operationsData.ts';
import './operations.css';

/** Default SensorThings root: the service `npm start` runs beside the app. */
const DEFAULT_STA = 'http://127.0.0.1:8787/v1.1';

/** The SensorThings root from `?sta=` (in the query or after the hash), else the default. */
export function staRootFromLocation(location: { search: string; hash: string }): string {
  const hashQuery = location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?')) : '';
  return (
    new URLSearchParams(location.search).get('sta') ??
    new URLSearchParams(hashQuery).get('sta') ??
    DEFAULT_STA
  );
}

/** Vietnamese first, English below. */
function Bilingual({ k, params }: { k: MessageKey; params?: Record<string, string | number> }) {
  return (
    <span className="ops-bilingual">
      <span className="ops-vi">{translate('vi', k, params)}</span>
      <span className="ops-en">{translate('en', k, params)}</span>
    </span>
  );
}

function ValueMeta({
  at,
  now,
  health,
  source,
}: {
  at: number | undefined;
  now: number;
  health: DatastreamHealth;
  source: string;
}) {
  const minutes = at === undefined ? undefined : Math.max(0, Math.round((now - at) / 60_000));
  const sourceKey = `ops.source.${source}` as MessageKey;
  return (
    <div className="ops-meta">
      {minutes === undefined ? <Bilingual k="ops.noValue" /> : <Bilingual k="ops.age" params={{ minutes }} />}
      {health !== 'live' && (
        <span className={`ops-badge ops-${health}`} data-health={health}>
          {translate('vi', `ops.${health}`)} · {translate('en', `ops.${health}`)}
        </span>
      )}
      <span className="ops-source">
        {translate('vi', sourceKey)} · {translate('en', sourceKey)}
      </span>
    </div>
  );
}

/** River level over the last 24 h as an SVG line with the alarm levels. */
function RiverSparkline({
  history,
  alarms,
  now,
}: {
  history: readonly NumericObservation[];
  alarms: Record<string, number>;
  now: number;
}) {
  const width = 860;
  const height = 220;
  const fromMs = now - 24 * 3_600_000;
  const levels = [...history.map((o) => o.result), ...Object.values(alarms)];
  const low = Math.min(...levels, 0) - 0.1;
  const high = Math.max(...levels) + 0.1;
  const x = (t: number) => ((t - fromMs) / (now - fromMs)) * width;
  const y = (m: number) => height - ((m - low) / (high - low)) * height;
  const points = history
    .filter((o) => o.phenomenonTimeMs >= fromMs)
    .map((o) => `${x(o.phenomenonTimeMs).toFixed(1)},${y(o.result).toFixed(1)}`);
  return (
    <svg className="ops-spark" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="24 h">
      {Object.entries(alarms).map(([name, metres]) => (
        <g key={name}>
          <line
            x1={0}
            x2={width}
            y1={y(metres)}
            y2={y(metres)}
            className={`ops-alarm-line ops-alarm-${name}`}
          />
          <text x={4} y={y(metres) - 4}>
            {name}
          </text>
        </g>
      ))}
      <polyline points={points.join(' ')} className="ops-level-line" />
    </svg>
  );
}

function alertText(alert: OperationsAlert, language: Language): string {
  if (alert.kind === 'aqi')
    return translate(language, 'ops.alertAqi', { index: alert.index, place: alert.place });
  if (alert.kind === 'river') {
    return translate(language, 'ops.alertRiver', {
      metres: alert.levelMetres.toFixed(2),
      alarm: alert.alarm,
      place: alert.place,
    });
  }
  return translate(language, 'ops.alertRain', { mm: alert.depthMm.toFixed(1), place: alert.place });
}

const clock = (ms: number) =>
  new Date(ms).toLocaleString('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
  });

/** `#/operations`: the wall dashboard of the operations centre (1920×1080), Vietnamese first. */
export function OperationsView() {
  const staRoot = useMemo(() => staRootFromLocation(window.location), []);
  const [streams, setStreams] = useState<FollowedStream[]>([]);
  const [live, setLive] = useState<LiveObservations>();
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(Date.now());
  const [, setVersion] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let feed: LiveObservations | undefined;
    let cancelled = false;
    const client = new SensorThingsClient(staRoot, (url) => fetch(url));
    loadOperationsStreams(client, Date.now()).then(
      (loaded) => {
        if (cancelled) return;
        const wsUrl = `${new URL(staRoot).origin.replace(/^http/, 'ws')}/mqtt`;
        feed = new LiveObservations({
          url: wsUrl,
          connect: (url) => mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5000 }),
          datastreams: loaded.map((s) => ({ id: s.id, expectedIntervalMs: s.expectedIntervalMs })),
          onChange: () => {
            setVersion((v) => v + 1);
            setNow(Date.now());
          },
          onReconnect: () => {
            // Fill what was missed while offline from the HTTP history (ids already held are skipped).
            for (const stream of loaded) {
              const since =
                feed?.observations(stream.id).at(-1)?.phenomenonTimeMs ?? Date.now() - 24 * 3_600_000;
              client.observations(stream.id, new Date(since).toISOString()).then(
                (missed) => feed?.addHistory(stream.id, missed),
                (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
              );
            }
          },
        });
        for (const stream of loaded) feed.addHistory(stream.id, stream.history);
        feed.start();
        setStreams(loaded);
        setLive(feed);
      },
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
      feed?.stop();
    };
  }, [staRoot]);

  const observations = (id: number) => live?.observations(id) ?? [];
  const health = (id: number): DatastreamHealth => live?.health(id) ?? 'offline';

  const stations = new Map<string, FollowedStream[]>();
  for (const s of streams.filter((s) => s.kind === 'air'))
    stations.set(s.thingName, [...(stations.get(s.thingName) ?? []), s]);
  const aqiTiles = [...stations].map(([place, airStreams]) => {
    const hours: PollutantHours = {};
    for (const s of airStreams)
      if (s.pollutant) hours[s.pollutant] = hourlyMeansNewestFirst(observations(s.id), now, NOWCAST_HOURS);
    const latestAt = Math.max(...airStreams.map((s) => observations(s.id).at(-1)?.phenomenonTimeMs ?? 0));
    return {
      place,
      aqi: hourlyVnAqi(hours),
      at: latestAt || undefined,
      stream: airStreams[0] as FollowedStream,
    };
  });
  const river = streams.find((s) => s.kind === 'river');
  const riverLatest = river ? observations(river.id).at(-1) : undefined;
  const alarms = river?.alarmLevelsMetres ?? {};
  const highTide = river?.tideModel ? nextHighTide(river.tideModel, now) : undefined;
  const rain = streams
    .filter((s) => s.kind === 'rain')
    .map((s) => {
      const obs = observations(s.id);
      const latest = obs.at(-1);
      return {
        stream: s,
        latest,
        last3h: latest ? depthOverWindowMm(obs, latest.phenomenonTimeMs, RAIN_ALERT_WINDOW_MS) : 0,
      };
    });
  const alerts = operationsAlerts({
    aqi: aqiTiles.map((t) => ({ place: t.place, atMs: t.at ?? 0, index: t.aqi.index })),
    river:
      river && riverLatest
        ? [
            {
              place: river.thingName,
              atMs: riverLatest.phenomenonTimeMs,
              levelMetres: riverLatest.result,
              alarmLevelsMetres: alarms,
            },
          ]
        : [],
    rain: rain
      .filter((r) => r.latest)
      .map((r) => ({
        place: r.stream.thingName,
        atMs: r.latest?.phenomenonTimeMs ?? 0,
        depthLast3hMm: r.last3h,
      })),
  }).slice(0, 8);

  return (
    <main className="ops" data-testid="operations">
      <header className="ops-header">
        <Bilingual k="ops.title" />
        <span className="ops-clock">{clock(now)}</span>
      </header>
      {error && (
        <p className="ops-error" role="alert">
          <Bilingual k="ops.loadFailed" params={{ url: staRoot, detail: error }} />
        </p>
      )}
      <section className="ops-aqi">
        <h2>
          <Bilingual k="ops.aqiNow" />
        </h2>
        <div className="ops-tiles">
          {aqiTiles.map((tile) => (
            <article
              key={tile.place}
              className="ops-tile"
              data-testid="aqi-tile"
              data-aqi={tile.aqi.index ?? ''}
              style={{ background: tile.aqi.aqiClass?.colourHex ?? '#555' }}
            >
              <h3>{tile.place}</h3>
              <div className="ops-big">{tile.aqi.index ?? '–'}</div>
              {tile.aqi.aqiClass && (
                <div className="ops-bilingual">
                  <span className="ops-vi">{tile.aqi.aqiClass.label.vi}</span>
                  <span className="ops-en">{tile.aqi.aqiClass.label.en}</span>
                </div>
              )}
              <ValueMeta at={tile.at} now={now} health={health(tile.stream.id)} source={tile.stream.source} />
            </article>
          ))}
        </div>
      </section>
      {river && (
        <section className="ops-river" data-testid="river">
          <h2>
            <Bilingual k="ops.river" />
          </h2>
          <div className="ops-big" data-testid="river-level" data-level={riverLatest?.result ?? ''}>
            {riverLatest ? `${riverLatest.result.toFixed(2)} m` : '–'}
          </div>
          <ul className="ops-alarms">
            {Object.entries(alarms).map(([name, metres]) => (
              <li
                key={name}
                data-testid="alarm-level"
                className={riverLatest && riverLatest.result >= metres ? 'ops-reached' : ''}
              >
                <Bilingual k="ops.alarm" params={{ name, metres: metres.toFixed(2) }} />
              </li>
            ))}
          </ul>
          {highTide && (
            <Bilingual
              k="ops.nextHigh"
              params={{ time: clock(highTide.atMs), metres: highTide.levelMetres.toFixed(2) }}
            />
          )}
          <RiverSparkline history={observations(river.id)} alarms={alarms} now={now} />
          <ValueMeta
            at={riverLatest?.phenomenonTimeMs}
            now={now}
            health={health(river.id)}
            source={river.source}
          />
        </section>
      )}
      <section className="ops-rain">
        <h2>
          <Bilingual k="ops.rain" />
        </h2>
        {rain.map((r) => (
          <article key={r.stream.id} className="ops-rain-row" data-testid="rain">
            <h3>{r.stream.thingName}</h3>
            <div className="ops-mid">
              {r.latest ? `${r.latest.result.toFixed(1)} mm` : '–'} / {`${r.last3h.toFixed(1)} mm`}
            </div>
            <ValueMeta
              at={r.latest?.phenomenonTimeMs}
              now={now}
              health={health(r.stream.id)}
              source={r.stream.source}
            />
          </article>
        ))}
        {rain.length === 0 && <Bilingual k="ops.noValue" />}
      </section>
      <section className="ops-alerts" data-testid="alerts">
        <h2>
          <Bilingual k="ops.alerts" />
        </h2>
        {alerts.length === 0 && <Bilingual k="ops.noAlerts" />}
        <ul>
          {alerts.map((alert) => (
            <li key={`${alert.kind}-${alert.place}-${alert.atMs}`} data-testid="alert">
              <time>{clock(alert.atMs)}</time>
              <span className="ops-bilingual">
                <span className="ops-vi">{alertText(alert, 'vi')}</span>
                <span className="ops-en">{alertText(alert, 'en')}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
