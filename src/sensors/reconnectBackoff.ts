/** How long to wait before reconnecting: exponential backoff with full jitter. */
export interface BackoffPolicy {
  /** Delay ceiling of the first retry, ms. */
  initialDelayMs: number;
  /** Largest delay ceiling, ms (the exponential growth stops there). */
  maxDelayMs: number;
  /** Growth of the ceiling per failed attempt (2 doubles it). */
  factor: number;
}

/** 0.5 s, 1 s, 2 s, … up to 30 s. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialDelayMs: 500, maxDelayMs: 30_000, factor: 2 };

/**
 * The delay before reconnect attempt `attempt` (0 = the first after a loss), ms: "full jitter",
 * a uniform draw in [0, min(max, initial · factor^attempt)), so that many clients that lost the
 * same broker do not come back in step. `random` returns [0, 1) (Math.random, or a seeded one in tests).
 */
export function reconnectDelayMs(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  if (!Number.isInteger(attempt) || attempt < 0)
    throw new RangeError(`attempt is an integer ≥ 0, got ${attempt}`);
  const ceilingMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** attempt);
  return Math.floor(random() * ceilingMs);
}
