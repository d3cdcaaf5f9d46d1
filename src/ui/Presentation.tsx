import { useContext, useEffect, useState } from 'react';
import { DEFAULT_TOUR } from '../render/tour.ts';
import { CityView } from './CityView.tsx';
import { StoreContext, useApp, useT } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Presentation mode for leaders: a guided tour, full screen, driven by ←/→ (or PageUp/PageDown) and F. */
export function Presentation() {
  const t = useT();
  const store = useContext(StoreContext);
  const language = useApp((s) => s.language);
  const [index, setIndex] = useState(0);
  const stop = DEFAULT_TOUR[index];
  const last = DEFAULT_TOUR.length - 1;

  useEffect(() => {
    if (!stop || !store) return;
    store.getState().flyTo(stop.presetId);
    for (const [id, visible] of Object.entries(stop.layers ?? {})) {
      if ((store.getState().layerVisible[id] ?? true) !== visible) store.getState().toggleLayer(id);
    }
  }, [stop, store]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ') {
        setIndex((i) => Math.min(last, i + 1));
      } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
        setIndex((i) => Math.max(0, i - 1));
      } else if (event.key === 'f') {
        void document.documentElement.requestFullscreen?.().catch(() => {});
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last]);

  return (
    <div className="presentation">
      <CityView />
      <div className="caption" aria-live="polite">
        <p data-testid="tour-caption">{stop?.caption[language]}</p>
        <button type="button" disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))}>
          {t('presentation.previous')}
        </button>
        <span>
          {' '}
          {index + 1} / {DEFAULT_TOUR.length}{' '}
        </span>
        <button
          type="button"
          disabled={index === last}
          onClick={() => setIndex((i) => Math.min(last, i + 1))}
        >
          {t('presentation.next')}
        </button>
        <button
          type="button"
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}
        >
          {t('presentation.fullscreen')}
        </button>
        <LanguageSwitch />
      </div>
    </div>
  );
}
