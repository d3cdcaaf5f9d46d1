import 'cesium/Build/Cesium/Widgets/widgets.css';
import {
  Cartesian3,
  Cesium3DTileset,
  Cesium3DTileStyle,
  Color,
  GeoJsonDataSource,
  Ion,
  Math as CesiumMath,
  Viewer,
} from 'cesium';

/** Building colours by land use (CSS), synthetic buildings drawn paler: same meaning as the workbench legend. */
const USE_COLORS: ReadonlyArray<[string, string]> = [
  ['residential', '#e8c07d'],
  ['commercial', '#e07a5f'],
  ['mixed', '#c8553d'],
  ['industrial', '#8d99ae'],
  ['education', '#6a4c93'],
  ['health', '#d62828'],
  ['public', '#457b9d'],
];

/** Cesium style: colour by `use`, alpha 0.55 for synthetic buildings. */
function buildingStyle(): Cesium3DTileStyle {
  const conditions: Array<[string, string]> = [];
  for (const [use, css] of USE_COLORS) {
    conditions.push([`\${use} === '${use}' && \${source} === 'synthetic'`, `color('${css}', 0.55)`]);
    conditions.push([`\${use} === '${use}'`, `color('${css}')`]);
  }
  conditions.push([`\${source} === 'synthetic'`, "color('#bbbbbb', 0.55)"], ['true', "color('#bbbbbb')"]);
  return new Cesium3DTileStyle({ color: { conditions } });
}

/**
 * The read-only public viewer: CesiumJS on a plain globe (no imagery or terrain service, no
 * Ion token: nothing is fetched from the internet) with the city's buildings as 3D Tiles 1.1
 * and the city and district boundaries from the published dataset.
 * Returns a function that destroys the viewer; `onStatus` reports loading problems.
 */
export function mountPublicViewer(
  container: HTMLElement,
  dataUrl: string,
  onError: (message: string) => void,
) {
  Ion.defaultAccessToken = '';
  const viewer = new Viewer(container, {
    baseLayer: false,
    baseLayerPicker: false,
    geocoder: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    animation: false,
    timeline: false,
    fullscreenButton: false,
    infoBox: true,
    selectionIndicator: true,
    msaaSamples: 1,
    // keeps the last frame readable (screenshots, export, tests)
    contextOptions: { webgl: { preserveDrawingBuffer: true } },
  });
  const scene = viewer.scene;
  scene.highDynamicRange = false;
  scene.fog.enabled = false;
  scene.postProcessStages.fxaa.enabled = false;
  scene.globe.baseColor = Color.fromCssColorString('#b9c9a3');
  scene.backgroundColor = Color.fromCssColorString('#cfe3f0');
  if (scene.skyAtmosphere) scene.skyAtmosphere.show = false;
  viewer.camera.setView({
    destination: Cartesian3.fromDegrees(106.755, 10.72, 9_000),
    orientation: { heading: CesiumMath.toRadians(10), pitch: CesiumMath.toRadians(-35), roll: 0 },
  });
  let destroyed = false;
  void Cesium3DTileset.fromUrl(`${dataUrl}/buildings/tileset.json`)
    .then((tileset) => {
      if (destroyed) return;
      tileset.style = buildingStyle();
      // marks the container once the view's tiles are in (for tests and screenshots)
      tileset.allTilesLoaded.addEventListener(() => {
        container.dataset.tilesLoaded = String(tileset.tilesLoaded);
      });
      scene.primitives.add(tileset);
    })
    .catch((error: unknown) => onError(`buildings: ${String(error)}`));
  void GeoJsonDataSource.load(`${dataUrl}/admin.geojson`, {
    stroke: Color.fromCssColorString('#12394d'),
    fill: Color.TRANSPARENT,
    strokeWidth: 2,
    clampToGround: false,
  })
    .then((source) => {
      if (!destroyed) void viewer.dataSources.add(source);
    })
    .catch((error: unknown) => onError(`boundaries: ${String(error)}`));
  return () => {
    destroyed = true;
    viewer.destroy();
  };
}
