import type { Database } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRunSteps, getEngineRun, listEngineRuns } from "../../src/data/engine-runs.js";
import { advanceEngineCron } from "../../src/data/engine-scheduling.js";
import { retryRun } from "../../src/embedded/retry-run.js";
import {
  conversationUpdated,
  engineDialects,
  eventually,
  messageEvent,
  openTestDatabase,
  runsOf,
  settledRun,
  startTestEngine,
} from "./harness.js";

const fnId = (id: string) => `support-${id}`;

describe.each(engineDialects)("embedded engine on $name", ({ skipReason, url }) => {
  let database: Database;
  let test: ReturnType<typeof startTestEngine>;
  beforeAll(async () => {
    if (skipReason) return;
    database = await openTestDatabase(url);
    test = startTestEngine(database);
    await test.engine.start();
  });
  afterAll(async () => {
    if (skipReason) return;
    await test.engine.stop();
    await database.close();
  });

  it.skipIf(skipReason)("runs each step once, memoizes it, and completes with the function's result", async () => {
    const event = messageEvent("steps");
    await test.engine.publisher.publish([event]);
    // A re-publication of the same outbox event (the relay is at-least-once) starts nothing new.
    await test.engine.publisher.publish([event]);
    const run = await settledRun(database, fnId("steps"), event.id);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ sum: 3, conversation: event.data.conversationId });
    expect(run.orgId).toBe("org_engine_test");
    expect(test.probe.completed.filter((c) => c.endsWith(run.id))).toEqual([
      `steps:one:${run.id}`,
      `steps:two:${run.id}`,
    ]);
    const steps = await engineRunSteps(database.db, run.id);
    expect(steps.map((s) => [s.name, s.result])).toEqual([
      ["one", { data: 1 }],
      ["two", { data: 2 }],
    ]);
    expect(await runsOf(database, fnId("steps"), event.id)).toHaveLength(1);
  });

  it.skipIf(skipReason)("step.sleep suspends the run until the wake-up time, then resumes after it", async () => {
    const event = messageEvent("sleep");
    await test.engine.publisher.publish([event]);
    const [sleeping] = await eventually(
      () => runsOf(database, fnId("sleeper"), event.id),
      (runs) => runs[0]?.lastStep === "nap" && runs[0].leaseOwner === null,
      "the run to sleep",
    );
    expect(sleeping?.status).toBe("running");
    expect(sleeping?.nextRunAt?.getTime()).toBeGreaterThan(Date.now() - 50);
    const waits = await database.db.q.select().from(database.db.t.engineWaits);
    const sleep = waits.find((w) => w.runId === sleeping?.id);
    expect(sleep?.kind).toBe("sleep");
    expect(sleep?.expiresAt.getTime()).toBe(sleeping?.nextRunAt?.getTime());
    const run = await settledRun(database, fnId("sleeper"), event.id);
    expect(run.status).toBe("completed");
    expect(run.output).toBe("rested");
    expect(test.probe.completed.filter((c) => c.endsWith(run.id))).toEqual([
      `sleeper:before:${run.id}`,
      `sleeper:after:${run.id}`,
    ]);
    expect(run.finishedAt?.getTime()).toBeGreaterThanOrEqual(sleep?.expiresAt.getTime() ?? Number.NaN);
  });

  it.skipIf(skipReason)("step.waitForEvent resumes with the matching event and ignores others", async () => {
    const event = messageEvent("wait");
    await test.engine.publisher.publish([event]);
    await eventually(
      () => runsOf(database, fnId("waiter"), event.id),
      (runs) => runs[0]?.lastStep === "update" && runs[0].leaseOwner === null,
      "the run to wait",
    );
    // Another conversation's update does not match `data.conversationId`.
    await test.engine.publisher.publish([
      conversationUpdated("cnv_other"),
      conversationUpdated(event.data.conversationId),
    ]);
    const run = await settledRun(database, fnId("waiter"), event.id);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ changes: ["status"] });
  });

  it.skipIf(skipReason)("step.waitForEvent resolves to null when it times out", async () => {
    const event = messageEvent("wait");
    await test.engine.publisher.publish([event]);
    const run = await settledRun(database, fnId("waiter"), event.id);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ changes: null });
  });

  it.skipIf(skipReason)("retries a failing step with backoff, then succeeds", async () => {
    const event = messageEvent("flaky");
    await test.engine.publisher.publish([event]);
    const run = await settledRun(database, fnId("flaky"), event.id);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ attempt: 3 });
    expect(test.probe.attempts.get(run.id)).toBe(3);
    expect(run.failures).toBe(2);
    expect(run.lastError).toBe("Error: vendor unavailable (attempt 2)");
    expect(run.lastStep).toBe("call");
  });

  it.skipIf(skipReason)(
    "NonRetriableError fails the run at once; retryRun resumes it from its memoized steps",
    async () => {
      test.probe.fatal = true;
      const event = messageEvent("fatal");
      await test.engine.publisher.publish([event]);
      const failed = await settledRun(database, fnId("fatal"), event.id);
      expect(failed.status).toBe("failed");
      expect(failed.lastError).toBe("NonRetriableError: recipient blocked");
      expect(failed.lastStep).toBe("send");
      expect(test.probe.attempts.get(failed.id)).toBe(1);
      expect(failed.failures).toBeGreaterThanOrEqual(1);
      // As under Inngest, the failure runs the function's onFailure handler with the error.
      const handler = await eventually(
        async () =>
          (await listEngineRuns(database.db, "org_engine_test", { functionId: fnId("fatal-failure") })).filter(
            (run) => (run.event as { data: { run_id: string } }).data.run_id === failed.id,
          ),
        (runs) => runs[0]?.status === "completed",
        "the onFailure handler",
      );
      expect(handler[0]?.output).toEqual({ handled: fnId("fatal") });
      expect(test.probe.completed).toContain(`fatal:onFailure:${failed.id}:recipient blocked:${handler[0]?.id}`);

      test.probe.fatal = false;
      await expect(retryRun(database, "org_other", failed.id)).rejects.toMatchObject({ code: "not_found" });
      await retryRun(database, "org_engine_test", failed.id);
      await expect(retryRun(database, undefined, failed.id)).rejects.toMatchObject({ code: "conflict" });
      const retried = await eventually(
        () => getEngineRun(database.db, undefined, failed.id),
        (run) => run?.status === "completed",
        "the retried run to complete",
      );
      expect(retried?.output).toBe("sent");
      expect(test.probe.attempts.get(failed.id)).toBe(2);
      // The step that had completed before the failure was not run again.
      expect(test.probe.completed.filter((c) => c === `fatal:prepare:${failed.id}`)).toHaveLength(1);
    },
  );

  it.skipIf(skipReason)("a concurrency key with limit 1 never runs two calls of one key at once", async () => {
    const keyed = [messageEvent("keyed", "cnv_same"), messageEvent("keyed", "cnv_same")];
    const unkeyed = [messageEvent("unkeyed", "cnv_same"), messageEvent("unkeyed", "cnv_same")];
    await test.engine.publisher.publish(keyed);
    for (const event of keyed) expect((await settledRun(database, fnId("keyed"), event.id)).status).toBe("completed");
    await test.engine.publisher.publish(unkeyed);
    for (const event of unkeyed)
      expect((await settledRun(database, fnId("unkeyed"), event.id)).status).toBe("completed");
    expect(test.probe.maxActive.keyed).toBe(1);
    // The control: without the key the same two runs do overlap.
    expect(test.probe.maxActive.unkeyed).toBe(2);
  });

  it.skipIf(skipReason)("a cron trigger fires when its time comes, once, and schedules the next", async () => {
    const crons = database.db.t.engineCrons;
    const [cron] = (await database.db.q.select().from(crons)).filter((c) => c.functionId === fnId("ticker"));
    expect(cron?.cron).toBe("*/5 * * * *");
    expect((cron?.nextAt.getUTCMinutes() ?? 1) % 5).toBe(0);
    const due = new Date(Date.now() - 60_000);
    due.setUTCSeconds(0, 0);
    await advanceEngineCron(database.db, cron?.id ?? "", cron?.nextAt ?? new Date(), due);
    const runs = await eventually(
      async () =>
        (await database.db.q.select().from(database.db.t.engineRuns)).filter((r) => r.functionId === fnId("ticker")),
      (rows) => rows.some((r) => r.status === "completed"),
      "the cron run",
    );
    await test.engine.drain();
    const fired = (await database.db.q.select().from(database.db.t.engineRuns)).filter(
      (r) => r.functionId === fnId("ticker") && (r.event as { ts: number }).ts === due.getTime(),
    );
    expect(fired).toHaveLength(1);
    expect(runs.find((r) => r.status === "completed")?.output).toEqual({ cron: "*/5 * * * *" });
    const [next] = (await database.db.q.select().from(crons)).filter((c) => c.id === cron?.id);
    expect(next?.nextAt.getTime()).toBeGreaterThan(Date.now());
  });
});
