import { proxy } from 'comlink';
import { useEffect, useMemo, useState } from 'react';
import { type MessageKey, translate } from '../../i18n/index.ts';
import type { DatastreamHealth, LiveObservations } from '../../sensors/liveObservations.ts';
import { nextHighTide } from '../../sensors/operationsStatus.ts';
import { Sparkline } from '../sensors/Sparkline.tsx';
import { alertText, type FollowedStream, observationClock, sensorSnapshot } from './operationsData.ts';
import { DEFAULT_STA_ROOT } from '../../state/sensorsStore.ts';
import { openSensorFeed } from './sensorFeed.ts';
import { NowcastPanel } from './NowcastPanel.tsx';
import {
  createNowcastRunner,
  feedNowcastObservations,
  type NowcastRunner,
  type NowcastState,
} from './nowcastRunner.ts';
import { registerTestHook } from '../testHooks.ts';
import { datasetUrl, scenarioWorker } from '../run/scenarioWorker.ts';
import { nowcastObservationsFromSta, nowcastWindow } from '../../sensors/nowcastObservations.ts';
import './operations.css';

/** The SensorThings root from `?sta=` (in the query or after the hash), else the default. */
export function staRootFromLocation(location: { search: string; hash: string }): string {
  const hashQuery = location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?')) : '';
  return (
    new URLSearchParams(location.search).get('sta') ??
    new URLSearchParams(hashQuery).get('sta') ??
    DEFAULT_STA_ROOT
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

/** `#/operations`: the wall dashboard of the operations centre (1920×1080), Vietnamese first. */
export function OperationsView() {
  const staRoot = useMemo(() => staRootFromLocation(window.location), []);
  const [streams, setStreams] = useState<FollowedStream[]>([]);
  const [live, setLive] = useState<LiveObservations>();
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(Date.now());
  const [, setVersion] = useState(0);
  const [nowcast, setNowcast] = useState<NowcastState>({ status: 'waiting' });
  const [runner, setRunner] = useState<NowcastRunner>();

  useEffect(() => {
    const created = createNowcastRunner(
      {
        read: (atMs) => nowcastObservationsFromSta(staRoot, nowcastWindow(atMs), (url) => fetch(url)),
        run: (observations, atMs, onProgress, cancelBuffer) =>
          scenarioWorker().nowcast(datasetUrl(), observations, atMs, proxy(onProgress), cancelBuffer),
      },
      setNowcast,
    );
    setRunner(created);
    const unregister = registerTestHook('nowcast', { state: created.state });
    return () => {
      unregister();
      created.dispose();
    };
  }, [staRoot]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);

  useEffect(
    () =>
      openSensorFeed(staRoot, {
        loaded: (loaded, feed) => {
          setStreams(loaded);
          setLive(feed);
        },
        changed: () => {
          setVersion((v) => v + 1);
          setNow(Date.now());
        },
        failed: setError,
      }),
    [staRoot],
  );

  const observations = (id: number) => live?.observations(id) ?? [];
  const health = (id: number): DatastreamHealth => live?.health(id) ?? 'offline';

  const snapshot = sensorSnapshot(streams, observations, now);
  const aqiTiles = snapshot.air;
  const river: FollowedStream | undefined = snapshot.rivers[0]?.stream;
  const riverLatest = snapshot.rivers[0]?.latest;
  const alarms = river?.alarmLevelsMetres ?? {};
  const highTide = river?.tideModel ? nextHighTide(river.tideModel, now) : undefined;
  const rain = snapshot.rain;
  const alerts = snapshot.alerts.slice(0, 8);

  useEffect(() => {
    if (live) runner?.observe(feedNowcastObservations(streams, (id) => live.observations(id)));
  });

  return (
    <main className="ops" data-testid="operations">
      <header className="ops-header">
        <Bilingual k="ops.title" />
        <span className="ops-clock">{observationClock(now)}</span>
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
              <ValueMeta
                at={tile.atMs}
                now={now}
                health={health(tile.stream.id)}
                source={tile.stream.source}
              />
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
              params={{ time: observationClock(highTide.atMs), metres: highTide.levelMetres.toFixed(2) }}
            />
          )}
          <Sparkline
            history={observations(river.id)}
            thresholds={alarms}
            nowMs={now}
            widthPixels={860}
            heightPixels={220}
            classPrefix="ops"
            label="24 h"
          />
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
              {r.latest ? `${r.latest.result.toFixed(1)} mm` : '–'} / {`${r.last3hMm.toFixed(1)} mm`}
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
      <NowcastPanel state={nowcast} onCancel={() => runner?.cancel()} />
      <section className="ops-alerts" data-testid="alerts">
        <h2>
          <Bilingual k="ops.alerts" />
        </h2>
        {alerts.length === 0 && <Bilingual k="ops.noAlerts" />}
        <ul>
          {alerts.map((alert) => (
            <li key={`${alert.kind}-${alert.place}-${alert.atMs}`} data-testid="alert">
              <time>{observationClock(alert.atMs)}</time>
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
