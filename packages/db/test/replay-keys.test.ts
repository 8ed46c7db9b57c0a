import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseReplayCache, type Database } from "../src/index.js";
import { dialectCases } from "./harness.js";

for (const dialect of dialectCases) {
  if (dialect.skipReason) console.warn(`[skip] ${dialect.name} replay keys suite: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`webhook replay cache on ${dialect.name}`, () => {
    let database: Database;
    // Migrating a fresh MySQL database through the PlanetScale fake takes tens of seconds on a busy machine.
    beforeAll(async () => {
      database = await dialect.open();
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });

    it("refuses on one instance a signature another instance handled, until the window ends", async () => {
      let t = Date.now();
      const now = () => t;
      // Two instances: two caches over the same database, nothing shared in memory.
      const first = createDatabaseReplayCache(database, { ttlMs: 1000, now });
      const second = createDatabaseReplayCache(database, { ttlMs: 1000, now });
      const key = `generic:${randomUUID()}`;
      expect(await second.has(key)).toBe(false);
      await first.remember(key);
      expect(await second.has(key)).toBe(true);
      t += 1001;
      expect(await second.has(key)).toBe(false);
      // Remembered again after it expired: the row is renewed, not duplicated.
      await second.remember(key);
      expect(await first.has(key)).toBe(true);
    });

    it("stores a digest, never the signature, and sweeps expired rows", async () => {
      let t = Date.now();
      const cache = createDatabaseReplayCache(database, { ttlMs: 1000, now: () => t });
      const key = `slack:${randomUUID()}`;
      await cache.remember(key);
      const { db } = database;
      const rows = await db.q.select().from(db.t.webhookReplayKeys);
      expect(rows.some((row) => row.key.length === 64 && !key.includes(row.key))).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(key);
      // A minute and more later, the next remember sweeps what expired.
      t += 61_000;
      await cache.remember(`slack:${randomUUID()}`);
      const left = await db.q.select().from(db.t.webhookReplayKeys);
      expect(left.every((row) => row.expiresAt.getTime() > t)).toBe(true);
    });
  });
}
