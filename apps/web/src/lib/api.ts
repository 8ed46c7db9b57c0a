/** A failed API call, carrying the problem+json code and detail the API returns. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For `invalid_input`: each refused field (a dotted path, e.g. `settings.debounceSeconds`) and why. */
    readonly issues: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The server could not be reached (offline, DNS, a dropped connection): no answer at all. */
export class NetworkError extends Error {}

/** fetch, with "no answer" told apart from the errors the API answers with. */
export function request(path: string, init: RequestInit): Promise<Response> {
  return fetch(path, { credentials: "same-origin", ...init }).catch((cause: unknown) => {
    throw new NetworkError(String(cause), { cause });
  });
}

/** Same-origin JSON calls with the session cookie; errors become ApiError with the API's detail. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? "GET";
  // Every change is sent as JSON, even with nothing to say: the API refuses other cookie-borne
  // mutations as possible cross-site requests (docs/security.md).
  const payload = init.body !== undefined ? init.body : method === "GET" ? undefined : {};
  const res = await request(path, {
    method,
    headers: payload !== undefined ? { "content-type": "application/json" } : {},
    body: payload !== undefined ? JSON.stringify(payload) : undefined,
  });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) {
    const detail = String(body.detail ?? body.message ?? res.statusText);
    const issues = Array.isArray(body.issues) ? (body.issues as { field: string; message: string }[]) : [];
    throw new ApiError(res.status, String(body.code ?? res.status), detail, issues);
  }
  return body as T;
}

export function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}
