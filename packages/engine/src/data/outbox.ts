import type { Database, Db } from "@support/db";
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

function dueOutboxQuery(db: Db, now: Date, limit: number) {
  return db.q
    .select()
    .from(db.t.outbox)
    .where(and(isNull(db.t.outbox.publishedAt), lte(db.t.outbox.nextAttemptAt, now)))
    .orderBy(asc(db.t.outbox.nextAttemptAt), asc(db.t.outbox.id))
    .limit(limit);
}

/** The relay's work queue (all organizations: the relay is infrastructure, not a tenant). */
export async function duePendingOutbox(db: Db, now: Date, limit: number): Promise<OutboxEvent[]> {
  return dueOutboxQuery(db, now, limit);
}

/** What a relay does with a batch it holds: publish, then say how to record the outcome. */
export type OutboxBatchWork = (due: OutboxEvent[]) => Promise<(tx: Db) => Promise<void>>;

/**
 * Runs `work` on a batch of due rows that no other relay holds, and records its outcome; answers
 * the batch's size (0: nothing due). On MySQL and PlanetScale the rows are locked with
 * `FOR UPDATE SKIP LOCKED` in one transaction that also records the outcome, so relays on several
 * instances take disjoint batches, and a relay that dies mid-batch releases its rows with its
 * connection (the server rolls the transaction back) for the next relay to publish at once.
 * SQLite is one process: the rows are read, published, and the outcome written through the write
 * queue (a transaction held across the publication would deadlock with the engine's own writes).
 */
export async function withDueOutboxBatch(
  database: Database,
  now: Date,
  limit: number,
  work: OutboxBatchWork,
): Promise<number> {
  if (database.dialect === "sqlite") {
    const due = await dueOutboxQuery(database.db, now, limit);
    if (due.length === 0) return 0;
    const record = await work(due);
    await database.transaction(record);
    return due.length;
  }
  return database.transaction(async (tx) => {
    // Candidates first without locks, then only those rows locked by primary key: a locking read
    // over the pending index would also lock its gaps and make ingest's inserts wait for the
    // publication. The locking read sees the latest commit, so a row another relay published
    // meanwhile drops out.
    const candidates = (await dueOutboxQuery(tx, now, limit)).map((row) => row.id);
    if (candidates.length === 0) return 0;
    // drizzle's MySQL builder has `.for()`; the shared query surface is typed as SQLite's.
    const locking = tx.q
      .select()
      .from(tx.t.outbox)
      .where(and(inArray(tx.t.outbox.id, candidates), isNull(tx.t.outbox.publishedAt)))
      .orderBy(asc(tx.t.outbox.nextAttemptAt), asc(tx.t.outbox.id)) as unknown as {
      for(strength: "update", config: { skipLocked: boolean }): Promise<OutboxEvent[]>;
    };
    const due = await locking.for("update", { skipLocked: true });
    if (due.length === 0) return 0;
    const record = await work(due);
    await record(tx);
    return due.length;
  });
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
