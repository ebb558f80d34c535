// A token bucket per client: `perMinute` requests a minute on average, with bursts of up to a
// minute's worth, so a listener's "Refresh all" of a few hundred podcasts goes through at once
// while a client that keeps asking is slowed to the average. Buckets live in this process only:
// behind a load balancer each instance limits on its own (see the README).

export interface RateLimitOptions {
  /** Tokens added a minute; also the bucket's size unless `burst` says otherwise. */
  perMinute: number;
  burst?: number;
  /** The clock, in milliseconds; tests move it by hand. */
  now?: () => number;
}

/** take()'s verdict: go ahead, or wait `retryAfterSeconds` (whole seconds, at least 1). */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimit {
  /** Takes one token from `client`'s bucket if it has one. */
  take(client: string): RateVerdict;
  /** How many clients have a bucket that is not full (memory held). */
  readonly size: number;
}

const SWEEP_EVERY_MS = 60_000;

/** A rate limit keyed by client (see client-id.ts). */
export function createRateLimit(options: RateLimitOptions): RateLimit {
  const capacity = options.burst ?? options.perMinute;
  const perMs = options.perMinute / 60_000;
  const now = options.now ?? (() => performance.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  let swept = now();

  const level = (bucket: { tokens: number; at: number }, time: number) =>
    Math.min(capacity, bucket.tokens + (time - bucket.at) * perMs);

  return {
    take(client) {
      const time = now();
      if (time - swept > SWEEP_EVERY_MS) {
        // A full bucket is the same as none: forget it, so memory follows active clients only.
        for (const [key, bucket] of buckets)
          if (level(bucket, time) >= capacity) buckets.delete(key);
        swept = time;
      }
      const bucket = buckets.get(client) ?? { tokens: capacity, at: time };
      bucket.tokens = level(bucket, time);
      bucket.at = time;
      buckets.set(client, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
      };
    },
    get size() {
      return buckets.size;
    },
  };
}
