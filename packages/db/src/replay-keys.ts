import { createHash } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "./client.js";
import { isUniqueViolation } from "./sql-errors.js";

const SWEEP_EVERY_MS = 60_000;

/**
 * The webhook replay cache on the platform database: signatures handled by any API instance are
 * refused by every other one within the window. The key stored is a digest (fixed length, and
 * the signature itself is not kept). Expired rows are swept at most once a minute per instance.
 */
export function createDatabaseReplayCache(database: Database, options: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 6 * 60_000;
  const now = options.now ?? Date.now;
  const t = database.db.t.webhookReplayKeys;
  const digest = (key: string) => createHash("sha256").update(key).digest("hex");
  let lastSweep = now();

  async function sweep(at: number): Promise<void> {
    if (at - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = at;
    await database.transaction((tx) => tx.q.delete(t).where(lt(t.expiresAt, new Date(at))));
  }

  return {
    async has(key: string): Promise<boolean> {
      const rows = await database.db.q
        .select({ key: t.key })
        .from(t)
        .where(and(eq(t.key, digest(key)), gt(t.expiresAt, new Date(now()))))
        .limit(1);
      return rows.length > 0;
    },
    async remember(key: string): Promise<void> {
      const at = now();
      const row = { key: digest(key), expiresAt: new Date(at + ttlMs) };
      try {
        await database.transaction((tx) => tx.q.insert(t).values(row));
      } catch (error) {
        // Remembered before (by this instance or another, perhaps expired since): extend it.
        if (!isUniqueViolation(error)) throw error;
        await database.transaction((tx) => tx.q.update(t).set({ expiresAt: row.expiresAt }).where(eq(t.key, row.key)));
      }
      await sweep(at);
    },
  };
}
