import type { WorkflowClient } from "@support/engine";
import { sweepDrafts } from "../../drafts/sweep.js";
import type { PipelineContext } from "./pipeline-context.js";

/** Every 15 minutes: approval reminders, SLA escalations, expiry and payload retention. */
export function sweep(inngest: WorkflowClient, context: PipelineContext) {
  return inngest.createFunction({ id: "sweep", retries: 2, triggers: [{ cron: "*/15 * * * *" }] }, async ({ step }) =>
    step.run("sweep", () => sweepDrafts(context().database, { retentionDays: context().retentionDays })),
  );
}
