import {
  SIZE_FACTOR,
  VEHICLE_SPEED_LEGEND,
  VEHICLE_TIME_LAPSE,
} from '../../render/traffic/vehicleInstances.ts';
import { DEFAULT_VEHICLE_MIX } from '../../sim/traffic/vehicles.ts';
import { useApp, useT } from '../context.tsx';
import { LegendView } from '../LegendView.tsx';

/**
 * What the moving vehicles are (shown with them): an animation of the assigned traffic, not a
 * micro-simulation — entries in proportion to the assigned volumes with the demand model's
 * vehicle mix, moving at the assigned speeds — and the km/h legend of their colour.
 */
export function VehicleAnimationNote() {
  const t = useT();
  const language = useApp((s) => s.language);
  const percent = (share: number) =>
    (share * 100).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 });
  return (
    <div className="traffic-vehicles-note" data-testid="traffic-vehicles-note">
      <p>
        {t('traffic.vehiclesNote', {
          motorbikes: percent(DEFAULT_VEHICLE_MIX.share.motorbike),
          cars: percent(DEFAULT_VEHICLE_MIX.share.car),
          size: SIZE_FACTOR,
          timeLapse: VEHICLE_TIME_LAPSE,
        })}
      </p>
      <p>{t('traffic.vehiclesLegend')}</p>
      <LegendView legend={VEHICLE_SPEED_LEGEND} />
    </div>
  );
}
