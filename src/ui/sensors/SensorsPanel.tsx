import { useContext, useEffect, useState } from 'react';
import { VN_AQI_CLASSES } from '../../sensors/vnAqi.ts';
import { sensors } from '../../state/sensorsStore.ts';
import { SENSORS_SHOWN_BY_DEFAULT } from '../layers/sensorsMapLayer.ts';
import { StoreContext, useApp, useT } from '../context.tsx';
import { alertText, observationClock } from '../operations/operationsData.ts';
import { useSensors } from '../storeHooks.ts';
import { markerLabel, NOT_LIVE_COLOUR, RAIN_CLASSES, RIVER_COLOURS } from './sensorMarkers.ts';
import { followWorkbenchSensors, workbenchSensors } from './workbenchSensors.ts';

/** How often ages and stale states are refreshed without new data, ms. */
const AGE_REFRESH_MS = 30_000;

/**
 * Most stations listed at once: a city of 1,000 stations would redraw 1,000 rows every second; the
 * filter box finds any station by name.
 */
const STATION_LIST_LIMIT = 50;

/**
 * The live sensors in the side panel: the layer's toggle (on by default only under `npm start`,
 * which runs the service: see SENSORS_SHOWN_BY_DEFAULT), the server URL (kept in localStorage), whether the server answers, the
 * legend with units, the stations as a list (keyboard access to their popups) and the alerts
 * (AQI ≥ 151, river ≥ alarm I/II/III, rain ≥ 50 mm in 3 h) with time and place. While the layer
 * is on it follows the server.
 */
export function SensorsPanel() {
  const t = useT();
  const store = useContext(StoreContext);
  const language = useApp((s) => s.language);
  const on = useApp((s) => s.layerVisible.sensors ?? SENSORS_SHOWN_BY_DEFAULT);
  const staRoot = useSensors((s) => s.staRoot);
  const connection = useSensors((s) => s.connection);
  const detail = useSensors((s) => s.detail);
  useSensors((s) => s.dataVersion);
  const [draftUrl, setDraftUrl] = useState(staRoot);
  const [stationFilter, setStationFilter] = useState('');

  useEffect(() => setDraftUrl(staRoot), [staRoot]);
  useEffect(() => {
    if (!on) return;
    const stop = followWorkbenchSensors(staRoot);
    const timer = setInterval(() => sensors.getState().dataChanged(), AGE_REFRESH_MS);
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [on, staRoot]);

  const nowMs = Date.now();
  const data = on ? workbenchSensors(nowMs) : undefined;
  const alarms = data?.snapshot.rivers[0]?.stream.alarmLevelsMetres ?? {};
  const filterText = stationFilter.trim().toLocaleLowerCase('vi');
  const matching = (data?.markers ?? []).filter((m) => m.place.toLocaleLowerCase('vi').includes(filterText));
  const listed = matching.slice(0, STATION_LIST_LIMIT);
  return (
    <section aria-labelledby="sensors-title" className="sensors-panel" data-testid="sensors-panel">
      <h2 id="sensors-title">
        <label>
          <input
            type="checkbox"
            checked={on}
            data-testid="toggle-sensors"
            onChange={() => store?.getState().toggleLayer('sensors', SENSORS_SHOWN_BY_DEFAULT)}
          />
          {t('layer.sensors')}
        </label>
      </h2>
      {on && (
        <>
          <form
            className="sensors-url"
            onSubmit={(e) => {
              e.preventDefault();
              sensors.getState().setStaRoot(draftUrl);
            }}
          >
            <label>
              {t('sensors.serverUrl')}
              <input
                type="url"
                value={draftUrl}
                data-testid="sensors-url"
                onChange={(e) => setDraftUrl(e.target.value)}
              />
            </label>
            <button type="submit">{t('sensors.connect')}</button>
          </form>
          {connection === 'loading' && (
            <p className="legend-note">{t('sensors.loading', { url: staRoot })}</p>
          )}
          {connection === 'unreachable' && (
            <p className="sensors-error" role="alert" data-testid="sensors-unreachable">
              {t('sensors.unreachable', { url: staRoot, detail })}
            </p>
          )}
          <p className="legend-title">{t('sensors.legendAir')}</p>
          <ul className="legend">
            {VN_AQI_CLASSES.map((c) => (
              <li key={c.rank}>
                <span className="swatch" style={{ background: c.colourHex }} />
                {c.minIndex}–{c.maxIndex} {c.label[language]}
              </li>
            ))}
          </ul>
          <p className="legend-title">{t('sensors.legendRiver')}</p>
          <ul className="legend">
            {Object.keys(RIVER_COLOURS).map((name) => (
              <li key={name}>
                <span className="swatch" style={{ background: RIVER_COLOURS[name] }} />
                {name === 'normal'
                  ? t('sensors.riverNormal', { metres: alarms.I?.toFixed(2) ?? '–' })
                  : t('ops.alarm', { name, metres: alarms[name]?.toFixed(2) ?? '–' })}
              </li>
            ))}
          </ul>
          <p className="legend-title">{t('sensors.legendRain')}</p>
          <ul className="legend">
            {RAIN_CLASSES.map((c) => (
              <li key={c.name}>
                <span className="swatch" style={{ background: c.colourHex }} />
                {t(`sensors.rain.${c.name}` as 'sensors.rain.none')}
              </li>
            ))}
            <li>
              <span className="swatch sensors-not-live" style={{ background: NOT_LIVE_COLOUR }} />
              {t('sensors.notLive')}
            </li>
          </ul>
          {data && (
            <>
              <h3>{t('sensors.stations')}</h3>
              {data.markers.length === 0 && <p className="legend-note">{t('sensors.noStations')}</p>}
              {data.markers.length > STATION_LIST_LIMIT && (
                <label className="sensors-filter">
                  {t('sensors.filter')}
                  <input
                    type="search"
                    value={stationFilter}
                    data-testid="sensors-filter"
                    onChange={(event) => setStationFilter(event.target.value)}
                  />
                </label>
              )}
              {matching.length > listed.length && (
                <p className="legend-note" data-testid="sensors-listed">
                  {t('sensors.listed', { shown: listed.length, total: matching.length })}
                </p>
              )}
              <ul className="sensors-stations">
                {listed.map((m) => (
                  <li key={m.streamId}>
                    <button
                      type="button"
                      className={`sensors-station sensor-${m.health}`}
                      data-testid="sensor-station"
                      data-level={m.level}
                      onClick={() => sensors.getState().select(m.streamId)}
                    >
                      <span className="swatch" style={{ background: m.colourHex }} />
                      {markerLabel(m, nowMs)}
                    </button>
                  </li>
                ))}
              </ul>
              <h3>{t('ops.alerts')}</h3>
              {data.snapshot.alerts.length === 0 && <p className="legend-note">{t('ops.noAlerts')}</p>}
              <ul className="sensors-alerts" data-testid="sensor-alerts">
                {data.snapshot.alerts.map((alert) => (
                  <li key={`${alert.kind}-${alert.place}-${alert.atMs}`} data-testid="sensor-alert">
                    <time>{observationClock(alert.atMs)}</time> {alertText(alert, language)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
