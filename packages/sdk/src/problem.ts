/**
 * RFC 9457 problem details, shaped like the platform API's (`type`, `title`, `status`, `detail`,
 * `code`, `requestId`), so one error reader serves both directions.
 */
export type ProblemCode =
  | "invalid_input"
  | "unauthorized"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "not_implemented"
  | "internal";

const STATUS: Record<ProblemCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  not_implemented: 501,
  internal: 500,
};

const TITLE: Record<ProblemCode, string> = {
  invalid_input: "Invalid input",
  unauthorized: "Unauthorized",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  not_implemented: "Not implemented",
  internal: "Internal error",
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  [extension: string]: unknown;
}

export function problemResponse(
  code: ProblemCode,
  detail: string,
  requestId: string,
  extra?: Record<string, unknown>,
): Response {
  const status = STATUS[code];
  const body: Problem = { type: "about:blank", title: TITLE[code], status, detail, code, requestId, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": requestId },
  });
}

/**
 * Thrown by an integration method to answer with a problem the caller may see ("no such
 * purchase", "already refunded"); any other thrown error becomes an opaque 500.
 */
export class SupportActionError extends Error {
  constructor(
    readonly code: "invalid_input" | "not_found" | "conflict",
    message: string,
  ) {
    super(message);
    this.name = "SupportActionError";
  }
}
