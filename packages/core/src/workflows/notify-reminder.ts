import type { WorkflowClient } from "@support/engine";
import { deliverNotification, raiseNotification, reminderNotification } from "../notifications/notify.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { supportEvents } from "./event-types.js";

/** A draft passed its approval SLA: record the reminder (dashboard), then nudge in the card's Slack thread. */
export function notifyReminder(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    { id: "notify-reminder", retries: 5, triggers: [{ event: supportEvents["support/approval.reminded"] }] },
    async ({ event, step }) => {
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      const notificationId = await step.run("record", async () => {
        const input = await reminderNotification(ctx, event.data);
        return input ? (await raiseNotification(ctx, input)).id : null;
      });
      if (!notificationId) return { skipped: "the draft was decided before the reminder" };
      return step.run("tell-slack", () => deliverNotification(ctx, notificationId));
    },
  );
}
