/**
 * The live sensors on the city (main view only, hidden until toggled on): one instanced sphere
 * mesh with a marker per station with a Location, coloured as sensorMarkers says (one draw call
 * for 1,000 stations), and DOM label buttons (value, unit, age, health, source; dashed when stale
 * or offline) that open the station's popup, on the stations that sensorLabels picks (the nearest
 * on screen, at most MAX_SENSOR_LABELS). Labels are placed only when the camera, the canvas or the
 * data changed, not every frame. Publishes `window.__twin.sensors`.
 */
import { Color, InstancedMesh, Matrix4, MeshBasicMaterial, SphereGeometry, Vector3 } from 'three';
import { toSceneMetres } from '../../core/geo.ts';
import { sensors } from '../../state/sensorsStore.ts';
import { labelledStations } from '../sensors/sensorLabels.ts';
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
    const material = new MeshBasicMaterial();
    const container = document.createElement('div');
    container.className = 'sensor-labels';
    renderer.domElement.parentElement?.appendChild(container);
    let markers: SensorMarker[] = [];
    let anchors: Vector3[] = [];
    let mesh: InstancedMesh | undefined;
    let ndc = new Float32Array(0);
    let distances = new Float32Array(0);
    /** Label buttons by Datastream id (only the labelled stations have one). */
    const labels = new Map<number, HTMLButtonElement>();
    let selected: number | null = null;
    let widthPixels = 0;
    let heightPixels = 0;
    let visible = false;
    /** Set when labels must be chosen and placed again at the next frame. */
    let labelsStale = true;
    const lastView = new Matrix4();
    const view = new Matrix4();
    const point = new Vector3();
    const colour = new Color();
    const placement = new Matrix4();
    const dataEffect = new Effect();

    const removeMesh = () => {
      if (!mesh) return;
      root.remove(mesh);
      mesh.dispose();
      mesh = undefined;
    };

    /** Writes `marker`'s class, colour and text on its label, only what changed. */
    const restyle = (node: HTMLButtonElement, marker: SensorMarker, nowMs: number) => {
      // style.borderColor reads back as rgb(…), so the hex last written is kept beside it
      if (node.dataset.colour !== marker.colourHex) {
        node.dataset.colour = marker.colourHex;
        node.style.borderColor = marker.colourHex;
      }
      const className = `sensor-label sensor-${marker.health}`;
      if (node.className !== className) node.className = className;
      if (node.dataset.health !== marker.health) node.dataset.health = marker.health;
      if (node.dataset.level !== marker.level) node.dataset.level = marker.level;
      const label = markerLabel(marker, nowMs);
      if (node.textContent !== label) node.textContent = label;
    };

    const labelFor = (marker: SensorMarker) => {
      let node = labels.get(marker.streamId);
      if (node) return node;
      node = document.createElement('button');
      node.type = 'button';
      node.dataset.testid = 'sensor-marker';
      const id = marker.streamId;
      node.addEventListener('click', () => sensors.getState().select(id));
      container.appendChild(node);
      labels.set(id, node);
      return node;
    };

    /** Chooses the labelled stations for the camera now and places their labels. */
    const placeLabels = () => {
      for (let i = 0; i < anchors.length; i++) {
        const anchor = anchors[i] as Vector3;
        distances[i] = anchor.distanceTo(camera.position);
        point.copy(anchor).project(camera);
        ndc[3 * i] = point.x;
        ndc[3 * i + 1] = point.y;
        ndc[3 * i + 2] = point.z;
      }
      const selectedIndex = selected === null ? -1 : markers.findIndex((m) => m.streamId === selected);
      const chosen = labelledStations(ndc, distances, selectedIndex);
      const keep = new Set<number>();
      const nowMs = Date.now();
      for (const i of chosen) {
        const marker = markers[i] as SensorMarker;
        keep.add(marker.streamId);
        const node = labelFor(marker);
        restyle(node, marker, nowMs);
        const x = ((ndc[3 * i]! + 1) / 2) * widthPixels;
        const y = ((1 - ndc[3 * i + 1]!) / 2) * heightPixels;
        node.style.transform = `translate(-50%, -100%) translate(${x.toFixed(1)}px, ${(y - 8).toFixed(1)}px)`;
      }
      for (const [id, node] of labels) {
        if (keep.has(id)) continue;
        node.remove();
        labels.delete(id);
      }
    };

    /**
     * Places the markers anew when the stations or the exaggeration changed; otherwise (a new
     * value, a change of health) recolours them in place, as live updates come every second.
     */
    let placedExaggeration = Number.NaN;
    const draw = (exaggeration: number) => {
      const next = workbenchSensors(Date.now())?.markers ?? [];
      const samePlaces =
        exaggeration === placedExaggeration &&
        next.length === markers.length &&
        next.every((m, i) => m.streamId === markers[i]?.streamId);
      markers = next;
      if (!samePlaces) {
        removeMesh();
        anchors = markers.map((marker) => {
          const [east, north] = toSceneMetres(marker.lonLat[0], marker.lonLat[1]);
          const ground = terrain ? terrain.elevationAt(east, north) : 0;
          return new Vector3(east, ground * exaggeration + MARKER_LIFT_METRES, -north);
        });
        ndc = new Float32Array(3 * markers.length);
        distances = new Float32Array(markers.length);
        if (markers.length > 0) {
          const instances = new InstancedMesh(geometry, material, markers.length);
          instances.renderOrder = 30;
          for (const [i, anchor] of anchors.entries())
            instances.setMatrixAt(i, placement.makeTranslation(anchor));
          root.add(instances);
          mesh = instances;
        }
        placedExaggeration = exaggeration;
      }
      if (mesh) {
        for (const [i, marker] of markers.entries()) mesh.setColorAt(i, colour.set(marker.colourHex));
        if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      }
      labelsStale = true;
    };

    const unregister = registerTestHook('sensors', {
      markerCount: () => (mesh ? mesh.count : 0),
      markerLevel: (place) => markers.find((m) => m.place === place)?.level ?? null,
      changesSeen: workbenchSensorChanges,
    });

    return {
      update(state) {
        visible = state.app.layerVisible.sensors ?? false;
        container.style.display = visible ? '' : 'none';
        if (state.sensors.selectedStreamId !== selected) {
          selected = state.sensors.selectedStreamId;
          labelsStale = true;
        }
        const exaggeration = state.app.verticalExaggeration;
        dataEffect.run([state.sensors.dataVersion, state.sensors.connection, exaggeration], () => {
          draw(exaggeration);
          return undefined;
        });
      },
      resize(width, height) {
        widthPixels = width;
        heightPixels = height;
        labelsStale = true;
      },
      frame() {
        if (!visible) return;
        view.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
        if (!labelsStale && view.equals(lastView)) return;
        lastView.copy(view);
        labelsStale = false;
        placeLabels();
      },
      dispose() {
        unregister();
        removeMesh();
        for (const node of labels.values()) node.remove();
        labels.clear();
        geometry.dispose();
        material.dispose();
        container.remove();
      },
    };
  },
};
