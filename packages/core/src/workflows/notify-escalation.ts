import type { WorkflowClient } from "@support/engine";
import { deliverNotification, escalationNotification, raiseNotification } from "../notifications/notify.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
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
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      const notificationId = await step.run("record", async () => {
        const input = await escalationNotification(ctx, event.data);
        return (await raiseNotification(ctx, input)).id;
      });
      return step.run("tell-slack", () => deliverNotification(ctx, notificationId));
    },
  );
}
