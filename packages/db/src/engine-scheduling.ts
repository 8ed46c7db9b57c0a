import { and, eq, lt, lte } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { engineCrons } from "./schema/sqlite.js";

export type EngineCronRecord = typeof engineCrons.$inferSelect;

/**
 * Takes a free slot of a concurrency key for a run, until `until`. Slots whose lease expired
 * (their worker died) are reclaimed first. The unique (key, slot) index decides between racing
 * workers, so a key never runs more than `limit` calls at once. Returns false when all are taken.
 */
export async function takeConcurrencySlot(
  db: Db,
  slot: { key: string; limit: number; runId: string; orgId: string | null },
  now: Date,
  until: Date,
): Promise<boolean> {
  const s = db.t.engineConcurrencySlots;
  await db.q.delete(s).where(and(eq(s.concurrencyKey, slot.key), lt(s.leaseUntil, now)));
  const held = await db.q.select().from(s).where(eq(s.concurrencyKey, slot.key));
  if (held.some((row) => row.runId === slot.runId)) return true;
  const taken = new Set(held.map((row) => row.slot));
  for (let index = 0; index < slot.limit; index++) {
    if (taken.has(index)) continue;
    try {
      await db.q.insert(s).values({
        id: newId("concurrencySlot", now.getTime()),
        orgId: slot.orgId,
        concurrencyKey: slot.key,
        slot: index,
        runId: slot.runId,
        leaseUntil: until,
      });
      return true;
    } catch {
      // Another worker took this slot between the read and the insert: try the next one.
    }
  }
  return false;
}

export async function releaseConcurrencySlot(db: Db, runId: string): Promise<void> {
  await db.q.delete(db.t.engineConcurrencySlots).where(eq(db.t.engineConcurrencySlots.runId, runId));
}

/**
 * Registers a cron trigger. An existing schedule keeps its next firing time (a restart neither
 * skips nor repeats a tick) unless the expression changed.
 */
export async function registerEngineCron(
  db: Db,
  cron: { functionId: string; cron: string; nextAt: Date },
): Promise<void> {
  const id = `${cron.functionId}|${cron.cron}`;
  const existing = await db.q.select().from(db.t.engineCrons).where(eq(db.t.engineCrons.id, id)).limit(1);
  if (existing.length > 0) return;
  try {
    await db.q.insert(db.t.engineCrons).values({ id, orgId: null, ...cron });
  } catch (error) {
    const winner = await db.q.select().from(db.t.engineCrons).where(eq(db.t.engineCrons.id, id)).limit(1);
    if (winner.length === 0) throw error;
  }
}

export async function dueEngineCrons(db: Db, now: Date): Promise<EngineCronRecord[]> {
  return db.q.select().from(db.t.engineCrons).where(lte(db.t.engineCrons.nextAt, now));
}

export async function advanceEngineCron(db: Db, id: string, from: Date, to: Date): Promise<void> {
  await db.q
    .update(db.t.engineCrons)
    .set({ nextAt: to })
    .where(and(eq(db.t.engineCrons.id, id), eq(db.t.engineCrons.nextAt, from)));
}
