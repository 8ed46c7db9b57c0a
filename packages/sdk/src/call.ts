import { randomUUID } from "node:crypto";
import { type ActionInput, type ActionName, type ActionOutput, allActions, type Envelope } from "./contract.js";
import { SIGNATURE_HEADER, signPayload } from "./signing.js";

export type ProductAppFailure =
  /** The input did not match the contract: a bug on the calling side, nothing was sent. */
  | "invalid_input"
  | "timeout"
  | "network"
  /** The app answered with an error status (its problem `code` is on the error, 501 is `not_implemented`). */
  | "http"
  /** The app answered 2xx with something outside the contract. */
  | "invalid_response";

export class ProductAppError extends Error {
  constructor(
    readonly kind: ProductAppFailure,
    message: string,
    readonly details: { status?: number; code?: string; requestId?: string; action: string },
  ) {
    super(message);
    this.name = "ProductAppError";
  }
}

export interface CallProductAppOptions<A extends ActionName> {
  url: string;
  /** One secret, or the new and the old one while a rotation overlaps (each gets its own `v1`). */
  secret: string | string[];
  action: A;
  input: ActionInput<A>;
  timeoutMs?: number;
  /** Passed to the app so a side effect (a refund) executes once however often it is asked. */
  idempotencyKey?: string;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * The platform side of the contract: signs one call, checks the answer against the same schemas
 * the app's handler used, and turns every failure into a `ProductAppError` (never a raw throw),
 * so the gather step can record it instead of passing it on.
 */
export async function callProductApp<A extends ActionName>(
  options: CallProductAppOptions<A>,
): Promise<ActionOutput<A>> {
  const { action } = options;
  const spec = allActions[action];
  const input = spec.input.safeParse(options.input);
  if (!input.success) {
    const fields = input.error.issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`).join("; ");
    throw new ProductAppError("invalid_input", `invalid input for "${action}": ${fields}`, { action });
  }
  const envelope: Envelope = {
    action,
    input: options.input,
    idempotencyKey: options.idempotencyKey,
    nonce: randomUUID(),
  };
  const body = JSON.stringify(envelope);
  const secrets = Array.isArray(options.secret) ? options.secret : [options.secret];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signPayload(body, secrets) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw timedOut
      ? new ProductAppError("timeout", `"${action}" took longer than ${timeoutMs} ms`, { action })
      : new ProductAppError("network", `"${action}" could not reach the app: ${(error as Error).message}`, { action });
  }

  const requestId = response.headers.get("x-request-id") ?? undefined;
  const parsed = parseJson(text);
  if (!response.ok) {
    const problem = (parsed ?? {}) as { code?: unknown; detail?: unknown; requestId?: unknown };
    const code = typeof problem.code === "string" ? problem.code : undefined;
    const detail = typeof problem.detail === "string" ? problem.detail : response.statusText;
    throw new ProductAppError("http", `"${action}" failed with ${response.status}: ${detail}`, {
      action,
      status: response.status,
      code,
      requestId: typeof problem.requestId === "string" ? problem.requestId : requestId,
    });
  }
  const output = spec.output.safeParse(parsed);
  if (!output.success) {
    const fields = output.error.issues.map((i) => `${i.path.join(".") || "(result)"}: ${i.message}`).join("; ");
    throw new ProductAppError("invalid_response", `"${action}" answered outside the contract: ${fields}`, {
      action,
      status: response.status,
      requestId,
    });
  }
  return output.data as ActionOutput<A>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
