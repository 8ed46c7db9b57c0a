import type { Database } from "@support/db";
import { deleteFailedEngineSteps, type EngineRunRecord, getEngineRun, updateEngineRun } from "../data/engine-runs.js";

/** Why a run cannot be retried or cancelled: it does not exist (for that organization), or its status forbids it. */
export class EngineRunError extends Error {
  constructor(
    readonly code: "not_found" | "conflict",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Takes a dead-lettered run out of `failed`: it resumes from its memoized steps, and the step
 * that failed for good runs again with fresh attempts. With an organization id, only that
 * organization's run can be retried.
 */
export async function retryRun(database: Database, orgId: string | undefined, runId: string): Promise<EngineRunRecord> {
  return database.transaction(async (tx) => {
    const run = await getEngineRun(tx, orgId, runId);
    if (!run) throw new EngineRunError("not_found", `No run ${runId}.`);
    if (run.status !== "failed")
      throw new EngineRunError("conflict", `Run ${runId} is ${run.status}; only failed runs can be retried.`);
    await deleteFailedEngineSteps(tx, runId);
    const now = new Date();
    await updateEngineRun(
      tx,
      runId,
      { status: "running", attempt: 0, nextRunAt: now, finishedAt: null, leaseOwner: null, leaseUntil: null },
      now,
    );
    return (await getEngineRun(tx, orgId, runId)) as EngineRunRecord;
  });
}

/** Stops a run that has not finished; it is never called again. */
export async function cancelRun(
  database: Database,
  orgId: string | undefined,
  runId: string,
): Promise<EngineRunRecord> {
  return database.transaction(async (tx) => {
    const run = await getEngineRun(tx, orgId, runId);
    if (!run) throw new EngineRunError("not_found", `No run ${runId}.`);
    if (run.status !== "running") throw new EngineRunError("conflict", `Run ${runId} is already ${run.status}.`);
    const now = new Date();
    await updateEngineRun(tx, runId, { status: "cancelled", nextRunAt: null, finishedAt: now }, now);
    return (await getEngineRun(tx, orgId, runId)) as EngineRunRecord;
  });
}
