import type { WorkflowClient } from "@support/engine";
import { deliverNotification, escalationNotification, raiseNotification } from "../../notifications/notify.js";
import { supportEvents } from "../events.js";
import type { PipelineContext } from "./pipeline-context.js";

/**
 * A conversation was handed to a person (SLA, triage `needsHuman`, a teammate, a rejection):
 * record it for the dashboard's "Needs attention", then post it in the Slack channel.
 */
export function notifyEscalation(inngest: WorkflowClient, context: PipelineContext) {
  return inngest.createFunction(
    { id: "notify-escalation", retries: 5, triggers: [{ event: supportEvents["support/conversation.escalated"] }] },
    async ({ event, step }) => {
      const notificationId = await step.run("record", async () => {
        const input = await escalationNotification(context().database.db, event.data);
        return (await raiseNotification(context().database, input)).id;
      });
      return step.run("tell-slack", () =>
        deliverNotification(context().database, context().notifier, event.data.orgId, notificationId),
      );
    },
  );
}
