/**
 * Colours and legends of the city layers. Land-use colours follow the convention of Vietnamese
 * zoning maps (đất ở warm yellow, thương mại dịch vụ red, công nghiệp violet, cây xanh green,
 * mặt nước blue); road colours follow the usual web-map hierarchy (motorway red … service grey).
 */
import type { MessageKey } from '../../i18n/index.ts';
import { LAND_USES, type LandUse, ROAD_CLASSES, type RoadClass } from '../../core/vocabulary.ts';
import { hexColor, type Legend, type RampStop, type Rgb } from '../legend.ts';

/** Land-use colours (hex). */
export const LAND_USE_COLOURS: Readonly<Record<LandUse, string>> = {
  residential: '#f6d27a',
  commercial: '#ef7b73',
  industrial: '#b79ad8',
  mixed: '#f4a259',
  green: '#86c46d',
  education: '#f0b6d0',
  health: '#e05a6d',
  transport: '#b9b9b9',
  water: '#7fbfe6',
  agriculture: '#d5e3a1',
  public: '#c9a27e',
};

/** Colours of the land-cover classes that are not land uses (terrain.json codes 0, 12, 13, 14). */
export const LAND_COVER_EXTRA_COLOURS = {
  outside: '#d9d6cf',
  road: '#a9a9a9',
  building: '#e4d9c3',
  unmapped: '#c8d3b0',
} as const;

/** Road-class colours (hex) and line widths in screen pixels. */
export const ROAD_STYLE: Readonly<Record<RoadClass, { colour: string; widthPixels: number }>> = {
  motorway: { colour: '#d7263d', widthPixels: 4.5 },
  trunk: { colour: '#f46036', widthPixels: 4 },
  primary: { colour: '#f29e4c', widthPixels: 3.5 },
  secondary: { colour: '#e9c46a', widthPixels: 3 },
  tertiary: { colour: '#fdfdfd', widthPixels: 2.5 },
  residential: { colour: '#6f6f6f', widthPixels: 1.5 },
  service: { colour: '#9a9a9a', widthPixels: 1 },
};

/** Water surface colour (hex). */
export const WATER_COLOUR = '#4f9fd6';

/** Points of interest: kinds written by the pipeline (pois.geojson `kind`) and their colours. */
export const POI_COLOURS: Readonly<Record<string, string>> = {
  school: '#1f77b4',
  university: '#6a3d9a',
  hospital: '#d62728',
  clinic: '#ff8c94',
  market: '#ff7f0e',
  park: '#2ca02c',
  station: '#555555',
  metro_station: '#e377c2',
};

/** Share of white mixed into synthetic buildings' colours so they read lighter than OSM ones. */
export const SYNTHETIC_WHITE_SHARE = 0.55;

/** Building height ramp, metres (viridis-like, reversed: low yellow, tall violet). */
export const BUILDING_HEIGHT_STOPS: readonly RampStop[] = [
  { value: 0, color: hexColor('#fde725') },
  { value: 10, color: hexColor('#5ec962') },
  { value: 25, color: hexColor('#21918c') },
  { value: 60, color: hexColor('#3b528b') },
  { value: 150, color: hexColor('#440154') },
];

/** Mixes `share` of white into a colour. */
export function lighten(color: Rgb, share: number): Rgb {
  return [
    color[0] + (1 - color[0]) * share,
    color[1] + (1 - color[1]) * share,
    color[2] + (1 - color[2]) * share,
  ];
}

/** Administrative outline colours (hex). */
export const ADMIN_COLOURS = { boundary: '#3d1f5c', district: '#6b3fa0', ward: '#9b7bc4' } as const;

/** Administrative boundaries legend. */
export const ADMIN_LEGEND: Legend = {
  kind: 'categories',
  items: (['boundary', 'district', 'ward'] as const).map((kind) => ({
    label: `admin.${kind}` as MessageKey,
    color: hexColor(ADMIN_COLOURS[kind]),
  })),
};

/** Land-use legend (terrain and parcels). */
export const LAND_USE_LEGEND: Legend = {
  kind: 'categories',
  items: [
    ...LAND_USES.map((use) => ({
      label: `landUse.${use}` as MessageKey,
      color: hexColor(LAND_USE_COLOURS[use]),
    })),
    { label: 'landUse.road', color: hexColor(LAND_COVER_EXTRA_COLOURS.road) },
    { label: 'landUse.unmapped', color: hexColor(LAND_COVER_EXTRA_COLOURS.unmapped) },
    { label: 'landUse.outside', color: hexColor(LAND_COVER_EXTRA_COLOURS.outside) },
  ],
};

/** Road-class legend. */
export const ROAD_LEGEND: Legend = {
  kind: 'categories',
  items: ROAD_CLASSES.map((c) => ({
    label: `roadClass.${c}` as MessageKey,
    color: hexColor(ROAD_STYLE[c].colour),
  })),
};

/** Building legend when coloured by use: OSM and synthetic shade of a few uses. */
export const BUILDING_USE_LEGEND: Legend = {
  kind: 'categories',
  items: [
    ...(['residential', 'commercial', 'industrial', 'education', 'public'] as const).map((use) => ({
      label: `landUse.${use}` as MessageKey,
      color: hexColor(LAND_USE_COLOURS[use]),
    })),
    {
      label: 'buildings.syntheticShade',
      color: lighten(hexColor(LAND_USE_COLOURS.residential), SYNTHETIC_WHITE_SHARE),
    },
  ],
};

/** Building legend when coloured by height, metres. */
export const BUILDING_HEIGHT_LEGEND: Legend = { kind: 'ramp', unit: 'm', stops: BUILDING_HEIGHT_STOPS };

/** POI legend. */
export const POI_LEGEND: Legend = {
  kind: 'categories',
  items: Object.entries(POI_COLOURS).map(([kind, colour]) => ({
    label: `poi.${kind}` as MessageKey,
    color: hexColor(colour),
  })),
};

/** Water legend. */
export const WATER_LEGEND: Legend = {
  kind: 'categories',
  items: [{ label: 'water.surface', color: hexColor(WATER_COLOUR) }],
};

/** Colour (0..1) of a land-cover class by its name in terrain.json. */
export function landCoverColour(name: string): Rgb {
  if ((LAND_USES as readonly string[]).includes(name)) return hexColor(LAND_USE_COLOURS[name as LandUse]);
  const extra = LAND_COVER_EXTRA_COLOURS[name as keyof typeof LAND_COVER_EXTRA_COLOURS];
  return hexColor(extra ?? LAND_COVER_EXTRA_COLOURS.unmapped);
}
