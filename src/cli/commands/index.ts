import type { Command } from '../command.ts';

/**
 * The `twin` command registry: name → lazy loader, so `twin --help` stays fast and each
 * command's dependencies load only when it runs. Add one line per command.
 */
export const COMMANDS: ReadonlyArray<{ name: string; summary: string; load: () => Promise<Command> }> = [
  {
    name: 'scenario validate',
    summary: 'check a scenario document and list every problem',
    load: async () => (await import('./scenarioValidate.ts')).scenarioValidate,
  },
  {
    name: 'scenario run',
    summary: 'run a scenario (land use → flood → traffic) and print its KPIs',
    load: async () => (await import('./scenarioRun.ts')).scenarioRun,
  },
  {
    name: 'compare',
    summary: 'KPIs of two scenarios and their differences',
    load: async () => (await import('./compare.ts')).compare,
  },
  {
    name: 'flood run',
    summary: 'run a flood case (local-inertial shallow water): gauges, volumes, speed',
    load: async () => (await import('./floodRun.ts')).floodRun,
  },
  {
    name: 'zoning buildout',
    summary: 'maximum gross floor area of parcels under zoning rules',
    load: async () => (await import('./zoningBuildout.ts')).zoningBuildout,
  },
  {
    name: 'zoning baseline',
    summary: 'write the baseline zoning rules and parcels derived from the dataset',
    load: async () => (await import('./zoningBaseline.ts')).zoningBaseline,
  },
  {
    name: 'traffic assign',
    summary: 'static user-equilibrium traffic assignment on TNTP files',
    load: async () => (await import('./trafficAssign.ts')).trafficAssign,
  },
  {
    name: 'bench traffic',
    summary: 'benchmark assignment, shortest paths and the vehicle stepper',
    load: async () => (await import('./benchTraffic.ts')).benchTraffic,
  },
  {
    name: 'landuse census',
    summary: 'baseline residents per census ward against the 2019 census (table, scatter plot)',
    load: async () => (await import('./landuseCensus.ts')).landuseCensus,
  },
  {
    name: 'validate flood-spots',
    summary: 'compare a flood run with known flood spots against random street points',
    load: async () => (await import('./validateFloodSpots.ts')).validateFloodSpotsCommand,
  },
  {
    name: 'validate tide',
    summary: 'observed Phú An tide extremes against the alarm levels and a scenario tide',
    load: async () => (await import('./validateTide.ts')).validateTide,
  },
  {
    name: 'data build',
    summary: 'build the default dataset (roads, land use, buildings, terrain) from OSM',
    load: async () => (await import('./dataBuild.ts')).dataBuild,
  },
  {
    name: 'data tiles',
    summary: 'write the dataset buildings as a 3D Tiles 1.1 tileset',
    load: async () => (await import('./dataTiles.ts')).dataTiles,
  },
  {
    name: 'sensors serve',
    summary: 'live-data service: SensorThings API 1.1 (HTTP) and MQTT, durable store, replay',
    load: async () => (await import('./sensorsServe.ts')).sensorsServe,
  },
  {
    name: 'nowcast',
    summary: 'reproduce the flood nowcast at a data time from stored river level and rain observations',
    load: async () => (await import('./nowcast.ts')).nowcast,
  },
  {
    name: 'publish',
    summary: 'write a static public site of published scenarios (viewer, buildings, results)',
    load: async () => (await import('./publish.ts')).publish,
  },
  {
    name: 'bench flood',
    summary: 'flood kernel speed: plain reference vs JS and WASM kernels on 1..N threads (cell updates/s)',
    load: async () => (await import('./benchFlood.ts')).benchFlood,
  },
  {
    name: 'bench flood-city',
    summary: 'whole-city flood event (100-year storm, king tide): wall time and volume error',
    load: async () => (await import('./benchFloodCity.ts')).benchFloodCity,
  },
];
