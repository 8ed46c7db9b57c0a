import { type AttemptOutcome, parseRetryAfter, type RetryPolicy, runWithRetries } from "./retry.js";

export interface VendorRequest {
  method: "POST" | "PUT";
  url: string;
  /** JSON text, or encoded bytes (a multipart upload) whose content-type `headers` give. */
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Headers computed for each attempt, so a signature carries a fresh timestamp on every retry. */
  attemptHeaders?: (body: string) => Record<string, string>;
  /** The guarded fetch for tenant-set URLs (ADR 0100); the global one when not given. */
  fetch?: typeof fetch;
}

export interface VendorResponse {
  status: number;
  json: unknown;
}

/**
 * One vendor call under the retry policy: 2xx is done; 429, 5xx, timeouts and transport errors
 * are retried (honouring `Retry-After`); any other status is the vendor's final answer.
 */
export async function callVendor(
  vendor: string,
  policy: RetryPolicy,
  request: VendorRequest,
): Promise<{ response: VendorResponse; attempts: number }> {
  const { value, attempts } = await runWithRetries(policy, async (signal): Promise<AttemptOutcome<VendorResponse>> => {
    const res = await (request.fetch ?? fetch)(request.url, {
      method: request.method,
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...request.headers,
        ...(typeof request.body === "string" ? request.attemptHeaders?.(request.body) : undefined),
      },
      body: request.body as BodyInit,
      signal,
    });
    const text = await res.text();
    if (res.ok) return { kind: "done", value: { status: res.status, json: parseJson(text) } };
    const reason = `${vendor} answered ${res.status}: ${text.slice(0, 300)}`;
    if (res.status === 429 || res.status >= 500) {
      return {
        kind: "retry",
        reason,
        status: res.status,
        retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
      };
    }
    return { kind: "fail", reason, status: res.status };
  });
  return { response: value, attempts };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}
