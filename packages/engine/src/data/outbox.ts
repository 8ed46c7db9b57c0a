import type { Db } from "@support/db";
import { newId } from "@support/db";
import type { outbox } from "@support/db/schema";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";

export type OutboxEvent = typeof outbox.$inferSelect;

/** Appends an event inside the caller's transaction, so it exists exactly when its data does. */
export async function appendOutbox(
  db: Db,
  orgId: string,
  name: string,
  payload: Record<string, unknown>,
): Promise<string> {
  const now = new Date();
  const id = newId("event");
  await db.q.insert(db.t.outbox).values({
    id,
    orgId,
    name,
    payload,
    attempts: 0,
    lastError: null,
    nextAttemptAt: now,
    createdAt: now,
    publishedAt: null,
  });
  return id;
}

/** The relay's work queue (all organizations: the relay is infrastructure, not a tenant). */
export async function duePendingOutbox(db: Db, now: Date, limit: number): Promise<OutboxEvent[]> {
  return db.q
    .select()
    .from(db.t.outbox)
    .where(and(isNull(db.t.outbox.publishedAt), lte(db.t.outbox.nextAttemptAt, now)))
    .orderBy(asc(db.t.outbox.nextAttemptAt), asc(db.t.outbox.id))
    .limit(limit);
}

export async function markOutboxPublished(db: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.q.update(db.t.outbox).set({ publishedAt: at }).where(inArray(db.t.outbox.id, ids));
}

export async function markOutboxFailed(db: Db, ids: string[], error: string, retryAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.q
    .update(db.t.outbox)
    .set({ attempts: sql`${db.t.outbox.attempts} + 1`, lastError: error.slice(0, 2000), nextAttemptAt: retryAt })
    .where(inArray(db.t.outbox.id, ids));
}

export async function countPendingOutbox(db: Db): Promise<number> {
  const rows = await db.q.select({ n: sql<number>`count(*)` }).from(db.t.outbox).where(isNull(db.t.outbox.publishedAt));
  return Number(rows[0]?.n ?? 0);
}

export async function listOutboxForOrg(db: Db, orgId: string, limit: number): Promise<OutboxEvent[]> {
  return db.q.select().from(db.t.outbox).where(eq(db.t.outbox.orgId, orgId)).orderBy(asc(db.t.outbox.id)).limit(limit);
}
