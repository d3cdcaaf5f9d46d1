import type { SensorThingsService } from '../../sensors/sensorThingsService.ts';

export async function startReplay(
  _service: SensorThingsService,
  _speed: number,
  _log: (message: string) => void,
): Promise<{ stop(): void }> {
  return { stop() {} };
}
