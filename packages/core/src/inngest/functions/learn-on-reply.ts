import type { WorkflowClient } from "@support/engine";
import { learnFromSentDraft } from "../../knowledge/learn.js";
import { supportEvents } from "../events.js";
import { conversationConcurrency } from "./concurrency.js";
import type { PipelineContext } from "./pipeline-context.js";

/** A human-approved reply went out: learn it as a resolved conversation (personal data redacted). */
export function learnOnReply(inngest: WorkflowClient, context: PipelineContext) {
  return inngest.createFunction(
    {
      id: "learn-on-reply",
      retries: 3,
      concurrency: conversationConcurrency(),
      triggers: [{ event: supportEvents["support/reply.sent"] }],
    },
    async ({ event, step }) =>
      step.run("learn", async () => ({
        sourceId: (await learnFromSentDraft(context(), event.data.orgId, event.data.draftId)) ?? null,
      })),
  );
}
