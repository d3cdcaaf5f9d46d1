import { useContext } from 'react';
import { BUILDING_HEIGHT_LEGEND } from '../../render/city/cityColours.ts';
import { cssColor, type Legend } from '../../render/legend.ts';
import { StoreContext, useApp, useT } from '../context.tsx';
import { CITY_PARTS } from '../layers/cityMapLayer.ts';
import { LegendView } from '../LegendView.tsx';
import { useCityDataset } from './useCityDataset.ts';

function firstColour(legend: Legend): string {
  return legend.kind === 'categories' ? cssColor(legend.items[0]?.color ?? [0, 0, 0]) : '#888';
}

/** Toggles and legends of the city layers (list items for the layer panel's list). */
export function CityLayerList() {
  const store = useContext(StoreContext);
  const visible = useApp((s) => s.layerVisible);
  const colourMode = useApp((s) => s.buildingColourMode);
  const t = useT();
  const dataset = useCityDataset();
  if (dataset.status !== 'ready') return null;
  const { manifest } = dataset.dataset;
  const data = { ...dataset.dataset.data, ...dataset.details?.data };
  const buildingCounts = manifest.counts?.buildings;
  return (
    <>
      {CITY_PARTS.map((layer) => {
        const present =
          layer.id === 'terrain' ? data.terrain : layer.id === 'pois' ? data.pois : data[layer.id];
        if (!present) return null;
        const on = visible[layer.id] ?? true;
        const legend =
          layer.id === 'buildings' && colourMode === 'height' ? BUILDING_HEIGHT_LEGEND : layer.legend;
        return (
          <li key={layer.id} data-testid={`layer-${layer.id}`}>
            <label>
              <input
                type="checkbox"
                checked={on}
                data-testid={`toggle-${layer.id}`}
                onChange={() => store?.getState().toggleLayer(layer.id)}
              />
              <span className="swatch" style={{ background: firstColour(layer.legend) }} />
              {t(layer.label)}
            </label>
            {on && layer.id === 'terrain' && data.terrain?.meta.synthetic && (
              <div className="legend-note" data-testid="synthetic-terrain-note">
                {t('city.syntheticTerrain')}
              </div>
            )}
            {on && layer.id === 'buildings' && (
              <>
                <div className="colour-mode" role="radiogroup" aria-label={t('buildings.colourBy')}>
                  {t('buildings.colourBy')}:{' '}
                  {(['use', 'height'] as const).map((mode) => (
                    <label key={mode}>
                      <input
                        type="radio"
                        name="building-colour"
                        checked={colourMode === mode}
                        data-testid={`building-colour-${mode}`}
                        onChange={() => store?.getState().setBuildingColourMode(mode)}
                      />
                      {t(mode === 'use' ? 'buildings.byUse' : 'buildings.byHeight')}{' '}
                    </label>
                  ))}
                </div>
                {buildingCounts && (
                  <div className="legend-note">
                    {t('city.syntheticBuildings', {
                      synthetic: buildingCounts.synthetic,
                      osm: buildingCounts.osm,
                    })}
                  </div>
                )}
              </>
            )}
            {on && <LegendView legend={legend} />}
          </li>
        );
      })}
    </>
  );
}
