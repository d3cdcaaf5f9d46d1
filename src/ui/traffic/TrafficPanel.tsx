import { useContext, useEffect, useState } from 'react';
import { VOLUME_CAPACITY_LEGEND, VOLUME_DIFFERENCE_LEGEND } from '../../render/traffic/linkFlowLayer.ts';
import type { RoadClosureEdit } from '../../scenario/scenario.ts';
import type { OdShare } from '../../sim/traffic/pathSet.ts';
import { useCityDataset } from '../city/useCityDataset.ts';
import { StoreContext, useApp, useScenarioStore, useScenarios, useT } from '../context.tsx';
import { LegendView } from '../LegendView.tsx';
import { RunStatus } from '../run/RunStatus.tsx';
import { useCurrentRun, useRunOf, useScenarioRunState, useStartRun } from '../run/useRun.ts';
import { gapText, TrafficGapOption } from '../ScenarioRunPanel.tsx';
import { TrafficTotals } from './TrafficTotals.tsx';
import { type LinkColouring, trafficDisplay } from '../../state/trafficDisplayStore.ts';
import { useTrafficDisplay } from '../storeHooks.ts';
import { roadLinkIndex, topOdPairsOnRoadLink } from './trafficLinkQueries.ts';
import { VehicleAnimationNote } from './VehicleAnimationNote.tsx';

/** Id of the scenario edit that collects the roads closed from this panel. */
export const TRAFFIC_CLOSURE_EDIT_ID = 'traffic-closures';

/** Both directions of a roads.json segment id (`<way>-<segment>f|b`). */
function bothDirections(id: string): string[] {
  const stem = id.slice(0, -1);
  return [`${stem}f`, `${stem}b`];
}

/**
 * The traffic panel, a view and editor of the current scenario's run: it offers the assignment's
 * stopping gap (a run option) and starts the scenario run (land use → flood → traffic in the
 * scenario worker, with progress and cancel); it shows the run's traffic stage: links coloured by
 * V/C or by the volume difference to the base scenario's run with the same options (legend),
 * moving vehicles, the network totals from the run's KPIs against the base scenario's, and for a
 * road picked on the map its volume, capacity, speed, V/C and main OD pairs (also in the
 * inspector), with "close this road", which adds it to the scenario's road-closure edit
 * (undoable) and runs the scenario again. It computes no KPIs of its own.
 */
export function TrafficPanel() {
  const t = useT();
  const store = useContext(StoreContext);
  const scenarioStore = useScenarioStore();
  const selected = useApp((s) => s.selected);
  const language = useApp((s) => s.language);
  const scenario = useScenarios((s) => s.scenarios[s.currentId]);
  const baseName = useScenarios((s) => {
    const base = s.scenarios[s.currentId]?.base;
    return base ? (s.scenarios[base]?.name[language] ?? base) : '';
  });
  const colourBy = useTrafficDisplay((s) => s.colourBy);
  const vehiclesOn = useTrafficDisplay((s) => s.vehiclesOn);
  const run = useScenarioRunState();
  const shown = useCurrentRun();
  const baseRun = useRunOf(scenario?.base ?? null);
  const start = useStartRun();
  const dataset = useCityDataset();
  const [odPairs, setOdPairs] = useState<OdShare[]>([]);

  const traffic = shown?.views?.views.traffic;
  const volumes = shown?.views?.layers.traffic?.linkVolumePcuPerHour;
  const kpis = shown?.record?.kpis;
  const baseKpis = baseRun?.record?.stages.includes('traffic') ? baseRun.record.kpis : undefined;
  const baseVolumes = baseRun?.views?.layers.traffic?.linkVolumePcuPerHour;
  const roads = dataset.status === 'ready' ? dataset.dataset.data.roads : undefined;

  const roadId =
    selected?.layer === 'roads' || selected?.layer === 'traffic' ? String(selected.attributes.id) : '';
  const roadIndex = roadId && roads ? roadLinkIndex(roads.links.ids, roadId) : -1;
  const trafficKey = traffic?.key;

  useEffect(() => {
    if (roadIndex < 0 || !trafficKey) {
      setOdPairs([]);
      return;
    }
    let live = true;
    topOdPairsOnRoadLink(trafficKey, roadIndex, 5).then(
      (pairs) => live && setOdPairs(pairs),
      () => live && setOdPairs([]),
    );
    return () => {
      live = false;
    };
  }, [roadIndex, trafficKey]);

  const number = (value: number, digits = 0) =>
    value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
  const running = run?.status === 'running';

  const closeRoad = () => {
    if (!roadId || !scenario) return;
    const existing = scenario.edits.find((e): e is RoadClosureEdit => e.id === TRAFFIC_CLOSURE_EDIT_ID);
    const ids = [...new Set([...(existing?.linkIds ?? []), ...bothDirections(roadId)])].sort();
    scenarioStore.getState().putEdit({ type: 'roadClosure', id: TRAFFIC_CLOSURE_EDIT_ID, linkIds: ids });
    if (baseVolumes) trafficDisplay.getState().setColourBy('difference');
    void start();
  };

  const linkInfo =
    traffic && volumes && roadIndex >= 0
      ? {
          volume: volumes[roadIndex]!,
          ratio: traffic.linkVolumeCapacityRatio[roadIndex]!,
          speed: traffic.linkSpeedKmh[roadIndex]!,
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
    const shownAttributes = selected.attributes;
    if (shownAttributes.volumePcuPerHour === volumePcuPerHour && shownAttributes.mainOdPairs === mainOdPairs)
      return;
    store.getState().select({
      layer: 'traffic',
      attributes: {
        ...shownAttributes,
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
      <TrafficGapOption testId="traffic-gap" />
      <button type="button" data-testid="traffic-run" disabled={running} onClick={() => void start()}>
        {t('run.runScenario')}
      </button>
      <RunStatus name="traffic" stage="traffic" />
      {traffic && kpis && (
        <>
          <p className="run-note" data-testid="traffic-assignment">
            {t('traffic.done', {
              seconds: traffic.assignmentSeconds.toFixed(1),
              iterations: traffic.iterations,
              gap: gapText(traffic.relativeGap),
            })}
          </p>
          <label>
            {t('traffic.colourBy')}
            <select
              data-testid="traffic-colour"
              value={baseVolumes ? colourBy : 'ratio'}
              onChange={(e) => trafficDisplay.getState().setColourBy(e.target.value as LinkColouring)}
            >
              <option value="ratio">{t('traffic.colour.ratio')}</option>
              <option value="difference" disabled={!baseVolumes}>
                {t('traffic.colour.difference')}
              </option>
            </select>
          </label>
          <LegendView
            legend={colourBy === 'ratio' || !baseVolumes ? VOLUME_CAPACITY_LEGEND : VOLUME_DIFFERENCE_LEGEND}
          />
          <label>
            <input
              type="checkbox"
              data-testid="traffic-vehicles"
              checked={vehiclesOn}
              onChange={(e) => trafficDisplay.getState().setVehiclesOn(e.target.checked)}
            />
            {t('traffic.vehicles')}
          </label>
          {vehiclesOn && <VehicleAnimationNote />}
          <TrafficTotals current={kpis} base={baseKpis} baseName={baseName} number={number} />
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
