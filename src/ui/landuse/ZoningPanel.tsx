/**
 * The zoning editor and growth panel of the workbench, an editor and view of the current
 * scenario's run: pick parcels or draw an area, give it a zone or edit its rules (QCVN
 * 01:2021/BXD terms), store that as a `zoning` edit of the current scenario (undo/redo through
 * the scenario store) and run the scenario (the one run path: land use → flood → traffic in the
 * scenario worker, progress + cancel). Growth: a `growth` edit (horizon, seed, flood-prone
 * policy), then the run; year slider. Shows the run's land-use stage: proposed massing and growth
 * on the map, build-out of the selected parcels, and the run's land-use KPIs against the base
 * scenario's run with the same options. It computes no KPIs of its own.
 */
import { useState } from 'react';
import { fromSceneMetres } from '../../core/geo.ts';
import { GROWTH_LEGEND } from '../../render/landuse/growthLayer.ts';
import type { GrowthEdit, ZoneRules } from '../../scenario/scenario.ts';
import { BASELINE_ZONES } from '../../sim/landuse/city/baselineZones.ts';
import { useApp, useScenarioStore, useScenarios, useT } from '../context.tsx';
import { LegendView } from '../LegendView.tsx';
import { RunStatus } from '../run/RunStatus.tsx';
import { useCurrentRun, useRunOf, useScenarioRunState, useStartRun } from '../run/useRun.ts';
import { GrowthChart } from './GrowthChart.tsx';
import { LanduseIndicators } from './LanduseIndicators.tsx';
import { zoningEditor } from '../../state/zoningEditorStore.ts';
import { useZoningEditor } from '../storeHooks.ts';
import { prepareParcels } from './prepareParcels.ts';

const BASE_YEAR = 2025;

type RuleField = 'maxCoverage' | 'maxFAR' | 'maxHeight' | 'floorHeight' | 'front' | 'side' | 'rear';

function rulesOf(zone: string): ZoneRules {
  const { label: _label, ...rules } = BASELINE_ZONES[zone]!;
  return { ...rules, setbacks: { ...rules.setbacks } };
}

/** The panel; mount in the workbench side panel. */
export function ZoningPanel() {
  const t = useT();
  const language = useApp((s) => s.language);
  const scenarioStore = useScenarioStore();
  const scenario = useScenarios((s) => s.scenarios[s.currentId]);
  const baseName = useScenarios((s) => {
    const base = s.scenarios[s.currentId]?.base;
    return base ? (s.scenarios[base]?.name[language] ?? base) : '';
  });
  const ui = useZoningEditor((s) => s);
  const shown = useCurrentRun();
  const baseRun = useRunOf(scenario?.base ?? null);
  const run = useScenarioRunState();
  const start = useStartRun();
  const view = shown?.views?.views.landuse;
  const running = run?.status === 'running';
  const [zone, setZone] = useState('R1');
  const [rules, setRules] = useState<ZoneRules>(() => rulesOf('R1'));
  const growth = scenario?.edits.find((e): e is GrowthEdit => e.type === 'growth');
  const [toYear, setToYear] = useState(2045);
  const [seed, setSeed] = useState(1);
  const [excludeFloodProne, setExcludeFloodProne] = useState(true);

  const open = () => void prepareParcels();

  const setRule = (field: RuleField, value: number) => {
    if (!Number.isFinite(value)) return;
    setRules((r) =>
      field === 'front' || field === 'side' || field === 'rear'
        ? { ...r, setbacks: { ...r.setbacks, [field]: value } }
        : { ...r, [field]: field === 'maxCoverage' ? value / 100 : value },
    );
  };

  const target = ui.polygon ? 'polygon' : ui.selection.length > 0 ? 'parcels' : undefined;
  const apply = () => {
    if (!scenario || !ui.outlines || !target) return;
    const ids = new Set(scenario.edits.map((e) => e.id));
    let n = 1;
    while (ids.has(`zoning-${n}`)) n++;
    const where =
      target === 'polygon'
        ? { polygon: [...ui.polygon!, ui.polygon![0]!].map(([e, nn]) => fromSceneMetres(e, nn)) }
        : { parcelIds: ui.selection.map((k) => ui.outlines!.ids[k]!) };
    scenarioStore.getState().putEdit({ type: 'zoning', id: `zoning-${n}`, ...where, zone, rules });
    zoningEditor.getState().clearTarget();
    void start();
  };

  const runGrowth = () => {
    scenarioStore.getState().putEdit({
      type: 'growth',
      id: growth?.id ?? 'growth',
      toYear,
      seed,
      excludeFloodProne,
      demandGrowthPercentPerYear: growth?.demandGrowthPercentPerYear ?? 0,
    });
    zoningEditor.getState().setGrowthYear(toYear);
    void start();
  };

  const field = (name: RuleField, labelKey: Parameters<typeof t>[0], value: number, step: number) => (
    <label className="zoning-field">
      {t(labelKey)}
      <input
        type="number"
        step={step}
        min={0}
        value={value}
        data-testid={`zoning-${name}`}
        onChange={(event) => setRule(name, Number.parseFloat(event.target.value))}
      />
    </label>
  );

  const toolButton = (tool: 'select' | 'draw', labelKey: Parameters<typeof t>[0]) => (
    <button
      type="button"
      aria-pressed={ui.tool === tool}
      data-testid={`zoning-tool-${tool}`}
      onClick={() => zoningEditor.getState().toggleTool(tool)}
    >
      {t(labelKey)}
    </button>
  );

  const newUrbanAtYear =
    view?.growth?.year.reduce((count, y) => count + (y <= ui.growthYear ? 1 : 0), 0) ?? 0;
  const cellHa = (view?.growth?.cellSizeMetres ?? 100) ** 2 / 10_000;
  const landuseKpis = shown?.record?.stages.includes('landuse') ? shown.record.kpis : undefined;
  const baseKpis = baseRun?.record?.stages.includes('landuse') ? baseRun.record.kpis : undefined;

  return (
    <details className="zoning-panel" data-testid="zoning-panel" onToggle={open}>
      <summary data-testid="zoning-open">{t('zoning.title')}</summary>
      <p className="zoning-status" data-testid="landuse-status" data-status={ui.status}>
        {ui.status === 'loading' && t('zoning.loading')}
        {ui.status === 'ready' &&
          t('zoning.ready', {
            count: ui.outlines?.ids.length ?? 0,
            seconds: (ui.outlines?.prepareSeconds ?? 0).toFixed(1),
          })}
        {ui.status === 'failed' && t('zoning.failed', { message: ui.error ?? '' })}
      </p>
      {ui.status === 'ready' && (
        <>
          <div className="zoning-tools">
            {toolButton('select', 'zoning.toolSelect')}
            {toolButton('draw', 'zoning.toolDraw')}
          </div>
          {ui.tool === 'draw' && <p className="zoning-hint">{t('zoning.drawHint')}</p>}
          <p data-testid="zoning-target">
            {target === 'parcels' && t('zoning.selected', { count: ui.selection.length })}
            {target === 'polygon' && t('zoning.polygonReady', { count: ui.polygon!.length })}
          </p>
          {target === 'parcels' && ui.outlines && (
            <ul className="zoning-parcels" data-testid="zoning-parcels">
              {ui.selection.slice(0, 5).map((k) => {
                const id = ui.outlines!.ids[k]!;
                const built = view?.proposedParcels.find((p) => p.id === id);
                return (
                  <li key={id}>
                    {id} · {ui.outlines!.zones[k]}
                    {built &&
                      ` → ${built.zone}: ${t('zoning.parcelBuilt', {
                        floors: built.floors,
                        gfa: Math.round(built.grossFloorArea),
                      })}`}
                  </li>
                );
              })}
            </ul>
          )}
          <label className="zoning-field">
            {t('zoning.zone')}
            <select
              data-testid="zoning-zone"
              value={zone}
              onChange={(event) => {
                setZone(event.target.value);
                setRules(rulesOf(event.target.value));
              }}
            >
              {Object.entries(BASELINE_ZONES).map(([code, z]) => (
                <option key={code} value={code}>
                  {code} – {z.label[language === 'vi' ? 'vi' : 'en']}
                </option>
              ))}
            </select>
          </label>
          {field('maxCoverage', 'zoning.coverage', Math.round(rules.maxCoverage * 1000) / 10, 5)}
          {field('maxFAR', 'zoning.far', rules.maxFAR, 0.1)}
          {field('maxHeight', 'zoning.maxHeight', rules.maxHeight, 1)}
          {field('floorHeight', 'zoning.floorHeight', rules.floorHeight, 0.1)}
          {field('front', 'zoning.setbackFront', rules.setbacks.front, 0.5)}
          {field('side', 'zoning.setbackSide', rules.setbacks.side, 0.5)}
          {field('rear', 'zoning.setbackRear', rules.setbacks.rear, 0.5)}
          <div className="zoning-tools">
            <button type="button" data-testid="zoning-apply" disabled={!target || running} onClick={apply}>
              {t('zoning.apply')}
            </button>
            <button type="button" disabled={!target} onClick={() => zoningEditor.getState().clearTarget()}>
              {t('zoning.clear')}
            </button>
          </div>
          <button type="button" data-testid="zoning-run" disabled={running} onClick={() => void start()}>
            {t('run.runScenario')}
          </button>
          <RunStatus name="landuse" stage="landuse" />
          <h3>{t('growth.title')}</h3>
          <label className="zoning-field">
            {t('growth.toYear')}
            <input
              type="number"
              min={BASE_YEAR + 1}
              max={2045}
              value={toYear}
              onChange={(event) => setToYear(Number.parseInt(event.target.value, 10) || 2045)}
            />
          </label>
          <label className="zoning-field">
            {t('growth.seed')}
            <input
              type="number"
              min={0}
              value={seed}
              onChange={(event) => setSeed(Number.parseInt(event.target.value, 10) || 0)}
            />
          </label>
          <label className="zoning-check">
            <input
              type="checkbox"
              checked={excludeFloodProne}
              onChange={(event) => setExcludeFloodProne(event.target.checked)}
            />
            {t('growth.excludeFloodProne')}
          </label>
          <button type="button" data-testid="growth-run" disabled={running} onClick={runGrowth}>
            {t('growth.run')}
          </button>
          {view?.growth && (
            <div className="growth-slider">
              <label>
                {t('growth.year', { year: ui.growthYear })}
                <input
                  type="range"
                  data-testid="growth-year"
                  min={BASE_YEAR}
                  max={growth?.toYear ?? 2045}
                  value={ui.growthYear}
                  onChange={(event) =>
                    zoningEditor.getState().setGrowthYear(Number.parseInt(event.target.value, 10))
                  }
                />
              </label>
              <p data-testid="growth-new-urban">
                {t('growth.newUrban', { year: ui.growthYear, ha: Math.round(newUrbanAtYear * cellHa) })}
              </p>
              <GrowthChart
                years={view.growth.years}
                urbanCellsByYear={view.growth.urbanCellsByYear}
                cellHectares={cellHa}
                year={ui.growthYear}
              />
              <p className="legend-title">{t('growth.legend')}</p>
              <LegendView legend={GROWTH_LEGEND} />
            </div>
          )}
          {landuseKpis && <LanduseIndicators scenario={landuseKpis} base={baseKpis} baseName={baseName} />}
        </>
      )}
    </details>
  );
}
