import type { RateLimitRule } from "../intake/rate-limit.js";
import { AppError } from "../service/errors.js";
import type { Ports } from "../service/ports.js";

/**
 * Failed plugin authentications allowed per organization and address: enough for a teammate who
 * opens the plugin before an admin invited them, far too few to guess a secret or to list which
 * emails are members. Only failures spend it, so a team behind one address is never slowed down.
 */
export const FRONT_PLUGIN_AUTH_FAILURES: RateLimitRule = { capacity: 10, refillPerSecond: 10 / 600 };

/**
 * Runs `authenticate` unless this organization and address already spent their failures, and
 * takes one when it refuses (401 wrong secret or organization, 403 unknown teammate). Refused
 * callers get 429 with Retry-After before their credentials are looked at.
 */
export async function limitFrontPluginFailures<T>(
  ports: Pick<Ports, "rateLimiter" | "counters">,
  caller: { org: string; address: string },
  authenticate: () => Promise<T>,
): Promise<T> {
  const key = `front-plugin:auth-failures:${caller.org.trim().toLowerCase()}:${caller.address}`;
  const before = ports.rateLimiter.peek(key, FRONT_PLUGIN_AUTH_FAILURES);
  if (!before.ok) {
    ports.counters.increment("front_plugin_rate_limited_total");
    throw new AppError("rate_limited", "Too many failed attempts from this address; try again later.", {
      retryAfterSeconds: before.retryAfterSeconds,
    });
  }
  try {
    return await authenticate();
  } catch (error) {
    if (error instanceof AppError && (error.code === "unauthorized" || error.code === "forbidden"))
      ports.rateLimiter.take(key, FRONT_PLUGIN_AUTH_FAILURES);
    throw error;
  }
}
