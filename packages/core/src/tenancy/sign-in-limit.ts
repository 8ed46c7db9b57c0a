import type { RateLimiter, RateLimitRule } from "../intake/rate-limit.js";
import { AppError } from "../service/errors.js";

/**
 * Sign-in attempts (ADR 0102): per client address, so one attacker cannot try many accounts, and
 * per account, so many addresses cannot try one account's passwords. The account limit is
 * generous enough that a person mistyping is never stopped, and a locked account unlocks itself.
 */
export const SIGN_IN_LIMITS: { perAddress: RateLimitRule; perAccount: RateLimitRule } = {
  perAddress: { capacity: 20, refillPerSecond: 20 / 600 },
  perAccount: { capacity: 10, refillPerSecond: 10 / 900 },
};

export function limitSignIn(rateLimiter: RateLimiter, attempt: { address: string; email?: string }): void {
  const keys: [string, RateLimitRule][] = [[`sign-in:address:${attempt.address}`, SIGN_IN_LIMITS.perAddress]];
  const email = attempt.email?.trim().toLowerCase();
  if (email) keys.push([`sign-in:account:${email}`, SIGN_IN_LIMITS.perAccount]);
  for (const [key, rule] of keys) {
    const decision = rateLimiter.take(key, rule);
    if (!decision.ok) {
      throw new AppError("rate_limited", "Too many sign-in attempts; try again later.", {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
  }
}
