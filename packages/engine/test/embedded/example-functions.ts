import { NonRetriableError } from "inngest";
import type { WorkflowClient } from "../../src/inngest/client.js";
import { exampleEvents } from "./example-events.js";

/** Example functions for the engine tests (not product functions); they record what ran. */
export interface Probe {
  /** Every step body that ran to its end, by `<function>:<step>:<run>`. */
  completed: string[];
  attempts: Map<string, number>;
  active: number;
  maxActive: Record<string, number>;
  /** Calls executing at once per `org:<id>` and `conversation:<id>` of the `tenant` function. */
  activeBy: Record<string, number>;
  maxActiveBy: Record<string, number>;
  fatal: boolean;
}

export function newProbe(): Probe {
  return { completed: [], attempts: new Map(), active: 0, maxActive: {}, activeBy: {}, maxActiveBy: {}, fatal: true };
}

const received = exampleEvents.received;
const updated = exampleEvents.updated;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function exampleFunctions(inngest: WorkflowClient, probe: Probe) {
  const steps = inngest.createFunction(
    { id: "steps", triggers: [{ event: received.name, if: "event.data.messageId == 'steps'" }] },
    async ({ event, step, runId }) => {
      const a = await step.run("one", () => {
        probe.completed.push(`steps:one:${runId}`);
        return 1;
      });
      const b = await step.run("two", () => {
        probe.completed.push(`steps:two:${runId}`);
        return a + 1;
      });
      return { sum: a + b, conversation: event.data.conversationId };
    },
  );
  const sleeper = inngest.createFunction(
    { id: "sleeper", triggers: [{ event: received.name, if: "event.data.messageId == 'sleep'" }] },
    async ({ step, runId }) => {
      await step.run("before", () => probe.completed.push(`sleeper:before:${runId}`));
      await step.sleep("nap", "1s");
      await step.run("after", () => probe.completed.push(`sleeper:after:${runId}`));
      return "rested";
    },
  );
  const waiter = inngest.createFunction(
    { id: "waiter", triggers: [{ event: received.name, if: "event.data.messageId == 'wait'" }] },
    async ({ step }) => {
      const update = await step.waitForEvent("update", { event: updated, match: "data.conversationId", timeout: "2s" });
      return { changes: update?.data.changes ?? null };
    },
  );
  const flaky = inngest.createFunction(
    { id: "flaky", retries: 3, triggers: [{ event: received.name, if: "event.data.messageId == 'flaky'" }] },
    async ({ step, runId }) => {
      return step.run("call", () => {
        const attempt = (probe.attempts.get(runId) ?? 0) + 1;
        probe.attempts.set(runId, attempt);
        if (attempt < 3) throw new Error(`vendor unavailable (attempt ${attempt})`);
        return { attempt };
      });
    },
  );
  const fatal = inngest.createFunction(
    {
      id: "fatal",
      retries: 5,
      triggers: [{ event: received.name, if: "event.data.messageId == 'fatal'" }],
      onFailure: ({ error, event, runId }) => {
        probe.completed.push(`fatal:onFailure:${event.data.run_id}:${error.message}:${runId}`);
        return { handled: event.data.function_id };
      },
    },
    async ({ step, runId }) => {
      await step.run("prepare", () => probe.completed.push(`fatal:prepare:${runId}`));
      return step.run("send", () => {
        probe.attempts.set(runId, (probe.attempts.get(runId) ?? 0) + 1);
        if (probe.fatal) throw new NonRetriableError("recipient blocked");
        return "sent";
      });
    },
  );
  const serial = (id: string, keyed: boolean) =>
    inngest.createFunction(
      {
        id,
        triggers: [{ event: received.name, if: `event.data.messageId == '${id}'` }],
        ...(keyed ? { concurrency: { key: "event.data.conversationId", limit: 1 } } : {}),
      },
      async ({ step }) => {
        await step.run("work", async () => {
          probe.active += 1;
          probe.maxActive[id] = Math.max(probe.maxActive[id] ?? 0, probe.active);
          await delay(150);
          probe.active -= 1;
        });
        return "done";
      },
    );
  // Both rules of the pipeline: one call per conversation, at most two per organization.
  const tenant = inngest.createFunction(
    {
      id: "tenant",
      retries: 0,
      concurrency: [
        { key: "event.data.conversationId", limit: 1, scope: "env" },
        { key: "event.data.orgId", limit: 2, scope: "env" },
      ],
      triggers: [{ event: received.name, if: "event.data.messageId == 'tenant'" }],
    },
    async ({ event, step }) => {
      const groups = [`org:${event.data.orgId}`, `conversation:${event.data.conversationId}`];
      await step.run("work", async () => {
        probe.active += 1;
        probe.maxActive.tenant = Math.max(probe.maxActive.tenant ?? 0, probe.active);
        for (const group of groups) {
          probe.activeBy[group] = (probe.activeBy[group] ?? 0) + 1;
          probe.maxActiveBy[group] = Math.max(probe.maxActiveBy[group] ?? 0, probe.activeBy[group] ?? 0);
        }
        await delay(250);
        for (const group of groups) probe.activeBy[group] = (probe.activeBy[group] ?? 1) - 1;
        probe.active -= 1;
        if (event.data.conversationId.startsWith("cnv_fail")) throw new NonRetriableError("tenant work failed");
      });
      return "done";
    },
  );
  const ticker = inngest.createFunction(
    { id: "ticker", triggers: [{ cron: "*/5 * * * *" }] },
    async ({ event, runId }) => {
      probe.completed.push(`ticker:run:${runId}`);
      return { cron: "cron" in event.data ? event.data.cron : null };
    },
  );
  return [steps, sleeper, waiter, flaky, fatal, serial("keyed", true), serial("unkeyed", false), tenant, ticker];
}
