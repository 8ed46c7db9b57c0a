import type { WorkflowClient } from "@support/engine";
import { recordTeammateReply } from "../review/teammate-reply.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";

/** A teammate answered in the channel: pending drafts are withdrawn with the draft-vs-sent outcome. */
export function teammateReply(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "record-teammate-reply",
      retries: 4,
      concurrency: conversationConcurrency(),
      triggers: [
        {
          event: supportEvents["support/message.received"],
          if: "event.data.direction == 'outbound' && event.data.authorKind == 'agent'",
        },
      ],
    },
    async ({ event, step }) =>
      step.run("record-outcome", () =>
        recordTeammateReply(
          serviceContext(platform, event.data.orgId, WORKFLOW),
          event.data.conversationId,
          event.data.messageId,
        ),
      ),
  );
}
