/**
 * Token buckets per key (IP + app, and app), in process. Enough for the public form on one
 * instance; the bucket sizes are per instance when several run behind a load balancer.
 */
export interface RateLimitRule {
  capacity: number;
  refillPerSecond: number;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export function createRateLimiter(options: { maxKeys?: number; now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key: string, rule: RateLimitRule): RateLimitDecision {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: rule.capacity, at: t };
      bucket.tokens = Math.min(rule.capacity, bucket.tokens + ((t - bucket.at) / 1000) * rule.refillPerSecond);
      bucket.at = t;
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rule.refillPerSecond)) };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
