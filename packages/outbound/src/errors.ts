/**
 * Why an outbound request to a tenant-set address did not happen or was cut short. The message
 * is safe to show the tenant: it names their URL's host and the rule, never what an internal
 * address answered (nothing was sent to it) nor the address a name resolved to.
 */
export type OutboundFailure = "refused_address" | "refused_scheme" | "too_many_redirects" | "too_large" | "timeout";

export class OutboundError extends Error {
  readonly code = "outbound_refused";
  constructor(
    readonly reason: OutboundFailure,
    message: string,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

/** The `OutboundError` behind a failed fetch (undici wraps connect-time errors in `cause`). */
export function outboundErrorOf(error: unknown): OutboundError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof OutboundError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
