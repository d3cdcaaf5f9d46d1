import 'cesium/Build/Cesium/Widgets/CesiumWidget/CesiumWidget.css';
import {
  Cartesian3,
  Cesium3DTileset,
  Cesium3DTileStyle,
  CesiumWidget,
  Color,
  Ion,
  JulianDate,
  Math as CesiumMath,
  type TerrainProvider,
} from 'cesium';
import { LAND_USE_COLOURS } from '../render/city/cityColours.ts';

/** The sun is placed at noon in June (05:00 UTC is 12:00 in Thủ Đức, UTC+7): lit walls, short shadows, same light every visit. */
const SUN_TIME = '2025-06-21T05:00:00Z';

/** Options of {@link createOfflineWidget}. */
export interface OfflineWidgetOptions {
  /**
   * Software rendering (tests, SwiftShader): no HDR, fog, FXAA or MSAA, so a frame draws in
   * about a second and its pixels are stable.
   */
  plain: boolean;
  /** The ground to draw (the public site's terrain); default the WGS84 ellipsoid. */
  terrainProvider?: TerrainProvider;
}

/**
 * CesiumJS on a plain globe that fetches nothing from the internet: CesiumWidget (not Viewer,
 * whose Knockout widgets evaluate strings as code, refused under a strict CSP), no Ion token,
 * no base imagery, the given terrain (else the ellipsoid), no sky box, sun or moon; the globe is an
 * offline colour.
 * Renders on demand (callers changing what is shown call `scene.requestRender()`) and keeps the
 * last frame readable (screenshots, tests).
 */
export function createOfflineWidget(container: HTMLElement, options: OfflineWidgetOptions): CesiumWidget {
  Ion.defaultAccessToken = '';
  const widget = new CesiumWidget(container, {
    baseLayer: false,
    ...(options.terrainProvider ? { terrainProvider: options.terrainProvider } : {}),
    skyBox: false,
    skyAtmosphere: false,
    msaaSamples: options.plain ? 1 : 4,
    // draws only when something changes (camera, tiles, layers): idle phones and software GL stay free
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
    contextOptions: { webgl: { preserveDrawingBuffer: true } },
  });
  widget.clock.currentTime = JulianDate.fromIso8601(SUN_TIME);
  widget.clock.shouldAnimate = false;
  const scene = widget.scene;
  scene.highDynamicRange = false;
  scene.fog.enabled = !options.plain;
  scene.postProcessStages.fxaa.enabled = !options.plain;
  scene.globe.baseColor = Color.fromCssColorString('#b9c9a3');
  scene.backgroundColor = Color.fromCssColorString('#cfe3f0');
  scene.globe.showGroundAtmosphere = false;
  widget.camera.setView({
    destination: Cartesian3.fromDegrees(106.755, 10.72, 9_000),
    orientation: { heading: CesiumMath.toRadians(10), pitch: CesiumMath.toRadians(-35), roll: 0 },
  });
  return widget;
}

/** Cesium style: colour by `use` (the workbench's land-use colours), alpha 0.55 for synthetic buildings. */
function buildingStyle(): Cesium3DTileStyle {
  const conditions: Array<[string, string]> = [];
  for (const [use, css] of Object.entries(LAND_USE_COLOURS)) {
    conditions.push([`\${use} === '${use}' && \${source} === 'synthetic'`, `color('${css}', 0.55)`]);
    conditions.push([`\${use} === '${use}'`, `color('${css}')`]);
  }
  conditions.push([`\${source} === 'synthetic'`, "color('#bbbbbb', 0.55)"], ['true', "color('#bbbbbb')"]);
  return new Cesium3DTileStyle({ color: { conditions } });
}

/**
 * Loads the buildings tileset at `url` into the widget's scene, styled by use. Marks
 * `container.dataset.tilesLoaded` once the view's tiles are in (tests and screenshots).
 */
export async function addBuildings(
  widget: CesiumWidget,
  url: string,
  container: HTMLElement,
): Promise<Cesium3DTileset> {
  const tileset = await Cesium3DTileset.fromUrl(url);
  tileset.style = buildingStyle();
  tileset.allTilesLoaded.addEventListener(() => {
    container.dataset.tilesLoaded = String(tileset.tilesLoaded);
  });
  widget.scene.primitives.add(tileset);
  return tileset;
}
