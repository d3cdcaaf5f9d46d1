import { useContext } from 'react';
import { CAMERA_PRESETS } from '../render/cameraPresets.ts';
import { StoreContext, useApp, useT } from './context.tsx';

/** Camera presets and the vertical exaggeration control. */
export function ViewPanel() {
  const t = useT();
  const store = useContext(StoreContext);
  const exaggeration = useApp((s) => s.verticalExaggeration);
  return (
    <section aria-labelledby="views-title">
      <h2 id="views-title">{t('camera.presets')}</h2>
      <div className="button-row">
        {CAMERA_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            data-testid={`camera-${preset.id}`}
            onClick={() => store?.getState().flyTo(preset.id)}
          >
            {t(preset.title)}
          </button>
        ))}
      </div>
      <label className="slider">
        {t('layer.exaggeration', { factor: exaggeration })}
        <input
          type="range"
          min={1}
          max={10}
          step={1}
          value={exaggeration}
          onChange={(e) => store?.getState().setVerticalExaggeration(Number(e.target.value))}
        />
      </label>
    </section>
  );
}
