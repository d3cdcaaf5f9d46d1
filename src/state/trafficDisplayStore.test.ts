import { describe, expect, it } from 'vitest';
import { createTrafficDisplayStore } from './trafficDisplayStore.ts';

describe('traffic display', () => {
  it('colours by V/C with vehicles off until told otherwise', () => {
    const display = createTrafficDisplayStore();
    expect(display.getState()).toMatchObject({ colourBy: 'ratio', vehiclesOn: false });
    display.getState().setColourBy('difference');
    display.getState().setVehiclesOn(true);
    expect(display.getState()).toMatchObject({ colourBy: 'difference', vehiclesOn: true });
  });

  it('keeps each store apart', () => {
    const a = createTrafficDisplayStore();
    const b = createTrafficDisplayStore();
    a.getState().setVehiclesOn(true);
    expect(b.getState().vehiclesOn).toBe(false);
  });
});
