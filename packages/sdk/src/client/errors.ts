/** Base of every error the client throws, so one `instanceof` catches them all. */
export class SupportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SupportError";
  }
}

/** The platform answered with an error: its problem+json `code`, `status` and request id. */
export class SupportApiError extends SupportError {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | undefined;
  /** The full problem body, for extensions such as `issues` on a 400. */
  readonly problem: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>, requestId: string | undefined) {
    const detail = typeof problem.detail === "string" ? problem.detail : `HTTP ${status}`;
    super(`${status} ${detail}`);
    this.name = "SupportApiError";
    this.status = status;
    // A body that is not a problem (a proxy's HTML page, say) still yields a code to branch on.
    this.code = typeof problem.code === "string" ? problem.code : "http_error";
    this.title = typeof problem.title === "string" ? problem.title : "";
    this.detail = detail;
    this.requestId = typeof problem.requestId === "string" ? problem.requestId : requestId;
    this.problem = problem;
  }
}

/** The platform could not be reached, or did not answer in time, after every retry. */
export class SupportNetworkError extends SupportError {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "SupportNetworkError";
  }
}
