/**
 * The live sensors on the city (main view only, hidden until toggled on): a sphere per station
 * with a Location, coloured as sensorMarkers says, and over it a DOM label button (value, unit,
 * age, health, source; dashed when stale or offline) that opens the station's popup. Labels are
 * placed every frame by projecting their anchors, as the district labels are. Publishes
 * `window.__twin.sensors`.
 */
import { Mesh, MeshBasicMaterial, SphereGeometry, Vector3 } from 'three';
import { toSceneMetres } from '../../core/geo.ts';
import { sensors } from '../../state/sensorsStore.ts';
import { markerLabel, type SensorMarker } from '../sensors/sensorMarkers.ts';
import { workbenchSensorChanges, workbenchSensors } from '../sensors/workbenchSensors.ts';
import { registerTestHook } from '../testHooks.ts';
import { Effect } from './effect.ts';
import type { MapLayer } from './mapLayer.ts';

/** Marker radius, m. */
const MARKER_RADIUS_METRES = 70;
/** Markers float this high above the terrain, m. */
const MARKER_LIFT_METRES = 120;

/** What `window.__twin.sensors` offers the e2e test. */
export interface SensorsTestApi {
  /** Station markers drawn. */
  markerCount(): number;
  /** The class of a station's marker (`aqi-3`, `river-II`, `rain-light`, ...) by its place name. */
  markerLevel(place: string): string | null;
  /** Changes (live values, connection states) the feed has reported since the page loaded. */
  changesSeen(): number;
}

/**
 * Whether the live sensors show without a click: only when `npm start` runs the live-data service
 * beside the app (bin/start.mjs sets VITE_TWIN_LIVE_SENSORS=1); elsewhere (a bare `vite`, the
 * tests, a static host) the page may have no service, so the layer waits for its toggle.
 */
export const SENSORS_SHOWN_BY_DEFAULT = import.meta.env.VITE_TWIN_LIVE_SENSORS === '1';

export const sensorsMapLayer: MapLayer = {
  id: 'sensors',
  label: 'layer.sensors',
  hiddenByDefault: !SENSORS_SHOWN_BY_DEFAULT,
  views: ['main'],
  mount({ root, terrain, renderer, camera }) {
    const geometry = new SphereGeometry(MARKER_RADIUS_METRES, 16, 12);
    const container = document.createElement('div');
    container.className = 'sensor-labels';
    renderer.domElement.parentElement?.appendChild(container);
    let shown: Array<{ marker: SensorMarker; mesh: Mesh; node: HTMLButtonElement; anchor: Vector3 }> = [];
    let widthPixels = 0;
    let heightPixels = 0;
    let visible = false;
    const point = new Vector3();
    const dataEffect = new Effect();

    const clear = () => {
      for (const { mesh, node } of shown) {
        root.remove(mesh);
        (mesh.material as MeshBasicMaterial).dispose();
        node.remove();
      }
      shown = [];
    };

    /**
     * Shows `marker`'s class, colour and label on a station already placed, writing only what
     * changed (each write to a label invalidates the page's style).
     */
    const restyle = (station: (typeof shown)[number], marker: SensorMarker, nowMs: number) => {
      const was = station.marker;
      station.marker = marker;
      const { node } = station;
      const fresh = node.textContent === '';
      if (fresh || was.colourHex !== marker.colourHex) {
        (station.mesh.material as MeshBasicMaterial).color.set(marker.colourHex);
        node.style.borderColor = marker.colourHex;
      }
      if (fresh || was.health !== marker.health) {
        node.className = `sensor-label sensor-${marker.health}`;
        node.dataset.health = marker.health;
      }
      if (fresh || was.level !== marker.level) node.dataset.level = marker.level;
      const label = markerLabel(marker, nowMs);
      if (node.textContent !== label) node.textContent = label;
    };

    const place = (marker: SensorMarker, exaggeration: number) => {
      const [east, north] = toSceneMetres(marker.lonLat[0], marker.lonLat[1]);
      const ground = terrain ? terrain.elevationAt(east, north) : 0;
      const anchor = new Vector3(east, ground * exaggeration + MARKER_LIFT_METRES, -north);
      const mesh = new Mesh(geometry, new MeshBasicMaterial());
      mesh.position.copy(anchor);
      mesh.renderOrder = 30;
      root.add(mesh);
      const node = document.createElement('button');
      node.type = 'button';
      node.dataset.testid = 'sensor-marker';
      node.addEventListener('click', () => sensors.getState().select(marker.streamId));
      container.appendChild(node);
      return { marker, mesh, node, anchor };
    };

    /**
     * Places the markers anew when the stations or the exaggeration changed; otherwise (a new
     * value, a change of health) restyles the markers in place, as live updates come every second.
     */
    let placedExaggeration = Number.NaN;
    const draw = (exaggeration: number) => {
      const nowMs = Date.now();
      const markers = workbenchSensors(nowMs)?.markers ?? [];
      const samePlaces =
        exaggeration === placedExaggeration &&
        markers.length === shown.length &&
        markers.every((m, i) => m.streamId === shown[i]?.marker.streamId);
      if (!samePlaces) {
        clear();
        shown = markers.map((marker) => place(marker, exaggeration));
        placedExaggeration = exaggeration;
      }
      for (const [i, marker] of markers.entries()) restyle(shown[i] as (typeof shown)[number], marker, nowMs);
    };

    const unregister = registerTestHook('sensors', {
      markerCount: () => shown.length,
      markerLevel: (place) => shown.find((s) => s.marker.place === place)?.marker.level ?? null,
      changesSeen: workbenchSensorChanges,
    });

    return {
      update(state) {
        visible = state.app.layerVisible.sensors ?? false;
        container.style.display = visible ? '' : 'none';
        const exaggeration = state.app.verticalExaggeration;
        dataEffect.run([state.sensors.dataVersion, state.sensors.connection, exaggeration], () => {
          draw(exaggeration);
          return undefined;
        });
      },
      resize(width, height) {
        widthPixels = width;
        heightPixels = height;
      },
      frame() {
        if (!visible) return;
        for (const { anchor, node } of shown) {
          point.copy(anchor).project(camera);
          const onScreen = point.z < 1 && Math.abs(point.x) < 1.1 && Math.abs(point.y) < 1.1;
          node.style.display = onScreen ? '' : 'none';
          if (!onScreen) continue;
          const x = ((point.x + 1) / 2) * widthPixels;
          const y = ((1 - point.y) / 2) * heightPixels;
          node.style.transform = `translate(-50%, -100%) translate(${x.toFixed(1)}px, ${(y - 8).toFixed(1)}px)`;
        }
      },
      dispose() {
        unregister();
        clear();
        geometry.dispose();
        container.remove();
      },
    };
  },
};
