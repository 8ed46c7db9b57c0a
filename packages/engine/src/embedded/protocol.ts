import { z } from "zod";

/**
 * The part of Inngest's executor ↔ SDK protocol the embedded engine speaks, parsed strictly:
 * if an `inngest` upgrade changes any of it, parsing fails loudly (and the contract test in
 * test/engine-contract.test.ts fails) instead of runs silently misbehaving.
 *
 * - Sync: `PUT <serve url>` with `x-inngest-sync-kind: in_band` answers the function configs.
 * - Call: `POST <serve url>?fnId=<id>&stepId=step` with `{event, events, steps, ctx, version}`.
 *   200: the function returned (body = its result). 206: a JSON array of step ops.
 *   400/500: the function threw; `x-inngest-no-retry: true` means do not retry, and
 *   `retry-after` (from `RetryAfterError`) says when to.
 */
export const SERVE_PATH = "/api/inngest";
export const EXECUTION_VERSION = 2;

export const OpCode = {
  StepRun: "StepRun",
  StepError: "StepError",
  StepFailed: "StepFailed",
  StepPlanned: "StepPlanned",
  Sleep: "Sleep",
  WaitForEvent: "WaitForEvent",
} as const;

const concurrencySchema = z.object({
  limit: z.number().int().min(0),
  key: z.string().optional(),
  scope: z.enum(["fn", "env", "account"]).optional(),
});

const triggerSchema = z.union([
  z.object({ event: z.string(), expression: z.string().optional() }),
  z.object({ cron: z.string() }),
]);

export const functionConfigSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  triggers: z.array(triggerSchema),
  steps: z.object({
    step: z.object({
      runtime: z.object({ type: z.literal("http"), url: z.string() }),
      retries: z.object({ attempts: z.number().int().min(0) }).optional(),
    }),
  }),
  concurrency: z.union([z.number().int().min(0), concurrencySchema, z.array(concurrencySchema)]).optional(),
});

export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export const syncResponseSchema = z.object({
  app_id: z.string(),
  functions: z.array(z.looseObject(functionConfigSchema.shape)),
});

const opSchema = z.looseObject({
  id: z.string(),
  op: z.string(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  opts: z.record(z.string(), z.unknown()).nullable().optional(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});

export type StepOp = z.infer<typeof opSchema>;

export type CallOutcome =
  | { kind: "completed"; output: unknown }
  | { kind: "ops"; ops: StepOp[]; noRetry: boolean; retryAfter?: string }
  | { kind: "error"; error: unknown; noRetry: boolean; retryAfter?: string };

/** Maps one response of the serve handler to what the engine does next. */
export async function parseCallResponse(response: Response): Promise<CallOutcome> {
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  const noRetry = response.headers.get("x-inngest-no-retry") === "true";
  const retryAfter = response.headers.get("retry-after") ?? undefined;
  if (response.status === 200) return { kind: "completed", output: body };
  if (response.status === 206) return { kind: "ops", ops: z.array(opSchema).parse(body), noRetry, retryAfter };
  if (response.status === 400 || response.status === 500) return { kind: "error", error: body, noRetry, retryAfter };
  throw new Error(`Unexpected status ${response.status} from the Inngest serve handler: ${text.slice(0, 500)}`);
}

export interface CallRequest {
  functionId: string;
  /** `step` for a normal call; a step's hashed id to run one planned (parallel) step. */
  stepId: string;
  runId: string;
  attempt: number;
  maxAttempts: number;
  event: Record<string, unknown>;
  /** Memoized results by hashed step id, in completion order. */
  steps: [string, unknown][];
}

export function buildCallRequest(origin: string, call: CallRequest): Request {
  const url = new URL(SERVE_PATH, origin);
  url.searchParams.set("fnId", call.functionId);
  url.searchParams.set("stepId", call.stepId);
  const ids = call.steps.map(([id]) => id);
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      event: call.event,
      events: [call.event],
      steps: Object.fromEntries(call.steps),
      version: EXECUTION_VERSION,
      // No `fn_id`: without it the SDK never tries to checkpoint to an Inngest server.
      ctx: {
        run_id: call.runId,
        attempt: call.attempt,
        max_attempts: call.maxAttempts,
        disable_immediate_execution: false,
        use_api: false,
        stack: { stack: ids, current: Math.max(0, ids.length - 1) },
      },
    }),
  });
}

export function buildSyncRequest(origin: string): Request {
  const url = new URL(SERVE_PATH, origin);
  return new Request(url, {
    method: "PUT",
    headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" },
    body: JSON.stringify({ url: url.toString() }),
  });
}

/** A thrown error as the SDK serialised it, as one line for the run's `lastError`. */
export function errorText(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { name?: unknown; message?: unknown };
    if (typeof e.message === "string") return `${typeof e.name === "string" ? `${e.name}: ` : ""}${e.message}`;
  }
  return typeof error === "string" ? error : JSON.stringify(error);
}
