import type { Db } from "@support/db";
import { isUniqueViolation, newId } from "@support/db";
import type { engineCrons } from "@support/db/schema";
import { and, eq, inArray, lte } from "drizzle-orm";

export type EngineCronRecord = typeof engineCrons.$inferSelect;

/** A concurrency key a run must hold a slot of, and how many slots the key has. */
export interface ConcurrencyClaim {
  key: string;
  limit: number;
}

/**
 * Takes a slot of every key for a run, until `until`, or none: a run limited per conversation
 * and per organization starts only when both have room, and never sits on one slot while it
 * waits for the other (which could starve the runs that only need the first). Slots whose lease
 * expired (their worker died) are reclaimed first. The unique (key, slot) index decides between
 * racing workers, so a key never runs more than `limit` calls at once. Call it in a transaction.
 */
export async function takeConcurrencySlots(
  db: Db,
  claim: { runId: string; orgId: string | null; keys: ConcurrencyClaim[] },
  now: Date,
  until: Date,
): Promise<boolean> {
  const taken: string[] = [];
  for (const key of claim.keys) {
    const slotId = await takeSlot(db, key, claim, now, until);
    if (slotId === undefined) {
      if (taken.length > 0)
        await db.q.delete(db.t.engineConcurrencySlots).where(inArray(db.t.engineConcurrencySlots.id, taken));
      return false;
    }
    if (slotId) taken.push(slotId);
  }
  return true;
}

/** The id of the slot taken, "" when the run already held one of the key, undefined when full. */
async function takeSlot(
  db: Db,
  { key, limit }: ConcurrencyClaim,
  claim: { runId: string; orgId: string | null },
  now: Date,
  until: Date,
): Promise<string | undefined> {
  const s = db.t.engineConcurrencySlots;
  const rows = await db.q.select().from(s).where(eq(s.concurrencyKey, key));
  // Expired slots are deleted by primary key: a range delete over the key would take gap locks
  // on MySQL that deadlock with another worker inserting a slot of the same key.
  const expired = rows.filter((row) => row.leaseUntil < now).map((row) => row.id);
  if (expired.length > 0) await db.q.delete(s).where(inArray(s.id, expired));
  const held = rows.filter((row) => row.leaseUntil >= now);
  if (held.some((row) => row.runId === claim.runId)) return "";
  // Functions sharing an env- or account-scoped key may declare different limits: each counts
  // every holder of the key against its own.
  if (held.length >= limit) return undefined;
  const busy = new Set(held.map((row) => row.slot));
  for (let index = 0; index < limit; index++) {
    if (busy.has(index)) continue;
    const id = newId("concurrencySlot", now.getTime());
    try {
      await db.q
        .insert(s)
        .values({ id, orgId: claim.orgId, concurrencyKey: key, slot: index, runId: claim.runId, leaseUntil: until });
      return id;
    } catch (error) {
      // Another worker took this slot between the read and the insert: try the next one.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return undefined;
}

/** Frees every slot a run holds (all its keys). */
export async function releaseConcurrencySlots(db: Db, runId: string): Promise<void> {
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
