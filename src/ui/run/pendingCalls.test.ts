import { describe, expect, it } from 'vitest';
import { createPendingCalls } from './pendingCalls.ts';

/** A promise with its resolve and reject functions. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('pending calls of a worker', () => {
  it('passes answers and errors through and forgets settled calls', async () => {
    const calls = createPendingCalls();
    const ok = deferred<number>();
    const bad = deferred<number>();
    const a = calls.track(ok.promise);
    const b = calls.track(bad.promise);
    expect(calls.size).toBe(2);
    ok.resolve(7);
    bad.reject(new Error('invalid scenario'));
    await expect(a).resolves.toBe(7);
    await expect(b).rejects.toThrow('invalid scenario');
    expect(calls.size).toBe(0);
  });

  it('rejects every call in flight when the worker fails, and every later call at once', async () => {
    const calls = createPendingCalls();
    const never = [deferred<unknown>(), deferred<unknown>(), deferred<unknown>()];
    const tracked = never.map((d) => calls.track(d.promise));
    const failure = new Error('worker terminated');
    calls.failAll(failure);
    for (const call of tracked) await expect(call).rejects.toBe(failure);
    expect(calls.size).toBe(0);
    // a late answer of the dead worker changes nothing
    never[0]!.resolve(1);
    await expect(calls.track(Promise.resolve(2))).rejects.toBe(failure);
    // the first failure is the one reported
    calls.failAll(new Error('second'));
    await expect(calls.track(deferred<number>().promise)).rejects.toBe(failure);
  });
});
