import type { WorkflowClient } from "@support/engine";
import { learnFromSentDraft } from "../knowledge/learn.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";

/** A human-approved reply went out: learn it as a resolved conversation (personal data redacted). */
export function learnOnReply(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "learn-on-reply",
      retries: 3,
      concurrency: conversationConcurrency(),
      triggers: [{ event: supportEvents["support/reply.sent"] }],
    },
    async ({ event, step }) =>
      step.run("learn", async () => ({
        sourceId:
          (await learnFromSentDraft(serviceContext(platform, event.data.orgId, WORKFLOW), event.data.draftId)) ?? null,
      })),
  );
}
