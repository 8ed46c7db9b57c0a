import type { Database } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeConcurrencySlots } from "../../src/data/engine-scheduling.js";
import { engineDialects, eventually, messageEvent, openTestDatabase, settledRun, startTestEngine } from "./harness.js";

const tenant = "support-tenant";

async function slotsOf(database: Database, runId?: string) {
  const rows = await database.db.q.select().from(database.db.t.engineConcurrencySlots);
  return runId ? rows.filter((row) => row.runId === runId) : rows;
}

/** A run's slots are released just after its final state is stored, in the next transaction. */
const noSlotsLeft = (database: Database, runId?: string) =>
  eventually(
    () => slotsOf(database, runId),
    (rows) => rows.length === 0,
    "the slots to be released",
    5_000,
  );

describe.each(engineDialects)("concurrency rules on $name", ({ skipReason, url }) => {
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

  it.skipIf(skipReason)(
    "an organization runs up to its limit at once and no further; a conversation runs one call at a time",
    async () => {
      // Org A: three conversations (the first twice) against a limit of two; org B alongside.
      const events = [
        messageEvent("tenant", "cnv_a1", "org_a"),
        messageEvent("tenant", "cnv_a2", "org_a"),
        messageEvent("tenant", "cnv_a3", "org_a"),
        messageEvent("tenant", "cnv_a1", "org_a"),
        messageEvent("tenant", "cnv_b1", "org_b"),
      ];
      await test.engine.publisher.publish(events);
      for (const event of events) expect((await settledRun(database, tenant, event.id)).status).toBe("completed");
      expect(test.probe.maxActiveBy["org:org_a"]).toBe(2);
      expect(test.probe.maxActiveBy["conversation:cnv_a1"]).toBe(1);
      // The busy organization did not hold the other one back: it ran beside org A's two.
      expect(test.probe.maxActive.tenant).toBe(3);
      await noSlotsLeft(database);
    },
  );

  it.skipIf(skipReason)("a failed run frees its slots, so the next run of its keys starts", async () => {
    const first = messageEvent("tenant", "cnv_fail_c1", "org_c");
    await test.engine.publisher.publish([first]);
    const failed = await settledRun(database, tenant, first.id);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toBe("NonRetriableError: tenant work failed");
    await noSlotsLeft(database, failed.id);
    // Same conversation and organization: it could not even start if a slot had leaked.
    const second = messageEvent("tenant", "cnv_fail_c1", "org_c");
    await test.engine.publisher.publish([second]);
    const next = await settledRun(database, tenant, second.id);
    expect(next.status).toBe("failed");
    expect(next.lastStep).toBe("work");
    await noSlotsLeft(database);
  });

  it.skipIf(skipReason)("a run whose worker died holds its slots only until their lease expires", async () => {
    const past = new Date(Date.now() - 1000);
    await database.transaction((tx) =>
      takeConcurrencySlots(
        tx,
        { runId: "run_dead_worker", orgId: "org_d", keys: [{ key: "env:org_d", limit: 2 }] },
        new Date(past.getTime() - 1000),
        past,
      ),
    );
    await database.transaction((tx) =>
      takeConcurrencySlots(
        tx,
        { runId: "run_dead_worker_2", orgId: "org_d", keys: [{ key: "env:org_d", limit: 2 }] },
        new Date(past.getTime() - 1000),
        past,
      ),
    );
    expect(await slotsOf(database)).toHaveLength(2);
    const event = messageEvent("tenant", "cnv_d1", "org_d");
    await test.engine.publisher.publish([event]);
    expect((await settledRun(database, tenant, event.id)).status).toBe("completed");
    await noSlotsLeft(database);
  });

  it.skipIf(skipReason)("takes a slot of every key or of none", async () => {
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    const take = (runId: string, keys: { key: string; limit: number }[]) =>
      database.transaction((tx) => takeConcurrencySlots(tx, { runId, orgId: "org_e", keys }, now, until));
    const conversation = { key: "env:cnv_e1", limit: 1 };
    const org = { key: "env:org_e", limit: 2 };
    expect(await take("run_e1", [conversation, org])).toBe(true);
    // The conversation is busy: the second run must not keep the organization slot it could get.
    expect(await take("run_e2", [org, conversation])).toBe(false);
    expect((await slotsOf(database, "run_e2")).map((slot) => slot.concurrencyKey)).toEqual([]);
    // Holding is re-entrant (a resumed run keeps its slots), and the free keys stay free.
    expect(await take("run_e1", [conversation, org])).toBe(true);
    expect(await take("run_e3", [org])).toBe(true);
    expect(await take("run_e4", [org])).toBe(false);
    expect(await slotsOf(database)).toHaveLength(3);
    await database.db.q.delete(database.db.t.engineConcurrencySlots);
  });
});
