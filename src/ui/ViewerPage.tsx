import { useEffect, useRef, useState } from 'react';
import { useT } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The public viewer page: CesiumJS is loaded only here, on demand. */
export function ViewerPage() {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let alive = true;
    void import('../viewer/publicViewer.ts').then(({ mountPublicViewer }) => {
      if (!alive || !container.current) return;
      dispose = mountPublicViewer(container.current, './data/thuduc', setError);
      setLoading(false);
    });
    return () => {
      alive = false;
      dispose?.();
    };
  }, []);
  return (
    <div className="viewer-page">
      <header className="app-header">
        <h1>{t('viewer.title')}</h1>
        <LanguageSwitch />
      </header>
      <div ref={container} className="cesium-container" data-testid="cesium-container" />
      {loading && <p className="loading">{t('viewer.loading')}</p>}
      {error && (
        <p className="error" role="alert">
          {t('viewer.loadError', { message: error })}
        </p>
      )}
      <footer className="status-bar">
        <span className="attribution">{t('attribution.osm')}</span>
      </footer>
    </div>
  );
}
