// The rate limiter, on a fake clock: evenly spaced starts, also for callers that ask at the same time.
import { describe, expect, it } from 'vitest';
import { createRateLimiter, type Clock } from '../../src/send/rate-limit.ts';

function fakeClock(): Clock & { sleeps: number[] } {
  let now = 1_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    // Like a timer: the caller wakes `ms` after it went to sleep; other callers may ask in the meantime.
    sleep: async (ms) => {
      const wake = now + ms;
      sleeps.push(ms);
      await Promise.resolve();
      now = Math.max(now, wake);
    },
  };
}

describe('createRateLimiter', () => {
  it('spaces sequential starts 1/rate seconds apart', async () => {
    const clock = fakeClock();
    const take = createRateLimiter(4, clock);
    for (let i = 0; i < 4; i += 1) await take();
    expect(clock.sleeps).toEqual([250, 250, 250]);
  });

  it('queues concurrent callers one interval after another', async () => {
    const clock = fakeClock();
    const take = createRateLimiter(2, clock);
    await Promise.all([take(), take(), take()]);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('does not wait when time has passed anyway, and never without a rate', async () => {
    const clock = fakeClock();
    const take = createRateLimiter(10, clock);
    await take();
    await clock.sleep(5_000);
    await take();
    expect(clock.sleeps).toEqual([5_000]);
    const unlimited = createRateLimiter(undefined, clock);
    await Promise.all([unlimited(), unlimited(), unlimited()]);
    expect(clock.sleeps).toEqual([5_000]);
  });
});
