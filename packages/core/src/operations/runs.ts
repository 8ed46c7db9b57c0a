import type { RunStatus, WorkflowRunView } from "@support/contract";
import { EngineRunError, type EngineRunRecord, listEngineRuns, retryRun } from "@support/engine";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

export function publicRun(run: EngineRunRecord): WorkflowRunView {
  return {
    id: run.id,
    functionId: run.functionId,
    status: run.status,
    attempt: run.attempt,
    maxAttempts: run.maxAttempts,
    lastError: run.lastError,
    lastStep: run.lastStep,
    event: run.event as { name: string },
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The organization's workflow runs, newest first; the dead letter is `failed`. */
export async function listWorkflowRuns(
  ctx: ServiceContext,
  query: { status?: RunStatus; limit: number },
): Promise<WorkflowRunView[]> {
  return (await listEngineRuns(ctx.db, ctx.org.id, query)).map(publicRun);
}

/** Retries a dead-lettered run from its last completed step (admins only); a missing or unfinished run is a typed error. */
export async function retryWorkflowRun(ctx: ServiceContext, runId: string): Promise<WorkflowRunView> {
  requireRole(ctx, "admin");
  try {
    return publicRun(await retryRun(ctx.db, ctx.org.id, runId));
  } catch (error) {
    if (error instanceof EngineRunError) throw new AppError(error.code, error.message);
    throw error;
  }
}
