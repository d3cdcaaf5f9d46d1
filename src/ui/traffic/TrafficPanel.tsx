import { useContext, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { type CancelToken, createCancelToken } from '../../core/cancel.ts';
import { VOLUME_CAPACITY_LEGEND, VOLUME_DIFFERENCE_LEGEND } from '../../render/traffic/linkFlowLayer.ts';
import type { RoadClosureEdit } from '../../scenario/scenario.ts';
import { StoreContext, useApp, useScenarioStore, useScenarios, useT } from '../context.tsx';
import { RunProgress } from '../RunProgress.tsx';
import { LegendView } from '../LegendView.tsx';
import { TrafficTotals } from './TrafficTotals.tsx';
import { roadLinkIndex, runTraffic, topOdPairsOnRoadLink, trafficUi } from './trafficState.ts';

const RUN_ID = 'traffic';
const GAPS = [1e-2, 1e-3, 1e-4] as const;
/** Id of the scenario edit that collects the roads closed from this panel. */
export const TRAFFIC_CLOSURE_EDIT_ID = 'traffic-closures';

/** Both directions of a roads.json segment id (`<way>-<segment>f|b`). */
function bothDirections(id: string): string[] {
  const stem = id.slice(0, -1);
  return [`${stem}f`, `${stem}b`];
}

/**
 * The traffic panel: run the morning-peak assignment of the current scenario in the traffic
 * worker (progress with the relative gap, cancel), colour links by V/C or by the volume
 * difference to the baseline run (legend), animate vehicles, compare network totals with the
 * baseline (table and chart), and for a road picked on the map show its volume, capacity, speed,
 * V/C and main OD pairs (also in the inspector), with a "close this road" action that adds it to
 * the scenario's road-closure edit (undoable) and re-assigns.
 */
export function TrafficPanel() {
  const t = useT();
  const store = useContext(StoreContext);
  const scenarioStore = useScenarioStore();
  const run = useApp((s) => s.runs[RUN_ID]);
  const selected = useApp((s) => s.selected);
  const language = useApp((s) => s.language);
  const scenario = useScenarios((s) => s.scenarios[s.currentId]);
  const ui = useStore(trafficUi);
  const [gap, setGap] = useState<number>(1e-3);
  const token = useRef<CancelToken | null>(null);
  const [odPairs, setOdPairs] = useState<Array<{ origin: number; destination: number; flow: number }>>([]);

  const roadId =
    selected?.layer === 'roads' || selected?.layer === 'traffic' ? String(selected.attributes.id) : '';
  const roadIndex = roadId && ui.current ? roadLinkIndex(roadId) : -1;

  const start = async () => {
    if (!store || !scenario) return;
    const { setRun } = store.getState();
    token.current = createCancelToken();
    trafficUi.setState({ runningGap: Number.NaN });
    setRun(RUN_ID, { progress: 0, status: 'running', message: t('traffic.preparing') });
    try {
      const out = await runTraffic(
        scenarioStore.getState().scenarios[scenario.id] ?? scenario,
        gap,
        token.current,
        (progress, g) => {
          trafficUi.setState({ runningGap: g });
          setRun(RUN_ID, {
            progress,
            status: 'running',
            message: t('traffic.gap', { gap: g.toExponential(1) }),
          });
        },
      );
      const state = store.getState();
      state.setScenarioKpis(scenario.id, { ...state.scenarioKpis[scenario.id], ...out.kpis });
      setRun(RUN_ID, {
        progress: 1,
        status: 'done',
        message: t('traffic.done', {
          seconds: out.seconds.toFixed(1),
          iterations: out.iterations,
          gap: out.relativeGap.toExponential(1),
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new run changes the link's OD pairs
  useEffect(() => {
    if (roadIndex < 0) {
      setOdPairs([]);
      return;
    }
    let live = true;
    topOdPairsOnRoadLink(roadIndex, 5).then(
      (pairs) => live && setOdPairs(pairs),
      () => live && setOdPairs([]),
    );
    return () => {
      live = false;
    };
  }, [roadIndex, ui.current]);

  const number = (value: number, digits = 0) =>
    value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
  const running = run?.status === 'running';
  const current = ui.current;

  const closeRoad = () => {
    if (!roadId || !scenario) return;
    const existing = scenario.edits.find((e): e is RoadClosureEdit => e.id === TRAFFIC_CLOSURE_EDIT_ID);
    const ids = [...new Set([...(existing?.linkIds ?? []), ...bothDirections(roadId)])].sort();
    scenarioStore.getState().putEdit({ type: 'roadClosure', id: TRAFFIC_CLOSURE_EDIT_ID, linkIds: ids });
    trafficUi.setState({ colourBy: 'difference' });
    void start();
  };

  const linkInfo =
    current && roadIndex >= 0
      ? {
          volume: current.volume[roadIndex]!,
          ratio: current.volumeCapacityRatio[roadIndex]!,
          speed: current.speedKmh[roadIndex]!,
        }
      : undefined;
  const volume = linkInfo?.volume;
  const ratio = linkInfo?.ratio;
  const speed = linkInfo?.speed;

  useEffect(() => {
    if (!store || volume === undefined || !selected) return;
    if (selected.layer !== 'roads' && selected.layer !== 'traffic') return;
    const mainOdPairs = odPairs.map((p) => `${p.origin}→${p.destination}: ${Math.round(p.flow)}`).join('; ');
    const volumePcuPerHour = Math.round(volume);
    const shown = selected.attributes;
    if (shown.volumePcuPerHour === volumePcuPerHour && shown.mainOdPairs === mainOdPairs) return;
    store.getState().select({
      layer: 'traffic',
      attributes: {
        ...shown,
        volumePcuPerHour,
        volumeCapacityRatio: Number((ratio ?? 0).toFixed(2)),
        congestedSpeedKmh: Number((speed ?? 0).toFixed(1)),
        mainOdPairs,
      },
    });
  }, [store, selected, volume, ratio, speed, odPairs]);

  return (
    <section aria-labelledby="traffic-title" className="traffic-panel" data-testid="traffic-panel">
      <h2 id="traffic-title">{t('traffic.title')}</h2>
      <label>
        {t('traffic.targetGap')}
        <select data-testid="traffic-gap" value={gap} onChange={(e) => setGap(Number(e.target.value))}>
          {GAPS.map((g) => (
            <option key={g} value={g}>
              {g.toExponential(0)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="traffic-run" disabled={running} onClick={start}>
        {t('traffic.run')}
      </button>
      {running && (
        <RunProgress name="traffic" progress={run.progress} onCancel={() => token.current?.cancel()} />
      )}
      <p data-testid="traffic-status" role="status">
        {(run?.status === 'running' || run?.status === 'done') && run.message}
        {run?.status === 'cancelled' && t('run.cancelled')}
        {run?.status === 'failed' && t('run.failed', { message: run.message ?? '' })}
      </p>
      {current && (
        <>
          <label>
            {t('traffic.colourBy')}
            <select
              data-testid="traffic-colour"
              value={ui.colourBy}
              onChange={(e) => trafficUi.setState({ colourBy: e.target.value as 'ratio' | 'difference' })}
            >
              <option value="ratio">{t('traffic.colour.ratio')}</option>
              <option value="difference">{t('traffic.colour.difference')}</option>
            </select>
          </label>
          <LegendView legend={ui.colourBy === 'ratio' ? VOLUME_CAPACITY_LEGEND : VOLUME_DIFFERENCE_LEGEND} />
          <label>
            <input
              type="checkbox"
              data-testid="traffic-vehicles"
              checked={ui.vehiclesOn}
              onChange={(e) => trafficUi.setState({ vehiclesOn: e.target.checked })}
            />
            {t('traffic.vehicles')}
          </label>
          <TrafficTotals current={current} baseline={ui.baseline} number={number} />
          <button
            type="button"
            data-testid="traffic-set-baseline"
            onClick={() => trafficUi.setState({ baseline: current })}
          >
            {t('traffic.setBaseline')}
          </button>
        </>
      )}
      {roadId && (
        <div className="traffic-link" data-testid="traffic-link">
          <h3>{t('traffic.link', { id: roadId })}</h3>
          {linkInfo && (
            <table>
              <tbody>
                <tr>
                  <th>{t('traffic.volume')}</th>
                  <td>{number(linkInfo.volume)} PCU/h</td>
                </tr>
                <tr>
                  <th>{t('traffic.capacity')}</th>
                  <td>{number(Number(selected?.attributes.capacityPcuPerHour ?? 0))} PCU/h</td>
                </tr>
                <tr>
                  <th>V/C</th>
                  <td>{number(linkInfo.ratio, 2)}</td>
                </tr>
                <tr>
                  <th>{t('traffic.speed')}</th>
                  <td>{number(linkInfo.speed, 1)} km/h</td>
                </tr>
              </tbody>
            </table>
          )}
          {odPairs.length > 0 && (
            <ol className="traffic-od" aria-label={t('traffic.odPairs')}>
              {odPairs.map((p) => (
                <li key={`${p.origin}-${p.destination}`}>
                  {t('traffic.odPair', {
                    origin: p.origin,
                    destination: p.destination,
                    flow: number(p.flow),
                  })}
                </li>
              ))}
            </ol>
          )}
          <button type="button" data-testid="traffic-close-road" disabled={running} onClick={closeRoad}>
            {t('traffic.closeRoad')}
          </button>
        </div>
      )}
    </section>
  );
}
