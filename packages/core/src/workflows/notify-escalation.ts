import type { WorkflowClient } from "@support/engine";
import { deliverNotification, escalationNotification, raiseNotification } from "../notifications/notify.js";
import type { Platform } from "../service/ports.js";
import { supportEvents } from "./event-types.js";

/**
 * A conversation was handed to a person (SLA, triage `needsHuman`, a teammate, a rejection):
 * record it for the dashboard's "Needs attention", then post it in the Slack channel.
 */
export function notifyEscalation(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    { id: "notify-escalation", retries: 5, triggers: [{ event: supportEvents["support/conversation.escalated"] }] },
    async ({ event, step }) => {
      const notificationId = await step.run("record", async () => {
        const input = await escalationNotification(platform.db.db, event.data);
        return (await raiseNotification(platform.db, input)).id;
      });
      return step.run("tell-slack", () =>
        deliverNotification(platform.db, platform.ports.notifier, event.data.orgId, notificationId),
      );
    },
  );
}
