import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "@support/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendOutbox } from "../src/data/outbox.js";
import { createOutboxRelay, InProcessEventBus, type PublishedEvent } from "../src/index.js";

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "support-relay-")) });
  await database.migrate();
});
afterAll(async () => database.close());

describe("outbox relay", () => {
  it("publishes committed events in order with the outbox id as event id, and retries until accepted", async () => {
    const bus = new InProcessEventBus();
    const seen: PublishedEvent[] = [];
    let failuresLeft = 2;
    bus.subscribe((event) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error("engine unavailable");
      }
      seen.push(event);
    });
    const ids: string[] = [];
    await database.transaction(async (tx) => {
      for (const n of [1, 2, 3]) ids.push(await appendOutbox(tx, "org_1", "example/message.received", { n }));
    });
    const relay = createOutboxRelay(database, bus, pino({ level: "silent" }), { retryBaseMs: 1, retryMaxMs: 2 });
    for (let i = 0; i < 20 && seen.length < 3; i++) {
      await relay.drain();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen.map((e) => e.id)).toEqual(ids);
    expect(seen.map((e) => e.data.n)).toEqual([1, 2, 3]);
    const rows = await database.db.q.select().from(database.db.t.outbox);
    expect(rows.every((r) => r.publishedAt !== null)).toBe(true);
    expect(rows.find((r) => r.id === ids[0])?.attempts).toBe(2);
    expect(rows.find((r) => r.id === ids[0])?.lastError).toBe("engine unavailable");
  });

  it("publishes nothing from a rolled-back transaction", async () => {
    const bus = new InProcessEventBus();
    const seen: string[] = [];
    bus.subscribe((e) => {
      seen.push(e.name);
    });
    await expect(
      database.transaction(async (tx) => {
        await appendOutbox(tx, "org_1", "example/never", {});
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await createOutboxRelay(database, bus, pino({ level: "silent" })).drain();
    expect(seen).not.toContain("example/never");
  });
});
