import { useEffect, useState } from 'react';
import { CityView } from './CityView.tsx';
import { useT } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Presentation mode for leaders: full-screen view, captions, keyboard (←/→, F) driven. */
export function Presentation() {
  const t = useT();
  const [stop, setStop] = useState(0);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight') setStop((s) => s + 1);
      if (event.key === 'ArrowLeft') setStop((s) => Math.max(0, s - 1));
      if (event.key === 'f') void document.documentElement.requestFullscreen?.();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="presentation">
      <CityView />
      <div className="caption" aria-live="polite">
        <p>{t('presentation.caption')}</p>
        <button type="button" onClick={() => setStop((s) => Math.max(0, s - 1))}>
          {t('presentation.previous')}
        </button>
        <span> {stop + 1} </span>
        <button type="button" onClick={() => setStop((s) => s + 1)}>
          {t('presentation.next')}
        </button>
        <button type="button" onClick={() => void document.documentElement.requestFullscreen?.()}>
          {t('presentation.fullscreen')}
        </button>
        <LanguageSwitch />
      </div>
    </div>
  );
}
