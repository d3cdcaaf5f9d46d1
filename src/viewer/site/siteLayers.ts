import {
  ArcType,
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  ImageryLayer,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineColorAppearance,
  PolylineGeometry,
  Primitive,
  PrimitiveCollection,
  Rectangle,
  SingleTileImageryProvider,
} from 'cesium';
import { LAND_USE_COLOURS } from '../../render/city/cityColours.ts';
import type { SiteDepthGrid, SiteTrafficLines, SiteTrafficProperties } from '../../scenario/publishedSite.ts';
import type { SiteMassing, SiteMassingProperties } from '../../scenario/siteMassing.ts';
import type { SiteZoningEdits } from '../../scenario/siteZoningEdits.ts';
import {
  CLOSED_ROAD_COLOUR,
  classIndexOf,
  FLOOD_DEPTH_CLASSES,
  TRAFFIC_VOLUME_CLASSES,
} from './siteLegends.ts';

/** Land-use polygons of the zoning plan (data/zoning.geojson). */
export interface ZoningPlan {
  features: Array<{
    properties: { use: string; vi: string; en: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  }>;
}

/** Longest side of the zoning plan's image, pixels. */
const ZONING_IMAGE_PIXELS = 2048;
/** Longest side of a scenario's rezoned areas' image, pixels (a few km: about 3 m a pixel). */
const ZONING_EDITS_IMAGE_PIXELS = 1024;
/** Width of the rezoned areas' outline on their image, pixels (about 20 m on Thủ Thiêm's). */
const REZONED_OUTLINE_PIXELS = 7;
/** Colour of the rezoned areas' outline (the legend's outline swatch is drawn in it). */
export const REZONED_OUTLINE_COLOUR = '#111111';
/** Opacity of the zoning plan and the flood depth on the globe. */
const OVERLAY_ALPHA = 0.75;
/** Height of the traffic lines above the ground, metres (above the draped layers). */
const TRAFFIC_HEIGHT_METRES = 4;
/** Opacity of the proposed massing: today's buildings stay visible through it. */
const MASSING_ALPHA = 0.6;

/** Ground height at a longitude/latitude, metres (the site's terrain). */
export type GroundAt = (longitude: number, latitude: number) => number;

/** An image drawn in the browser (a canvas) as an imagery layer over `rectangle`. */
async function canvasLayer(canvas: HTMLCanvasElement, rectangle: Rectangle): Promise<ImageryLayer> {
  const provider = await SingleTileImageryProvider.fromUrl(canvas.toDataURL('image/png'), { rectangle });
  return new ImageryLayer(provider, { alpha: OVERLAY_ALPHA });
}

/** Rings of a Polygon or MultiPolygon. */
function ringsOf(geometry: ZoningPlan['features'][number]['geometry']): number[][][] {
  return geometry.type === 'Polygon'
    ? (geometry.coordinates as number[][][])
    : (geometry.coordinates as number[][][][]).flat();
}

/** A polygon painted by land use: its land-use code and rings (longitude/latitude degrees). */
interface LandUseArea {
  use: string;
  rings: number[][][];
}

/**
 * Areas painted by land use (the workbench's colours) as an imagery layer `pixels` wide on its
 * longest side; with `outline`, each area's edge is stroked that many pixels wide in that colour.
 */
function landUseLayer(
  areas: readonly LandUseArea[],
  pixels: number,
  outline?: { colour: string; pixels: number },
): Promise<ImageryLayer> {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const area of areas)
    for (const ring of area.rings)
      for (const [lon, lat] of ring) {
        west = Math.min(west, lon!);
        east = Math.max(east, lon!);
        south = Math.min(south, lat!);
        north = Math.max(north, lat!);
      }
  // a margin of the outline's width keeps strokes on the image
  const margin = outline ? ((east - west + (north - south)) / pixels) * outline.pixels : 0;
  [west, south, east, north] = [west - margin, south - margin, east + margin, north + margin];
  const scale = pixels / Math.max(east - west, north - south);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil((east - west) * scale);
  canvas.height = Math.ceil((north - south) * scale);
  const context = canvas.getContext('2d')!;
  for (const area of areas) {
    context.fillStyle = LAND_USE_COLOURS[area.use as keyof typeof LAND_USE_COLOURS] ?? '#cccccc';
    context.beginPath();
    for (const ring of area.rings)
      ring.forEach(([lon, lat], i) => {
        const x = (lon! - west) * scale;
        const y = (north - lat!) * scale;
        if (i === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
    context.fill('evenodd');
    if (outline) {
      context.strokeStyle = outline.colour;
      context.lineWidth = outline.pixels;
      context.lineJoin = 'round';
      context.lineCap = 'round';
      context.stroke();
    }
  }
  return canvasLayer(canvas, Rectangle.fromDegrees(west, south, east, north));
}

/** The zoning plan painted by land use (the workbench's colours) as an imagery layer. */
export function zoningLayer(plan: ZoningPlan): Promise<ImageryLayer> {
  return landUseLayer(
    plan.features.map((f) => ({ use: f.properties.use, rings: ringsOf(f.geometry) })),
    ZONING_IMAGE_PIXELS,
  );
}

/**
 * A scenario's rezoned areas painted in their new use's colour (the plan's colours) with a bold
 * outline, as an imagery layer to lay over the zoning plan.
 */
export function zoningEditsLayer(edits: SiteZoningEdits): Promise<ImageryLayer> {
  return landUseLayer(
    edits.features.map((f) => ({ use: f.properties.use, rings: f.geometry.coordinates })),
    ZONING_EDITS_IMAGE_PIXELS,
    { colour: REZONED_OUTLINE_COLOUR, pixels: REZONED_OUTLINE_PIXELS },
  );
}

/** The flood maximum depth by depth class as an imagery layer (cells under 0.05 m clear). */
export function floodLayer(grid: SiteDepthGrid): Promise<ImageryLayer> {
  const canvas = document.createElement('canvas');
  canvas.width = grid.columns;
  canvas.height = grid.rows;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(grid.columns, grid.rows);
  const colours = FLOOD_DEPTH_CLASSES.map((c) => Color.fromCssColorString(c.colour));
  grid.depthCentimetres.forEach((centimetres, k) => {
    const index = classIndexOf(FLOOD_DEPTH_CLASSES, centimetres / 100);
    if (index < 0) return;
    const colour = colours[index]!;
    image.data.set([colour.red * 255, colour.green * 255, colour.blue * 255, 255], k * 4);
  });
  context.putImageData(image, 0, 0);
  return canvasLayer(canvas, Rectangle.fromDegrees(grid.west, grid.south, grid.east, grid.north));
}

/** The flood maximum depth at a point, metres (0 outside the grid or dry). */
export function depthAt(grid: SiteDepthGrid, longitude: number, latitude: number): number {
  const col = Math.floor(((longitude - grid.west) / (grid.east - grid.west)) * grid.columns);
  const row = Math.floor(((grid.north - latitude) / (grid.north - grid.south)) * grid.rows);
  if (col < 0 || col >= grid.columns || row < 0 || row >= grid.rows) return 0;
  return (grid.depthCentimetres[row * grid.columns + col] ?? 0) / 100;
}

/**
 * Traffic volumes as lines coloured and widened by volume class, closed roads dark, 4 m above
 * the ground; one primitive per class (few draw calls). Each line's pick id is its
 * {@link SiteTrafficProperties}.
 */
export function trafficPrimitives(lines: SiteTrafficLines, groundAt: GroundAt): PrimitiveCollection {
  const byClass = new Map<number, GeometryInstance[]>(); // class index, -1 = closed
  for (const feature of lines.features) {
    const properties: SiteTrafficProperties = feature.properties;
    const index = properties.closed
      ? -1
      : Math.max(0, classIndexOf(TRAFFIC_VOLUME_CLASSES, properties.volumePcuPerHour));
    const colour = Color.fromCssColorString(
      index < 0 ? CLOSED_ROAD_COLOUR : TRAFFIC_VOLUME_CLASSES[index]!.colour,
    );
    const positions = Cartesian3.fromDegreesArrayHeights(
      feature.geometry.coordinates.flatMap(([lon, lat]) => [
        lon!,
        lat!,
        groundAt(lon!, lat!) + TRAFFIC_HEIGHT_METRES,
      ]),
    );
    if (positions.length < 2) continue;
    const instance = new GeometryInstance({
      geometry: new PolylineGeometry({
        positions,
        width: 1.5 + Math.max(0, index),
        arcType: ArcType.NONE,
      }),
      attributes: { color: ColorGeometryInstanceAttribute.fromColor(colour) },
      id: properties,
    });
    const group = byClass.get(index) ?? [];
    group.push(instance);
    byClass.set(index, group);
  }
  const collection = new PrimitiveCollection();
  for (const instances of byClass.values())
    collection.add(
      new Primitive({ geometryInstances: instances, appearance: new PolylineColorAppearance() }),
    );
  return collection;
}

/**
 * The scenario's proposed buildings, translucent and coloured by use, each extruded from the
 * lowest ground under its corners (as today's buildings stand) by its height; one primitive (one
 * draw call). Each building's pick id is its properties ({@link SiteMassingProperties}).
 */
export function massingPrimitive(massing: SiteMassing, groundAt: GroundAt): Primitive {
  const instances = massing.features.map((feature) => {
    const ring = feature.geometry.coordinates[0]!.slice(0, -1);
    const ground = Math.min(...ring.map(([lon, lat]) => groundAt(lon!, lat!)));
    const colour = LAND_USE_COLOURS[feature.properties.use as keyof typeof LAND_USE_COLOURS] ?? '#cccccc';
    return new GeometryInstance({
      geometry: new PolygonGeometry({
        polygonHierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(ring.flat())),
        height: ground,
        extrudedHeight: ground + feature.properties.heightMetres,
        vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT,
      }),
      attributes: {
        color: ColorGeometryInstanceAttribute.fromColor(
          Color.fromCssColorString(colour).withAlpha(MASSING_ALPHA),
        ),
      },
      id: feature.properties,
    });
  });
  return new Primitive({
    geometryInstances: instances,
    appearance: new PerInstanceColorAppearance({ translucent: true, closed: true }),
    // built at once (a few hundred prisms): drawn in the next requested frame, no worker to wait for
    asynchronous: false,
  });
}
