import { createHash } from "node:crypto";
import { Redis } from "ioredis";

/**
 * The webhook replay cache on Redis (`REDIS_URL`; Upstash speaks the same protocol over TLS,
 * `rediss://`): every API instance sees the signatures the others handled, and Redis expires
 * them with the window. Keys are digests, so no signature is stored.
 */
export function createRedisReplayCache(url: string, options: { ttlMs?: number; prefix?: string } = {}) {
  const ttlMs = options.ttlMs ?? 6 * 60_000;
  const prefix = options.prefix ?? "support:replay:";
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const keyOf = (key: string) => `${prefix}${createHash("sha256").update(key).digest("hex")}`;
  return {
    async has(key: string): Promise<boolean> {
      return (await redis.exists(keyOf(key))) === 1;
    },
    async remember(key: string): Promise<void> {
      await redis.set(keyOf(key), "1", "PX", ttlMs);
    },
    async close(): Promise<void> {
      await redis.quit();
    },
  };
}
