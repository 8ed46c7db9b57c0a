import { DeliveryError } from "./port.js";

/**
 * How hard an adapter tries: exponential backoff with full jitter between attempts, a timeout per
 * attempt, and the vendor's `Retry-After` honoured up to a ceiling (past it we give up and let the
 * caller reschedule rather than hold a worker for minutes).
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  maxRetryAfterMs: number;
  /** How to wait between attempts; tests and schedulers may replace it. */
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  timeoutMs: 10_000,
  maxRetryAfterMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}

/** What one attempt concluded. Thrown errors count as transport failures and are retried. */
export type AttemptOutcome<T> =
  | { kind: "done"; value: T }
  | { kind: "retry"; reason: string; status?: number; retryAfterMs?: number }
  | { kind: "fail"; reason: string; status?: number };

/** Full jitter: a uniform wait in [0, min(max, base·2^(n-1))], so retrying clients spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(Math.random() * ceiling);
}

/** `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP dates always name a day or month; without one, Date.parse would accept "-5" as a year.
  const date = /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Runs attempts until one is done, one fails for good, or the policy is spent. `retryTimeouts:
 * false` is for protocols where a timed-out attempt may still have been delivered (SMTP after
 * DATA): the send then stops instead of risking a duplicate.
 */
export async function runWithRetries<T>(
  policy: RetryPolicy,
  attempt: (signal: AbortSignal) => Promise<AttemptOutcome<T>>,
  options: { retryTimeouts: boolean } = { retryTimeouts: true },
): Promise<{ value: T; attempts: number }> {
  let last: { reason: string; status?: number } = { reason: "not attempted" };
  for (let n = 1; n <= policy.maxAttempts; n++) {
    const signal = AbortSignal.timeout(policy.timeoutMs);
    let outcome: AttemptOutcome<T>;
    try {
      outcome = await abortable(attempt(signal), signal);
    } catch (error) {
      // The guarded fetch refused the tenant's address (ADR 0100): the same answer every time.
      if ((error as { code?: string }).code === "outbound_refused") {
        throw new DeliveryError("refused_address", (error as Error).message, { retriable: false, attempts: n });
      }
      if (signal.aborted && !options.retryTimeouts) {
        throw new DeliveryError(
          "timed_out",
          `timed out after ${policy.timeoutMs} ms; the server may have accepted the message, so it is not retried`,
          { retriable: false, attempts: n },
        );
      }
      const reason = signal.aborted
        ? `timed out after ${policy.timeoutMs} ms`
        : `transport error: ${error instanceof Error ? error.message : String(error)}`;
      outcome = { kind: "retry", reason };
    }
    if (outcome.kind === "done") return { value: outcome.value, attempts: n };
    if (outcome.kind === "fail") {
      throw new DeliveryError("vendor_rejected", outcome.reason, {
        retriable: false,
        attempts: n,
        status: outcome.status,
      });
    }
    last = outcome;
    if (n === policy.maxAttempts) break;
    if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > policy.maxRetryAfterMs) {
      throw new DeliveryError(
        "rate_limited",
        `${outcome.reason}; the vendor asked to wait ${Math.ceil(outcome.retryAfterMs / 1000)} s`,
        { retriable: true, attempts: n, status: outcome.status },
      );
    }
    await policy.sleep(Math.max(outcome.retryAfterMs ?? 0, backoffDelay(policy, n)));
  }
  throw new DeliveryError("retries_exhausted", `gave up after ${policy.maxAttempts} attempts: ${last.reason}`, {
    retriable: true,
    attempts: policy.maxAttempts,
    status: last.status,
  });
}

/** Ends the wait when the attempt's timeout fires, even if the underlying client ignores the signal. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
