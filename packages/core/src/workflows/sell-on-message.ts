import type { WorkflowClient } from "@support/engine";
import { followUpSale } from "../commerce/conversation-sales.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";

const received = supportEvents["support/message.received"];

/**
 * A customer wrote to a shop: follow the sale (lead, quote from the quantities asked, the order
 * when a sent quote is accepted). Beside drafting, which writes the reply: this sends the quote
 * document and tells the shop. One step, idempotent inside (quote per message, keyed deliveries
 * and notifications), so a retry repeats nothing.
 */
export function sellOnMessage(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "sell-on-message",
      retries: 4,
      concurrency: conversationConcurrency(),
      triggers: [{ event: received, if: "event.data.direction == 'inbound' && event.data.authorKind == 'customer'" }],
    },
    async ({ event, step }) => {
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      const { conversationId, messageId } = event.data;
      return step.run("sale", () => followUpSale(ctx, { conversationId, messageId }));
    },
  );
}
