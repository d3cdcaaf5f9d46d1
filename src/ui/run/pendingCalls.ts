/**
 * The calls in flight to one worker, so that none is left waiting when the worker fails: a
 * worker that fails to load, crashes or is terminated answers nothing, and a comlink call to it
 * would never settle (the progress bar stays up, the Run button stays disabled).
 */
export interface PendingCalls {
  /** Settles as `call` does, or rejects with the failure when `failAll` comes first. */
  track<T>(call: Promise<T>): Promise<T>;
  /** Rejects every call in flight, and every later one at once, with `error`. */
  failAll(error: Error): void;
  /** Calls in flight. */
  readonly size: number;
}

/** A registry of pending calls for one worker (a fresh worker gets a fresh registry). */
export function createPendingCalls(): PendingCalls {
  const rejects = new Set<(error: Error) => void>();
  let failure: Error | undefined;
  return {
    track<T>(call: Promise<T>): Promise<T> {
      if (failure) {
        call.catch(() => {}); // the dead worker's own answer, if any, is ignored
        return Promise.reject(failure);
      }
      return new Promise<T>((resolve, reject) => {
        rejects.add(reject);
        call.then(resolve, reject).finally(() => rejects.delete(reject));
      });
    },
    failAll(error) {
      failure ??= error;
      for (const reject of rejects) reject(failure);
      rejects.clear();
    },
    get size() {
      return rejects.size;
    },
  };
}
