import type { Db } from "@support/db";
import { newId } from "@support/db";
import type { engineRuns, engineSteps, engineWaits } from "@support/db/schema";
import { and, asc, desc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";

export type EngineRunRecord = typeof engineRuns.$inferSelect;
export type EngineStepRecord = typeof engineSteps.$inferSelect;
export type EngineWaitRecord = typeof engineWaits.$inferSelect;
export type EngineRunStatus = "running" | "completed" | "failed" | "cancelled";

/** A memoized step as the serve protocol replays it: its data, or the error it finally failed with. */
export type StepResult = { data: unknown } | { error: unknown };

export interface NewEngineRun {
  functionId: string;
  eventId: string;
  event: Record<string, unknown>;
  orgId: string | null;
  maxAttempts: number;
}

/**
 * Creates the run of a function for an event, once: the unique (function, event) pair makes a
 * second delivery of the same event, or a crash between creating runs and marking the event
 * processed, a no-op. Returns the run id, or undefined when it already existed.
 */
export async function createEngineRun(db: Db, input: NewEngineRun, now: Date): Promise<string | undefined> {
  const existing = await findRunForEvent(db, input.functionId, input.eventId);
  if (existing) return undefined;
  const id = newId("run", now.getTime());
  try {
    await db.q.insert(db.t.engineRuns).values({
      id,
      ...input,
      status: "running",
      attempt: 0,
      failures: 0,
      lastError: null,
      lastStep: null,
      output: null,
      nextRunAt: now,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    });
    return id;
  } catch (error) {
    if (await findRunForEvent(db, input.functionId, input.eventId)) return undefined;
    throw error;
  }
}

async function findRunForEvent(db: Db, functionId: string, eventId: string) {
  const rows = await db.q
    .select({ id: db.t.engineRuns.id })
    .from(db.t.engineRuns)
    .where(and(eq(db.t.engineRuns.functionId, functionId), eq(db.t.engineRuns.eventId, eventId)))
    .limit(1);
  return rows[0];
}

/** Runs whose next call is due and that no live worker holds (infrastructure: every organization). */
export async function dueEngineRuns(db: Db, now: Date, limit: number): Promise<EngineRunRecord[]> {
  const r = db.t.engineRuns;
  return db.q
    .select()
    .from(r)
    .where(and(eq(r.status, "running"), lte(r.nextRunAt, now), or(isNull(r.leaseUntil), lt(r.leaseUntil, now))))
    .orderBy(asc(r.nextRunAt), asc(r.id))
    .limit(limit);
}

/**
 * Takes the run for one worker until `until`. The conditional update decides between racing
 * workers (or processes); reading the owner back tells this one whether it won. A worker that
 * dies leaves a lease that simply expires, and the run is picked up again.
 */
export async function leaseEngineRun(
  db: Db,
  runId: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<EngineRunRecord | undefined> {
  const r = db.t.engineRuns;
  await db.q
    .update(r)
    .set({ leaseOwner: owner, leaseUntil: until })
    .where(and(eq(r.id, runId), eq(r.status, "running"), or(isNull(r.leaseUntil), lt(r.leaseUntil, now))));
  const run = await getEngineRun(db, undefined, runId);
  return run?.leaseOwner === owner && run.leaseUntil?.getTime() === until.getTime() ? run : undefined;
}

export type EngineRunUpdate = Partial<
  Pick<
    EngineRunRecord,
    | "status"
    | "attempt"
    | "failures"
    | "lastError"
    | "lastStep"
    | "output"
    | "nextRunAt"
    | "leaseOwner"
    | "leaseUntil"
    | "finishedAt"
  >
>;

export async function updateEngineRun(db: Db, runId: string, update: EngineRunUpdate, now: Date): Promise<void> {
  await db.q
    .update(db.t.engineRuns)
    .set({ ...update, updatedAt: now })
    .where(eq(db.t.engineRuns.id, runId));
}

/** A run by id; with an organization id, only that organization's run. */
export async function getEngineRun(db: Db, orgId: string | undefined, runId: string) {
  const r = db.t.engineRuns;
  const rows = await db.q
    .select()
    .from(r)
    .where(orgId === undefined ? eq(r.id, runId) : and(eq(r.orgId, orgId), eq(r.id, runId)))
    .limit(1);
  return rows[0];
}

export async function listEngineRuns(
  db: Db,
  orgId: string,
  filter: { status?: EngineRunStatus; functionId?: string; limit?: number } = {},
): Promise<EngineRunRecord[]> {
  const r = db.t.engineRuns;
  return db.q
    .select()
    .from(r)
    .where(
      and(
        eq(r.orgId, orgId),
        filter.status ? eq(r.status, filter.status) : undefined,
        filter.functionId ? eq(r.functionId, filter.functionId) : undefined,
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(filter.limit ?? 100);
}

/** The memoized steps of a run in the order they completed (ids are time-ordered). */
export async function engineRunSteps(db: Db, runId: string): Promise<EngineStepRecord[]> {
  return db.q
    .select()
    .from(db.t.engineSteps)
    .where(eq(db.t.engineSteps.runId, runId))
    .orderBy(asc(db.t.engineSteps.id));
}

/**
 * Memoizes a step. The unique (run, step) pair means a step resolved twice (a wait matched by an
 * event while its timeout fires) keeps the first result: returns false for the loser.
 */
export async function recordEngineStep(
  db: Db,
  step: { runId: string; orgId: string | null; stepId: string; name: string; result: StepResult },
  now: Date,
): Promise<boolean> {
  const known = await db.q
    .select({ id: db.t.engineSteps.id })
    .from(db.t.engineSteps)
    .where(and(eq(db.t.engineSteps.runId, step.runId), eq(db.t.engineSteps.stepId, step.stepId)))
    .limit(1);
  if (known.length > 0) return false;
  await db.q.insert(db.t.engineSteps).values({ id: newId("runStep", now.getTime()), ...step, createdAt: now });
  return true;
}

/** Forgets the steps that failed for good, so a retried run runs them again. */
export async function deleteFailedEngineSteps(db: Db, runId: string): Promise<void> {
  const steps = await engineRunSteps(db, runId);
  for (const step of steps) {
    if (step.result && typeof step.result === "object" && "error" in step.result) {
      await db.q.delete(db.t.engineSteps).where(eq(db.t.engineSteps.id, step.id));
    }
  }
}

export async function createEngineWait(
  db: Db,
  wait: {
    runId: string;
    orgId: string | null;
    stepId: string;
    kind: "sleep" | "event";
    eventName: string | null;
    expression: string | null;
    expiresAt: Date;
  },
  now: Date,
): Promise<void> {
  const existing = await db.q
    .select({ id: db.t.engineWaits.id })
    .from(db.t.engineWaits)
    .where(and(eq(db.t.engineWaits.runId, wait.runId), eq(db.t.engineWaits.stepId, wait.stepId)))
    .limit(1);
  if (existing.length > 0) return;
  await db.q
    .insert(db.t.engineWaits)
    .values({ id: newId("runWait", now.getTime()), ...wait, createdAt: now, resolvedAt: null });
}

/** Open waits for an event name, oldest first (infrastructure: every organization). */
export async function openEngineWaitsFor(db: Db, eventName: string): Promise<EngineWaitRecord[]> {
  const w = db.t.engineWaits;
  return db.q
    .select()
    .from(w)
    .where(and(eq(w.kind, "event"), eq(w.eventName, eventName), isNull(w.resolvedAt)))
    .orderBy(asc(w.createdAt), asc(w.id));
}

/** The run's unresolved sleeps and waits, soonest expiry first. */
export async function openEngineWaitsOfRun(db: Db, runId: string): Promise<EngineWaitRecord[]> {
  const w = db.t.engineWaits;
  return db.q
    .select()
    .from(w)
    .where(and(eq(w.runId, runId), isNull(w.resolvedAt)))
    .orderBy(asc(w.expiresAt));
}

export async function markEngineWaitResolved(db: Db, waitId: string, at: Date): Promise<void> {
  await db.q.update(db.t.engineWaits).set({ resolvedAt: at }).where(eq(db.t.engineWaits.id, waitId));
}

/** Keeps a worker's runs leased while their calls are in flight (its heartbeat). */
export async function extendEngineLeases(db: Db, owner: string, runIds: string[], until: Date): Promise<void> {
  if (runIds.length === 0) return;
  const r = db.t.engineRuns;
  await db.q
    .update(r)
    .set({ leaseUntil: until })
    .where(and(eq(r.leaseOwner, owner), inArray(r.id, runIds)));
  await db.q
    .update(db.t.engineConcurrencySlots)
    .set({ leaseUntil: until })
    .where(inArray(db.t.engineConcurrencySlots.runId, runIds));
}

/**
 * Moves the open waits of an organization's runs (sleeps, timeouts) to end at `to`, and their
 * runs' next turn with them: the clock reaching them, for tests of what a timeout does.
 */
export async function advanceEngineWaits(db: Db, orgId: string, to: Date): Promise<number> {
  const w = db.t.engineWaits;
  const open = await db.q
    .select()
    .from(w)
    .where(and(eq(w.orgId, orgId), isNull(w.resolvedAt)));
  if (open.length === 0) return 0;
  await db.q
    .update(w)
    .set({ expiresAt: to })
    .where(
      inArray(
        w.id,
        open.map((wait) => wait.id),
      ),
    );
  await db.q
    .update(db.t.engineRuns)
    .set({ nextRunAt: to })
    .where(
      inArray(
        db.t.engineRuns.id,
        open.map((wait) => wait.runId),
      ),
    );
  return open.length;
}
