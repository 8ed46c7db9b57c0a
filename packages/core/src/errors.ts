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
  | "internal";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
