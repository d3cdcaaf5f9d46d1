import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ScenarioLayers } from '../../scenario/differenceLayers.ts';
import { clockTimeOf } from '../../scenario/eventClock.ts';
import { useApp, useT } from '../context.tsx';
import { floodPlayer, frameIndexAt } from './floodPlayer.ts';

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
  const { frameSeconds, playing } = useStore(floodPlayer);
  const times = frames.timesSeconds;
  const last = times.length - 1;
  const index = frameSeconds === null ? last : frameIndexAt(times, frameSeconds);

  // a new run (or another run shown) starts on its maximum depth
  // biome-ignore lint/correctness/useExhaustiveDependencies: new frames mark another run shown
  useEffect(() => {
    floodPlayer.setState({ frameSeconds: null, playing: false });
  }, [frames]);
  // stop playing when the panel goes
  useEffect(() => () => floodPlayer.setState({ playing: false }), []);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { frameSeconds: shown } = floodPlayer.getState();
      const next = shown === null ? 0 : frameIndexAt(times, shown) + 1;
      if (next >= last) floodPlayer.setState({ frameSeconds: times[last]!, playing: false });
      else floodPlayer.setState({ frameSeconds: times[next]! });
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, times, last]);

  const togglePlay = () => {
    if (playing) floodPlayer.setState({ playing: false });
    else {
      // from the maximum-depth view or the end, play from the start
      const fromStart = frameSeconds === null || index >= last;
      floodPlayer.setState({ playing: true, ...(fromStart ? { frameSeconds: times[0]! } : {}) });
    }
  };
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
          onChange={(e) => floodPlayer.setState({ frameSeconds: times[Number(e.target.value)] ?? 0 })}
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
            onChange={(e) =>
              floodPlayer.setState({
                playing: false,
                frameSeconds: e.target.checked ? null : (times[index] ?? 0),
              })
            }
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
