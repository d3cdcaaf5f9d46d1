import 'cesium/Build/Cesium/Widgets/widgets.css';
import { Cartesian3, Color, Ion, Math as CesiumMath, Viewer } from 'cesium';

/**
 * The read-only public viewer: CesiumJS on a plain globe (no imagery or terrain service, no
 * Ion token: nothing is fetched from the internet), looking at Thủ Đức.
 */
export function mountPublicViewer(container: HTMLElement): () => void {
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
    infoBox: false,
    selectionIndicator: false,
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
    destination: Cartesian3.fromDegrees(106.77, 10.6, 30_000),
    orientation: { heading: 0, pitch: CesiumMath.toRadians(-30), roll: 0 },
  });
  return () => viewer.destroy();
}
