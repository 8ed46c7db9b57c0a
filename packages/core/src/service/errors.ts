/** Domain errors with stable codes; the API maps each code to an HTTP status. */
export type ErrorCode =
  | "invalid_input"
  | "unauthorized"
  | "invalid_signature"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal"
  /** WhatsApp allows free text only within 24 h of the customer's last message, and no template is configured. */
  | "channel_window_closed"
  /** The plan's quota (apps, channels, knowledge pages, seats) is used up: upgrade or remove some. */
  | "quota_exceeded";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The HTTP status each code answers with: the API's problem responses and the channel test report share it. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  channel_window_closed: 409,
  quota_exceeded: 402,
};
