import { useContext } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { FLOOD_DEPTH_DIFFERENCE_LEGEND } from '../../render/flood/depthDifferenceSurface.ts';
import { hexColor, type Legend } from '../../render/legend.ts';
import { LAND_USE_COLOURS } from '../../render/city/cityColours.ts';
import { VOLUME_DIFFERENCE_LEGEND } from '../../render/traffic/linkFlowLayer.ts';
import { floodDifferenceEsriAscii, trafficDifferenceGeoJson } from '../../scenario/differenceLayers.ts';
import { LAND_USES } from '../../core/vocabulary.ts';
import { loadDataset } from '../city/cityDataset.ts';
import { StoreContext, useApp, useT } from '../context.tsx';
import { downloadText } from '../download.ts';
import { LegendView } from '../LegendView.tsx';
import {
  DIFFERENCE_LAYER_IDS,
  type ScenarioDifferences,
  useScenarioDifferences,
} from './useScenarioDifferences.ts';

type DifferenceKind = keyof typeof DIFFERENCE_LAYER_IDS;

/** Land-use legend of the uses whose floor space changed. */
function floorSpaceLegend(differences: ScenarioDifferences): Legend {
  const uses = new Set(differences.floorSpace?.use ?? []);
  return {
    kind: 'categories',
    items: LAND_USES.filter((_, i) => uses.has(i)).map((use) => ({
      label: `landUse.${use}` as MessageKey,
      color: hexColor(LAND_USE_COLOURS[use]),
    })),
  };
}

/**
 * Controls of the difference layers of the comparison (B − A): one toggle per layer with its
 * legend and units, and exports of the traffic difference (GeoJSON, WGS84) and of the flood
 * depth difference (ESRI ASCII, EPSG:32648). Shown once both scenarios have run.
 */
export function DifferencePanel() {
  const t = useT();
  const store = useContext(StoreContext);
  const visible = useApp((s) => s.layerVisible);
  const [idA, idB] = useApp((s) => s.compareIds);
  const differences = useScenarioDifferences();
  if (!differences.a || !differences.b) {
    return <p data-testid="difference-no-runs">{t('difference.noRuns')}</p>;
  }
  const format = (v: number) => Math.round(v).toLocaleString();
  let addedM2 = 0;
  let removedM2 = 0;
  for (const area of differences.floorSpace?.grossFloorAreaDifferenceM2 ?? []) {
    if (area > 0) addedM2 += area;
    else removedM2 -= area;
  }
  const toggle = (kind: DifferenceKind, available: boolean) => (
    <label>
      <input
        type="checkbox"
        data-testid={`difference-toggle-${kind}`}
        disabled={!available}
        checked={available && (visible[DIFFERENCE_LAYER_IDS[kind]] ?? true)}
        onChange={() => store?.getState().toggleLayer(DIFFERENCE_LAYER_IDS[kind])}
      />
      {t(`difference.${kind}`)} {!available && t('difference.unavailable')}
    </label>
  );
  const exportTraffic = async () => {
    const roads = (await loadDataset()).data.roads;
    const volumeA = differences.a?.traffic?.linkVolumePcuPerHour;
    const volumeB = differences.b?.traffic?.linkVolumePcuPerHour;
    if (!roads || !volumeA || !volumeB) return;
    const geoJson = trafficDifferenceGeoJson(roads, volumeA, volumeB);
    downloadText(`traffic-difference-${idA}-${idB}.geojson`, JSON.stringify(geoJson), 'application/geo+json');
  };
  const exportFlood = () => {
    const a = differences.a?.flood;
    const b = differences.b?.flood;
    if (!a || !b || !differences.flood) return;
    downloadText(`flood-difference-${idA}-${idB}.asc`, floodDifferenceEsriAscii(a, b), 'text/plain');
  };
  return (
    <div data-testid="difference-panel">
      <h3>{t('difference.title')}</h3>
      <ul className="layer-list">
        <li>
          {toggle('flood', differences.flood !== undefined)}
          {differences.flood && (
            <>
              <LegendView legend={FLOOD_DEPTH_DIFFERENCE_LEGEND} />
              <p className="hint">{t('difference.floodHint')}</p>
            </>
          )}
        </li>
        <li>
          {toggle('traffic', differences.traffic !== undefined)}
          {differences.traffic && <LegendView legend={VOLUME_DIFFERENCE_LEGEND} />}
        </li>
        <li>
          {toggle('floorSpace', differences.floorSpace !== undefined)}
          {differences.floorSpace && (
            <>
              <p className="hint" data-testid="difference-floor-space">
                {t('difference.floorSpaceSummary', { added: format(addedM2), removed: format(removedM2) })}
              </p>
              <LegendView legend={floorSpaceLegend(differences)} />
            </>
          )}
        </li>
      </ul>
      <div className="button-row">
        <button
          type="button"
          data-testid="difference-export-geojson"
          disabled={!differences.traffic}
          onClick={exportTraffic}
        >
          {t('difference.exportGeoJson')}
        </button>
        <button
          type="button"
          data-testid="difference-export-ascii"
          disabled={!differences.flood}
          onClick={exportFlood}
        >
          {t('difference.exportAscii')}
        </button>
      </div>
    </div>
  );
}
