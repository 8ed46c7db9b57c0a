import { CliError } from "./output.js";

/** The server answered with an error status; `detail` is its problem's explanation. */
export class RemoteError extends CliError {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${status} ${detail}`);
  }
}

/** The CLI against a running server (SUPPORT_API_URL + SUPPORT_API_KEY): same commands, over HTTP. */
export class RemoteApi {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** A JSON body, or a multipart one (a file upload) as `FormData`, which sets its own content type. */
  async request<T>(method: string, path: string, body?: unknown, options: { timeoutMs?: number } = {}): Promise<T> {
    const multipart = body instanceof FormData;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          ...(body === undefined || multipart ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new CliError(`cannot reach ${this.baseUrl}: ${(error as Error).message}`);
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const detail = (parsed as { detail?: string } | undefined)?.detail ?? response.statusText;
      throw new RemoteError(response.status, detail);
    }
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError("the server answered with something that is not JSON");
  }
}
