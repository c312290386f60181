// Per-client-address token buckets for POST /subscribe; this module's limiter is the only state it keeps.

export interface RateDecision {
  allowed: boolean;
  /** whole seconds until the next request would be allowed (0 when allowed) */
  retryAfterSeconds: number;
}

/** Most addresses the limiter remembers; past it, addresses whose bucket has refilled are forgotten first. */
const MAX_TRACKED = 50_000;

/** Each address may burst `perMinute` requests, then one every 60/perMinute seconds. */
export class IpRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  take(address: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(address);
    const tokens = bucket === undefined ? this.perMinute : Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    if (tokens < 1) {
      this.buckets.set(address, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / this.refillPerMs / 1000) };
    }
    if (bucket === undefined && this.buckets.size >= MAX_TRACKED) this.forgetRefilled(now);
    this.buckets.set(address, { tokens: tokens - 1, at: now });
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private forgetRefilled(now: number): void {
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.refillPerMs >= this.perMinute) this.buckets.delete(address);
    }
    // Every tracked address is still limited: drop the oldest rather than grow without bound.
    if (this.buckets.size >= MAX_TRACKED) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
  }
}

/**
 * The client's address: the socket's peer, or behind a trusted reverse proxy the last X-Forwarded-For entry
 * (the one the proxy added; earlier entries come from the client and can be forged).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor.split(',').pop()?.trim();
    if (last) return last;
  }
  return socketAddress ?? 'unknown';
}
