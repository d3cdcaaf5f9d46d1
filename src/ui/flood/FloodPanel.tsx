import { useState } from 'react';
import { FLOOD_DEPTH_LEGEND } from '../../render/flood/waterSurface.ts';
import { kpiDefinition } from '../../scenario/kpis.ts';
import type { Scenario, StormEventEdit } from '../../scenario/scenario.ts';
import { DEFAULT_EVENT, kingTideWindow } from '../../sim/flood/city/cityEvent.ts';
import { GPU_FLOOD_KERNEL_NAME } from '../../sim/flood/gpu/floodGpuChoice.ts';
import { useApp, useScenarioStore, useScenarios, useT } from '../context.tsx';
import { LegendView } from '../LegendView.tsx';
import { RunStatus } from '../run/RunStatus.tsx';
import { useCurrentRun, useScenarioRunState, useStartRun } from '../run/useRun.ts';
import { FloodCellOption } from '../ScenarioRunPanel.tsx';
import { FloodTimeline } from './FloodTimeline.tsx';

const RETURN_PERIODS = [2, 5, 10, 25, 50, 100] as const;
const RAIN_HOURS = [1, 3, 6, 12, 24] as const;
/** Id of the storm event edit this panel adds to a scenario that has none. */
export const FLOOD_EVENT_EDIT_ID = 'storm-event';

/** The flood stage's KPIs the panel lists (stage-qualified names; labels and units from kpis.ts). */
const FLOOD_ROWS = [
  'flood.floodedAreaKm2',
  'flood.floodedAreaOver30cmKm2',
  'flood.buildingsFlooded',
  'flood.residentsAffected',
  'flood.roadLengthClosedKm',
  'flood.volumeRelativeError',
] as const;

/** The editable parts of a design storm event. */
interface DesignEvent {
  returnPeriodYears: number;
  rainHours: number;
  tidePeakMetres: number;
  durationHours: number;
}

/** The scenario's storm event as design values, or undefined when its rain is a measured series. */
function designOf(storm: StormEventEdit | undefined): DesignEvent | undefined {
  if (!storm)
    return {
      returnPeriodYears: DEFAULT_EVENT.returnPeriodYears,
      rainHours: DEFAULT_EVENT.rainDurationHours,
      tidePeakMetres: DEFAULT_EVENT.tidePeakMetres,
      durationHours: DEFAULT_EVENT.durationHours,
    };
  if (storm.rain?.kind === 'series') return undefined;
  const tide = storm.tide?.levelMetres;
  return {
    returnPeriodYears: storm.rain?.returnPeriodYears ?? 0,
    rainHours: storm.rain?.durationHours ?? DEFAULT_EVENT.rainDurationHours,
    tidePeakMetres: tide ? Math.max(...tide.map(([, v]) => v)) : DEFAULT_EVENT.tidePeakMetres,
    durationHours: storm.durationHours,
  };
}

/** The stormEvent edit of a design event: IDF design rain centred on a king tide of the given peak. */
function stormEdit(id: string, e: DesignEvent): StormEventEdit {
  const tide = kingTideWindow(e.tidePeakMetres, e.durationHours).map(
    ([t, v]) => [Math.round(t), Math.round(v * 1000) / 1000] as [number, number],
  );
  return {
    type: 'stormEvent',
    id,
    durationHours: e.durationHours,
    ...(e.returnPeriodYears > 0
      ? { rain: { kind: 'design', returnPeriodYears: e.returnPeriodYears, durationHours: e.rainHours } }
      : {}),
    tide: { levelMetres: tide },
  };
}

/**
 * The flood panel, a view and editor of the current scenario's run: it edits the scenario's
 * storm event (IDF design storm on a king tide; undoable like every edit) and the flood grid cell
 * (a run option), starts the scenario run (land use → flood → traffic in the scenario worker, with
 * progress and cancel), and shows the run's flood stage: the water surface on the map (the
 * flood map layer, ui/layers/floodMapLayer; the maximum depth, or a moment of the water rising
 * and receding chosen with the time slider and play button of FloodTimeline, with the tide then),
 * its legend, the run's flood KPIs and the water account. It computes nothing.
 */
export function FloodPanel() {
  const t = useT();
  const scenarioStore = useScenarioStore();
  const language = useApp((s) => s.language);
  const scenario = useScenarios((s) => s.scenarios[s.currentId]);
  const shown = useCurrentRun();
  const run = useScenarioRunState();
  const start = useStartRun();
  const storm = scenario?.edits.find((e): e is StormEventEdit => e.type === 'stormEvent');
  const stored = designOf(storm);
  // the form starts from the scenario's event and is reset when the scenario or its event changes
  const [draft, setDraft] = useState<{ source: unknown; event: DesignEvent | undefined }>({
    source: storm,
    event: stored,
  });
  const event = draft.source === storm ? draft.event : stored;
  if (draft.source !== storm) setDraft({ source: storm, event: stored });
  const set = (patch: Partial<DesignEvent>) =>
    event && setDraft({ source: storm, event: { ...event, ...patch } });

  const number = (value: number, digits = 0) =>
    value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
  const running = run?.status === 'running';
  const flood = shown?.views?.views.flood;
  const frames = shown?.views?.layers.flood?.frames;
  const kpis = shown?.record?.kpis;

  const saveAndRun = () => {
    if (!scenario) return;
    let target: Scenario = scenario;
    // the edit is written only when the form differs from the scenario's event (or there is none),
    // so running an unchanged event never rewrites its tide series
    if (event && (!storm || JSON.stringify(event) !== JSON.stringify(stored))) {
      scenarioStore.getState().putEdit(stormEdit(storm?.id ?? FLOOD_EVENT_EDIT_ID, event));
      target = scenarioStore.getState().scenarios[scenario.id] ?? scenario;
    }
    void start(target);
  };

  return (
    <section aria-labelledby="flood-title" className="flood-panel" data-testid="flood-panel">
      <h2 id="flood-title">{t('flood.title')}</h2>
      <p className="run-note" data-testid="flood-event-state">
        {storm ? t('flood.event.scenario') : t('flood.noStorm')}
      </p>
      {event ? (
        <>
          <label>
            {t('flood.returnPeriod')}
            <select
              data-testid="flood-return-period"
              value={event.returnPeriodYears}
              onChange={(e) => set({ returnPeriodYears: Number(e.target.value) })}
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
              value={event.rainHours}
              onChange={(e) => set({ rainHours: Number(e.target.value) })}
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
              value={event.tidePeakMetres}
              onChange={(e) => set({ tidePeakMetres: Number(e.target.value) })}
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
              value={event.durationHours}
              onChange={(e) => set({ durationHours: Math.max(0.5, Number(e.target.value)) })}
            />
          </label>
        </>
      ) : (
        <p className="run-note">{t('flood.eventSeries')}</p>
      )}
      <FloodCellOption testId="flood-cell" />
      <div className="button-row">
        <button type="button" data-testid="flood-run" disabled={running} onClick={saveAndRun}>
          {storm ? t('flood.run') : t('flood.addEventAndRun')}
        </button>
        {storm && (
          <button
            type="button"
            data-testid="flood-remove-event"
            disabled={running}
            onClick={() => scenarioStore.getState().removeEdit(storm.id)}
          >
            {t('flood.removeEvent')}
          </button>
        )}
      </div>
      <RunStatus name="flood" stage="flood" />
      {flood && kpis && (
        <>
          <div className="flood-legend">
            {t('flood.legend')}
            <LegendView legend={FLOOD_DEPTH_LEGEND} />
          </div>
          {frames && frames.depthMetres.length > 0 && <FloodTimeline frames={frames} />}
          <table
            className="flood-results"
            data-testid="flood-results"
            data-depth-digest={flood.maxDepthDigest}
          >
            <caption>
              {t(flood.kernel === GPU_FLOOD_KERNEL_NAME ? 'flood.resultOnGpu' : 'flood.resultOf', {
                cell: flood.surface.cellSizeMetres,
                steps: flood.steps,
                kernel: flood.kernel,
                workers: flood.workers,
              })}
            </caption>
            <tbody>
              {FLOOD_ROWS.filter((key) => kpis[key] !== undefined).map((key) => {
                const d = kpiDefinition(key);
                const value = kpis[key]!;
                return (
                  <tr key={key} data-kpi={key}>
                    <th scope="row">
                      {d?.label[language] ?? key}
                      {d && d.unit !== '0–1' ? ` (${d.unit})` : ''}
                    </th>
                    <td
                      data-testid={key === 'flood.floodedAreaKm2' ? 'flood-area' : undefined}
                      data-value={value}
                    >
                      {key === 'flood.volumeRelativeError'
                        ? value.toExponential(1)
                        : number(value, value < 100 ? 2 : 0)}
                    </td>
                  </tr>
                );
              })}
              <tr>
                <th scope="row">{t('flood.kpi.rain')}</th>
                <td>{number(flood.volume.rain / 1e6, 2)} M m³</td>
              </tr>
              <tr>
                <th scope="row">{t('flood.kpi.boundary')}</th>
                <td>{number(flood.volume.boundaryNet / 1e6, 2)} M m³</td>
              </tr>
              <tr>
                <th scope="row">{t('flood.kpi.losses')}</th>
                <td>{number(flood.volume.losses / 1e6, 2)} M m³</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
