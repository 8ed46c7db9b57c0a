import type { Db } from "@support/db";
import type { engineEvents } from "@support/db/schema";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";

export type EngineEventRecord = typeof engineEvents.$inferSelect;

export interface EngineEventInput {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  /** The owning organization; by default the event's `data.orgId`. */
  orgId?: string | null;
}

/**
 * Stores events for the engine's queue. An id seen before is skipped, so the outbox relay's
 * at-least-once re-publication never starts a function twice. Returns the ids newly stored.
 */
export async function enqueueEngineEvents(db: Db, events: EngineEventInput[], now: Date): Promise<string[]> {
  if (events.length === 0) return [];
  const known = await db.q
    .select({ id: db.t.engineEvents.id })
    .from(db.t.engineEvents)
    .where(
      inArray(
        db.t.engineEvents.id,
        events.map((event) => event.id),
      ),
    );
  const seen = new Set(known.map((row) => row.id));
  const fresh = events.filter((event) => !seen.has(event.id) && seen.add(event.id));
  if (fresh.length === 0) return [];
  await db.q.insert(db.t.engineEvents).values(
    fresh.map((event) => ({
      id: event.id,
      orgId: event.orgId !== undefined ? event.orgId : typeof event.data.orgId === "string" ? event.data.orgId : null,
      name: event.name,
      data: event.data,
      ts: new Date(event.ts),
      receivedAt: now,
      processedAt: null,
    })),
  );
  return fresh.map((event) => event.id);
}

/** The engine's event queue, oldest first (infrastructure: every organization). */
export async function pendingEngineEvents(db: Db, limit: number): Promise<EngineEventRecord[]> {
  return db.q
    .select()
    .from(db.t.engineEvents)
    .where(isNull(db.t.engineEvents.processedAt))
    .orderBy(asc(db.t.engineEvents.receivedAt), asc(db.t.engineEvents.id))
    .limit(limit);
}

export async function markEngineEventProcessed(db: Db, id: string, at: Date): Promise<void> {
  await db.q
    .update(db.t.engineEvents)
    .set({ processedAt: at })
    .where(and(eq(db.t.engineEvents.id, id), isNull(db.t.engineEvents.processedAt)));
}
