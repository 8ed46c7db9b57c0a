/**
 * Signatures seen inside the timestamp window. A signature is remembered only after its request
 * was handled, so a sender retrying a request that failed on our side is not turned away.
 * De-duplication by vendor id is the durable guarantee behind it. Implementations: this
 * in-process one (tests), the platform database's and Redis's (shared by several instances).
 */
export interface ReplayCache {
  has(key: string): boolean | Promise<boolean>;
  remember(key: string): void | Promise<void>;
}

/** In-process and bounded: one instance's memory, for tests and single-process tools. */
export function createReplayCache(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 6 * 60_000;
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const evictExpired = () => {
    const t = now();
    for (const [key, expires] of seen) {
      if (expires > t) break;
      seen.delete(key);
    }
  };
  return {
    has(key: string): boolean {
      const expires = seen.get(key);
      return expires !== undefined && expires > now();
    },
    remember(key: string): void {
      evictExpired();
      seen.delete(key);
      seen.set(key, now() + ttlMs);
      // Map keeps insertion order, so the first key is the oldest.
      while (seen.size > maxEntries) {
        const oldest = seen.keys().next().value;
        if (oldest === undefined) break;
        seen.delete(oldest);
      }
    },
  } satisfies ReplayCache;
}
