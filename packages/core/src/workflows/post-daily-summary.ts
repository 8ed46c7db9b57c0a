import type { WorkflowClient } from "@support/engine";
import { postDailySummaryOnce } from "../notifications/notify.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { supportEvents } from "./event-types.js";

/**
 * One organization's daily summary, posted at most once per day: a run of its own, so a Slack
 * failure retries this organization alone and lands in its dead letter (`skill runs list`).
 */
export function postDailySummary(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    { id: "post-daily-summary", retries: 3, triggers: [{ event: supportEvents["support/summary.due"] }] },
    async ({ event, step }) =>
      step.run("post", () =>
        postDailySummaryOnce(serviceContext(platform, event.data.orgId, WORKFLOW), event.data.day),
      ),
  );
}
