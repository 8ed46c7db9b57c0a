import { AppError, type ErrorCode, HTTP_STATUS } from "@support/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

const TITLE: Record<ErrorCode, string> = {
  invalid_input: "Invalid input",
  unauthorized: "Unauthorized",
  invalid_signature: "Invalid signature",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  internal: "Internal error",
  channel_window_closed: "The channel's reply window is closed",
  quota_exceeded: "Plan quota reached",
};

/** RFC 9457 problem details, always carrying the stable code and the request id. */
export function problem(c: Context, code: ErrorCode, detail: string, extra?: Record<string, unknown>) {
  const status = HTTP_STATUS[code] as ContentfulStatusCode;
  return c.body(
    JSON.stringify({
      type: "about:blank",
      code,
      title: TITLE[code],
      status,
      detail,
      requestId: c.get("requestId"),
      ...extra,
    }),
    status,
    { "content-type": "application/problem+json" },
  );
}

export function problemFromError(c: Context, error: unknown) {
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retryAfter !== undefined) c.header("retry-after", String(retryAfter));
    // A quota refusal names the quota, its limit and the usage, so a client can say which one.
    if (error.code === "quota_exceeded")
      return problem(c, error.code, error.message, error.details as Record<string, unknown>);
    return problem(c, error.code, error.message);
  }
  // Unknown errors are logged with their stack; the caller learns nothing about internals.
  c.get("logger").error({ err: error, requestId: c.get("requestId") }, "unhandled error");
  return problem(c, "internal", "Something went wrong. Quote the request id when reporting it.");
}
