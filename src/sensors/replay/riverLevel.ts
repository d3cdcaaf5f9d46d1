import { PHU_AN_ALARM_LEVELS } from '../../sim/hydrology/tideObserved.ts';
import { type TideFitToExtremes, tideLevelAt } from '../../sim/hydrology/tideHarmonics.ts';
import { measurementDatastream, pointLocation, type ReplayFeed } from './replayFeed.ts';

/** Phú An hydrological station on the Saigon River (approximate position, not surveyed). */
const PHU_AN = { lon: 106.7265, lat: 10.8105 };

/**
 * The Saigon River level at Phú An as a continuous series every 10 minutes from the harmonic
 * tide model fitted to the observed highs and lows (a synthetic series: a model, not a record).
 * The Datastream's properties carry the alarm levels and the model with its fit error.
 */
export function riverLevelFeed(fit: TideFitToExtremes, observedFile: string): ReplayFeed {
  const alarmLevels = Object.fromEntries(PHU_AN_ALARM_LEVELS.map((a) => [a.name, a.metres]));
  return {
    key: 'phuan-level',
    thing: {
      name: 'Phú An river level',
      description:
        'Saigon River water level at Phú An (Hòn Dấu datum), from a harmonic tide model fitted to the observed daily highs and lows',
      properties: {
        source: 'synthetic',
        replayKey: 'phuan-level',
        nameVi: 'Mực nước sông Sài Gòn tại Phú An',
      },
      Locations: [pointLocation('Phú An (Saigon River)', PHU_AN.lon, PHU_AN.lat)],
      Datastreams: [
        measurementDatastream({
          key: 'level',
          name: 'Phú An water level',
          description: 'water level every 10 minutes, m above the Hòn Dấu datum (tide model)',
          unit: { name: 'metre', symbol: 'm', definition: 'http://unitsofmeasure.org/ucum.html#m' },
          observedProperty: {
            name: 'water level',
            definition: 'http://vocab.nerc.ac.uk/collection/P07/current/CFSN0721/',
          },
          sensor: {
            name: 'Phú An tide model',
            description: 'harmonic tide model (twin, src/sim/hydrology/tideHarmonics.ts)',
          },
          plausibleRange: { min: -4, max: 4 },
          properties: {
            datum: 'Hòn Dấu',
            alarmLevelsMetres: alarmLevels,
            alarmLevelsSource: 'Decision 05/2020/QĐ-TTg',
            tideModel: {
              meanLevelMetres: fit.model.meanLevelMetres,
              constituents: fit.model.constituents,
              fittedTo: observedFile,
              extremes: fit.count,
              rmsErrorMetres: fit.rmsErrorMetres,
              maxErrorMetres: fit.maxErrorMetres,
            },
          },
        }),
      ],
    },
    streams: [
      { key: 'level', stepSeconds: 600, valueAt: (t) => Math.round(tideLevelAt(fit.model, t) * 1000) / 1000 },
    ],
  };
}
