import { networkOf } from "../intake/client-address.js";
import type { RateLimitRule } from "../intake/rate-limit.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";

const perMinute = (n: number): RateLimitRule => ({ capacity: n, refillPerSecond: n / 60 });

/**
 * The widget's budgets, narrowest first: a bucket that refuses takes nothing from the wider ones,
 * so one noisy visitor (or one block of addresses) cannot spend the app's budget for everyone.
 * Sessions and suggestions are counted per address and network (there is no session yet, or none
 * is needed); a visitor's writes per visitor, so visitors behind one office NAT do not share one.
 */
export const WIDGET_LIMITS = {
  session: { narrow: perMinute(30), network: perMinute(120), app: perMinute(1200) },
  suggest: { narrow: perMinute(30), network: perMinute(120), app: perMinute(1200) },
  visitor: { narrow: perMinute(10), network: undefined, app: perMinute(600) },
} satisfies Record<string, { narrow: RateLimitRule; network: RateLimitRule | undefined; app: RateLimitRule }>;

/** Takes one token from each bucket of `kind`; `subject` is the address, or the visitor key for `visitor`. */
export function takeWidgetLimit(platform: Platform, kind: keyof typeof WIDGET_LIMITS, appId: string, subject: string) {
  const rules: { narrow: RateLimitRule; network: RateLimitRule | undefined; app: RateLimitRule } = WIDGET_LIMITS[kind];
  const buckets: [string, RateLimitRule][] = [[`widget:${kind}:${subject}:${appId}`, rules.narrow]];
  if (rules.network) buckets.push([`widget:${kind}:net:${networkOf(subject)}:${appId}`, rules.network]);
  buckets.push([`widget:${kind}:app:${appId}`, rules.app]);
  for (const [key, rule] of buckets) {
    const decision = platform.ports.rateLimiter.take(key, rule);
    if (!decision.ok) {
      platform.ports.counters.increment("widget_rate_limited_total", { kind });
      throw new AppError("rate_limited", "Too many requests; please try again in a moment.", {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
  }
}
