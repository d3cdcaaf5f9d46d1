import { describe, expect, it } from 'vitest';
import { isCancelled } from '../../core/cancel.ts';
import type { NowcastObservations } from '../../sensors/nowcast.ts';
import type { NowcastResult } from '../../scenario/nowcastRun.ts';
import type { StageId } from '../../scenario/pipeline.ts';
import { createNowcastRunner, type NowcastBackend, type NowcastState } from './nowcastRunner.ts';

const T0 = Date.UTC(2026, 10, 25, 7, 0);
const MIN = 60_000;
const at = (minutes: number) => T0 + minutes * MIN;

/** River at 0.5 m (below alarm I) and one gauge with `depths` mm every 10 min from T0. */
function observations(depths: number[]): NowcastObservations {
  const series = (values: number[]) =>
    values.map((result, k) => ({ id: k + 1, phenomenonTimeMs: at(10 * k), result }));
  return {
    river: {
      observations: series(depths.map(() => 0.5)),
      alarmLevelsMetres: { I: 1.4, II: 1.5, III: 1.6 },
      tideModel: { meanLevelMetres: 0, constituents: [] },
    },
    rainGauges: [{ name: 'G', observations: series(depths) }],
  };
}

interface Call {
  atMs: number;
  onProgress: (stage: StageId, fraction: number) => void;
  cancelBuffer: SharedArrayBuffer;
  resolve(result: NowcastResult): void;
  reject(error: Error): void;
}

function stubBackend() {
  const calls: Call[] = [];
  const reads: number[] = [];
  const backend: NowcastBackend = {
    read: async (atMs) => {
      reads.push(atMs);
      return observations([]);
    },
    run: (_observations, atMs, onProgress, cancelBuffer) =>
      new Promise<NowcastResult>((resolve, reject) =>
        calls.push({ atMs, onProgress, cancelBuffer, resolve, reject }),
      ),
  };
  return { backend, calls, reads };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const result = (atMs: number) => ({ at: new Date(atMs).toISOString() }) as NowcastResult;

describe('the operations view’s nowcast runner', () => {
  it('runs at the crossing, then at the next 30-min time after the run in flight, and stops on cancel', async () => {
    const { backend, calls, reads } = stubBackend();
    const states: NowcastState[] = [];
    const runner = createNowcastRunner(backend, (s) => states.push(s));

    // 0, 30, 15 mm: 45 mm in 3 h at 07:20, under 50: no run
    runner.observe(observations([0, 30, 15]));
    await flush();
    expect(calls).toHaveLength(0);
    expect(runner.state().status).toBe('waiting');

    // + 10 mm at 07:30: 55 mm ≥ 50 → the first run, at 07:30
    runner.observe(observations([0, 30, 15, 10]));
    await flush();
    expect(reads).toEqual([at(30)]);
    expect(calls.map((c) => c.atMs)).toEqual([at(30)]);
    expect(runner.state()).toMatchObject({ status: 'running', atMs: at(30) });
    calls[0]!.onProgress('flood', 0.5);
    expect(runner.state().stages).toEqual({ flood: 0.5, traffic: 0 });

    // data to 08:10 (rain held, still ≥ 50 mm in 3 h): the next run is due at 08:00, after this one
    runner.observe(observations([0, 30, 15, 10, 5, 5, 5, 5]));
    await flush();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(result(at(30)));
    await flush();
    await flush();
    expect(states.some((s) => s.status === 'done' && s.result?.at === new Date(at(30)).toISOString())).toBe(
      true,
    );
    expect(calls.map((c) => c.atMs)).toEqual([at(30), at(60)]);
    // the latest result stays shown while the next one runs
    expect(runner.state()).toMatchObject({ status: 'running', atMs: at(60) });
    expect(runner.state().result?.at).toBe(new Date(at(30)).toISOString());

    // cancel: the flag the worker polls is set; the run rejects "cancelled"; no restart for 08:00
    runner.cancel();
    expect(isCancelled(calls[1]!.cancelBuffer)).toBe(true);
    calls[1]!.reject(new Error('cancelled'));
    await flush();
    expect(runner.state().status).toBe('cancelled');
    runner.observe(observations([0, 30, 15, 10, 5, 5, 5, 5, 5]));
    await flush();
    expect(calls).toHaveLength(2);
    runner.dispose();
  });

  it('reports a failed run with its message', async () => {
    const { backend, calls } = stubBackend();
    const runner = createNowcastRunner(backend, () => {});
    runner.observe(observations([60]));
    await flush();
    calls[0]!.reject(new Error('worker crashed'));
    await flush();
    expect(runner.state()).toMatchObject({ status: 'failed', message: 'worker crashed' });
  });
});
