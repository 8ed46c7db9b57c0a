import type { WorkflowClient } from "@support/engine";
import { deliverNotification, raiseNotification, reminderNotification } from "../notifications/notify.js";
import type { Platform } from "../service/ports.js";
import { supportEvents } from "./event-types.js";

/** A draft passed its approval SLA: record the reminder (dashboard), then nudge in the card's Slack thread. */
export function notifyReminder(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    { id: "notify-reminder", retries: 5, triggers: [{ event: supportEvents["support/approval.reminded"] }] },
    async ({ event, step }) => {
      const notificationId = await step.run("record", async () => {
        const input = await reminderNotification(platform.db.db, event.data);
        return input ? (await raiseNotification(platform.db, input)).id : null;
      });
      if (!notificationId) return { skipped: "the draft was decided before the reminder" };
      return step.run("tell-slack", () =>
        deliverNotification(platform.db, platform.ports.notifier, event.data.orgId, notificationId),
      );
    },
  );
}
