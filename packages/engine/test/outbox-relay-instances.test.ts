import { type Database, newId } from "@support/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendOutbox } from "../src/data/outbox.js";
import { createOutboxRelay, type EventPublisher } from "../src/index.js";
import { engineDialects, openTestDatabase } from "./embedded/harness.js";

const mysql = engineDialects.find((d) => d.name === "mysql");

/**
 * Several instances share one MySQL database, each with its own relay (and connection pool):
 * every row must reach the publisher once, whichever relay took it.
 */
describe.skipIf(Boolean(mysql?.skipReason))(
  `outbox relays on several instances (${mysql?.skipReason ?? "mysql"})`,
  () => {
    const instances: Database[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 3; i++) instances.push(await openTestDatabase(mysql?.url));
    });
    afterAll(async () => {
      for (const database of instances) await database.close();
    });

    it("publishes every row exactly once when three relays drain the same outbox at once", {
      timeout: 60_000,
    }, async () => {
      const [writer] = instances as [Database];
      const orgId = newId("org");
      const ids: string[] = [];
      await writer.transaction(async (tx) => {
        for (let n = 0; n < 600; n++) ids.push(await appendOutbox(tx, orgId, "example/message.received", { n }));
      });
      const publications = new Map<string, number>();
      const publisher: EventPublisher = {
        async publish(events) {
          // A slow publisher keeps each batch held while the other relays look for work.
          await new Promise((r) => setTimeout(r, 5));
          for (const event of events) publications.set(event.id, (publications.get(event.id) ?? 0) + 1);
        },
      };
      const relays = instances.map((database) =>
        createOutboxRelay(database, publisher, pino({ level: "silent" }), { batchSize: 25 }),
      );
      for (let round = 0; round < 100 && publications.size < ids.length; round++) {
        await Promise.all(relays.map((relay) => relay.drain()));
      }
      const mine = ids.map((id) => publications.get(id) ?? 0);
      expect(mine.filter((count) => count !== 1)).toEqual([]);
      const rows = await writer.db.q.select().from(writer.db.t.outbox);
      expect(rows.filter((row) => ids.includes(row.id) && row.publishedAt === null)).toEqual([]);
    });
  },
);
