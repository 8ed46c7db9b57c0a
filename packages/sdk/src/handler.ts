import { randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  type ActionContext,
  actions,
  describeIntegration,
  envelopeSchema,
  type IntegrationMethodName,
  isActionName,
  type SupportIntegration,
} from "./contract.js";
import { problemResponse, SupportActionError } from "./problem.js";
import { MemoryReplayCache, type ReplayCache, replayKey } from "./replay-cache.js";
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifySignature } from "./signing.js";

export interface SupportHandlerLogger {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface SupportHandlerOptions {
  integration: SupportIntegration;
  /** Every secret currently accepted: the new and the old one while a rotation overlaps. */
  secrets: string[];
  toleranceSeconds?: number;
  replayCache?: ReplayCache;
  /** Bodies above this are refused with 413 before they are read in full. */
  maxBodyBytes?: number;
  /** Where rejected signatures and thrown errors are reported; the caller only sees a request id. */
  logger?: SupportHandlerLogger;
  /** The clock, in unix seconds; injectable so the 5-minute window can be tested at its edges. */
  now?: () => number;
}

export type SupportHandler = (request: Request) => Promise<Response>;

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The product app's one signed endpoint. Order matters: size, signature and replay checks come
 * before the body is parsed, so nothing unauthenticated reaches JSON parsing or app code.
 */
export function createSupportHandler(options: SupportHandlerOptions): SupportHandler {
  if (options.secrets.length === 0) throw new Error("createSupportHandler needs at least one secret");
  for (const name of ["lookupUser", "getPurchases"] as const) {
    if (typeof options.integration[name] !== "function") throw new Error(`the integration must implement ${name}`);
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const replayCache = options.replayCache ?? new MemoryReplayCache();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger ?? console;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));

  return async (request) => {
    const requestId = request.headers.get("x-request-id") ?? `req_${randomUUID()}`;
    try {
      if (request.method !== "POST") {
        const refused = problemResponse("method_not_allowed", "the support endpoint only answers POST", requestId);
        refused.headers.set("allow", "POST");
        return refused;
      }
      const body = await readBody(request, maxBodyBytes);
      if (!body) {
        return problemResponse("payload_too_large", `the body exceeds ${maxBodyBytes} bytes`, requestId);
      }
      const verified = verifySignature({
        body,
        header: request.headers.get(SIGNATURE_HEADER),
        secrets: options.secrets,
        now: now(),
        toleranceSeconds: tolerance,
      });
      if (!verified.ok) {
        logger.warn({ requestId, reason: verified.reason }, "support call rejected: bad signature");
        return problemResponse("unauthorized", "invalid or missing x-support-signature", requestId);
      }
      if (!(await replayCache.remember(replayKey(verified.timestamp, body), verified.timestamp + tolerance))) {
        logger.warn({ requestId, reason: "replayed" }, "support call rejected: replayed signature");
        return problemResponse("unauthorized", "this signed request was already served", requestId);
      }
      return await dispatch(options.integration, body, { signedAt: verified.timestamp }, requestId, logger);
    } catch (error) {
      logger.error({ requestId, err: error }, "support action failed");
      return problemResponse("internal", "the app failed to answer; quote the request id when reporting it", requestId);
    }
  };
}

async function dispatch(
  integration: SupportIntegration,
  body: Uint8Array,
  context: ActionContext,
  requestId: string,
  logger: SupportHandlerLogger,
): Promise<Response> {
  const parsed = parseJson(body);
  if (parsed === NOT_JSON) return problemResponse("invalid_input", "the body is not JSON", requestId);
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) return invalid(envelope.error, "", requestId);
  const { action, input, idempotencyKey } = envelope.data;
  if (!isActionName(action)) return problemResponse("not_found", `unknown action "${action}"`, requestId);
  if (action === "describe") return json(describeIntegration(integration), requestId);

  const method = integration[action] as ((input: unknown, context: ActionContext) => unknown) | undefined;
  if (typeof method !== "function") {
    return problemResponse("not_implemented", `this app does not implement "${action}"`, requestId);
  }
  const spec = actions[action as IntegrationMethodName];
  const parsedInput = spec.input.safeParse(input ?? {});
  if (!parsedInput.success) return invalid(parsedInput.error, "input", requestId);

  let result: unknown;
  try {
    result = await method.call(integration, parsedInput.data, { ...context, idempotencyKey });
  } catch (error) {
    if (error instanceof SupportActionError) return problemResponse(error.code, error.message, requestId);
    throw error;
  }
  const output = spec.output.safeParse(result);
  if (!output.success) {
    // The app's own bug: reported to the app's logs in full, to the caller without internals.
    logger.error({ requestId, action, issues: output.error.issues }, "support action returned an invalid result");
    return problemResponse("internal", `the app returned an invalid result for "${action}"`, requestId);
  }
  return json(output.data, requestId);
}

const NOT_JSON = Symbol("not json");

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    return NOT_JSON;
  }
}

function invalid(error: z.ZodError, prefix: string, requestId: string): Response {
  const issues = error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join(".") || "(body)",
    message: i.message,
  }));
  const detail = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  return problemResponse("invalid_input", detail, requestId, { issues });
}

function json(value: unknown, requestId: string): Response {
  return new Response(JSON.stringify(value), {
    status: 200,
    headers: { "content-type": "application/json", "x-request-id": requestId },
  });
}

/** Reads at most `limit` bytes; undefined when the body is larger (checked while streaming, not after). */
async function readBody(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return undefined;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
