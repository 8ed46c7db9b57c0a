import type { ConcurrencyClaim } from "../data/engine-scheduling.js";
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
  /** Every rule must have a free slot before a call runs (Inngest allows up to two). */
  concurrency: ConcurrencyRule[];
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
  const concurrency = concurrencyRules(config);
  return {
    id: config.id,
    maxAttempts: (config.steps.step.retries?.attempts ?? DEFAULT_RETRIES) + 1,
    events,
    crons,
    concurrency,
  };
}

/** Inngest's limit on rules per function; the SDK's types allow no more either. */
const MAX_CONCURRENCY_RULES = 2;

/** The `concurrency` option in each of its forms (a limit, a rule, a list); limit 0 means none. */
function concurrencyRules(config: FunctionConfig): ConcurrencyRule[] {
  const declared = config.concurrency;
  const rules = (declared === undefined ? [] : [declared].flat())
    .map((rule) => (typeof rule === "number" ? { limit: rule } : rule))
    .filter((rule) => rule.limit > 0);
  if (rules.length > MAX_CONCURRENCY_RULES) {
    throw new Error(`${config.id}: Inngest allows at most ${MAX_CONCURRENCY_RULES} concurrency rules per function`);
  }
  return rules.map((rule) => {
    if (rule.key) evaluateKey(rule.key, {});
    return { key: rule.key, limit: rule.limit, scope: rule.scope ?? "fn" };
  });
}

/**
 * The concurrency keys a run of `fn` for `event` must hold while it executes, one per rule.
 * Function scope (Inngest's default) keeps the keys of different functions apart; `env` and
 * `account` scopes share a key with every function whose rule evaluates to the same value.
 */
export function concurrencyKeysFor(fn: LoadedFunction, event: unknown): ConcurrencyClaim[] {
  return fn.concurrency.map((rule) => {
    const value = rule.key ? evaluateKey(rule.key, event) : "";
    const prefix = rule.scope === "fn" ? fn.id : rule.scope;
    return { key: `${prefix}:${value}`, limit: rule.limit };
  });
}
