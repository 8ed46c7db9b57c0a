import type { WorkflowClient } from "@support/engine";
import { postDailySummaryOnce } from "../../notifications/notify.js";
import { supportEvents } from "../events.js";
import type { PipelineContext } from "./pipeline-context.js";

/**
 * One organization's daily summary, posted at most once per day: a run of its own, so a Slack
 * failure retries this organization alone and lands in its dead letter (`skill runs list`).
 */
export function postDailySummary(inngest: WorkflowClient, context: PipelineContext) {
  return inngest.createFunction(
    { id: "post-daily-summary", retries: 3, triggers: [{ event: supportEvents["support/summary.due"] }] },
    async ({ event, step }) =>
      step.run("post", () =>
        postDailySummaryOnce(context().database, context().notifier, event.data.orgId, event.data.day),
      ),
  );
}
