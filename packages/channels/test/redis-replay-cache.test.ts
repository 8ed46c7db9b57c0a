import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisReplayCache } from "../src/inbound/redis-replay-cache.js";

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn("[skip] Redis replay cache: REDIS_URL is not set (the suite runs under .ci/run)");

describe.skipIf(!redisUrl)("webhook replay cache on Redis", () => {
  const prefix = `support-test:${randomUUID()}:`;
  const first = createRedisReplayCache(redisUrl ?? "", { ttlMs: 300, prefix });
  const second = createRedisReplayCache(redisUrl ?? "", { ttlMs: 300, prefix });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it("refuses on one instance a signature another handled, and Redis forgets it after the window", async () => {
    const key = `front:${randomUUID()}`;
    expect(await second.has(key)).toBe(false);
    await first.remember(key);
    expect(await second.has(key)).toBe(true);
    let seen = true;
    for (let i = 0; i < 100 && seen; i++) {
      await new Promise((r) => setTimeout(r, 20));
      seen = await second.has(key);
    }
    expect(seen).toBe(false);
  });
});
