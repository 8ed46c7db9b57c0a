import { headerKeys, NonRetriableError, queryKeys, RetryAfterError } from "inngest";
import { StepOpCode } from "inngest/types";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loadFunctions } from "../../src/embedded/functions.js";
import {
  buildCallRequest,
  type CallOutcome,
  OpCode,
  parseCallResponse,
  SERVE_PATH,
  type StepOp,
} from "../../src/embedded/protocol.js";
import { createInngestClient } from "../../src/inngest/client.js";
import { createInngestServeApp } from "../../src/inngest/serve.js";

/**
 * The contract between the embedded engine and the installed `inngest` SDK. If an upgrade
 * changes the op codes, headers, query keys, sync payload or response shapes the engine relies
 * on, this fails before any run misbehaves.
 */
const ORIGIN = "http://embedded.invalid";
const logger = pino({ level: "silent" });
const inngest = createInngestClient({ mode: "embedded" }, { appId: "support", logger });
const event = { name: "contract/started", data: { key: "k1" }, id: "evt_contract", ts: 1 };

const everything = inngest.createFunction(
  {
    id: "everything",
    retries: 2,
    concurrency: [
      { key: "event.data.key", limit: 1 },
      { key: "event.data.orgId", limit: 3, scope: "env" },
    ],
    triggers: [{ event: event.name }],
  },
  async ({ step }) => {
    const a = await step.run("a", () => "A");
    await step.sleep("nap", "90s");
    const waited = await step.waitForEvent("wait", { event: "contract/resumed", match: "data.key", timeout: "1h" });
    const [x, y] = await Promise.all([step.run("x", () => 1), step.run("y", () => 2)]);
    return { a, waited: waited?.name ?? null, sum: x + y };
  },
);
const failing = inngest.createFunction(
  { id: "failing", triggers: [{ event: "contract/fail" }] },
  async ({ event: received, step }) => {
    if (received.data.kind === "fatal") throw new NonRetriableError("permanent");
    if (received.data.kind === "later")
      await step.run("rate-limited", () => Promise.reject(new RetryAfterError("slow down", "30s")));
    if (received.data.kind === "step") await step.run("flaky", () => Promise.reject(new Error("step broke")));
    throw new Error("function broke");
  },
);
const ticking = inngest.createFunction(
  { id: "ticking", concurrency: 2, triggers: [{ cron: "0 * * * *" }] },
  async () => "tick",
);
const app = createInngestServeApp(inngest, [everything, failing, ticking]);
const serve = async (request: Request) => app.fetch(request);

async function callFn(
  functionId: string,
  steps: [string, unknown][],
  input: Record<string, unknown> = event,
  attempt = 0,
  stepId = "step",
) {
  const request = buildCallRequest(ORIGIN, {
    functionId: `support-${functionId}`,
    stepId,
    runId: "run_contract",
    attempt,
    maxAttempts: 3,
    event: input,
    steps,
  });
  return parseCallResponse(await serve(request));
}

function ops(outcome: CallOutcome): StepOp[] {
  if (outcome.kind !== "ops") throw new Error(`expected step ops, got ${JSON.stringify(outcome)}`);
  return outcome.ops;
}

describe("inngest SDK contract", () => {
  it("keeps the op codes, headers and query keys the engine speaks", () => {
    for (const code of Object.values(OpCode)) expect(StepOpCode[code]).toBe(code);
    expect(headerKeys.NoRetry).toBe("x-inngest-no-retry");
    expect(headerKeys.RetryAfter).toBe("retry-after");
    expect(headerKeys.InngestSyncKind).toBe("x-inngest-sync-kind");
    expect(queryKeys.FnId).toBe("fnId");
    expect(queryKeys.StepId).toBe("stepId");
    expect(SERVE_PATH).toBe("/api/inngest");
  });

  it("answers an in-band sync with the function configs the engine loads", async () => {
    const functions = await loadFunctions(serve, ORIGIN);
    expect(functions.get("support-everything")).toEqual({
      id: "support-everything",
      maxAttempts: 3,
      events: [{ name: "contract/started", expression: undefined }],
      crons: [],
      concurrency: [
        { key: "event.data.key", limit: 1, scope: "fn" },
        { key: "event.data.orgId", limit: 3, scope: "env" },
      ],
    });
    expect(functions.get("support-failing")?.maxAttempts).toBe(4);
    expect(functions.get("support-failing")?.concurrency).toEqual([]);
    // The shorthand `concurrency: <limit>` is one keyless rule over the function.
    expect(functions.get("support-ticking")).toMatchObject({
      crons: ["0 * * * *"],
      concurrency: [{ key: undefined, limit: 2, scope: "fn" }],
    });
  });

  it("refuses, at start, functions using flow control the engine does not implement", async () => {
    const debounced = inngest.createFunction(
      { id: "debounced", debounce: { period: "5s" }, triggers: [{ event: event.name }] },
      async () => "late",
    );
    const app = createInngestServeApp(inngest, [debounced]);
    await expect(loadFunctions(async (request) => app.fetch(request), ORIGIN)).rejects.toThrow(
      "support-debounced: the embedded engine does not support debounce",
    );
  });

  it("refuses more concurrency rules than Inngest accepts", async () => {
    const rule = { key: "event.data.key", limit: 1 };
    const crowded = inngest.createFunction(
      // The SDK's types stop a third rule; a plain JavaScript caller could still pass one.
      { id: "crowded", concurrency: [rule, rule, rule] as unknown as [typeof rule], triggers: [{ event: event.name }] },
      async () => "crowded",
    );
    const app = createInngestServeApp(inngest, [crowded]);
    await expect(loadFunctions(async (request) => app.fetch(request), ORIGIN)).rejects.toThrow(
      "support-crowded: Inngest allows at most 2 concurrency rules per function",
    );
  });

  it("runs steps, sleeps, waits and parallel steps through 206 op lists, then returns 200", async () => {
    const steps: [string, unknown][] = [];
    const [run] = ops(await callFn("everything", steps));
    expect(run).toMatchObject({ op: "StepRun", displayName: "a", data: "A" });
    steps.push([run?.id ?? "", { data: run?.data }]);

    const [sleep] = ops(await callFn("everything", steps));
    expect(sleep).toMatchObject({ op: "Sleep", displayName: "nap", name: "1m30s" });
    steps.push([sleep?.id ?? "", { data: null }]);

    const [wait] = ops(await callFn("everything", steps));
    expect(wait).toMatchObject({
      op: "WaitForEvent",
      name: "contract/resumed",
      opts: { timeout: "1h", if: "event.data.key == async.data.key" },
    });
    steps.push([wait?.id ?? "", { data: { name: "contract/resumed", data: { key: "k1" }, id: "evt_2", ts: 2 } }]);

    const planned = ops(await callFn("everything", steps));
    expect(planned.map((op) => [op.op, op.displayName])).toEqual([
      ["StepPlanned", "x"],
      ["StepPlanned", "y"],
    ]);
    for (const op of planned) {
      const [result] = ops(await callFn("everything", steps, event, 0, op.id));
      expect(result).toMatchObject({ op: "StepRun", id: op.id });
      steps.push([op.id, { data: result?.data }]);
    }
    expect(await callFn("everything", steps)).toEqual({
      kind: "completed",
      output: { a: "A", waited: "contract/resumed", sum: 3 },
    });
  });

  it("reports errors with the retry semantics the engine applies", async () => {
    const failure = (kind: string) => ({ ...event, name: "contract/fail", data: { kind } });
    expect(await callFn("failing", [], failure("fatal"))).toMatchObject({
      kind: "error",
      noRetry: true,
      error: { name: "NonRetriableError", message: "permanent" },
    });
    expect(await callFn("failing", [], failure("function"))).toMatchObject({
      kind: "error",
      noRetry: false,
      error: { message: "function broke" },
    });
    const retrying = await callFn("failing", [], failure("step"));
    expect(retrying).toMatchObject({ kind: "ops", noRetry: false });
    expect(ops(retrying)[0]).toMatchObject({ op: "StepError", error: { message: "step broke" } });
    // On the last attempt the same failure is final: StepFailed, to be memoized as an error.
    const [final] = ops(await callFn("failing", [], failure("step"), 2));
    expect(final).toMatchObject({ op: "StepFailed", error: { message: "step broke" } });
    const memoized: [string, unknown] = [final?.id ?? "", { error: final?.error }];
    expect(await callFn("failing", [memoized], failure("step"), 0)).toMatchObject({ kind: "error", noRetry: true });
    const later = await callFn("failing", [], failure("later"));
    expect(later).toMatchObject({ kind: "ops", retryAfter: "30" });
    expect(ops(later)[0]?.op).toBe("StepError");
  });
});
