import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../src/intake/rate-limit.js";

describe("the token buckets", () => {
  const rule = { capacity: 2, refillPerSecond: 1 / 60 };

  it("peek looks without taking; take spends, and both say when a token is back", () => {
    let now = 0;
    const limiter = createRateLimiter({ now: () => now });
    for (let i = 0; i < 5; i++) expect(limiter.peek("k", rule)).toEqual({ ok: true });
    expect(limiter.take("k", rule)).toEqual({ ok: true });
    expect(limiter.take("k", rule)).toEqual({ ok: true });
    expect(limiter.peek("k", rule)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(limiter.take("k", rule)).toEqual({ ok: false, retryAfterSeconds: 60 });
    now = 30_000;
    expect(limiter.peek("k", rule)).toEqual({ ok: false, retryAfterSeconds: 30 });
    now = 60_000;
    expect(limiter.peek("k", rule)).toEqual({ ok: true });
    expect(limiter.peek("other", rule)).toEqual({ ok: true });
  });
});
