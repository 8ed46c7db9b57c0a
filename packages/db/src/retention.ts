import { and, eq, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "./client.js";

/**
 * Personal-data retention (RETENTION_DAYS): the data functions the scheduled sweep calls. Each
 * handles at most `limit` rows per call and the next sweep takes the rest. Rows are selected
 * across organizations but always written by (organization, id), so a batch never touches a row
 * of another tenant than the one it was read for.
 */

/** The ids of a batch, per organization (null for the engine's rows of no tenant). */
function byOrg<K extends string | null, R extends { id: string; orgId: K }>(rows: R[]): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) groups.set(row.orgId, [...(groups.get(row.orgId) ?? []), row]);
  return groups;
}

/** Raw webhook payloads received before `before` are emptied (the row and its metadata stay). */
export async function purgeInboundPayloadsBefore(db: Db, before: Date, limit = 5000): Promise<number> {
  const t = db.t.inboundEvents;
  const old = await db.q
    .select({ id: t.id, orgId: t.orgId })
    .from(t)
    .where(and(lt(t.receivedAt, before), ne(t.payload, "")))
    .limit(limit);
  for (const [orgId, rows] of byOrg(old)) {
    await db.q
      .update(t)
      .set({ payload: "" })
      .where(
        and(
          eq(t.orgId, orgId),
          inArray(
            t.id,
            rows.map((r) => r.id),
          ),
        ),
      );
  }
  return old.length;
}

/** A draft still holding the product app's customer data after the retention window. */
export interface DraftWithCustomerData {
  id: string;
  orgId: string;
  actions: unknown;
}

export async function listDraftsWithCustomerDataBefore(
  db: Db,
  before: Date,
  limit: number,
): Promise<DraftWithCustomerData[]> {
  const t = db.t.drafts;
  return db.q
    .select({ id: t.id, orgId: t.orgId, actions: t.actions })
    .from(t)
    .where(and(lt(t.createdAt, before), isNotNull(t.customer)))
    .limit(limit);
}

/** Drops the draft's customer data and stores its actions as given (already stripped of it). */
export async function clearDraftCustomerData(db: Db, orgId: string, id: string, actions: unknown): Promise<void> {
  const t = db.t.drafts;
  await db.q
    .update(t)
    .set({ customer: null, actions })
    .where(and(eq(t.orgId, orgId), eq(t.id, id)));
}

/** What a purged execution's input becomes: says why it is empty, and marks the row as done. */
export const PURGED_INPUT = { purged: true } as const;

/**
 * Finished action executions last updated before `before` keep what ran, its status, error and
 * idempotency key; their input and result (the customer's address, purchase, amount, the app's
 * answer) are dropped. Running ones are left alone: their input is still needed.
 */
export async function purgeActionExecutionDataBefore(db: Db, before: Date, limit: number): Promise<number> {
  const t = db.t.actionExecutions;
  const old = await db.q
    .select({ id: t.id, orgId: t.orgId })
    .from(t)
    .where(and(lt(t.updatedAt, before), ne(t.status, "running"), sql`json_extract(${t.input}, '$.purged') is null`))
    .limit(limit);
  for (const [orgId, rows] of byOrg(old)) {
    await db.q
      .update(t)
      .set({ input: PURGED_INPUT, result: null })
      .where(
        and(
          eq(t.orgId, orgId),
          inArray(
            t.id,
            rows.map((r) => r.id),
          ),
        ),
      );
  }
  return old.length;
}

/**
 * The engine's memoized step results (a gather step's customer context among them) of runs that
 * completed or were cancelled before `before`: the run row stays, its steps are deleted. Failed
 * runs keep theirs, since a retry replays them rather than repeating a side effect.
 */
export async function purgeFinishedRunStepsBefore(db: Db, before: Date, limit: number): Promise<number> {
  const steps = db.t.engineSteps;
  const runs = db.t.engineRuns;
  const old = await db.q
    .select({ id: steps.id, orgId: steps.orgId })
    .from(steps)
    .innerJoin(runs, eq(runs.id, steps.runId))
    .where(and(lt(runs.finishedAt, before), inArray(runs.status, ["completed", "cancelled"])))
    .limit(limit);
  for (const [orgId, rows] of byOrg(old)) {
    await db.q.delete(steps).where(
      and(
        orgId === null ? isNull(steps.orgId) : eq(steps.orgId, orgId),
        inArray(
          steps.id,
          rows.map((r) => r.id),
        ),
      ),
    );
  }
  return old.length;
}
