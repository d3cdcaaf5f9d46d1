import { useEffect } from 'react';
import type { ScenarioLayers } from '../../scenario/differenceLayers.ts';
import { clockTimeOf } from '../../scenario/eventClock.ts';
import { useApp, useT } from '../context.tsx';
import { floodPlayer, frameIndexAt } from '../../state/floodPlayerStore.ts';
import { useFloodPlayer } from '../storeHooks.ts';

/** Milliseconds between frames when playing. */
const PLAY_INTERVAL_MS = 400;

type Frames = NonNullable<ScenarioLayers['flood']>['frames'];

/**
 * The water rising and receding: a time slider over the run's depth frames (event clock hh:mm),
 * play / pause, and the river (tide) level at the frame shown; the maximum depth is the default
 * view (and a checkbox returns to it). A new run shows its maximum depth again. Keyboard: the
 * slider's arrow keys step frames, Space on the slider or the button plays / pauses.
 */
export function FloodTimeline({ frames }: { frames: Frames }) {
  const t = useT();
  const language = useApp((s) => s.language);
  const frameSeconds = useFloodPlayer((s) => s.frameSeconds);
  const playing = useFloodPlayer((s) => s.playing);
  const times = frames.timesSeconds;
  const last = times.length - 1;
  const index = frameSeconds === null ? last : frameIndexAt(times, frameSeconds);

  // a new run (or another run shown) starts on its maximum depth
  // biome-ignore lint/correctness/useExhaustiveDependencies: new frames mark another run shown
  useEffect(() => {
    floodPlayer.getState().showMaximum();
  }, [frames]);
  // stop playing when the panel goes
  useEffect(() => () => floodPlayer.getState().pause(), []);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => floodPlayer.getState().advance(times), PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, times]);

  // from the maximum-depth view or the end, play plays from the start
  const togglePlay = () => (playing ? floodPlayer.getState().pause() : floodPlayer.getState().play(times));
  const clock = (seconds: number) => {
    const { day, hhmm } = clockTimeOf(seconds);
    return day === 0 ? hhmm : t('flood.clockLaterDay', { time: hhmm, day: day + 1 });
  };
  const shownTime = frameSeconds === null ? undefined : times[index]!;
  const tide = frames.tideLevelsMetres[index] ?? 0;
  const interval = times.length > 2 ? times[1]! - times[0]! : times[last]! - times[0]!;

  return (
    <fieldset className="flood-player" data-testid="flood-player">
      <legend>{t('flood.timeline')}</legend>
      <label>
        <span>
          {t('flood.time')}{' '}
          <output data-testid="flood-time-label">
            {shownTime === undefined ? t('flood.showMax') : clock(shownTime)}
          </output>
        </span>
        <input
          data-testid="flood-time"
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          aria-valuetext={shownTime === undefined ? t('flood.showMax') : clock(shownTime)}
          onChange={(e) => floodPlayer.getState().showFrame(times[Number(e.target.value)] ?? 0)}
          onKeyDown={(e) => {
            if (e.key === ' ') {
              e.preventDefault();
              togglePlay();
            }
          }}
        />
      </label>
      <div className="button-row">
        <button type="button" data-testid="flood-play" aria-pressed={playing} onClick={togglePlay}>
          {playing ? t('flood.pause') : t('flood.play')}
        </button>
        <label>
          <input
            type="checkbox"
            data-testid="flood-show-max"
            checked={frameSeconds === null}
            onChange={(e) => {
              const player = floodPlayer.getState();
              if (e.target.checked) player.showMaximum();
              else {
                player.pause();
                player.showFrame(times[index] ?? 0);
              }
            }}
          />
          {t('flood.showMax')}
        </label>
      </div>
      <p className="run-note" data-testid="flood-tide">
        {shownTime === undefined
          ? t('flood.maxShown')
          : t('flood.tideAt', {
              time: clock(shownTime),
              level: tide.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', {
                minimumFractionDigits: 2,
                maximumFractionDigits: 2,
              }),
            })}
      </p>
      <p className="run-note">{t('flood.frameEvery', { minutes: Math.round(interval / 60) })}</p>
    </fieldset>
  );
}
