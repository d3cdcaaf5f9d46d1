import { Color, GeoJsonDataSource } from 'cesium';
import { addBuildings, createOfflineWidget } from './cesiumScene.ts';

/**
 * The read-only public viewer of the workbench (`#/viewer`): CesiumJS on a plain globe (no
 * imagery or terrain service, no Ion token: nothing is fetched from the internet) with the
 * city's buildings as 3D Tiles 1.1 and the city and district boundaries from the dataset.
 * Returns a function that destroys the viewer; `onError` reports loading problems.
 */
export function mountPublicViewer(
  container: HTMLElement,
  dataUrl: string,
  onError: (message: string) => void,
) {
  const widget = createOfflineWidget(container, { plain: true });
  let destroyed = false;
  void addBuildings(widget, `${dataUrl}/buildings/tileset.json`, container).catch((error: unknown) =>
    onError(`buildings: ${String(error)}`),
  );
  void GeoJsonDataSource.load(`${dataUrl}/admin.geojson`, {
    stroke: Color.fromCssColorString('#12394d'),
    fill: Color.TRANSPARENT,
    strokeWidth: 2,
    clampToGround: false,
  })
    .then((source) => {
      if (!destroyed) void widget.dataSources.add(source);
    })
    .catch((error: unknown) => onError(`boundaries: ${String(error)}`));
  return () => {
    destroyed = true;
    widget.destroy();
  };
}
