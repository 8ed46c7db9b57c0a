export interface BackoffOptions {
  /** The first retry waits up to this long; each further one doubles it. */
  baseMs?: number;
  /** No computed wait exceeds this. */
  maxMs?: number;
  /** A `Retry-After` asking for longer than this is not waited for: the error is thrown instead. */
  maxRetryAfterMs?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 300, maxMs: 10_000, maxRetryAfterMs: 60_000 };

/** Worth another attempt: rate limits, server errors, and failures that never reached an answer. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with full jitter (spreads clients that failed together), never shorter than
 * what the server asked for in `Retry-After`. Undefined means "do not retry": the server asked
 * for a longer wait than the caller accepts.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  backoff: BackoffOptions = {},
  random: () => number = Math.random,
): number | undefined {
  const { baseMs, maxMs, maxRetryAfterMs } = { ...DEFAULT_BACKOFF, ...backoff };
  if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) return undefined;
  const jittered = Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));
  return Math.max(jittered, retryAfterMs ?? 0);
}
