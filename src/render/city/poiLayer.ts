/**
 * Points of interest of `pois.geojson` (schools, universities, hospitals, clinics, markets, parks,
 * stations, Metro Line 1 stations) as one Points draw call: fixed-size round markers in screen
 * pixels (a canvas-drawn disc texture, nothing downloaded), coloured by kind.
 */
import { BufferAttribute, BufferGeometry, CanvasTexture, Points, PointsMaterial } from 'three';
import { toSceneMetres } from '../../core/geo.ts';
import { hexColor } from '../legend.ts';
import { POI_COLOURS } from './cityColours.ts';
import type { FeatureCollection } from './sceneGeoJson.ts';
import type { TerrainGrid } from './terrainGrid.ts';

/** Marker size, screen pixels. */
const MARKER_PIXELS = 11;
/** Markers float this high above the terrain, metres. */
const MARKER_LIFT_METRES = 25;

function discTexture(): CanvasTexture | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 32;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(16, 16, 14, 0, 2 * Math.PI);
  ctx.fill();
  ctx.lineWidth = 4;
  ctx.strokeStyle = '#202020';
  ctx.stroke();
  return new CanvasTexture(canvas);
}

/** Builds the marker Points object. */
export function createPoiPoints(collection: FeatureCollection, terrain: TerrainGrid | undefined): Points {
  const positions: number[] = [];
  const colours: number[] = [];
  for (const feature of collection.features) {
    if (feature.geometry.type !== 'Point') continue;
    const [lon, lat] = feature.geometry.coordinates;
    const [e, n] = toSceneMetres(lon, lat);
    const colour = hexColor(POI_COLOURS[String(feature.properties.kind)] ?? '#000000');
    positions.push(e, (terrain ? terrain.elevationAt(e, n) : 0) + MARKER_LIFT_METRES, -n);
    colours.push(...colour);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(colours), 3));
  const map = discTexture();
  const material = new PointsMaterial({
    size: MARKER_PIXELS,
    sizeAttenuation: false,
    vertexColors: true,
    alphaTest: 0.5,
    ...(map ? { map } : {}),
  });
  const points = new Points(geometry, material);
  points.name = 'pois';
  points.renderOrder = 20;
  return points;
}
