import { useContext, useEffect, useRef, useState } from 'react';
import { type CancelToken, createCancelToken } from '../../core/cancel.ts';
import { FLOOD_DEPTH_LEGEND } from '../../render/flood/waterSurface.ts';
import { designEvent, scenarioEvent } from '../../sim/flood/city/cityEvent.ts';
import { CITY_CELL_SIZES } from '../../sim/flood/city/cityFloodModel.ts';
import { StoreContext, useApp, useScenarios, useT } from '../context.tsx';
import { RunProgress } from '../RunProgress.tsx';
import { LegendView } from '../LegendView.tsx';
import { type FloodPanelResult, runCityFlood } from './floodRunner.ts';

const RUN_ID = 'flood';
const RETURN_PERIODS = [2, 5, 10, 25, 50, 100] as const;
const RAIN_HOURS = [1, 3, 6, 12, 24] as const;
const THREADS = [1, 2, 4] as const;
/** Milliseconds between animation frames when playing. */
const PLAY_INTERVAL_MS = 400;

function clock(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The flood panel: pick an event (IDF design storm + king tide, or the scenario's stormEvent),
 * a grid cell size and threads; run the city flood model in a worker with progress and cancel;
 * then play the water surface (time slider, play/pause, maximum depth), with a depth legend and a
 * table of flooded area, buildings, residents, impassable roads and the volume balance. The KPIs
 * are merged into the current scenario's KPIs in the app store.
 */
export function FloodPanel() {
  const t = useT();
  const store = useContext(StoreContext);
  const run = useApp((s) => s.runs[RUN_ID]);
  const flood = useApp((s) => s.flood);
  const frame = useApp((s) => s.floodFrame);
  const language = useApp((s) => s.language);
  const scenario = useScenarios((s) => s.scenarios[s.currentId]);
  const [source, setSource] = useState<'design' | 'scenario'>('design');
  const [returnPeriod, setReturnPeriod] = useState(10);
  const [rainHours, setRainHours] = useState(3);
  const [tidePeak, setTidePeak] = useState(1.4);
  const [durationHours, setDurationHours] = useState(12);
  const [cellSize, setCellSize] = useState(80);
  const [threads, setThreads] = useState(1);
  const [playing, setPlaying] = useState(false);
  const [result, setResult] = useState<FloodPanelResult | null>(null);
  const token = useRef<CancelToken | null>(null);
  const hasStorm = scenario?.edits.some((e) => e.type === 'stormEvent') ?? false;

  useEffect(() => {
    if (!playing || !store || !flood) return;
    const timer = setInterval(() => {
      const { floodFrame, setFloodFrame } = store.getState();
      if (floodFrame >= flood.frames.length - 1) setPlaying(false);
      else setFloodFrame(floodFrame + 1);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, store, flood]);

  const start = async () => {
    if (!store || !scenario) return;
    const { setRun } = store.getState();
    setPlaying(false);
    token.current = createCancelToken();
    setRun(RUN_ID, { progress: 0, status: 'running', message: t('flood.preparing') });
    const event =
      source === 'scenario'
        ? scenarioEvent(scenario)
        : designEvent({
            returnPeriodYears: returnPeriod,
            rainDurationHours: rainHours,
            tidePeakMetres: tidePeak,
            durationHours,
          });
    try {
      const out = await runCityFlood(scenario, event, cellSize, threads, token.current, (progress) =>
        setRun(RUN_ID, { progress, status: 'running' }),
      );
      setResult(out);
      const state = store.getState();
      state.setScenarioKpis(scenario.id, { ...state.scenarioKpis[scenario.id], ...out.measures.kpis });
      state.setFlood(out.view);
      setRun(RUN_ID, {
        progress: 1,
        status: 'done',
        message: t('flood.done', {
          seconds: out.workerSeconds.toFixed(1),
          steps: out.steps,
          cell: out.cellSizeMetres,
        }),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setRun(
        RUN_ID,
        message === 'cancelled'
          ? { progress: 0, status: 'cancelled' }
          : { progress: 0, status: 'failed', message },
      );
    }
  };

  const number = (value: number, digits = 0) =>
    value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
  const running = run?.status === 'running';
  const shownTime = flood && frame >= 0 ? (flood.frames[frame]?.timeSeconds ?? 0) : undefined;

  return (
    <section aria-labelledby="flood-title" className="flood-panel" data-testid="flood-panel">
      <h2 id="flood-title">{t('flood.title')}</h2>
      <label>
        {t('flood.event')}
        <select
          data-testid="flood-source"
          value={source}
          onChange={(e) => setSource(e.target.value as 'design' | 'scenario')}
        >
          <option value="design">{t('flood.event.design')}</option>
          <option value="scenario" disabled={!hasStorm}>
            {t('flood.event.scenario')}
          </option>
        </select>
      </label>
      {source === 'design' && (
        <>
          <label>
            {t('flood.returnPeriod')}
            <select
              data-testid="flood-return-period"
              value={returnPeriod}
              onChange={(e) => setReturnPeriod(Number(e.target.value))}
            >
              {RETURN_PERIODS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('flood.rainHours')}
            <select
              data-testid="flood-rain-hours"
              value={rainHours}
              onChange={(e) => setRainHours(Number(e.target.value))}
            >
              {RAIN_HOURS.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('flood.tidePeak')}
            <input
              data-testid="flood-tide-peak"
              type="number"
              min={0}
              max={3}
              step={0.1}
              value={tidePeak}
              onChange={(e) => setTidePeak(Number(e.target.value))}
            />
          </label>
          <label>
            {t('flood.durationHours')}
            <input
              data-testid="flood-duration"
              type="number"
              min={0.5}
              max={48}
              step={0.5}
              value={durationHours}
              onChange={(e) => setDurationHours(Math.max(0.5, Number(e.target.value)))}
            />
          </label>
        </>
      )}
      <label>
        {t('flood.resolution')}
        <select
          data-testid="flood-cell"
          value={cellSize}
          onChange={(e) => setCellSize(Number(e.target.value))}
        >
          {CITY_CELL_SIZES.map((c) => (
            <option key={c} value={c}>
              {c} m
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('flood.threads')}
        <select
          data-testid="flood-threads"
          value={threads}
          onChange={(e) => setThreads(Number(e.target.value))}
        >
          {THREADS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="flood-run" disabled={running} onClick={start}>
        {t('flood.run')}
      </button>
      {running && (
        <RunProgress name="flood" progress={run.progress} onCancel={() => token.current?.cancel()} />
      )}
      <p data-testid="flood-status" role="status" data-progress={Math.round((run?.progress ?? 0) * 100)}>
        {run?.status === 'running' && run.message}
        {run?.status === 'done' && run.message}
        {run?.status === 'cancelled' && t('run.cancelled')}
        {run?.status === 'failed' && t('run.failed', { message: run.message ?? '' })}
      </p>
      {flood && (
        <div className="flood-player">
          <label>
            {t('flood.time')} {shownTime === undefined ? '—' : clock(shownTime)}
            <input
              data-testid="flood-time"
              type="range"
              min={0}
              max={flood.frames.length - 1}
              value={Math.max(frame, 0)}
              disabled={frame < 0}
              onChange={(e) => store?.getState().setFloodFrame(Number(e.target.value))}
            />
          </label>
          <button
            type="button"
            data-testid="flood-play"
            disabled={frame < 0}
            onClick={() => {
              if (!playing && frame >= flood.frames.length - 1) store?.getState().setFloodFrame(0);
              setPlaying(!playing);
            }}
          >
            {playing ? t('flood.pause') : t('flood.play')}
          </button>
          <label>
            <input
              type="checkbox"
              data-testid="flood-show-max"
              checked={frame < 0}
              onChange={(e) => {
                setPlaying(false);
                store?.getState().setFloodFrame(e.target.checked ? -1 : flood.frames.length - 1);
              }}
            />
            {t('flood.showMax')}
          </label>
          <div className="flood-legend">
            {t('flood.legend')}
            <LegendView legend={FLOOD_DEPTH_LEGEND} />
          </div>
        </div>
      )}
      {result && (
        <table className="flood-results" data-testid="flood-results">
          <tbody>
            <tr>
              <th>{t('flood.kpi.area')}</th>
              <td data-testid="flood-area">{number(result.measures.kpis.floodedAreaKm2 ?? 0, 2)} km²</td>
            </tr>
            <tr>
              <th>{t('flood.kpi.buildings')}</th>
              <td>{number(result.measures.kpis.buildingsFlooded ?? 0)}</td>
            </tr>
            <tr>
              <th>{t('flood.kpi.residents')}</th>
              <td>{number(result.measures.kpis.residentsAffected ?? 0)}</td>
            </tr>
            <tr>
              <th>{t('flood.kpi.roads')}</th>
              <td>{number(result.measures.kpis.roadLengthClosedKm ?? 0, 1)} km</td>
            </tr>
            <tr>
              <th>{t('flood.kpi.rain')}</th>
              <td>{number(result.volume.rain / 1e6, 2)} M m³</td>
            </tr>
            <tr>
              <th>{t('flood.kpi.boundary')}</th>
              <td>{number(result.volume.boundaryNet / 1e6, 2)} M m³</td>
            </tr>
            <tr>
              <th>{t('flood.kpi.losses')}</th>
              <td>{number(result.volume.losses / 1e6, 2)} M m³</td>
            </tr>
            <tr>
              <th>{t('flood.kpi.volume')}</th>
              <td>{result.volume.relativeError.toExponential(1)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
