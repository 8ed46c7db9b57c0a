import type { WorkflowClient } from "@support/engine";
import { requestDailySummaries } from "../notifications/notify.js";
import type { Platform } from "../service/ports.js";

/**
 * At 08:00 UTC: one `support/summary.due` per organization with Slack (`post-daily-summary`
 * posts each). The day comes from the scheduled event, so a retry (or a run resumed after
 * midnight) keeps the same day key, and each summary is posted at most once per day.
 */
export function dailySummary(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    { id: "daily-summary", retries: 3, triggers: [{ cron: "0 8 * * *" }] },
    async ({ event, step }) => {
      const day = await step.run("day", () => new Date(event.ts ?? Date.now()).toISOString().slice(0, 10));
      const organizations = await step.run("fan-out", () => requestDailySummaries(platform, day));
      return { day, organizations };
    },
  );
}
