import type { RunStatus } from "@support/contract";
import { listWorkflowRuns, retryWorkflowRun } from "@support/core";
import type { Product } from "@support/product";
import { localContext } from "./org.js";
import type { RunsBackend } from "./runs.js";

export function localRuns(runtime: Product, org?: string): RunsBackend {
  const ctx = () => localContext(runtime, org);
  return {
    list: async (status) => listWorkflowRuns(await ctx(), { status: status as RunStatus | undefined, limit: 100 }),
    retry: async (id) => retryWorkflowRun(await ctx(), id),
  };
}
