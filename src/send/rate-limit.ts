// Spaces message hand-offs evenly: at most `perSecond` starts per second, across all connections.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Returns `take()`, which resolves when the caller may start its next message. Unlimited without a rate. */
export function createRateLimiter(perSecond: number | undefined, clock: Clock): () => Promise<void> {
  if (perSecond === undefined) return async () => {};
  const interval = 1000 / perSecond;
  let nextSlot = Number.NEGATIVE_INFINITY;
  return async () => {
    const now = clock.now();
    // The slot is reserved before waiting, so concurrent callers queue up instead of bunching.
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + interval;
    if (slot > now) await clock.sleep(slot - now);
  };
}
