import type { WorkflowClient } from "@support/engine";
import { deliverNotification, raiseNotification, replyFailedNotification } from "../../notifications/notify.js";
import { supportEvents } from "../events.js";
import type { PipelineContext } from "./pipeline-context.js";

/** An approved reply failed after its last retry: the customer has no answer, so a person must know. */
export function notifyReplyFailed(inngest: WorkflowClient, context: PipelineContext) {
  return inngest.createFunction(
    { id: "notify-reply-failed", retries: 5, triggers: [{ event: supportEvents["support/reply.failed"] }] },
    async ({ event, step }) => {
      const notificationId = await step.run("record", async () => {
        const input = await replyFailedNotification(context().database.db, event.data);
        return (await raiseNotification(context().database, input)).id;
      });
      return step.run("tell-slack", () =>
        deliverNotification(context().database, context().notifier, event.data.orgId, notificationId),
      );
    },
  );
}
