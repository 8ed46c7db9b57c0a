import type { WorkflowClient } from "@support/engine";
import { settleApprovedActions } from "../review/approved-actions.js";
import { sendApprovedDraft } from "../review/send-approved.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";
import { failPermanently } from "./permanent-failures.js";

/**
 * A draft was approved (by a person or by autonomy): run its approved actions, each exactly
 * once, then send it through its channel. The draft id is the delivery's idempotency key, so a
 * retried step never reaches the customer twice. A failed action withholds the reply and hands
 * the draft back to a person; a draft that does not exist fails the run at once (nothing to retry).
 */
export function sendOnApproval(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "send-on-approval",
      retries: 5,
      concurrency: conversationConcurrency(),
      triggers: [{ event: supportEvents["support/draft.approved"] }],
    },
    async ({ event, step }) => {
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      const { draftId } = event.data;
      const actions = await step.run("execute-actions", () =>
        failPermanently(() => settleApprovedActions(ctx, draftId)),
      );
      if (actions.failed) return { status: "pending_approval", failedAction: actions.failed };
      return step.run("send", () =>
        failPermanently(async () => {
          const draft = await sendApprovedDraft(ctx, draftId);
          return { status: draft.status, deliveryId: draft.deliveryId };
        }),
      );
    },
  );
}
