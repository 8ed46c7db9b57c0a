import type { WorkflowClient } from "@support/engine";
import { tellCustomerAPersonWillAnswer } from "../delivery/handoff-notice.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";
import { failPermanently } from "./permanent-failures.js";

/** A conversation went to a person: the customer learns when to expect an answer (when the app asks for it). */
export function tellCustomerOnEscalation(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "tell-customer-on-escalation",
      retries: 5,
      concurrency: conversationConcurrency(),
      triggers: [{ event: supportEvents["support/conversation.escalated"] }],
    },
    async ({ event, step }) => {
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      return step.run("tell-customer", () =>
        failPermanently(async () => {
          const delivery = await tellCustomerAPersonWillAnswer(ctx, {
            conversationId: event.data.conversationId,
            draftId: event.data.draftId,
          });
          return { status: delivery?.status ?? "not_configured" };
        }),
      );
    },
  );
}
