import type { WorkflowClient } from "@support/engine";
import { deliverNotification, raiseNotification, replyFailedNotification } from "../notifications/notify.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { supportEvents } from "./event-types.js";

/** An approved reply failed after its last retry: the customer has no answer, so a person must know. */
export function notifyReplyFailed(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    { id: "notify-reply-failed", retries: 5, triggers: [{ event: supportEvents["support/reply.failed"] }] },
    async ({ event, step }) => {
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      const notificationId = await step.run("record", async () => {
        const input = await replyFailedNotification(ctx, event.data);
        return (await raiseNotification(ctx, input)).id;
      });
      return step.run("tell-slack", () => deliverNotification(ctx, notificationId));
    },
  );
}
