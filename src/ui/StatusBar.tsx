import { useApp, useT } from './context.tsx';

/** Bottom bar: camera readout, running jobs, and the data attribution (always visible). */
export function StatusBar({ cameraReadout }: { cameraReadout: React.RefObject<HTMLSpanElement | null> }) {
  const t = useT();
  const running = useApp((s) =>
    Object.entries(s.runs)
      .filter(([, r]) => r.status === 'running')
      .map(([id, r]) => `${id} ${Math.round(r.progress * 100)}%`)
      .join(' · '),
  );
  return (
    <footer className="status-bar">
      <span ref={cameraReadout} />
      <span>{running === '' ? t('status.ready') : running}</span>
      <span className="attribution">
        {t('attribution.osm')} · {t('attribution.synthetic')}
      </span>
    </footer>
  );
}
