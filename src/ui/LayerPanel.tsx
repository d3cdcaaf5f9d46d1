import { useContext } from 'react';
import type { MessageKey } from '../i18n/index.ts';
import { CityLayerList } from './city/CityLayerList.tsx';
import { StoreContext, useApp, useT } from './context.tsx';

const BASE_LAYERS: ReadonlyArray<{ id: string; title: MessageKey; swatch: string }> = [
  { id: 'ground', title: 'layer.ground', swatch: '#b9c9a3' },
  { id: 'grid', title: 'layer.grid', swatch: '#5d6d7e' },
];

/** Layer toggles, each with its legend. */
export function LayerPanel() {
  const store = useContext(StoreContext);
  const visible = useApp((s) => s.layerVisible);
  const t = useT();
  return (
    <section aria-labelledby="layers-title">
      <h2 id="layers-title">{t('panel.layers')}</h2>
      <ul className="layer-list">
        {BASE_LAYERS.map((layer) => (
          <li key={layer.id}>
            <label>
              <input
                type="checkbox"
                checked={visible[layer.id] ?? true}
                onChange={() => store?.getState().toggleLayer(layer.id)}
              />
              <span className="swatch" style={{ background: layer.swatch }} />
              {t(layer.title)}
            </label>
            {layer.id === 'grid' && <div className="legend">{t('legend.gridSpacing', { km: 1 })}</div>}
          </li>
        ))}
        <CityLayerList />
      </ul>
    </section>
  );
}
