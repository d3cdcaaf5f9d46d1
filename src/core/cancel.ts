/**
 * Cancellation that crosses threads. A long simulation loop in a worker never yields to its
 * event loop, so a posted "abort" message would arrive too late; instead the caller and the
 * worker share one Int32 in a SharedArrayBuffer and the loop polls it between chunks.
 */

/** A shareable cancel flag: pass `buffer` to the worker, keep the token to cancel. */
export interface CancelToken {
  readonly buffer: SharedArrayBuffer;
  cancel(): void;
}

/** Creates a cancel flag, initially not cancelled. */
export function createCancelToken(): CancelToken {
  const buffer = new SharedArrayBuffer(4);
  const flag = new Int32Array(buffer);
  return { buffer, cancel: () => Atomics.store(flag, 0, 1) };
}

/** True once `cancel()` was called on the token that owns `buffer`. */
export function isCancelled(buffer: SharedArrayBuffer | undefined): boolean {
  return buffer !== undefined && Atomics.load(new Int32Array(buffer), 0) === 1;
}
