import { MapControls } from '@react-three/drei';
import { Canvas, useFrame } from '@react-three/fiber';
import type { CameraLink } from '../render/cameraLink.ts';
import { CameraRig } from './CameraRig.tsx';
import { markCityLoad } from './city/cityLoadMarks.ts';
import { CityStatus } from './city/CityStatus.tsx';
import { ScaleBar, ScaleBarUpdater } from './city/ScaleBar.tsx';
import { useCityDataset } from './city/useCityDataset.ts';
import { useEffect, useRef } from 'react';
import { cityShaderSamples } from '../render/city/cityShaderSamples.ts';
import { useApp, useT } from './context.tsx';
import { MapLayers } from './layers/MapLayers.tsx';
import type { MapViewRole } from './layers/mapLayer.ts';
import { LinkedCamera } from './LinkedCamera.tsx';
import { PresentLookView } from './look/PresentLookView.tsx';
import { useViewLook } from './look/viewLook.ts';

/** Half-width of the modelled area around the scene origin, metres (Thủ Đức spans ~20 km). */
const CITY_HALF_WIDTH_METRES = 15_000;

/** Writes the camera position into a DOM node once per frame without React state. */
function CameraReadout({ target }: { target: React.RefObject<HTMLSpanElement | null> }) {
  const t = useT();
  useFrame(({ camera }) => {
    const node = target.current;
    if (!node) return;
    const text = t('status.camera', {
      east: Math.round(camera.position.x),
      north: Math.round(-camera.position.z),
      height: Math.round(camera.position.y),
    });
    if (node.textContent !== text) node.textContent = text;
  });
  return null;
}

/**
 * Compiles the city's shader programs on stand-ins (render/city/cityShaderSamples) after the
 * view's first frame if the dataset is still loading then (`loading`); the stand-ins live as long
 * as the view. Once the whole city is there, its own first frame compiles them anyway.
 */
function CityShaderWarmUp({ loading }: { loading: boolean }) {
  const samples = useRef<ReturnType<typeof cityShaderSamples> | null>(null);
  const frames = useRef(0);
  useEffect(
    () => () => {
      samples.current?.dispose();
      samples.current = null;
    },
    [],
  );
  useFrame(({ gl, camera, scene }) => {
    // on the second frame: the first (sky, ground, grid) has been issued, its programs queued first
    if (++frames.current !== 2 || !loading) return;
    samples.current = cityShaderSamples();
    gl.compile(samples.current.group, camera, scene);
  });
  return null;
}

/**
 * The full-window 3D view of the city: a map-style camera (drag to pan, right-drag to
 * rotate, wheel to zoom) over the ground plane. The map layers of the view mount inside it
 * (layers/MapLayers). Under a `present` view look (tour playback) the sky, sun and haze of
 * look/PresentLookView replace the plain background and lights.
 */
export function CityView({
  cameraReadout,
  cameraLink,
  viewIndex = 0,
  testId = 'city-canvas',
  view = 'main',
  scenarioId,
}: {
  cameraReadout?: React.RefObject<HTMLSpanElement | null>;
  /** Set in comparison mode: the two views share one camera. */
  cameraLink?: CameraLink;
  viewIndex?: number;
  testId?: string;
  /** Which view: the main one (workbench, presentation), or the comparison's A or B (B draws B − A). */
  view?: MapViewRole;
  /** The scenario whose run results the view draws (default: the current scenario). */
  scenarioId?: string;
}) {
  const gridVisible = useApp((s) => s.layerVisible.grid ?? true);
  const groundVisible = useApp((s) => s.layerVisible.ground ?? true);
  const dataset = useCityDataset();
  const look = useViewLook();
  const scaleBar = useRef<HTMLDivElement>(null);
  // the terrain replaces the flat ground plane when the dataset has one
  const hasTerrain = dataset.status === 'ready' && dataset.dataset.data.terrain !== undefined;
  return (
    <>
      <Canvas
        data-testid={testId}
        camera={{ position: [0, 9000, 12000], fov: 45, near: 30, far: 200_000 }}
        gl={{ preserveDrawingBuffer: true, antialias: false }}
        dpr={1}
        onCreated={() => markCityLoad('context-created')}
      >
        {look === 'present' ? (
          <PresentLookView />
        ) : (
          <>
            <color attach="background" args={['#cfe3f0']} />
            <hemisphereLight args={['#ffffff', '#6b7b5a', 1.2]} />
            <directionalLight position={[5000, 12000, 3000]} intensity={1.5} />
          </>
        )}
        {groundVisible && !hasTerrain && (
          <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, -1, 0]}>
            <planeGeometry args={[CITY_HALF_WIDTH_METRES * 2, CITY_HALF_WIDTH_METRES * 2]} />
            <meshLambertMaterial color="#b9c9a3" />
          </mesh>
        )}
        {gridVisible && <gridHelper args={[CITY_HALF_WIDTH_METRES * 2, 30, '#5d6d7e', '#8fa1ad']} />}
        <MapControls makeDefault maxPolarAngle={Math.PI / 2.1} minDistance={100} maxDistance={60_000} />
        <CameraRig />
        {cameraLink && <LinkedCamera link={cameraLink} viewIndex={viewIndex} />}
        {cameraReadout && <CameraReadout target={cameraReadout} />}
        <ScaleBarUpdater target={scaleBar} />
        <CityShaderWarmUp
          loading={dataset.status !== 'error' && !(dataset.status === 'ready' && dataset.details)}
        />
        {dataset.status === 'ready' && (
          <MapLayers dataset={dataset.dataset} role={view} scenarioId={scenarioId} />
        )}
      </Canvas>
      <CityStatus state={dataset} />
      <ScaleBar target={scaleBar} />
    </>
  );
}
