import { postDailySummaryOnce, summaryOrganizations } from "../../notifications/notify.js";
import type { SupportInngest } from "../client.js";
import type { PipelineContext } from "./pipeline-context.js";

/**
 * At 08:00 UTC: each organization with Slack gets its daily summary, once per day. The day comes
 * from the scheduled event, so a retry (or a run resumed after midnight) keeps the same day key.
 */
export function dailySummary(inngest: SupportInngest, context: PipelineContext) {
  return inngest.createFunction(
    { id: "daily-summary", retries: 3, triggers: [{ cron: "0 8 * * *" }] },
    async ({ event, step }) => {
      const day = await step.run("day", () => new Date(event.ts ?? Date.now()).toISOString().slice(0, 10));
      const orgIds = await step.run("organizations", () => summaryOrganizations(context().database.db));
      const posted = [];
      // One step per organization: one org's Slack failure retries that org alone.
      for (const orgId of orgIds) {
        posted.push(
          await step.run(`summary-${orgId}`, () =>
            postDailySummaryOnce(context().database, context().notifier, orgId, day),
          ),
        );
      }
      return { day, posted };
    },
  );
}
