import type { WorkflowClient } from "@support/engine";
import { deliverNotification, raiseNotification, reminderNotification } from "../../notifications/notify.js";
import { supportEvents } from "../events.js";
import type { PipelineContext } from "./pipeline-context.js";

/** A draft passed its approval SLA: record the reminder (dashboard), then nudge in the card's Slack thread. */
export function notifyReminder(inngest: WorkflowClient, context: PipelineContext) {
  return inngest.createFunction(
    { id: "notify-reminder", retries: 5, triggers: [{ event: supportEvents["support/approval.reminded"] }] },
    async ({ event, step }) => {
      const notificationId = await step.run("record", async () => {
        const input = await reminderNotification(context().database.db, event.data);
        return input ? (await raiseNotification(context().database, input)).id : null;
      });
      if (!notificationId) return { skipped: "the draft was decided before the reminder" };
      return step.run("tell-slack", () =>
        deliverNotification(context().database, context().notifier, event.data.orgId, notificationId),
      );
    },
  );
}
