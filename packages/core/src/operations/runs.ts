import type { Database } from "@support/db";
import { EngineRunError, type EngineRunRecord, retryRun } from "@support/engine";
import { AppError } from "../errors.js";

/** Retries an organization's dead-lettered workflow run; a missing or unfinished run is a typed error. */
export async function retryWorkflowRun(database: Database, orgId: string, runId: string): Promise<EngineRunRecord> {
  try {
    return await retryRun(database, orgId, runId);
  } catch (error) {
    if (error instanceof EngineRunError) throw new AppError(error.code, error.message);
    throw error;
  }
}
