import type { WorkflowClient } from "@support/engine";
import { recordTeammateReply } from "../../drafts/teammate-reply.js";
import { supportEvents } from "../events.js";
import { conversationConcurrency } from "./concurrency.js";
import type { PipelineContext } from "./pipeline-context.js";

/** A teammate answered in the channel: pending drafts are withdrawn with the draft-vs-sent outcome. */
export function teammateReply(inngest: WorkflowClient, context: PipelineContext) {
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
        recordTeammateReply(context().database, event.data.orgId, event.data.conversationId, event.data.messageId),
      ),
  );
}
