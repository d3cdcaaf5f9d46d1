/**
 * The physical and size limits of a flood case (docs/limits.md, "Flood cases"). Values outside
 * them are input errors: they are either impossible on Earth or would make a run crawl or take
 * memory without bound.
 */

/** Heaviest rain accepted, mm/h (the world record hour is about 300 mm). */
export const MAX_RAIN_MILLIMETRES_PER_HOUR = 500;

/** Longest simulated duration accepted, s (30 days). */
export const MAX_DURATION_SECONDS = 30 * 86_400;

/** Most gauge samples per gauge (`duration / outputInterval + 1`), checked before allocating. */
export const MAX_OUTPUT_SAMPLES = 100_000;

/** Most gauge samples over all gauges together. */
export const MAX_GAUGE_SAMPLES = 1_000_000;

/** Largest point-source inflow accepted, m³/s (the Mekong's record flood is about 60 000). */
export const MAX_SOURCE_FLOW_CUBIC_METRES_PER_SECOND = 100_000;

/**
 * Water levels (initial level, boundary levels) must lie within this many metres of the DEM's
 * range: from its lowest cell minus it to its highest cell plus it. The rule holds in any vertical
 * datum; on the city's DEM (ground about −2 … 40 m above mean sea level) it admits the ±10 m of
 * mean sea level the scenario documents allow.
 */
export const LEVEL_MARGIN_METRES = 10;

/** Bed elevations must lie within ± this, m (deeper than the deepest ocean, higher than Everest). */
export const MAX_ABS_ELEVATION_METRES = 11_000;

/** Time-series times must lie within ± this, s (about 32 years). */
export const MAX_ABS_SERIES_SECONDS = 1e9;

/** Most points in one time series (each step integrates the series). */
export const MAX_SERIES_POINTS = 10_000;

/** Manning's n range accepted, s/m^(1/3) (glass is about 0.01, dense forest 0.2). */
export const MANNING_RANGE: readonly [number, number] = [1e-4, 1];

/** Bound on any water level before the DEM is read, m (the elevation bound plus the margin). */
export const MAX_ABS_LEVEL_METRES = MAX_ABS_ELEVATION_METRES + LEVEL_MARGIN_METRES;
