import { useContext, useEffect, useRef, useState } from 'react';
import { clockTimeOf } from '../scenario/eventClock.ts';
import type { TourStop } from '../scenario/tour.ts';
import { presenterAction, stopAfter, stopScenarioIds } from '../scenario/tourPlayback.ts';
import { floodPlayer } from '../state/floodPlayerStore.ts';
import { CityView } from './CityView.tsx';
import { CompareView } from './CompareView.tsx';
import { downloadBlob } from './download.ts';
import { StoreContext, useApp, useT } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { presentLookWanted } from '../render/look/presentLookChoice.ts';
import { pageLookChoice, ViewLookContext, webglRendererName } from './look/viewLook.ts';
import { registerTestHook } from './testHooks.ts';
import { RunProgress } from './RunProgress.tsx';
import { cancelScenarioRun, SCENARIO_RUN_ID } from './run/scenarioRun.ts';
import { useFloodPlayer } from './storeHooks.ts';
import { TourKpiCards } from './tour/TourKpiCards.tsx';
import { canRecordTour, startTourRecording, type TourRecording } from './tour/tourRecorder.ts';
import { playStop, type StopPhase } from './tour/tourStopPlayback.ts';
import { usePlayedTour, useUserTour } from './tour/useTour.ts';
import { userTour } from './tour/userTour.ts';

/** Seconds a stop stays up when advancing by itself and the stop does not say. */
const DEFAULT_HOLD_SECONDS = 15;

/** The stop to start on: `#/presentation?stop=N` (1-based; the workbench's preview), else the first. */
function firstStopOfAddress(): number {
  const query = window.location.hash.split('?')[1] ?? '';
  const n = Number(new URLSearchParams(query).get('stop'));
  return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
}

/** Ends a recording and saves its video as `fileName`. */
function saveRecording(recording: TourRecording, fileName: string): void {
  void recording.stop().then((video) => downloadBlob(fileName, video));
}

const requestFullscreen = () => void document.documentElement.requestFullscreen?.().catch(() => {});

/**
 * Presentation mode for leaders: the planner's tour (made in the workbench) or else the shipped
 * tour "Thủ Đức 2045", played full screen. Each stop flies the camera, runs its scenario (or
 * compare pair) in the scenario worker with a progress bar, shows KPI cards with the run's values
 * and plays its flood time span. Presenter keys and clicker: → PageDown Space next, ← PageUp
 * previous, Home/End, F full screen, Esc leaves it; progress dots jump to a stop; optional
 * auto-advance after each stop's hold time; the tour can be recorded as a WebM video. The views
 * take the present look (sky, sun shadows, water, haze) where WebGL runs on a graphics processor
 * or `?look=present` asks, with a toggle; a tour share link in the address is played.
 */
export function Presentation() {
  const t = useT();
  const store = useContext(StoreContext);
  const language = useApp((s) => s.language);
  const loaded = usePlayedTour();
  const [wanted, setIndex] = useState(firstStopOfAddress);
  const [phase, setPhase] = useState<StopPhase>('running');
  const [autoAdvance, setAutoAdvance] = useState(false);
  const [recording, setRecording] = useState<TourRecording | null>(null);
  // the present look: on for a graphics processor, off for software rendering (?look= forces)
  const [present, setPresent] = useState(() => presentLookWanted(pageLookChoice(), webglRendererName()));
  const root = useRef<HTMLDivElement>(null);
  const tour = loaded.ok ? loaded.tour : undefined;
  const count = tour?.stops.length ?? 0;
  const index = Math.min(wanted, Math.max(0, count - 1));
  const stop = tour?.stops[index];

  // the workbench's layers and comparison come back when the tour is left
  useEffect(() => {
    if (!store) return;
    const { layerVisible, compareMode, compareIds } = store.getState();
    return () => {
      store.setState({ layerVisible, compareMode, compareIds });
      floodPlayer.getState().showMaximum();
    };
  }, [store]);

  useEffect(
    () => registerTestHook('look', { look: present ? 'present' : 'plain', renderer: webglRendererName() }),
    [present],
  );

  useEffect(() => {
    if (!stop || !store || !loaded.ok) return;
    return playStop(store, stop, loaded.scenarios, setPhase);
  }, [stop, store, loaded]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
      const action = presenterAction(event.key);
      if (action === 'leave') {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      } else if (action) {
        event.preventDefault(); // Space must not also press the focused button
        setIndex((i) => stopAfter(action, i, count));
      } else if (event.key === 'f') requestFullscreen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);

  /** Ends the recording and saves the video. */
  const finishRecording = (shown: TourRecording, fileName: string) => {
    setRecording(null);
    saveRecording(shown, fileName);
  };

  // advancing by itself: the next stop after the hold; after the last one a recording ends
  useEffect(() => {
    if (!autoAdvance || phase !== 'ready' || !stop || !tour) return;
    const last = index >= count - 1;
    if (last && !recording) return;
    const timer = setTimeout(
      () => {
        if (last && recording) {
          setRecording(null);
          saveRecording(recording, `${tour.id}.webm`);
        } else setIndex((i) => stopAfter('next', i, count));
      },
      (stop.holdSeconds ?? DEFAULT_HOLD_SECONDS) * 1000,
    );
    return () => clearTimeout(timer);
  }, [autoAdvance, phase, stop, index, count, recording, tour]);

  if (!loaded.ok || !tour || !stop) {
    return (
      <div className="presentation" role="alert" data-testid="tour-problem">
        {t('tour.invalid', { detail: loaded.ok ? '' : loaded.problem })}
        <TourLinkProblem />
      </div>
    );
  }
  const names = stopScenarioIds(stop).map((id) => loaded.scenarios.get(id)?.name[language] ?? id);
  return (
    <div
      className="presentation"
      data-testid="presentation"
      data-look={present ? 'present' : 'plain'}
      ref={root}
    >
      <ViewLookContext.Provider value={present ? 'present' : 'plain'}>
        {stop.compare ? (
          <CompareView names={[names[0]!, names[1]!]} />
        ) : (
          <CityView {...(stop.scenario ? { scenarioId: stop.scenario } : {})} />
        )}
      </ViewLookContext.Provider>
      <header className="tour-header">
        <h1 data-testid="tour-title">{tour.title[language]}</h1>
        <p className="tour-scenario" data-testid="tour-scenario">
          {names.join(' → ')}
        </p>
        <TourLinkProblem />
      </header>
      <aside className="tour-panel">
        <TourStopStatus stop={stop} phase={phase} />
        <TourKpiCards stop={stop} />
      </aside>
      <div className="caption">
        <p className="tour-caption" data-testid="tour-caption" aria-live="polite">
          {stop.caption[language]}
        </p>
        <nav className="tour-controls" aria-label={t('tour.stops')}>
          <button
            type="button"
            disabled={index === 0}
            onClick={() => setIndex((i) => stopAfter('previous', i, count))}
          >
            {t('presentation.previous')}
          </button>
          <ol className="tour-dots">
            {tour.stops.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  data-testid={`tour-dot-${i}`}
                  aria-current={i === index ? 'step' : undefined}
                  aria-label={t('tour.goToStop', { n: i + 1, count })}
                  onClick={() => setIndex(i)}
                />
              </li>
            ))}
          </ol>
          <span data-testid="tour-position">
            {index + 1} / {count}
          </span>
          <button
            type="button"
            disabled={index === count - 1}
            onClick={() => setIndex((i) => stopAfter('next', i, count))}
          >
            {t('presentation.next')}
          </button>
          <ControlToggle
            testId="tour-auto-advance"
            checked={autoAdvance}
            onChange={setAutoAdvance}
            label={t('tour.autoAdvance')}
          />
          <ControlToggle
            testId="tour-present-look"
            checked={present}
            onChange={setPresent}
            label={t('tour.presentLook')}
            hint={t('tour.presentLookHint')}
          />
          {canRecordTour() && (
            <button
              type="button"
              data-testid="tour-record"
              aria-pressed={recording !== null}
              title={t('tour.recordHint')}
              onClick={() => {
                if (recording) finishRecording(recording, `${tour.id}.webm`);
                else if (root.current) {
                  setRecording(startTourRecording(root.current));
                  if (autoAdvance) setIndex(0);
                }
              }}
            >
              {recording ? t('tour.recordStop') : t('tour.record')}
            </button>
          )}
          <button type="button" onClick={requestFullscreen}>
            {t('presentation.fullscreen')}
          </button>
          <LanguageSwitch />
        </nav>
      </div>
    </div>
  );
}

/** A labelled checkbox of the controls row (`hint`: its tooltip). */
function ControlToggle(props: {
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string;
}) {
  return (
    <label title={props.hint}>
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />{' '}
      {props.label}
    </label>
  );
}

/** Why a tour share link in the address was refused (the shipped or own tour plays instead), until dismissed. */
function TourLinkProblem() {
  const t = useT();
  const problem = useUserTour((s) => s.problem);
  const problemKey = useUserTour((s) => s.problemKey);
  if (!problem || problemKey !== 'tour.shareLinkRefused') return null;
  return (
    <p role="alert" className="error" data-testid="tour-link-error">
      {t(problemKey, { detail: problem })}{' '}
      <button type="button" onClick={() => userTour.getState().dismissProblem()}>
        {t('tour.dismiss')}
      </button>
    </p>
  );
}

/**
 * The stop's run in flight (progress bar, cancel) or why it failed, and the flood's event-clock
 * time while the stop plays its span: its own component, so progress does not re-render the 3D view.
 */
function TourStopStatus({ stop, phase }: { stop: TourStop; phase: StopPhase }) {
  const t = useT();
  const run = useApp((s) => s.runs[SCENARIO_RUN_ID]);
  const frameSeconds = useFloodPlayer((s) => s.frameSeconds);
  const ownRun =
    run?.status === 'running' && stopScenarioIds(stop).some((id) => run.runKey?.startsWith(`${id}@`));
  const clock = frameSeconds === null ? undefined : clockTimeOf(frameSeconds);
  return (
    <>
      {ownRun && run ? (
        <div className="tour-run" data-testid="tour-run">
          {t('tour.running', { percent: Math.round(run.progress * 100) })}
          <RunProgress name="tour-run" progress={run.progress} onCancel={cancelScenarioRun} />
        </div>
      ) : phase === 'failed' ? (
        <p role="alert">{t('tour.runFailed', { detail: run?.message ?? '' })}</p>
      ) : null}
      {stop.time && clock && (
        <p className="tour-flood-time" data-testid="tour-flood-time">
          {t('tour.floodTime', { time: clock.hhmm })}
        </p>
      )}
    </>
  );
}
