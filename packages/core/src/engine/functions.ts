import { parseCron } from "./cron.js";
import { evaluateKey, parseExpression } from "./expressions.js";
import { buildSyncRequest, type FunctionConfig, syncResponseSchema } from "./protocol.js";

/** Inngest's default when a function sets no `retries`: 3 retries, so 4 attempts. */
const DEFAULT_RETRIES = 3;

export interface ConcurrencyRule {
  /** A key expression (`event.data.conversationId`), or none for one limit over the function. */
  key?: string;
  limit: number;
  scope: "fn" | "env" | "account";
}

export interface LoadedFunction {
  id: string;
  maxAttempts: number;
  events: { name: string; expression?: string }[];
  crons: string[];
  concurrency?: ConcurrencyRule;
}

export type ServeFetch = (request: Request) => Promise<Response>;

/**
 * Learns the served functions the way Inngest does, through an in-band sync of the serve
 * handler, and checks up front that each uses only what the embedded engine supports.
 */
export async function loadFunctions(serve: ServeFetch, origin: string): Promise<Map<string, LoadedFunction>> {
  const response = await serve(buildSyncRequest(origin));
  if (response.status !== 200) {
    throw new Error(`Syncing the Inngest functions failed: ${response.status} ${await response.text()}`);
  }
  const sync = syncResponseSchema.parse(await response.json());
  return new Map(sync.functions.map((config) => [config.id, toLoadedFunction(config)]));
}

/**
 * Flow-control options the engine does not implement. Ignoring them would change what a function
 * does (every event would run, none would be cancelled), so a function using one fails the start.
 */
const UNSUPPORTED_OPTIONS = [
  "idempotency",
  "batchEvents",
  "rateLimit",
  "throttle",
  "debounce",
  "timeouts",
  "singleton",
  "cancel",
] as const;

function toLoadedFunction(config: FunctionConfig & Record<string, unknown>): LoadedFunction {
  const unsupported = UNSUPPORTED_OPTIONS.filter((option) => config[option] !== undefined && config[option] !== null);
  if (unsupported.length > 0) {
    throw new Error(`${config.id}: the embedded engine does not support ${unsupported.join(", ")}`);
  }
  const events: LoadedFunction["events"] = [];
  const crons: string[] = [];
  for (const trigger of config.triggers) {
    if ("cron" in trigger) {
      parseCron(trigger.cron);
      crons.push(trigger.cron);
    } else {
      if (trigger.expression) parseExpression(trigger.expression);
      events.push({ name: trigger.event, expression: trigger.expression });
    }
  }
  const rules = (config.concurrency === undefined ? [] : [config.concurrency].flat()).filter((rule) => rule.limit > 0);
  if (rules.length > 1) {
    throw new Error(`${config.id}: the embedded engine supports one concurrency rule per function`);
  }
  const rule = rules[0];
  if (rule?.key) evaluateKey(rule.key, {});
  const concurrency = rule ? { key: rule.key, limit: rule.limit, scope: rule.scope ?? "fn" } : undefined;
  return {
    id: config.id,
    maxAttempts: (config.steps.step.retries?.attempts ?? DEFAULT_RETRIES) + 1,
    events,
    crons,
    concurrency,
  };
}

/** The concurrency key a run of `fn` for `event` holds while it executes, if the function has one. */
export function concurrencyKeyFor(fn: LoadedFunction, event: unknown): { key: string; limit: number } | undefined {
  const rule = fn.concurrency;
  if (!rule) return undefined;
  const value = rule.key ? evaluateKey(rule.key, event) : "";
  // Function scope (Inngest's default) keeps keys of different functions apart.
  const prefix = rule.scope === "fn" ? fn.id : rule.scope;
  return { key: `${prefix}:${value}`, limit: rule.limit };
}
