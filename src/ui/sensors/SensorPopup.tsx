import { useT } from '../context.tsx';
import { sensors } from '../../state/sensorsStore.ts';
import { useApp } from '../context.tsx';
import { useSensors } from '../storeHooks.ts';
import { markerLabel } from './sensorMarkers.ts';
import { Sparkline } from './Sparkline.tsx';
import { TimeSeriesPanel } from './TimeSeriesPanel.tsx';
import { workbenchSensors } from './workbenchSensors.ts';

/**
 * The popup of the station picked on the map or in the sensors panel: its label and the last
 * 24 h of its Datastream as a sparkline with its thresholds (alarm levels; the concentration of
 * AQI 151), and the time-series chart of 24 h or 7 days with its thresholds (TimeSeriesPanel).
 * Closes with its button or Escape.
 */
export function SensorPopup() {
  const t = useT();
  const on = useApp((s) => s.layerVisible.sensors ?? false);
  const streamId = useSensors((s) => s.selectedStreamId);
  const staRoot = useSensors((s) => s.staRoot);
  useSensors((s) => s.dataVersion);
  if (!on || streamId === null) return null;
  const nowMs = Date.now();
  const data = workbenchSensors(nowMs);
  const marker = data?.markers.find((m) => m.streamId === streamId);
  if (!data || !marker) return null;
  const close = () => sensors.getState().select(null);
  const { air, rivers, rain } = data.snapshot;
  const stream = [...air, ...rivers, ...rain].map((s) => s.stream).find((s) => s.id === streamId);
  return (
    <div
      className="sensor-popup"
      role="dialog"
      aria-label={marker.place}
      data-testid="sensor-popup"
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <header>
        <strong>{marker.place}</strong>
        <button type="button" onClick={close} aria-label={t('sensors.close')}>
          ×
        </button>
      </header>
      <p>{markerLabel(marker, nowMs)}</p>
      <Sparkline
        history={data.observations(streamId)}
        thresholds={marker.thresholds}
        nowMs={nowMs}
        widthPixels={320}
        heightPixels={90}
        classPrefix="sensor"
        label={t('sensors.last24h', { thresholds: Object.keys(marker.thresholds).join(', ') || '–' })}
      />
      {stream && <TimeSeriesPanel staRoot={staRoot} datastreamId={streamId} stream={stream} />}
    </div>
  );
}
