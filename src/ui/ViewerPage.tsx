import { useEffect, useRef, useState } from 'react';
import { useT } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The public viewer page: CesiumJS is loaded only here, on demand. */
export function ViewerPage() {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let alive = true;
    void import('../viewer/publicViewer.ts').then(({ mountPublicViewer }) => {
      if (!alive || !container.current) return;
      dispose = mountPublicViewer(container.current);
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
      <footer className="status-bar">
        <span className="attribution">{t('attribution.osm')}</span>
      </footer>
    </div>
  );
}
