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
  const refilled = (key: string, rule: RateLimitRule, t: number) => {
    const bucket = buckets.get(key) ?? { tokens: rule.capacity, at: t };
    return Math.min(rule.capacity, bucket.tokens + ((t - bucket.at) / 1000) * rule.refillPerSecond);
  };
  const refused = (tokens: number, rule: RateLimitRule): RateLimitDecision => ({
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / rule.refillPerSecond)),
  });
  return {
    /**
     * Whether a token is left, taking none: for budgets spent only by failures (a wrong secret),
     * checked before the attempt and taken after it failed.
     */
    peek(key: string, rule: RateLimitRule): RateLimitDecision {
      const tokens = refilled(key, rule, now());
      return tokens >= 1 ? { ok: true } : refused(tokens, rule);
    },
    take(key: string, rule: RateLimitRule): RateLimitDecision {
      const t = now();
      const bucket = { tokens: refilled(key, rule, t), at: t };
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
      return refused(bucket.tokens, rule);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
