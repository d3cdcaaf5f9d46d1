import { readFileSync } from 'node:fs';
import { expose, proxy, wrap } from 'comlink';
import { describe, expect, it } from 'vitest';
import { createCancelToken } from '../../core/cancel.ts';
import { parseTntpNetwork } from '../../data/tntp/net.ts';
import { parseTntpTrips } from '../../data/tntp/trips.ts';
import { networkFromTntp } from './network.ts';
import { generateGridNetwork, generateRandomDemand } from './gridNetwork.ts';
import { createTrafficApi, type TrafficApi } from './trafficApi.ts';
import { VEHICLE_STRIDE } from './vehicles.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/traffic/${name}`, import.meta.url), 'utf8');

/** Connects the API through a real MessageChannel, as the worker would (structured clone, transfer). */
function connect() {
  const { port1, port2 } = new MessageChannel();
  expose(createTrafficApi(), port1 as never);
  const api = wrap<TrafficApi>(port2 as never);
  return {
    api,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

describe('traffic worker protocol', () => {
  it('assigns the Braess network, reports progress to 1 and answers link queries', async () => {
    const { api, close } = connect();
    const seen: number[] = [];
    const network = networkFromTntp(parseTntpNetwork(fixture('braess_net.tntp')));
    const demand = parseTntpTrips(fixture('braess_trips.tntp'));
    const result = await api.assign(
      { network, demand, relativeGap: 1e-10 },
      proxy((fraction: number) => {
        seen.push(fraction);
      }),
    );
    expect(result.linkVolume).toBeInstanceOf(Float32Array);
    expect(result.linkVolume[4]).toBeCloseTo(24 / 13, 5);
    expect(result.linkVolumeCapacityRatio[4]).toBeCloseTo(24 / 13, 5); // capacity 1
    expect(result.linkDelayMinutes[4]).toBeCloseTo(24 / 13, 4); // bridge cost 10 + v, free flow 10
    expect(result.zoneOriginTravelMinutes[0]).toBeCloseTo(1200 / 13, 6);
    expect(result.converged).toBe(true);
    await new Promise((r) => setTimeout(r, 10)); // let the last progress message arrive
    expect(seen.at(-1)).toBe(1);
    const top = await api.topOdPairsOnLink(4, 3);
    expect(top).toEqual([{ origin: 1, destination: 4, flow: expect.closeTo(24 / 13, 6) }]);
    close();
  });

  it('stops with a cancellation error when the shared flag is set', async () => {
    const { api, close } = connect();
    const token = createCancelToken();
    const grid = generateGridNetwork(8, 8, 1);
    const run = api.assign(
      {
        network: grid.network,
        demand: generateRandomDemand(64, 30, 2),
        relativeGap: -1,
        maxIterations: 100_000,
      },
      proxy(() => token.cancel()),
      token.buffer,
    );
    await expect(run).rejects.toThrow(/cancelled/);
    close();
  });

  it('rejects a network with a bad link, naming the field', async () => {
    const api = createTrafficApi();
    const network = networkFromTntp(parseTntpNetwork(fixture('braess_net.tntp')));
    network.links[2]!.capacity = -1;
    const demand = parseTntpTrips(fixture('braess_trips.tntp'));
    await expect(api.assign({ network, demand }, () => {})).rejects.toThrow(
      /links\[2\]\.capacity: expected a number > 0/,
    );
  });

  it('starts the vehicle animation of the assigned volumes and speeds and steps it', async () => {
    const { api, close } = connect();
    const grid = generateGridNetwork(5, 5, 1);
    const result = await api.assign(
      { network: grid.network, demand: generateRandomDemand(25, 10, 3) },
      proxy(() => {}),
    );
    const start = await api.startVehicles({ ...grid, maxVehicles: 100, seed: 1 });
    const count = start.positions.length / VEHICLE_STRIDE;
    expect(count).toBeGreaterThan(50);
    expect(count).toBeLessThanOrEqual(100);
    expect(start.sampleFraction).toBeGreaterThan(0);
    expect(start.mix.share.motorbike).toBeGreaterThan(0.8);
    const next = await api.stepVehicles(0.5);
    expect(next.length % VEHICLE_STRIDE).toBe(0);
    // every vehicle shows its link's assigned speed, the fastest of which is the limit
    const fastest = Math.max(...result.linkSpeedKmh);
    for (let v = 0; v < next.length / VEHICLE_STRIDE; v++) {
      expect(next[VEHICLE_STRIDE * v + 4]).toBeGreaterThan(0);
      expect(next[VEHICLE_STRIDE * v + 4]).toBeLessThanOrEqual(fastest + 1e-3);
    }
    close();
  });
});
