import { retryWorkflowRun } from "@support/core";
import { type EngineRunStatus, listEngineRuns } from "@support/engine";
import type { Product } from "@support/product";
import { resolveOrg } from "./org.js";
import type { RunsBackend } from "./runs.js";

export function localRuns(runtime: Product, org?: string): RunsBackend {
  const orgId = async () => (await resolveOrg(runtime, org)).id;
  return {
    list: async (status) =>
      listEngineRuns(runtime.database.db, await orgId(), { status: status as EngineRunStatus | undefined, limit: 100 }),
    retry: async (id) => retryWorkflowRun(runtime.database, await orgId(), id),
  };
}
